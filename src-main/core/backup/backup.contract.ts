import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * Automatic backups of the local database and restoring one. A backup is one SQLite file in
 * <dataDir>/backups/ with a JSON manifest beside it; photos are never copied (they are
 * content-addressed and never deleted), the manifest names the hashes the backup needs.
 */

/** Why a backup was made; routine ones are thinned by the keep rule, the safety ones kept 30 days. */
export const BackupReason = z.enum([
  /** After changes, at most every 15 minutes. */
  'auto',
  /** When the app quits with changes since the last backup. */
  'quit',
  /** The buyer pressed "back up now". */
  'manual',
  /** Just before a pending schema migration runs. */
  'pre-migration',
  /** The state the buyer had just before restoring another backup. */
  'pre-restore',
  /** Just before "clear demo data". */
  'pre-clear-demo',
])
export type BackupReason = z.infer<typeof BackupReason>

/** Reasons kept for 30 days whatever the routine backups do. */
export const SAFETY_REASONS: readonly BackupReason[] = ['pre-migration', 'pre-restore', 'pre-clear-demo']

/** What a backup held when it was made, as the Settings list shows it. */
export const BackupCounts = z.object({
  factories: z.number().int().nonnegative(),
  samples: z.number().int().nonnegative(),
  quotes: z.number().int().nonnegative(),
  /** Local changes HQ had not acknowledged (demo data and refused changes left out). */
  unsentChanges: z.number().int().nonnegative(),
})
export type BackupCounts = z.infer<typeof BackupCounts>

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/** The manifest file beside each backup (<name>.json). */
export const BackupManifest = z
  .object({
    format: z.literal(1),
    /** Version of the app that made it. */
    appVersion: z.string(),
    /** The last migration applied to the backed-up database. */
    schemaVersion: z.string(),
    createdAt: z.iso.datetime(),
    reason: BackupReason,
    /** The installation whose database this is (meta.device_id). */
    deviceId: z.string(),
    counts: BackupCounts,
    /** Highest change_log seq in the backup: the automatic backup runs again only once it moves. */
    changeSeq: z.number().int().nonnegative(),
    /** SHA-256 of the backup's SQLite file. */
    sha256: Sha256,
    bytes: z.number().int().nonnegative(),
    /** Photo hashes the backup's records name; the files stay in <dataDir>/photos. */
    photos: z.array(Sha256),
  })
  .strict()
export type BackupManifest = z.infer<typeof BackupManifest>

/** A backup's file name stem: its UTC time and reason (never a path). */
export const BackupName = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z-]+$/, 'errors.backup.badName')
export type BackupName = z.infer<typeof BackupName>

/** One backup as listed: its name and what its manifest says (photo hashes left out). */
export const BackupSummary = z.object({
  name: BackupName,
  createdAt: z.iso.datetime(),
  reason: BackupReason,
  appVersion: z.string(),
  schemaVersion: z.string(),
  counts: BackupCounts,
  bytes: z.number().int().nonnegative(),
  photos: z.number().int().nonnegative(),
  /** Photos it names whose files are not in the data folder now (sync fetches them back from HQ). */
  missingPhotos: z.number().int().nonnegative(),
})
export type BackupSummary = z.infer<typeof BackupSummary>

export const BackupList = z.object({
  /** Where the backups live, for the buyer who wants to copy them elsewhere. */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(BackupSummary),
})
export type BackupList = z.infer<typeof BackupList>

export const RestoreResult = z.object({
  restored: BackupSummary,
  /** The backup of the state just before the restore (restore it to undo). */
  safety: BackupSummary,
})
export type RestoreResult = z.infer<typeof RestoreResult>

export const backupCalls = defineCalls({
  'backup.list': {
    summary: 'The backups in <dataDir>/backups, newest first, with time, reason and counts.',
    input: z.object({}).strict(),
    output: BackupList,
  },
  'backup.create': {
    summary: 'Makes a backup now (SQLite online backup, the app keeps answering) and applies the keep rule.',
    input: z.object({}).strict(),
    output: BackupSummary,
  },
  'backup.restore': {
    summary:
      'Checks a backup, saves the current state as a pre-restore backup, then puts the backup in place of the database in one transaction; calls wait meanwhile. A damaged or foreign backup is refused before anything changes.',
    input: z.object({ name: BackupName }).strict(),
    output: RestoreResult,
  },
})
