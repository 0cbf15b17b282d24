import type { Generated } from 'kysely'

/** Row of `sync_conflicts`: two edits of one field met and the later one (by HLC) won. */
export interface SyncConflictsTable {
  id: Generated<number>
  table_name: string
  row_id: string
  column_name: string
  winner_hlc: string
  /** Device id of the winning edit. */
  winner_device: string
  /** JSON text of the value that stands. */
  winner_value: string
  loser_hlc: string
  /** Device id of the edit that was replaced or arrived too late. */
  loser_device: string
  loser_value: string
  recorded_at: string
}

/** Row of `sync_rejections`: a local change HQ refused for good (change_log seq → why). */
export interface SyncRejectionsTable {
  seq: number
  /** HQ's rejection code, e.g. 'hq_owned_table'. */
  code: string
  message: string
  rejected_at: string
}

/** A message sync received and did not apply: quarantined (invalid) or parked (unknown to this version). */
interface HeldMessage {
  id: Generated<number>
  /** HQ's sequence number of the message. */
  seq: number
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  /** JSON text of the value, as it arrived. */
  value: string
  /** Id of the device that made the change. */
  device_id: string
  base_hlc: string | null
  /** Why it was held, in words. */
  reason: string
  recorded_at: string
}

/** Row of `sync_quarantine`: a message whose value no local save could have written; never applied. */
export interface SyncQuarantineTable extends HeldMessage {
  /** The field the reason concerns ('id' for a bad row id). */
  field: string
}

/** Row of `sync_parked`: a message for a table or column this version does not know yet. */
export type SyncParkedTable = HeldMessage
