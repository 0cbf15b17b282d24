import { z } from 'zod'
import { defineCalls } from '../api/define'

/** The laptop's sync calls: enrol with HQ, sync now, and the state the Settings and Sync screens show. */

/** 'cancelled': the user stopped it; what was pushed or applied before stays. */
export const SyncOutcome = z.enum(['ok', 'offline', 'unauthorized', 'clock_drift', 'refused', 'cancelled'])
export type SyncOutcome = z.infer<typeof SyncOutcome>

/** Most photo failures one report lists (their count is in photoErrors). */
export const MAX_PHOTO_FAILURES = 20

/** One photo that did not go up or come down. */
export const PhotoFailure = z.object({
  /** The photo's content hash; '' when the failure was not one photo's (HQ unreachable mid-way). */
  sha256: z.string(),
  /** 'up': sending the original to HQ; 'down': fetching it from HQ. */
  direction: z.enum(['up', 'down']),
  /** Why: HQ's error code ('hash_mismatch', 'not_image', 'payload_too_large' …), 'offline', or 'unreadable'. */
  code: z.string(),
  /** English detail, for logs. */
  message: z.string(),
})
export type PhotoFailure = z.infer<typeof PhotoFailure>

export const SyncReport = z.object({
  outcome: SyncOutcome,
  /** English detail of a failed sync, for logs. */
  message: z.string(),
  /** Local changes HQ acknowledged in this run. */
  pushed: z.number().int(),
  /** Local changes HQ refused for good in this run. */
  rejected: z.number().int(),
  /** Messages that came down in this run and were new here (not this laptop's own, echoed back). */
  pulled: z.number().int(),
  /** Of those, the ones whose value now stands here. */
  applied: z.number().int(),
  /** Conflicts recorded in this run (whose edit replaced whose), bookkeeping columns left out. */
  conflicts: z.number().int(),
  /** HQ sequence applied up to. */
  cursor: z.number().int(),
  /** Photo originals this laptop sent to HQ in this run. */
  photosUp: z.number().int().default(0),
  /** Photo originals fetched from HQ in this run (with their thumbnails and previews made here). */
  photosDown: z.number().int().default(0),
  /** Photos known here whose file HQ does not have yet (their laptop has not sent it); fetched later. */
  photosWaiting: z.number().int().default(0),
  /** Photos that failed to go up or come down in this run; each is tried again next sync. */
  photoErrors: z.number().int().default(0),
  /** The first few of those failures, for the Sync screen and logs. */
  photoFailures: z.array(PhotoFailure).max(MAX_PHOTO_FAILURES).default([]),
  /** Document files (price sheets, licences, scans) sent to HQ in this run; failures count in photoErrors. */
  documentsUp: z.number().int().default(0),
  /** Document files fetched from HQ in this run. */
  documentsDown: z.number().int().default(0),
  /** Documents known here whose file HQ does not have yet; fetched later. */
  documentsWaiting: z.number().int().default(0),
  /** Changes sent before that went again: HQ lacked them (an HQ restored from a backup, or another HQ). */
  resent: z.number().int().default(0),
  startedAt: z.string(),
  finishedAt: z.string(),
})
export type SyncReport = z.infer<typeof SyncReport>

export const SyncStatus = z.object({
  /** Enrolled and not revoked: HQ accepts this laptop's token as far as it knows. */
  enrolled: z.boolean(),
  /**
   * When HQ revoked this laptop (as HQ said, or when HQ first refused its token); null while HQ accepts
   * it. Unsent work stays here; enrolling again with a new code sends it.
   */
  revokedAt: z.string().nullable(),
  hqUrl: z.string().nullable(),
  hqDeviceId: z.string().nullable(),
  /** The name this laptop enrolled under. */
  deviceName: z.string().nullable(),
  /** Local changes not yet acknowledged by HQ (and not refused). */
  unsent: z.number().int(),
  /** Records those changes belong to (a new record is one, however many fields it has). */
  unsentRecords: z.number().int(),
  /** Records that never leave this laptop (the demo data). */
  localOnlyRecords: z.number().int(),
  /** Local changes HQ refused for good. */
  rejected: z.number().int(),
  /** Conflicts recorded so far, bookkeeping columns left out. */
  conflicts: z.number().int(),
  cursor: z.number().int(),
  lastSync: SyncReport.nullable(),
  /**
   * HQ's clock against this laptop's, as the last sync measured it (null: never measured). Every stamp
   * made here uses the corrected time; the screens say so when it is off by more than a minute.
   */
  clock: z
    .object({
      /** HQ's time minus this laptop's wall clock (positive: this clock is slow). */
      offsetMs: z.number().int(),
      /** When it was measured (HQ's time, ISO). */
      measuredAt: z.string(),
    })
    .nullable(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** Where a running sync is. */
export const SyncPhase = z.enum(['idle', 'pushing', 'pulling', 'photos', 'done'])
export type SyncPhase = z.infer<typeof SyncPhase>

/** What the Sync screen polls while a sync runs (one at a time per laptop). */
export const SyncProgress = z.object({
  running: z.boolean(),
  phase: SyncPhase,
  /** Cancel was asked for; the run stops after the batch or page in hand. */
  cancelling: z.boolean(),
  /** Unsent changes when the run started (the push's total). */
  toPush: z.number().int(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  applied: z.number().int(),
  conflicts: z.number().int(),
  /** Photo originals sent and fetched so far. */
  photosUp: z.number().int(),
  photosDown: z.number().int(),
  startedAt: z.string().nullable(),
  /** The report of the run that finished last (this session or before). */
  last: SyncReport.nullable(),
})
export type SyncProgress = z.infer<typeof SyncProgress>

/** One side of a conflict: the value, whose edit it was and when. */
export const ConflictSide = z.object({
  /** The value as text ('' for empty). */
  value: z.string(),
  /** The value as stored (JSON text), for the screen to show in the buyer's words and language. */
  raw: z.string(),
  /** The device's name, or a short node id when HQ's directory does not know it. */
  device: z.string(),
  /** True when the edit was made on this laptop. */
  mine: z.boolean(),
  /** When the edit was made (ISO time from its timestamp). */
  at: z.string(),
})

export const SyncConflict = z.object({
  id: z.number().int(),
  /** The record's table, e.g. 'samples'. */
  kind: z.string(),
  rowId: z.string(),
  /** What the record is called (sample code and name, factory name …); null when it is gone. */
  title: z.string().nullable(),
  /** The column (the screen maps it to a label). */
  field: z.string(),
  winner: ConflictSide,
  loser: ConflictSide,
  recordedAt: z.string(),
})
export type SyncConflict = z.infer<typeof SyncConflict>

/** The refused changes of one record, for one reason. */
export const SyncRejection = z.object({
  kind: z.string(),
  rowId: z.string(),
  title: z.string().nullable(),
  /** The refused columns (bookkeeping columns left out); the screen maps them to labels. */
  fields: z.array(z.string()),
  /** Refused field changes in all. */
  changes: z.number().int(),
  /** HQ's reason, e.g. 'hq_owned_table'. */
  code: z.string(),
  rejectedAt: z.string(),
})
export type SyncRejection = z.infer<typeof SyncRejection>

/** How many records of one kind were refused for one reason (the list's summary line). */
export const SyncRejectionGroup = z.object({ kind: z.string(), code: z.string(), records: z.number().int() })
export type SyncRejectionGroup = z.infer<typeof SyncRejectionGroup>

const Page = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(20),
  })
  .strict()

export const syncCalls = defineCalls({
  'sync.enrol': {
    summary: 'Enrols this laptop with HQ using a one-time code; stores the HQ address and device token.',
    input: z
      .object({
        hqUrl: z
          .string()
          .trim()
          .max(500)
          .regex(/^https?:\/\/[^\s/?#]+(:\d+)?\/?$/, 'errors.sync.hqUrl'),
        code: z.string().trim().min(1).max(64),
        deviceName: z.string().trim().min(1).max(100),
      })
      .strict(),
    output: z.object({ hqDeviceId: z.string(), hqUrl: z.string() }),
  },
  'sync.now': {
    summary:
      'Pushes unsent changes and sends the photos HQ lacks, then pulls and applies what is new and fetches the photos missing here; answers when done (joins a run already going) with counts or why it failed.',
    input: z.object({}).strict(),
    output: SyncReport,
  },
  'sync.start': {
    summary: 'Starts a sync in the background unless one is running; answers at once with its progress.',
    input: z.object({}).strict(),
    output: SyncProgress,
  },
  'sync.progress': {
    summary: 'Where the running sync is (phase, counts so far), or the last finished run’s report.',
    input: z.object({}).strict(),
    output: SyncProgress,
  },
  'sync.cancel': {
    summary: 'Stops the running sync after the batch or page in hand; what was already committed stays.',
    input: z.object({}).strict(),
    output: SyncProgress,
  },
  'sync.conflicts': {
    summary: 'Conflicts resolved by sync, newest first: which record and field, whose edit replaced whose.',
    input: Page,
    output: z.object({ total: z.number().int(), items: z.array(SyncConflict) }),
  },
  'sync.rejections': {
    summary:
      'Local changes HQ refused for good (e.g. an HQ-owned table), one entry per record and reason, newest first, with the records counted per kind and reason.',
    input: Page,
    output: z.object({
      total: z.number().int(),
      items: z.array(SyncRejection),
      /** Every refused record counted per kind and reason, largest first. */
      groups: z.array(SyncRejectionGroup),
    }),
  },
  'sync.status': {
    summary: 'Enrolment, unsent and refused changes, conflicts, cursor and the last sync’s report.',
    input: z.object({}).strict(),
    output: SyncStatus,
  },
})
