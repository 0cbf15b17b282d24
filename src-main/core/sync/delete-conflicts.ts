import type { Transaction } from 'kysely'
import type { DB } from '../db/schema'
import type { SyncedSavesTable } from '../trash/trash.table'
import { HQ_OWNED_TABLES, type LoggedMessage } from './wire/sync-wire.contract'
import { isSyncedTable } from './synced-tables'
import { nodeOfHlc } from './sync-directory'

/**
 * Deletes that tell. A delete and an edit of one record made without seeing each other are a conflict:
 * the record stays deleted (its tombstone is an ordinary field, last writer wins) and the edit's values
 * stay in the row, so a restore brings them back; the pair is recorded for the Sync screen.
 *
 * "Without seeing" is decided from HQ's order alone, so every laptop records the same pairs whatever
 * order it learnt them in: of the two saves, the one HQ logged later (higher sequence) had not seen the
 * earlier one when its writer's pull cursor (`seen`) was below the earlier one's sequence; the earlier
 * one cannot have seen a save HQ did not have yet. Pages arrive in sequence order, and a laptop's own
 * saves count once HQ echoes them back with their sequence, so each pair is judged when its later save
 * arrives, against the saves already placed.
 */

/** Columns every save writes; a save touching only these is not an edit a buyer would miss. */
const NOT_EDITS = new Set(['created_at', 'updated_at', 'deleted_at'])

// Keeps the IN lists under SQLite's bound-parameter limit.
const CHUNK = 400

type Save = SyncedSavesTable

const rowKey = (table: string, row: string) => `${table}\u0000${row}`

/** Whether a message belongs to a record a laptop can delete and restore. */
function watched(m: LoggedMessage): m is LoggedMessage & { seen: number } {
  return m.seen !== undefined && isSyncedTable(m.table) && !HQ_OWNED_TABLES.includes(m.table)
}

async function loadSaves(
  trx: Transaction<DB>,
  messages: readonly LoggedMessage[],
): Promise<Map<string, Save[]>> {
  const rowsByTable = new Map<string, Set<string>>()
  for (const m of messages) {
    let rows = rowsByTable.get(m.table)
    if (!rows) rowsByTable.set(m.table, (rows = new Set()))
    rows.add(m.row)
  }
  const saves = new Map<string, Save[]>()
  for (const [table, rowSet] of rowsByTable) {
    const rows = [...rowSet]
    for (let i = 0; i < rows.length; i += CHUNK) {
      const found = await trx
        .selectFrom('synced_saves')
        .selectAll()
        .where('table_name', '=', table)
        .where('row_id', 'in', rows.slice(i, i + CHUNK))
        .execute()
      for (const save of found) {
        const key = rowKey(save.table_name, save.row_id)
        const list = saves.get(key)
        if (list) list.push(save)
        else saves.set(key, [save])
      }
    }
  }
  return saves
}

/** The save whose deleted_at stands among those HQ ordered so far (last writer wins by HLC). */
function standingDeletion(saves: readonly Save[]): Save | null {
  let standing: Save | null = null
  for (const s of saves) if (s.deleted !== null && (!standing || s.hlc > standing.hlc)) standing = s
  return standing
}

/**
 * Places the page's saves in HQ's order and records the delete conflicts they complete, inside the
 * page's transaction. `messages` are every message of the page newer than the cursor, this laptop's
 * own echoes included, oldest first. Returns the conflicts newly recorded.
 */
export async function recordDeleteConflicts(
  trx: Transaction<DB>,
  messages: readonly LoggedMessage[],
  recordedAt: string,
): Promise<number> {
  const relevant = messages.filter(watched)
  if (relevant.length === 0) return 0
  const saves = await loadSaves(trx, relevant)
  const touched = new Map<string, Save>()
  const pairs: { table_name: string; row_id: string; delete_hlc: string; edit_hlc: string }[] = []
  for (const m of relevant) {
    const key = rowKey(m.table, m.row)
    let list = saves.get(key)
    if (!list) saves.set(key, (list = []))
    let save = list.find((s) => s.hlc === m.hlc)
    if (!save) {
      save = {
        table_name: m.table,
        row_id: m.row,
        hlc: m.hlc,
        seq: m.seq,
        seen: m.seen,
        deleted: null,
        edits: 0,
      }
      list.push(save)
    }
    touched.set(`${key}\u0000${m.hlc}`, save)
    const node = nodeOfHlc(m.hlc)
    const unseenBy = (later: { seen: number }, earlier: Save) =>
      earlier.seq < m.seq && earlier.seq > later.seen && nodeOfHlc(earlier.hlc) !== node
    if (m.column === 'deleted_at') {
      save.deleted = m.value === 'null' ? 0 : 1
      // A delete that had not seen earlier edits of the record.
      if (save.deleted === 1) {
        for (const other of list) {
          if (other.edits === 1 && unseenBy(m, other)) {
            pairs.push({ table_name: m.table, row_id: m.row, delete_hlc: m.hlc, edit_hlc: other.hlc })
          }
        }
      }
    } else if (!NOT_EDITS.has(m.column)) {
      save.edits = 1
      // An edit that had not seen the delete standing before it.
      const standing = standingDeletion(list.filter((s) => s !== save))
      if (standing?.deleted === 1 && unseenBy(m, standing)) {
        pairs.push({ table_name: m.table, row_id: m.row, delete_hlc: standing.hlc, edit_hlc: m.hlc })
      }
    }
  }
  // The saves were merged with their stored state above: what is written is final.
  const placed = [...touched.values()]
  for (let i = 0; i < placed.length; i += 100) {
    await trx
      .insertInto('synced_saves')
      .values(placed.slice(i, i + 100))
      .onConflict((oc) =>
        oc.columns(['table_name', 'row_id', 'hlc']).doUpdateSet((eb) => ({
          deleted: eb.ref('excluded.deleted'),
          edits: eb.ref('excluded.edits'),
        })),
      )
      .execute()
  }
  let recorded = 0
  for (const pair of pairs) {
    const inserted = await trx
      .insertInto('delete_conflicts')
      .values({ ...pair, recorded_at: recordedAt })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    recorded += Number(inserted.numInsertedOrUpdatedRows ?? 0)
  }
  return recorded
}
