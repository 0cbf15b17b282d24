import { AppError } from '../api/errors'

/**
 * A full disk or a folder the app may not write is the buyer's to fix, not a bug: these failures
 * become an AppError with an i18n key the UI shows, instead of "internal error". SQLite rolls the
 * failed transaction back, so what was saved before stays saved.
 */

const BY_CODE: Record<string, { key: string; message: string }> = {
  SQLITE_FULL: { key: 'errors.storage.full', message: 'the disk is full: nothing was saved' },
  ENOSPC: { key: 'errors.storage.full', message: 'the disk is full: nothing was saved' },
  EDQUOT: { key: 'errors.storage.full', message: 'the disk quota is used up: nothing was saved' },
  SQLITE_READONLY: {
    key: 'errors.storage.readOnly',
    message: 'the data folder is read-only: nothing was saved',
  },
  EROFS: { key: 'errors.storage.readOnly', message: 'the data folder is read-only: nothing was saved' },
  EACCES: { key: 'errors.storage.noAccess', message: 'the app may not write its data folder' },
  EPERM: { key: 'errors.storage.noAccess', message: 'the app may not write its data folder' },
  SQLITE_CANTOPEN: { key: 'errors.storage.cantOpen', message: 'the database file cannot be opened' },
  SQLITE_IOERR: { key: 'errors.storage.io', message: 'the disk reported a read or write error' },
}

/** The code of a Node or SQLite error ('SQLITE_FULL', 'SQLITE_READONLY_DBMOVED', 'ENOSPC' …). */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** The buyer-facing error for a storage failure, or undefined when `error` is something else. */
export function storageError(error: unknown): AppError | undefined {
  const code = errorCode(error)
  if (!code) return undefined
  // Extended SQLite codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DIRECTORY …) share their base's meaning.
  const base = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code
  const known = BY_CODE[base]
  if (!known) return undefined
  const path = (error as { path?: unknown }).path
  const params = typeof path === 'string' ? { path } : undefined
  const where = typeof path === 'string' ? `: ${path}` : ''
  return new AppError('internal', known.key, `${known.message} (${code})${where}`, [
    { path: [], messageKey: known.key, ...(params ? { params } : {}) },
  ])
}
