import type { Generated } from 'kysely'

/** Row of `synced_saves`: one save of one row as HQ ordered it (see migration 0012). */
export interface SyncedSavesTable {
  table_name: string
  row_id: string
  /** The save's HLC (every column of one save shares it). */
  hlc: string
  /** HQ's log sequence of the save. */
  seq: number
  /** The writer's pull cursor when it pushed: it had seen every save up to this sequence. */
  seen: number
  /** 1: deleted the row; 0: set deleted_at to null (created or restored it); null: did neither. */
  deleted: number | null
  /** 1: changed a field a buyer edits. */
  edits: number
}

/** Row of `delete_conflicts`: a delete and an edit of one record made without seeing each other. */
export interface DeleteConflictsTable {
  id: Generated<number>
  table_name: string
  row_id: string
  /** HLC of the save that deleted the record. */
  delete_hlc: string
  /** HLC of the edit the deleter had not seen (or that had not seen the delete); its values are kept. */
  edit_hlc: string
  recorded_at: string
}
