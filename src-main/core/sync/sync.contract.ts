import { z } from 'zod'
import { defineCalls } from '../api/define'

/** The laptop's sync calls: enrol with HQ, sync now, and the state the Settings and Sync screens show. */

export const SyncOutcome = z.enum(['ok', 'offline', 'unauthorized', 'clock_drift', 'refused'])
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
  /** Messages that came down in this run. */
  pulled: z.number().int(),
  /** Of those, the ones whose value now stands here. */
  applied: z.number().int(),
  /** Conflicts recorded in this run (whose edit replaced whose). */
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
  startedAt: z.string(),
  finishedAt: z.string(),
})
export type SyncReport = z.infer<typeof SyncReport>

export const SyncStatus = z.object({
  enrolled: z.boolean(),
  hqUrl: z.string().nullable(),
  hqDeviceId: z.string().nullable(),
  /** Local changes not yet acknowledged by HQ (and not refused). */
  unsent: z.number().int(),
  /** Local changes HQ refused for good. */
  rejected: z.number().int(),
  /** Conflicts recorded so far. */
  conflicts: z.number().int(),
  cursor: z.number().int(),
  lastSync: SyncReport.nullable(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

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
      'Pushes unsent changes and sends the photos HQ lacks, then pulls and applies what is new and fetches the photos missing here; reports counts or why it failed.',
    input: z.object({}).strict(),
    output: SyncReport,
  },
  'sync.status': {
    summary: 'Enrolment, unsent and refused changes, conflicts, cursor and the last sync’s report.',
    input: z.object({}).strict(),
    output: SyncStatus,
  },
})
