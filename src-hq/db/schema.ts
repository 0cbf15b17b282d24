/** Tables of the HQ database, for Kysely; the same on SQLite and PostgreSQL. */

/** The append-only message log; `seq` orders it and is what cursors point into. */
export interface MessagesTable {
  /** Server sequence, assigned under the counter lock so it grows in commit order. */
  seq: number | string
  hlc: string
  table_name: string
  row_id: string
  column_name: string
  /** JSON text of the value. */
  value: string
  /** HLC node of the change (the last part of `hlc`), equal to the pushing device's node id. */
  node_id: string
  /** Device id the change was recorded under on the laptop. */
  origin_device: string
  /** Enrolled HQ device that pushed it. */
  device_id: string
  received_at: string
  /** Newest timestamp of this field the pushing device had seen (its cursor, plus its own edits). */
  base_hlc: string | null
  /** The pushing device's pull cursor when it pushed (null: logged before HQ kept it). */
  seen_seq: number | string | null
}

/** Named counters; the row 'messages' holds the last assigned message sequence. */
export interface CountersTable {
  name: string
  value: number | string
}

export interface DevicesTable {
  id: string
  name: string
  /** HLC node id the device stamps its changes with; it may push only under this node. */
  node_id: string
  /** sha256 (hex) of the device token; the token itself is never stored. */
  token_hash: string
  created_at: string
  revoked_at: string | null
  /** The id the laptop records its changes under (each pushed message's `device`); null until known. */
  local_device: string | null
}

export interface EnrolmentCodesTable {
  /** The code's public lookup part (its first characters). */
  id: string
  /** sha256 (hex) of the whole normalized code. */
  code_hash: string
  created_at: string
  expires_at: string
  /** Wrong guesses so far; at ENROLMENT_MAX_ATTEMPTS the code is dead. */
  attempts: number
  used_at: string | null
  /** Device enrolled with it. */
  device_id: string | null
}

/** HQ's own named values: 'node_id' (its HLC node), 'clock' (the last timestamp it issued), 'hq_id'. */
export interface HqMetaTable {
  name: string
  value: string
}

/** A console login, by the SHA-256 of its cookie's id (the id itself is never stored). */
export interface AdminSessionsTable {
  id_hash: string
  created_at: string
  expires_at: string
}

/** One rate-limit window: requests counted under `key` until `window_end` (epoch milliseconds). */
export interface RateWindowsTable {
  key: string
  window_end: number | string
  count: number
}

/** A photo or document original HQ holds on PostgreSQL; its bytes are its `chunks` rows of blob_chunks. */
export interface BlobsTable {
  sha256: string
  bytes: number | string
  chunks: number
  created_at: string
}

/** One piece of a blob, in order from 0. */
export interface BlobChunksTable {
  sha256: string
  chunk: number
  data: Buffer
}

/**
 * The current value of every field: the log entry with the field's newest stamp, kept in the same
 * transaction as each append. A snapshot of it at one log position is a new laptop's first sync.
 */
export interface FieldValuesTable {
  table_name: string
  row_id: string
  column_name: string
  /** Sequence of the log entry whose value stands. */
  seq: number | string
  hlc: string
  /** JSON text of the value. */
  value: string
  origin_device: string
  base_hlc: string | null
  seen_seq: number | string | null
}

/** Per save, how many of its messages compaction removed from the log (for hello and held). */
export interface CompactedSavesTable {
  node_id: string
  hlc: string
  messages: number
}

export interface HqDB {
  messages: MessagesTable
  counters: CountersTable
  devices: DevicesTable
  enrolment_codes: EnrolmentCodesTable
  hq_meta: HqMetaTable
  admin_sessions: AdminSessionsTable
  rate_windows: RateWindowsTable
  blobs: BlobsTable
  blob_chunks: BlobChunksTable
  field_values: FieldValuesTable
  compacted_saves: CompactedSavesTable
}
