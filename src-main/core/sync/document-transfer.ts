import { readFile } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { documentFile, hasDocumentFile, writeDocumentFile } from '../documents/document-files'
import { sniffDocument } from '../documents/document-sniff'
import { listLiveDocumentFiles } from '../documents/documents.repository'
import { HqRequestError, type HqClient } from './hq-client'
import { localOnlyRowIds } from './local-only'
import { downloadChecked, forEachByHq } from './photo-transfer'
import type { SyncReport } from './sync.contract'

/**
 * Document files travel as blobs in HQ's one blob store, exactly as photo originals do
 * (photo-transfer.ts): up once HQ has the rows, down once this laptop has them, checked against their
 * hash on receipt (and again on disk), asked about afresh every sync. Failures count with the photos'.
 */

export interface DocumentSyncDeps {
  db: Kysely<DB>
  client: HqClient
  /** <dataDir>/documents */
  root: string
  /** Called after each file that moved, for the Sync screen's progress. */
  onDocument?: () => void
}

type DocumentCounts = Pick<
  SyncReport,
  'documentsUp' | 'documentsDown' | 'documentsWaiting' | 'photoErrors' | 'photoFailures'
>

/** The files live documents name that are (`present`) or are not on disk here. */
async function filesOnDisk(deps: DocumentSyncDeps, present: boolean): Promise<string[]> {
  const hashes = await listLiveDocumentFiles(deps.db)
  const onDisk = await Promise.all(hashes.map((sha256) => hasDocumentFile(deps.root, sha256)))
  return hashes.filter((_, index) => onDisk[index] === present)
}

/** Sends HQ every document file it lacks that is on disk here. */
export async function sendDocuments(deps: DocumentSyncDeps, report: DocumentCounts): Promise<void> {
  let local = await filesOnDisk(deps, true)
  // Files of demo records' documents stay here, as their rows do (one a buyer's document shares goes).
  const stays = await localOnlyRowIds(deps.db, 'documents')
  if (stays.size > 0) {
    const rows = await deps.db
      .selectFrom('documents')
      .select(['id', 'sha256'])
      .where('deleted_at', 'is', null)
      .execute()
    const leaving = new Set(rows.filter((row) => !stays.has(row.id)).map((row) => row.sha256))
    local = local.filter((sha256) => leaving.has(sha256))
  }
  await forEachByHq(deps, report, 'up', local, async (sha256, hqHasIt) => {
    if (hqHasIt) return
    await deps.client.uploadPhoto(sha256, await readFile(documentFile(deps.root, sha256)))
    report.documentsUp++
    deps.onDocument?.()
  })
}

/** Fetches every document file missing here that HQ has; a file not of a document type is refused. */
export async function fetchDocuments(deps: DocumentSyncDeps, report: DocumentCounts): Promise<void> {
  const absent = await filesOnDisk(deps, false)
  await forEachByHq(deps, report, 'down', absent, async (sha256, hqHasIt) => {
    if (!hqHasIt) {
      report.documentsWaiting++
      return
    }
    const bytes = await downloadChecked(deps.client, sha256)
    if (!sniffDocument(bytes)) throw new HqRequestError('not_image', `HQ's ${sha256} is not a document`)
    await writeDocumentFile(deps.root, sha256, bytes)
    report.documentsDown++
    deps.onDocument?.()
  })
}
