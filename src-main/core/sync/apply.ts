import type { Insertable, Kysely, Transaction } from 'kysely'
import type { LoggedMessage } from './wire/sync-wire.contract'
import type { DB } from '../db/schema'
import type { HlcClock } from './hlc'
import { writeRemoteRows, type RemoteRowWrite } from '../write/write-path'
import { keepCursorMark } from './hq-identity'
import { readSetting, SETTING, writeSetting } from './sync.settings'
import { holdMessages, screenMessages } from './held-messages'
import { placeholdersOf } from './synced-tables'
import { recordDeleteConflicts } from './delete-conflicts'
import { convertLegacyContacts } from '../factories/factory-contacts.sync'

/** What applying needs: the database, the device's clock and its wall clock. */
export interface ApplyContext {
  db: Kysely<DB>
  clock: HlcClock
  now: () => Date
}

/** How a page is applied. */
export interface ApplyOptions {
  /**
   * Applies messages received before (parked ones, now known): every message counts as fresh, the
   * cursor stays, and `replay` runs in the same transaction (to release what was held).
   */
  replay?: (trx: Transaction<DB>) => Promise<void>
  /**
   * A chunk of a snapshot: its messages carry the sequences they were logged at, at or below any
   * cursor, so every one is considered (duplicates still count as such) and the cursor stays.
   */
  snapshot?: boolean
}

/** What one page did. */
export interface ApplyResult {
  /** Messages newer than the stored cursor. */
  received: number
  /** Messages whose value now stands (newer than the local value of their field). */
  applied: number
  /** Messages older than the local value of their field: recorded, not written. */
  outdated: number
  /** Messages this device already had (its own, or a page applied before). */
  duplicates: number
  /** Messages not applied: quarantined or parked (both kept, see held-messages.ts). */
  skipped: number
  /** Messages whose value (or another field of whose save) no local save could have written. */
  quarantined: number
  /** Messages for a table or column this version does not know, kept for a later version. */
  parked: number
  /** Conflicts recorded: two devices' different values for one field. */
  conflicts: number
  /** The cursor stored with the page. */
  cursor: number
}

interface FieldState {
  newest: { hlc: string; device: string; value: string } | null
  known: Set<string>
}

// Keeps the IN lists under SQLite's bound-parameter limit.
const CHUNK = 400

const fieldKey = (table: string, row: string, column: string) => `${table}\u0000${row}\u0000${column}`

/** Every recorded change of the page's rows, per field: the newest one and the set of known HLCs. */
async function loadFieldStates(
  trx: Transaction<DB>,
  messages: readonly LoggedMessage[],
): Promise<Map<string, FieldState>> {
  const rowsByTable = new Map<string, Set<string>>()
  for (const m of messages) {
    let rows = rowsByTable.get(m.table)
    if (!rows) rowsByTable.set(m.table, (rows = new Set()))
    rows.add(m.row)
  }
  const states = new Map<string, FieldState>()
  for (const [table, rowSet] of rowsByTable) {
    const rows = [...rowSet]
    for (let i = 0; i < rows.length; i += CHUNK) {
      const changes = await trx
        .selectFrom('change_log')
        .select(['row_id', 'column_name', 'hlc', 'device_id', 'value'])
        .where('table_name', '=', table)
        .where('row_id', 'in', rows.slice(i, i + CHUNK))
        .execute()
      for (const c of changes) {
        const key = fieldKey(table, c.row_id, c.column_name)
        let state = states.get(key)
        if (!state) states.set(key, (state = { newest: null, known: new Set() }))
        state.known.add(c.hlc)
        if (!state.newest || c.hlc > state.newest.hlc) {
          state.newest = { hlc: c.hlc, device: c.device_id, value: c.value }
        }
      }
    }
  }
  return states
}

/**
 * The page's newest timestamp, which the clock observes after the commit. A stamp far ahead is followed,
 * never refused (a laptop whose clock is slow must still receive): HQ refuses pushes far ahead of its time.
 */
function highestHlc(messages: readonly LoggedMessage[]): string | null {
  let highest: string | null = null
  for (const m of messages) if (highest === null || m.hlc > highest) highest = m.hlc
  return highest
}

/**
 * Applies one page pulled from HQ in one transaction (after Actual Budget's applyMessages): per field,
 * last-writer-wins by HLC against the newest change this device has recorded; winners are written
 * through the write path, every new message is recorded in the change log as already sent, conflicts
 * between devices are kept for the Sync screen, and the cursor is stored in the same transaction. The
 * in-memory clock advances only after the commit, so a failed page leaves it untouched. Applying a page
 * again changes nothing.
 */
export async function applyPage(
  ctx: ApplyContext,
  messages: readonly LoggedMessage[],
  cursor: number,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const highest = highestHlc(messages)
  const stamp = ctx.now().toISOString()
  const result = await ctx.db.transaction().execute(async (trx) => {
    const stored = Number((await readSetting(trx, SETTING.cursor)) ?? 0)
    const fresh = options.replay || options.snapshot ? messages : messages.filter((m) => m.seq > stored)
    const counts: ApplyResult = {
      received: fresh.length,
      applied: 0,
      outdated: 0,
      duplicates: 0,
      skipped: 0,
      quarantined: 0,
      parked: 0,
      conflicts: 0,
      cursor: options.snapshot ? stored : Math.max(stored, cursor),
    }
    const screened = screenMessages(fresh, stamp)
    await holdMessages(trx, screened)
    counts.quarantined = screened.quarantined.length
    counts.parked = screened.parked.length
    counts.skipped = counts.quarantined + counts.parked
    const states = await loadFieldStates(trx, fresh)
    const writes = new Map<string, RemoteRowWrite>()
    const logRows: Insertable<DB['change_log']>[] = []
    const conflictRows: Insertable<DB['sync_conflicts']>[] = []
    for (const { message: m, table, value } of screened.usable) {
      const key = fieldKey(m.table, m.row, m.column)
      let state = states.get(key)
      if (!state) states.set(key, (state = { newest: null, known: new Set() }))
      if (state.known.has(m.hlc)) {
        counts.duplicates++
        continue
      }
      state.known.add(m.hlc)
      logRows.push({
        hlc: m.hlc,
        table_name: m.table,
        row_id: m.row,
        column_name: m.column,
        value: m.value,
        device_id: m.device,
        sent_at: stamp,
      })
      const incoming = { hlc: m.hlc, device: m.device, value: m.value }
      const current = state.newest
      const wins = !current || incoming.hlc > current.hlc
      // A conflict: two devices' different values, the winner written without seeing the loser. An
      // incoming edit that loses never saw the newer local one (it would have arrived first); one that
      // wins saw it only if the current value is no newer than what its writer had seen (`base`).
      const unseen = !wins || m.base === null || (current !== null && current.hlc > m.base)
      if (current && unseen && current.device !== incoming.device && current.value !== incoming.value) {
        const [winner, loser] = wins ? [incoming, current] : [current, incoming]
        conflictRows.push({
          table_name: m.table,
          row_id: m.row,
          column_name: m.column,
          winner_hlc: winner.hlc,
          winner_device: winner.device,
          winner_value: winner.value,
          loser_hlc: loser.hlc,
          loser_device: loser.device,
          loser_value: loser.value,
          recorded_at: stamp,
        })
      }
      if (!wins) {
        counts.outdated++
        continue
      }
      state.newest = incoming
      counts.applied++
      const rowKey = `${m.table}\u0000${m.row}`
      let write = writes.get(rowKey)
      if (!write) {
        write = { table, id: m.row, values: {}, placeholders: placeholdersOf(table) }
        writes.set(rowKey, write)
      }
      write.values[m.column] = value
    }
    await writeRemoteRows(trx, [...writes.values()])
    // Contact lists from laptops not yet upgraded become contact rows (factory-contacts.legacy.ts).
    await convertLegacyContacts(trx, ctx.clock.node, fresh, (id) =>
      Object.hasOwn(writes.get(`factories\u0000${id}`)?.values ?? {}, 'contacts'),
    )
    for (let i = 0; i < logRows.length; i += 100) {
      await trx
        .insertInto('change_log')
        .values(logRows.slice(i, i + 100))
        .execute()
    }
    for (let i = 0; i < conflictRows.length; i += 50) {
      const inserted = await trx
        .insertInto('sync_conflicts')
        .values(conflictRows.slice(i, i + 50))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      counts.conflicts += Number(inserted.numInsertedOrUpdatedRows ?? 0)
    }
    // Deletes and edits made without seeing each other (this laptop's echoed saves included); a save
    // held back (quarantined or parked) is no edit here.
    counts.conflicts += await recordDeleteConflicts(
      trx,
      screened.usable.map((u) => u.message),
      stamp,
    )
    await options.replay?.(trx)
    if (!options.snapshot) {
      await writeSetting(trx, SETTING.cursor, String(counts.cursor))
      await keepCursorMark(trx, messages, counts.cursor)
    }
    return counts
  })
  // After the commit, never before: a rolled-back page must not move the clock.
  if (highest !== null && result.received > 0) ctx.clock.observe(highest)
  return result
}
