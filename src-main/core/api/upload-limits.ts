/**
 * Size limits of the binary uploads. They live apart from the contracts (which build zod schemas) so the
 * browser host can refuse an oversized body while the core is still loading.
 */

/**
 * Largest original photo stored and synced (a 48-megapixel phone JPEG is about 20 MB). An upload over
 * it, up to MAX_PHOTO_UPLOAD_BYTES, is kept as a scaled copy that fits.
 */
export const MAX_PHOTO_BYTES = 30 * 1024 * 1024

/** Largest photo upload accepted (then scaled to MAX_PHOTO_BYTES); beyond it the upload is refused. */
export const MAX_PHOTO_UPLOAD_BYTES = 80 * 1024 * 1024

/** Most pixels a photo may have (a 200-megapixel phone mode is refused; its decode alone needs 600 MB). */
export const MAX_PHOTO_PIXELS = 100_000_000

/** Largest spreadsheet accepted (a 10,000-row factory list is about 1–2 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** Largest document accepted (a scanned licence or a price sheet; at most what HQ takes as one blob). */
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
