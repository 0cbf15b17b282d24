import type { Kysely } from 'kysely'
import type { BackupControl } from '../backup/backup-control'
import type { DB } from '../db/schema'
import type { ImportSessions } from '../imports/import-sessions'
import type { PhotoProcessor } from '../photos/photo-processor'
import type { PhoneUploadSessions } from '../phone-upload/phone-upload-sessions'
import type { ClockCorrection } from '../sync/clock-correction'
import type { SyncRunner } from '../sync/sync-runner'
import type { TokenVault } from '../sync/token-vault'
import type { WriteContext } from '../write/write-path'

/** What every handler receives besides its input: created once at start-up and passed down. */
export interface CoreContext {
  db: Kysely<DB>
  write: WriteContext
  /** Facts about this installation, for `app.info`. */
  app: AppFacts
  /** Stores uploaded photos and their thumbnails on a worker thread. */
  photos: PhotoProcessor
  /** Uploaded spreadsheets awaiting the user's confirmation (memory only). */
  imports: ImportSessions
  /**
   * Sync with HQ: the host's token vault, the one runner every sync goes through, and the wall clock
   * corrected by HQ's that every stamp uses.
   */
  sync: { vault: TokenVault; runner: SyncRunner; correction: ClockCorrection }
  /** Backups of the database in <dataDir>/backups, and restoring one. */
  backups: BackupControl
  /** Photos from the phone: sessions on one record each and the LAN listener while one is open. */
  phoneUpload: PhoneUploadSessions
}

export interface AppFacts {
  version: string
  dataDir: string
  host: 'electron' | 'browser' | 'test'
}
