import type { backupErrorsZhCN, backupZhCN } from './backup.zh-CN'

/** English texts of Settings → backups, spread into en.ts. */
export const backupEn: typeof backupZhCN = {
  backup: {
    title: 'Backups and restore',
    intro:
      'The workbench backs up this laptop’s database by itself: after changes at most every 15 minutes, at quit, before a database upgrade, before a restore and before clearing the demo data. Photos are not copied again; a backup names the photos it needs.',
    keepRule:
      'Kept: the 3 newest of today and one a day for the 10 days before; backups made before an upgrade, a restore or clearing demo data are kept 30 days.',
    folder: 'Backups are in: {{folder}}',
    now: 'Back up now',
    created: 'Backed up',
    none: 'No backups yet',
    time: 'Time',
    reason: 'Reason',
    contents: 'Contents',
    counts: '{{factories}} factories · {{samples}} samples · {{quotes}} quotes · {{unsent}} unsent changes',
    photos: '{{count}} photos',
    missingPhotos: ' ({{count}} not on this laptop; sync fetches them from HQ)',
    restore: 'Restore',
    confirmTitle: 'Restore the backup of {{time}}?',
    confirmBody:
      'This laptop’s data goes back to how it was in this backup. The current data is first saved as a “before restore” backup, so you can go back. Changes HQ already has come back with the next sync; changes made after the backup and never synced stay only in the “before restore” backup.',
    restored: 'Restored the backup of {{time}}; the data from before is saved as a backup',
    reasons: {
      auto: 'Automatic',
      quit: 'At quit',
      manual: 'By hand',
      'pre-migration': 'Before upgrade',
      'pre-restore': 'Before restore',
      'pre-clear-demo': 'Before clearing demo data',
    },
  },
}

export const backupErrorsEn: typeof backupErrorsZhCN = {
  backup: {
    badName: 'Not a valid backup name',
    not_found: 'The backup file is not there',
    no_manifest: 'The backup has no manifest beside it, so its contents cannot be checked: not restored',
    not_sqlite: 'The file is not a database: not restored',
    hash_mismatch: 'The backup file changed after it was made (checksum differs): not restored',
    damaged: 'The backup file is damaged (integrity check failed): not restored',
    not_workbench: 'This is not a Sourcing Workbench database: not restored',
    manifest_mismatch: 'The backup file does not match its manifest: not restored',
    newer_schema: 'This backup comes from a newer version of the workbench: upgrade the app first',
    other_device: 'This backup belongs to another computer and cannot be restored here',
  },
}
