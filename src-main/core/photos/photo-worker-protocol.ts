import type { AcceptedFormat } from './photo-files'

/** What the main thread asks the photo worker to do: store one uploaded original and its variants. */
export interface PhotoJob {
  /** Matches the reply to its request. */
  id: number
  /** The uploaded bytes (copied to the worker). */
  bytes: Uint8Array
  /** <dataDir>/photos */
  root: string
}

/** Facts about a stored photo, measured by the worker. */
export interface StoredPhoto {
  /** SHA-256 of the stored original, lower-case hex. */
  sha256: string
  format: AcceptedFormat
  /** Size as shown, after EXIF orientation. */
  width: number
  height: number
  /** EXIF DateTimeOriginal, local wall time, or null. */
  takenAt: string | null
  /** Size of the stored original in bytes (a scaled copy when the upload was over MAX_PHOTO_BYTES). */
  bytes: number
  /** True when this content was already on disk (nothing new was written). */
  existed: boolean
}

/** The worker's answer to one job. */
export type PhotoJobReply =
  | { id: number; ok: true; photo: StoredPhoto }
  | { id: number; ok: false; reason: 'notImage'; message: string }
  | { id: number; ok: false; reason: 'tooLarge'; message: string }
  | { id: number; ok: false; reason: 'failed'; message: string }
