/**
 * Size limits of the binary uploads. They live apart from the contracts (which build zod schemas) so the
 * browser host can refuse an oversized body while the core is still loading.
 */

/** Largest original photo accepted (a 48-megapixel phone JPEG is about 20 MB). */
export const MAX_PHOTO_BYTES = 30 * 1024 * 1024

/** Largest spreadsheet accepted (a 10,000-row factory list is about 1–2 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** Largest document accepted (a scanned licence or a price sheet; at most what HQ takes as one blob). */
export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
