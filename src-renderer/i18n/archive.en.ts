import type { archiveErrorsZhCN, archiveZhCN } from './archive.zh-CN'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** English texts of moving laptops / keeping a copy; the same keys as archive.zh-CN.ts. */
export const archiveEn: Widen<typeof archiveZhCN> = {
  archive: {
    title: 'Move to a new laptop / keep a copy',
    intro:
      '“Export everything” writes the database (a consistent snapshot, even while the app runs), every photo, every document and a manifest of checksums into one archive file. Copy it to the new laptop and “Open an archive” there: lists, photos, documents, the device identity and the HQ sync settings come back as they were.',
    export: 'Export everything',
    exported: 'Exported {{fileName}}',
    savedAt: 'Saved at',
    counts:
      '{{factories}} factories · {{samples}} samples · {{quotes}} quotes · {{visits}} visits · {{photos}} photos · {{megabytes}} MB',
    workbook: 'Export as Excel',
    workbookDone: 'Excel exported: one sheet per table',
    openTitle: 'Open an archive',
    openIntro:
      'Opens an exported archive on a new laptop. Every file and every count is checked against its manifest first; anything that does not match is refused and nothing is changed.',
    notEmpty:
      'This laptop holds {{count}} records you entered: an archive opens only on a laptop without data of its own (demo data does not count).',
    open: 'Open an archive',
    opening: 'Checking and importing the archive…',
    confirmTitle: 'Replace this laptop’s data with the archive?',
    confirmBody:
      'The data here (only demo data, or none) will be replaced by the data in {{fileName}}, once it has been checked.',
    openedTitle: 'Archive opened',
    opened: 'The data exported at {{createdAt}} (version {{appVersion}}) is back.',
    reload: 'Reload',
    failed: 'Not done',
  },
}

export const archiveErrorsEn: Widen<typeof archiveErrorsZhCN> = {
  archive: {
    notEmpty:
      'This laptop holds {{records}} records of its own: an archive opens only on an empty laptop. Nothing was changed',
    notAnArchive:
      'This is not a complete workbench archive (an unfinished download, or not exported by this app). Nothing was changed',
    foreignFile:
      'The archive holds a file that does not belong in it ({{name}}): refused, nothing was changed',
    mismatch: 'The archive does not match its manifest ({{name}}); it may be damaged. Nothing was changed',
    damaged: 'The database in the archive is damaged. Nothing was changed',
    newerSchema:
      'The archive was exported by a newer version, {{dataVersion}} (schema {{dataSchema}}); this app is {{appVersion}} (schema {{appSchema}}): upgrade first. Nothing was changed',
    newerFormat: 'The archive’s format is newer than this app: upgrade first. Nothing was changed',
  },
  storage: {
    full: 'The disk is full: this was not saved. Everything saved before is still there; free some space and try again',
    readOnly: 'The data folder is read-only: nothing can be saved. Everything saved before is still there',
    noAccess: 'The app may not write its data folder {{path}}',
    cantOpen: 'The database file cannot be opened (the folder is not writable, or the file is in use)',
    io: 'The disk reported a read or write error: this was not saved',
  },
  startup: {
    newerSchema:
      'This data was written by a newer version, {{dataVersion}} (schema {{dataSchema}}); this app is {{appVersion}} (schema {{appSchema}}): not opened, the file is unchanged',
    damaged: 'The database is damaged ({{problem}}) and was not opened',
    damagedWithBackup:
      'The database is damaged ({{problem}}); the latest good backup is from {{backupAt}} and can be restored',
    locked: 'Another Sourcing Workbench (pid {{pid}}) is using this data folder',
  },
}
