import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StartupRefusal } from '../core/guard/startup-check'
import { storageError } from '../core/guard/storage-errors'

/**
 * One app per data folder: two processes writing one SQLite file are safe for SQLite, but not for the
 * app (two sync runners, two clocks with one node id, an archive swapped under the other). The lock is
 * a file naming the holder's pid, created exclusively; a lock left by a process that no longer runs
 * (a crash, kill -9) is taken over.
 */

export const LOCK_FILE = 'workbench.lock'

interface LockContent {
  pid: number
  host: string
  startedAt: string
}

function readLock(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent>
    return typeof parsed.pid === 'number' && Number.isInteger(parsed.pid)
      ? (parsed as LockContent)
      : undefined
  } catch {
    return undefined
  }
}

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface DataLock {
  /** Removes the lock file if it is still ours. */
  release(): void
}

/** Takes the data folder's lock or throws a StartupRefusal naming the process that holds it. */
export function acquireDataLock(dataDir: string, host: string): DataLock {
  const file = join(dataDir, LOCK_FILE)
  const mine: LockContent = { pid: process.pid, host, startedAt: new Date().toISOString() }
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    throw storageError(error) ?? error
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' })
      return {
        release: () => {
          if (readLock(file)?.pid === process.pid) unlinkSync(file)
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError(error) ?? error
    }
    const holder = readLock(file)
    if (holder && isRunning(holder.pid)) {
      const params = { pid: holder.pid, host: holder.host, since: holder.startedAt, dataDir }
      throw new StartupRefusal(
        'locked',
        'errors.startup.locked',
        `另一个工作台（进程 ${holder.pid}，${holder.host}，自 ${holder.startedAt} 起）正在使用这个数据文件夹：${dataDir}。请先关闭它。\n` +
          `Another Sourcing Workbench (pid ${holder.pid}, ${holder.host}, since ${holder.startedAt}) is using this data folder: ${dataDir}. Close it first.`,
        params,
      )
    }
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over. If another
    // starting process takes it first, the second attempt sees that one and refuses.
    try {
      // Only the stale lock we read: one another starting process has just written stays.
      if (readLock(file)?.pid === holder?.pid) unlinkSync(file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  throw new Error(`could not take the lock ${file}`)
}
