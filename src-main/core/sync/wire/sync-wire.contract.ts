import { z } from 'zod'
import { defineCalls } from '../../api/define'
import { MAX_PHOTO_BYTES, Sha256 } from '../../photos/photos.contract'

/**
 * The sync wire contract: every sync route's input and output schema, imported by the HQ server (which
 * validates each request with it) and the laptop's sync client (which validates each reply with it).
 * It lives in core so the laptop never imports src-hq; HQ adds its admin routes on top (src-hq/hq.contract).
 * Pure zod, like src-main/core/api/contract.ts: no Node module, no database.
 */

/** Largest request body HQ reads; a bigger push batch gets 413 before it is parsed. */
export const MAX_BATCH_BYTES = 1024 * 1024
/** Largest single message (its JSON form); a bigger one is refused on its own and blocks nothing. */
export const MAX_MESSAGE_BYTES = 256 * 1024
/** Most messages one push may carry. */
export const MAX_BATCH_MESSAGES = 5000
/** Most messages one pull page returns. */
export const MAX_PULL_LIMIT = 5000
/**
 * Most bytes of messages (their JSON form) one pull page holds before compression. A page ends only
 * between saves, so one save bigger than this (up to a push batch) still comes whole, on a page alone.
 */
export const MAX_PULL_BYTES = 1024 * 1024
/**
 * Largest JSON reply the laptop reads, after decompression: a bigger one is refused as it streams in,
 * never held whole. Room for a page of MAX_PULL_BYTES and one save of up to MAX_BATCH_BYTES past it.
 */
export const MAX_REPLY_BYTES = 4 * MAX_PULL_BYTES
/** Most save stamps one `held` page lists. */
export const MAX_HELD_LIMIT = 5000
/** Most hashes one photos.missing call may ask about. */
export const MAX_MISSING_HASHES = 1000
/** Largest photo original HQ stores: the laptops' own limit. */
export const MAX_BLOB_BYTES = MAX_PHOTO_BYTES
/** Where photo originals travel (raw bytes, not JSON): PUT uploads, GET downloads; device token. */
export const BLOB_ROUTE = '/blobs/'
/** The value of HQ's reply to a stored upload; `existed`: HQ had the blob already. */
export const BlobStored = z.object({ existed: z.boolean() })

/** How long an enrolment code stays valid. */
export const ENROLMENT_CODE_TTL_MS = 10 * 60 * 1000
/** Wrong guesses after which an enrolment code is dead. */
export const ENROLMENT_MAX_ATTEMPTS = 5

/**
 * Tables only HQ writes (SKU briefs, benchmarks, demand signals, category policy): devices read them
 * and any device message for them is refused with 'hq_owned_table'.
 */
export const HQ_OWNED_TABLES: readonly string[] = ['skus', 'benchmarks', 'demand_signals', 'categories']

const HLC_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9A-F]{4}-[0-9a-f]{16}$/
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/
// NUL and unpaired surrogates cannot be stored as text on PostgreSQL (or survive UTF-8 unchanged).
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Text both databases store exactly as sent. */
export const storableText = () => z.string().refine((s) => !UNSTORABLE.test(s), 'errors.sync.unstorableText')

/** One field-level change as it travels: the unit of sync. */
export const WireMessage = z
  .object({
    /** HLC timestamp; its last 16 hex characters are the node that made the change. */
    hlc: z.string().regex(HLC_TEXT),
    table: z.string().regex(IDENTIFIER),
    row: storableText().min(1).max(128),
    column: z.string().regex(IDENTIFIER),
    /** JSON text of the new value. */
    value: storableText(),
    /** Id of the device that made the change (as recorded in its change log). */
    device: storableText().min(1).max(128),
  })
  .strict()
export type WireMessage = z.infer<typeof WireMessage>

/** A message as HQ serves it: with the server sequence that orders the log. */
export const LoggedMessage = WireMessage.extend({
  seq: z.number().int().positive(),
  /**
   * Newest timestamp of the same field its writer had seen when pushing (null: none). A receiver whose
   * current value is newer than this knows the writer never saw it: a conflict, not an ordinary update.
   */
  base: z.string().regex(HLC_TEXT).nullable(),
  /**
   * The writer's pull cursor when it pushed: it had seen every message up to this sequence (and its own).
   * Absent from an HQ that does not keep it. Tells a delete made without seeing an edit (or the reverse).
   */
  seen: z.number().int().nonnegative().optional(),
})
  // A field a newer HQ adds is dropped, not refused: an older laptop keeps syncing until it upgrades.
  .strip()
export type LoggedMessage = z.infer<typeof LoggedMessage>

/**
 * Where a laptop with no cursor gets HQ's current values instead of replaying the log (GET, device
 * token): NDJSON, compressed as Accept-Encoding allows. The first line is a SnapshotHeader, then one
 * LoggedMessage per field (the log entry whose value stands, in table, row, column order: a row's fields
 * are adjacent), then a SnapshotEnd; a stream without its end line was cut off and counts for nothing.
 * Read in one transaction: every value is the log's winner up to `position` and none after it, so the
 * laptop applies the lines and then continues pulling after `position`.
 */
export const SNAPSHOT_ROUTE = '/snapshot'
/** Most bytes of one snapshot line the laptop reads: one message, with room for its JSON envelope. */
export const MAX_SNAPSHOT_LINE_BYTES = 2 * MAX_MESSAGE_BYTES

export const SnapshotHeader = z
  .object({
    kind: z.literal('snapshot'),
    /** HQ's identity (see `hello`): a laptop applies only its own HQ's snapshot. */
    hqId: z.string(),
    /** The log position the snapshot was read at: the laptop's cursor once every line is applied. */
    position: z.number().int().nonnegative(),
    /** The stamp of the log's message at `position` (the cursor's mark); null for an empty log. */
    mark: z.string().regex(HLC_TEXT).nullable(),
    /** As in health. */
    schemaVersion: z.number().int().positive(),
  })
  .strip()
export type SnapshotHeader = z.infer<typeof SnapshotHeader>

export const SnapshotEnd = z
  .object({
    kind: z.literal('end'),
    /** How many field lines came between the header and this line. */
    fields: z.number().int().nonnegative(),
  })
  .strip()
export type SnapshotEnd = z.infer<typeof SnapshotEnd>

/**
 * Where HQ's log holds a message: its sequence, its stamp and when HQ stored it (a copy stored again
 * after a restore has another time). A laptop keeps the place of the highest message HQ acknowledged to
 * it and asks, before each sync, whether the log still holds that very message there: every message it
 * saw acknowledged lies at or below it, so a log restored to before it lacks some of them.
 */
export const LogPlace = z.object({
  seq: z.number().int().nonnegative(),
  hlc: z.string().regex(HLC_TEXT),
  at: z.string().min(1).max(40),
})
export type LogPlace = z.infer<typeof LogPlace>

/**
 * Why HQ refused one message of a push; the other saves of the batch are unaffected (a save refused in
 * one field is refused whole). 'unknown_schema': a table or column HQ's version does not know (a newer
 * laptop's); the laptop keeps it and pushes it again once HQ's schemaVersion rises.
 */
export const RejectionCode = z.enum([
  'hq_owned_table',
  'message_too_large',
  'node_mismatch',
  'invalid_value',
  /** The message's `device` is not the one the pushing device records its changes under. */
  'device_mismatch',
  'unknown_schema',
])
export type RejectionCode = z.infer<typeof RejectionCode>

export const Rejection = z
  .object({
    /** Index of the refused message in the pushed batch. */
    index: z.number().int().nonnegative(),
    code: RejectionCode,
    message: z.string(),
  })
  .strict()
export type Rejection = z.infer<typeof Rejection>

/**
 * HQ's clock when it answered (ISO time), so a laptop can measure how far its own clock is off. Optional:
 * an older HQ does not send it, and a laptop then keeps the correction it last measured.
 */
const HqTime = z.iso.datetime().optional()

export const wireCalls = defineCalls({
  health: {
    summary: 'HQ is up; needs no token.',
    input: z.object({}).strict(),
    output: z.object({
      ok: z.literal(true),
      version: z.string(),
      database: z.enum(['sqlite', 'postgres']),
      /** Version of the synced tables and columns HQ checks messages against (absent: an older HQ). */
      schemaVersion: z.number().int().positive().optional(),
    }),
  },
  enrol: {
    summary: 'Trades a one-time enrolment code for a device id and token (the token is shown only here).',
    input: z
      .object({
        code: storableText().min(1).max(64),
        deviceName: storableText().trim().min(1).max(100),
        /** The HLC node id the device stamps its changes with. */
        nodeId: z.string().regex(/^[0-9a-f]{16}$/),
        /**
         * The id the laptop records its changes under (each pushed message's `device`); HQ refuses any
         * other. Older laptops leave it out and HQ learns it from their first push.
         */
        localDeviceId: storableText().min(1).max(128).optional(),
      })
      .strict(),
    output: z.object({
      deviceId: z.string(),
      token: z.string(),
      /** HQ's identity (see `hello`); absent from an HQ older than it. */
      hqId: z.string().optional(),
    }),
  },
  push: {
    summary:
      'Appends the device’s messages to the log; a re-pushed message is a no-op. Every index not in `rejected` is acknowledged.',
    input: z
      .object({
        messages: z.array(WireMessage).max(MAX_BATCH_MESSAGES),
        /** The device's pull cursor: every message up to it was applied there before these were written. */
        seen: z.number().int().nonnegative().default(0),
      })
      .strict(),
    output: z.object({
      accepted: z.number().int().nonnegative(),
      duplicates: z.number().int().nonnegative(),
      rejected: z.array(Rejection),
      time: HqTime,
      /** As in health: a laptop re-sends its 'unknown_schema' changes when this rises. */
      schemaVersion: z.number().int().positive().optional(),
      /**
       * The place of the batch's message highest in the log, new or held before (none for an empty
       * batch, or from an HQ older than it): what hello's `acked` asks about.
       */
      acked: LogPlace.optional(),
    }),
  },
  pull: {
    summary:
      'Messages with a sequence above `after`, oldest first, in whole saves and at most MAX_PULL_BYTES; `cursor` is where to continue. With `mark`, HQ first confirms that its message at `after` has that stamp (409 cursor_mismatch when not: a restored or other HQ). A cursor inside the part of the log compaction thinned out gets 410 snapshot_required: the laptop applies a snapshot (SNAPSHOT_ROUTE) and continues from its position.',
    input: z
      .object({
        after: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
        /** The stamp of the message at `after` as the laptop applied it (its cursor's fingerprint). */
        mark: z.string().regex(HLC_TEXT).optional(),
      })
      .strict(),
    output: z.object({
      /** The `after` this page answers; absent from an HQ older than it. */
      after: z.number().int().nonnegative().optional(),
      messages: z.array(LoggedMessage),
      cursor: z.number().int().nonnegative(),
      more: z.boolean(),
      time: HqTime,
      /** HQ's identity; absent from an HQ older than it. */
      hqId: z.string().optional(),
    }),
  },
  hello: {
    summary:
      'Who HQ is, whether it holds the log position the laptop’s cursor points at and the very message it last acknowledged to the laptop, and how many messages it holds from the calling device’s node: a laptop asks before each sync, to tell a restored or other HQ.',
    input: z
      .object({
        cursor: z.number().int().nonnegative(),
        /** The stamp of the message at `cursor` as the laptop applied it; null when it never kept one. */
        mark: z.string().regex(HLC_TEXT).nullable(),
        /** The highest place HQ acknowledged to this laptop (push's `acked`); null when it kept none. */
        acked: LogPlace.nullable().optional(),
      })
      .strict(),
    output: z.object({
      /** Made once per HQ database and kept there: an HQ restored from a copy keeps it. */
      hqId: z.string(),
      /** HQ's log holds the cursor's position: cursor 0, or its message at `cursor` has stamp `mark`. */
      cursorHeld: z.boolean(),
      /** Messages HQ's log holds stamped by the calling device's node. */
      held: z.number().int().nonnegative(),
      /**
       * The log holds, at `acked.seq`, the very message it acknowledged there (true without `acked`);
       * absent from an HQ older than it.
       */
      ackedHeld: z.boolean().optional(),
      /** The place of the log's last message (null: empty): a healed laptop's acknowledged place. */
      head: LogPlace.nullable().optional(),
    }),
  },
  held: {
    summary:
      'The saves HQ holds from the calling device’s node, by stamp, oldest first, after `after`: what a laptop compares with what it sent, to re-send what a restored HQ lacks.',
    input: z
      .object({
        after: z.string().regex(HLC_TEXT).nullable(),
        limit: z.number().int().min(1).max(MAX_HELD_LIMIT).default(MAX_HELD_LIMIT),
      })
      .strict(),
    output: z.object({
      /** Each save's stamp and how many of its field messages HQ holds. */
      stamps: z.array(z.object({ hlc: z.string(), messages: z.number().int().positive() })),
      more: z.boolean(),
    }),
  },
  'photos.missing': {
    summary: `Of these photo hashes, the ones HQ has no original for (upload them with PUT ${BLOB_ROUTE}<sha256>).`,
    input: z.object({ hashes: z.array(Sha256).max(MAX_MISSING_HASHES) }).strict(),
    output: z.object({ missing: z.array(z.string()) }),
  },
  directory: {
    summary:
      'Names of the enrolled devices (no tokens), so a laptop can say whose edit replaced whose (device token).',
    input: z.object({}).strict(),
    output: z.object({
      devices: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          /** The HLC node id the device stamps its changes with. */
          nodeId: z.string(),
        }),
      ),
    }),
  },
})

export type WireCalls = typeof wireCalls
export type WireCallName = keyof WireCalls & string

/** Codes of a refused request; each maps to one HTTP status. */
export type HqErrorCode =
  | 'validation'
  | 'bad_request'
  | 'unknown_call'
  | 'unauthorized'
  | 'payload_too_large'
  | 'rate_limited'
  | 'clock_drift'
  | 'enrolment_invalid'
  | 'enrolment_expired'
  | 'enrolment_exhausted'
  | 'node_taken'
  | 'not_found'
  | 'hash_mismatch'
  | 'not_image'
  | 'conflict'
  | 'cursor_mismatch'
  | 'snapshot_required'
  | 'internal'

export const HQ_HTTP_STATUS: Record<HqErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  unknown_call: 404,
  unauthorized: 401,
  payload_too_large: 413,
  rate_limited: 429,
  clock_drift: 409,
  enrolment_invalid: 403,
  enrolment_expired: 403,
  enrolment_exhausted: 403,
  node_taken: 409,
  not_found: 404,
  hash_mismatch: 422,
  not_image: 415,
  conflict: 409,
  cursor_mismatch: 409,
  snapshot_required: 410,
  internal: 500,
}

/** The error envelope HQ answers with, the same shape as the app's API errors. */
export const HqErrorBody = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string(),
    messageKey: z.string(),
    message: z.string(),
    /** With 'unauthorized': when HQ revoked the token's device (absent when HQ does not know the token). */
    revokedAt: z.string().optional(),
    fields: z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        messageKey: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
  }),
})
