import type { z } from 'zod'
import { ImportUpload } from '../imports/imports.contract'
import { Photo } from '../photos/photos.contract'
import { MAX_IMPORT_BYTES, MAX_PHOTO_BYTES } from './upload-limits'

/**
 * The browser host's routes outside /api/: files that do not fit a JSON body (uploads) or are not JSON
 * (photos, PDFs, archives). docs/api.md lists them from here beside the calls, so a client finds every
 * route it needs; browser-host/documented-routes.test.ts checks each one is really served.
 */

/** One route outside the JSON API. */
export interface BinaryRoute {
  method: 'GET' | 'POST'
  /** The path; <…> marks a part the client fills in. */
  path: string
  /** A path the host answers, for the test (placeholders filled in). */
  example: string
  /** What the route does and which calls go with it. */
  summary: string
  /** The request body. */
  body: string
  /** What it answers. */
  answer: string
  /** The `value` of the envelope it answers, when it answers one. */
  output?: z.ZodType
  /** True when the per-launch secret header is required (else the photo cookie). */
  secret: boolean
}

const MB = (bytes: number) => `${bytes / 2 ** 20} MiB`
const SAMPLE_ID = '0191e9d2-8c5b-7000-8000-000000000001'

export const BINARY_ROUTES: BinaryRoute[] = [
  {
    method: 'POST',
    path: '/upload/import?name=<file name>',
    example: '/upload/import?name=list.xlsx',
    summary:
      'Uploads a spreadsheet (.xlsx, or .csv in UTF-8, GBK or UTF-16) for an import; writes nothing. ' +
      'Then `imports.preview` with the `importId` it answers, and `imports.commit`.',
    body: `the file's raw bytes (any content type), at most ${MB(MAX_IMPORT_BYTES)}; 413 above`,
    answer: 'the envelope; value as below (the header row found, its texts, the count of data rows)',
    output: ImportUpload,
    secret: true,
  },
  {
    method: 'POST',
    path: '/upload/photo',
    example: '/upload/photo',
    summary:
      'Stores a photo (JPEG, PNG, WebP …) by its SHA-256 and makes its thumbnail and preview. Then ' +
      '`photos.attach` with the `sha256` to put it on a factory, visit or sample.',
    body: `the image's raw bytes, at most ${MB(MAX_PHOTO_BYTES)}; 413 above`,
    answer: 'the envelope; value as below',
    output: Photo,
    secret: true,
  },
  {
    method: 'GET',
    path: '/photos/<sha256>/<thumb|preview|original>',
    example: `/photos/${'0'.repeat(64)}/thumb`,
    summary:
      'A photo file. Authorised by an HttpOnly cookie the host sets on any request that carried the ' +
      'secret (so `<img src>` works); 401 without it, 404 for a photo not on this laptop.',
    body: 'none',
    answer: 'the image (image/jpeg or the original’s type)',
    secret: false,
  },
  {
    method: 'POST',
    path: '/pdf/export',
    example: '/pdf/export',
    summary:
      'Starts a PDF export of a sample, visit or tour report, printed by Chromium; poll the job for ' +
      'progress.',
    body: 'JSON `{ "kind": "sample" | "visit" | "tour", "id": "<uuid>", "mode": "one" | "each", "language": "zh-CN" | "en" }`',
    answer: 'the envelope; value the job’s status (id, state, done, total, name)',
    secret: true,
  },
  {
    method: 'GET',
    path: '/pdf/jobs/<job id>',
    example: `/pdf/jobs/${SAMPLE_ID}`,
    summary:
      'The status of a PDF export (404 for an unknown job). `POST /pdf/jobs/<job id>/cancel` stops it.',
    body: 'none',
    answer: 'the envelope; value the job’s status',
    secret: true,
  },
  {
    method: 'GET',
    path: '/pdf/jobs/<job id>/file',
    example: `/pdf/jobs/${SAMPLE_ID}/file`,
    summary: 'The finished PDF (a .zip of PDFs for "each").',
    body: 'none',
    answer: 'application/pdf or application/zip, with a content-disposition file name',
    secret: true,
  },
  {
    method: 'POST',
    path: '/archive/export',
    example: '/archive/export',
    summary: 'Writes an archive of everything (database snapshot, photos, manifest) to the exports folder.',
    body: 'none',
    answer: 'the envelope; value the archive’s file name, size and counts',
    secret: true,
  },
  {
    method: 'GET',
    path: '/archive/file/<file name>',
    example: '/archive/file/x.tar',
    summary: 'Downloads an archive written by /archive/export.',
    body: 'none',
    answer: 'application/x-tar',
    secret: true,
  },
  {
    method: 'POST',
    path: '/upload/archive?name=<file name>',
    example: '/upload/archive?name=x.tar',
    summary:
      'Opens an archive on this laptop: checked whole first, refused with the reason and nothing ' +
      'changed when anything is off (see `archive.status`).',
    body: 'the archive’s raw bytes (a tar)',
    answer: 'the envelope; value what was opened',
    secret: true,
  },
]
