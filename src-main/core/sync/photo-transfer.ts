import { createHash } from 'node:crypto'
import { access, readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import { MAX_BLOB_BYTES, MAX_MISSING_HASHES } from './wire/sync-wire.contract'
import type { DB } from '../db/schema'
import { FORMAT_FILES, variantFile } from '../photos/photo-files'
import { PhotoRejected, type PhotoProcessor } from '../photos/photo-processor'
import { listLivePhotos } from '../photos/photos.repository'
import { HqRequestError, type HqClient } from './hq-client'
import { localOnlyRowIds } from './local-only'
import { MAX_PHOTO_FAILURES, type PhotoFailure, type SyncReport } from './sync.contract'

/**
 * Photo originals travel as blobs, after the messages that carry their rows: up once HQ has the
 * `photos` rows, down once this laptop has them. Nothing about a transfer is stored: every sync asks
 * HQ again which originals it lacks and looks again which are missing here, so a photo that failed is
 * simply tried again. A failing photo is counted in the report and never fails the sync.
 */

/** What photo transfer needs besides the HQ client. */
export interface PhotoSyncDeps {
  db: Kysely<DB>
  client: HqClient
  /** Makes the thumbnail and preview of a fetched original, the way an upload on this laptop does. */
  processor: PhotoProcessor
  /** <dataDir>/photos */
  root: string
  /** Called after each photo that moved, for the progress the Sync screen shows. */
  onPhoto?: () => void
}

type PhotoCounts = Pick<
  SyncReport,
  'photosUp' | 'photosDown' | 'photosWaiting' | 'photoErrors' | 'photoFailures'
>

/** Where a blob's failures are counted (photos' and documents' alike, in photoErrors). */
export type BlobFailureCounts = Pick<SyncReport, 'photoErrors' | 'photoFailures'>

/** Errors after which no other photo can get through in this run either. */
const RUN_ENDING = new Set(['offline', 'unauthorized', 'rate_limited'])

const KNOWN_TYPES = new Set(Object.values(FORMAT_FILES).map((format) => format.mime))

/** This database's photos whose original is (`present`) or is not on disk here. */
async function photosWithOriginal(deps: PhotoSyncDeps, present: boolean): Promise<Map<string, string>> {
  // A row of a type no laptop stores (a synced row can carry any text) has no file to move.
  const rows = (await listLivePhotos(deps.db)).filter((row) => KNOWN_TYPES.has(row.mime))
  const onDisk = await Promise.all(
    rows.map((row) =>
      access(variantFile(deps.root, row.id, 'original', row.mime).path).then(
        () => true,
        () => false,
      ),
    ),
  )
  return new Map(rows.filter((_, index) => onDisk[index] === present).map((row) => [row.id, row.mime]))
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )
}

/** Counts one failure; answers whether the run's photo transfer should stop here. */
function fail(
  report: BlobFailureCounts,
  failure: Omit<PhotoFailure, 'code' | 'message'>,
  error: unknown,
): boolean {
  const code = error instanceof HqRequestError ? error.code : 'unreadable'
  report.photoErrors++
  if (report.photoFailures.length < MAX_PHOTO_FAILURES) {
    const message = error instanceof Error ? error.message : String(error)
    report.photoFailures.push({ ...failure, code, message })
  }
  return RUN_ENDING.has(code)
}

/**
 * Runs `each` on every candidate hash, telling it whether HQ has that blob (asked in chunks). A
 * failing blob is counted and the next one tried; a failure no other blob could get past (HQ gone)
 * ends the transfer for this run. Photos and documents both move through here.
 */
export async function forEachByHq(
  deps: Pick<PhotoSyncDeps, 'client'>,
  report: BlobFailureCounts,
  direction: PhotoFailure['direction'],
  candidates: string[],
  each: (sha256: string, hqHasIt: boolean) => Promise<void>,
): Promise<void> {
  for (const chunk of chunks(candidates, MAX_MISSING_HASHES)) {
    let missing: Set<string>
    try {
      missing = new Set((await deps.client.missingPhotos({ hashes: chunk })).missing)
    } catch (error) {
      if (fail(report, { sha256: '', direction }, error)) return
      continue
    }
    for (const sha256 of chunk) {
      try {
        await each(sha256, !missing.has(sha256))
      } catch (error) {
        if (fail(report, { sha256, direction }, error)) return
      }
    }
  }
}

/** Sends HQ every original it lacks that is on disk here. */
export async function sendPhotos(deps: PhotoSyncDeps, report: PhotoCounts): Promise<void> {
  const local = await photosWithOriginal(deps, true)
  // Demo photos stay here, as their rows do.
  const stays = await localOnlyRowIds(deps.db, 'photos')
  const candidates = [...local.keys()].filter((sha256) => !stays.has(sha256))
  await forEachByHq(deps, report, 'up', candidates, async (sha256, hqHasIt) => {
    if (hqHasIt) return
    const bytes = await readFile(variantFile(deps.root, sha256, 'original', local.get(sha256)!).path)
    await deps.client.uploadPhoto(sha256, bytes)
    report.photosUp++
    deps.onPhoto?.()
  })
}

/** Downloads one blob and checks its size and its bytes against the hash that names it. */
export async function downloadChecked(client: HqClient, sha256: string): Promise<Uint8Array> {
  const bytes = await client.downloadPhoto(sha256)
  if (bytes.byteLength > MAX_BLOB_BYTES) {
    throw new HqRequestError('payload_too_large', `HQ sent ${bytes.byteLength} bytes for ${sha256}`)
  }
  const actual = createHash('sha256').update(bytes).digest('hex')
  if (actual !== sha256) {
    throw new HqRequestError('hash_mismatch', `HQ's bytes for ${sha256} hash to ${actual}: not stored`)
  }
  return bytes
}

/**
 * Fetches every original missing here that HQ has, checks its bytes against the hash, and stores it
 * through the photo worker, which writes the thumbnail and preview first and the original last (each
 * atomically): an original on disk always has its variants.
 */
export async function fetchPhotos(deps: PhotoSyncDeps, report: PhotoCounts): Promise<void> {
  const absent = await photosWithOriginal(deps, false)
  await forEachByHq(deps, report, 'down', [...absent.keys()], async (sha256, hqHasIt) => {
    if (!hqHasIt) {
      report.photosWaiting++
      return
    }
    const bytes = await downloadChecked(deps.client, sha256)
    try {
      await deps.processor.store(bytes, deps.root)
    } catch (error) {
      if (error instanceof PhotoRejected) throw new HqRequestError('not_image', error.message)
      throw error
    }
    report.photosDown++
    deps.onPhoto?.()
  })
}
