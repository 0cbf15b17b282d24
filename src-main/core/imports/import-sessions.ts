import { randomUUID } from 'node:crypto'
import { AppError } from '../api/errors'
import type { ImportProgress } from './imports.contract'
import type { ParsedTable } from './read-table'

/**
 * Uploaded spreadsheets waiting for the user's confirmation, in memory only: nothing about an import
 * touches the database before its commit. A few are kept (least recently used go first, never one that
 * is running), each forgotten an hour after its last use.
 */

const MAX_SESSIONS = 4
const IDLE_MS = 60 * 60 * 1000

/** One uploaded spreadsheet and the state of its commit. */
export interface ImportSession {
  /** The import id the calls name. */
  id: string
  /** The name the file had on the user's disk. */
  fileName: string
  table: ParsedTable
  /** Wall-clock ms of the last call that named it. */
  lastUsed: number
  /** The latest validation, reused by a commit with the same kind, header row and mapping. */
  validated: { key: string; value: unknown } | null
  /**
   * What each row duplicated when the buyer last saw the preview (a validation key and, per row, what
   * it matched): the commit refuses when the database says otherwise by then.
   */
  previewed: { key: string; duplicates: ReadonlyMap<number, string> } | null
  /** The commit's progress, read by imports.progress without touching the database. */
  progress: ImportProgress
  /** Set by imports.cancel; the running commit checks it between batches and rolls back. */
  cancelRequested: boolean
}

export interface ImportSessions {
  /** Keeps a freshly read table and returns its session. */
  add(fileName: string, table: ParsedTable): ImportSession
  /** The session of an import id; throws 'errors.import.expired' when it is gone. */
  get(id: string): ImportSession
  /** Forgets a session unless its commit is running. */
  discard(id: string): void
}

export function createImportSessions(now: () => number = Date.now): ImportSessions {
  const sessions = new Map<string, ImportSession>()

  const prune = () => {
    const idle = [...sessions.values()]
      .filter((s) => s.progress.state !== 'running')
      .sort((a, b) => a.lastUsed - b.lastUsed)
    for (const session of idle) {
      if (sessions.size < MAX_SESSIONS && now() - session.lastUsed < IDLE_MS) continue
      sessions.delete(session.id)
    }
  }

  return {
    add(fileName, table) {
      prune()
      const session: ImportSession = {
        id: randomUUID(),
        fileName,
        table,
        lastUsed: now(),
        validated: null,
        previewed: null,
        progress: { state: 'idle', done: 0, total: 0 },
        cancelRequested: false,
      }
      sessions.set(session.id, session)
      return session
    },
    get(id) {
      const session = sessions.get(id)
      if (!session || (session.progress.state !== 'running' && now() - session.lastUsed >= IDLE_MS)) {
        sessions.delete(id)
        throw new AppError('not_found', 'errors.import.expired', `no uploaded spreadsheet ${id}`, [
          { path: ['importId'], messageKey: 'errors.import.expired' },
        ])
      }
      session.lastUsed = now()
      return session
    },
    discard(id) {
      const session = sessions.get(id)
      if (session && session.progress.state !== 'running') sessions.delete(id)
    },
  }
}
