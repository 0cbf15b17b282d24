import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { factoriesTable } from '../factories/factories.columns'
import { photoLinksTable } from '../photos/photos.columns'
import { PHOTO_OWNER_TABLES } from '../photos/photos.contract'
import { documentsTable } from '../documents/documents.columns'
import { DOCUMENT_OWNER_TABLES } from '../documents/documents.contract'
import { certificatesTable } from '../certificates/certificates.columns'
import { quotesTable } from '../quotes/quotes.columns'
import { currencyRatesTable } from '../rates/rates.columns'
import { samplesTable } from '../samples/samples.columns'
import { sampleRequestsTable } from '../sample-requests/sample-requests.columns'
import { valueText } from '../sync/sync-conflicts'
import { loadAuthorNames, type EditAuthor } from '../sync/sync-directory'
import { toursTable } from '../tours/tours.columns'
import { followUpsTable, visitsTable } from '../visits/visits.columns'
import { inTransaction, restoreRow, type SyncedTable } from '../write/write-path'
import type { DeleteConflict, RestoredRecord, TrashAuthor, TrashItem, TrashKind } from './trash.contract'
import {
  DELETED_WITH_WINDOW_MS,
  deletionHlc,
  fieldsOfSave,
  findAnyRow,
  followUpsDeletedWith,
  listDeleteConflicts,
  listTrashed,
  liveRateOf,
  titleOf,
  TRASH_KINDS,
} from './trash.repository'

const TABLES: Record<TrashKind, SyncedTable> = {
  factories: factoriesTable,
  tours: toursTable,
  visits: visitsTable,
  visit_follow_ups: followUpsTable,
  samples: samplesTable,
  sample_requests: sampleRequestsTable,
  quotes: quotesTable,
  currency_rates: currencyRatesTable,
  photo_links: photoLinksTable,
  documents: documentsTable,
  certificates: certificatesTable,
}

/** The record a photo link or a document is attached to, when its owner table is one it may have. */
function ownedBy(
  owners: readonly TrashKind[],
  row: Record<string, unknown>,
): { kind: TrashKind; id: string }[] {
  const owner = owners.find((table) => table === row.owner_table)
  return owner && typeof row.owner_id === 'string' && row.owner_id !== ''
    ? [{ kind: owner, id: row.owner_id }]
    : []
}

/** The deleted records a record belongs to, restored with it so it is never shown under a deleted one. */
function parentsOf(kind: TrashKind, row: Record<string, unknown>): { kind: TrashKind; id: string }[] {
  const ref = (parent: TrashKind, id: unknown) =>
    typeof id === 'string' && id !== '' ? [{ kind: parent, id }] : []
  switch (kind) {
    case 'visits':
      return [...ref('factories', row.factory_id), ...ref('tours', row.tour_id)]
    case 'visit_follow_ups':
      return ref('visits', row.visit_id)
    case 'samples':
      return [...ref('factories', row.factory_id), ...ref('visits', row.visit_id)]
    case 'sample_requests':
      return [...ref('factories', row.factory_id), ...ref('visits', row.visit_id)]
    case 'quotes':
      return ref('factories', row.factory_id)
    case 'photo_links':
      return ownedBy(PHOTO_OWNER_TABLES, row)
    case 'documents':
      return ownedBy(DOCUMENT_OWNER_TABLES, row)
    case 'certificates':
      return ref('factories', row.factory_id)
    case 'factories':
    case 'tours':
    case 'currency_rates':
      return []
  }
}

const timeOfHlc = (hlc: string) => hlc.slice(0, 24)

function authorAt(authorOf: (hlc: string) => EditAuthor, hlc: string): TrashAuthor {
  const author = authorOf(hlc)
  return { device: author.name, mine: author.mine, at: timeOfHlc(hlc) }
}

export async function listTrash(
  ctx: CoreContext,
  input: { kind?: TrashKind; offset: number; limit: number },
): Promise<{ total: number; items: TrashItem[] }> {
  const [{ total, rows }, authorOf] = await Promise.all([
    listTrashed(ctx.db, input.kind ? [input.kind] : TRASH_KINDS, input),
    loadAuthorNames(ctx.db, ctx.write.clock.node),
  ])
  const items: TrashItem[] = []
  for (const row of rows) {
    const hlc = await deletionHlc(ctx.db, row.kind, row.id)
    items.push({
      kind: row.kind,
      id: row.id,
      title: (row.title ?? '').trim(),
      deletedBy: hlc ? authorAt(authorOf, hlc) : null,
      deletedAt: row.deleted_at,
    })
  }
  return { total, items }
}

async function restoreOne(
  trx: Transaction<DB>,
  ctx: CoreContext,
  kind: TrashKind,
  id: string,
  restored: RestoredRecord[],
  depth: number,
): Promise<void> {
  const row = await findAnyRow(trx, kind, id)
  if (!row) {
    // A missing parent (never synced here) does not block the record's own restore.
    if (depth > 0) return
    throw notFound(TABLES[kind].entity, id)
  }
  for (const parent of parentsOf(kind, row))
    await restoreOne(trx, ctx, parent.kind, parent.id, restored, depth + 1)
  if (row.deleted_at == null) return
  if (kind === 'currency_rates' && (await liveRateOf(trx, String(row.currency), id))) {
    throw new AppError('conflict', 'errors.trash.rateExists', `a live ${String(row.currency)} rate exists`, [
      { path: ['id'], messageKey: 'errors.trash.rateExists', params: { currency: String(row.currency) } },
    ])
  }
  await restoreRow(trx, ctx.write, TABLES[kind], id)
  restored.push({ kind, id, title: await titleOf(trx, kind, id) })
  if (kind === 'visits') {
    const followUps = await followUpsDeletedWith(trx, id, String(row.deleted_at), DELETED_WITH_WINDOW_MS)
    for (const followUp of followUps) {
      await restoreRow(trx, ctx.write, followUpsTable, followUp)
      restored.push({
        kind: 'visit_follow_ups',
        id: followUp,
        title: await titleOf(trx, 'visit_follow_ups', followUp),
      })
    }
  }
}

/**
 * Restores a deleted record through the one write path (it syncs to every laptop), with the deleted
 * records it belongs to and the follow-ups deleted with a visit, in one transaction. A live record
 * restores nothing.
 */
export async function restoreRecord(
  ctx: CoreContext,
  input: { kind: TrashKind; id: string },
): Promise<{ restored: RestoredRecord[] }> {
  const restored: RestoredRecord[] = []
  await inTransaction(ctx.db, (trx) => restoreOne(trx, ctx, input.kind, input.id, restored, 0))
  return { restored }
}

function isTrashKind(kind: string): kind is TrashKind {
  return (TRASH_KINDS as string[]).includes(kind)
}

export async function listConflictsOfDeletes(
  ctx: CoreContext,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: DeleteConflict[] }> {
  const [{ total, rows }, authorOf] = await Promise.all([
    listDeleteConflicts(ctx.db, page),
    loadAuthorNames(ctx.db, ctx.write.clock.node),
  ])
  const items: DeleteConflict[] = []
  for (const r of rows) {
    if (!isTrashKind(r.table_name)) continue
    const [record, fields] = await Promise.all([
      findAnyRow(ctx.db, r.table_name, r.row_id),
      fieldsOfSave(ctx.db, r.table_name, r.row_id, r.edit_hlc),
    ])
    items.push({
      id: r.id,
      kind: r.table_name,
      rowId: r.row_id,
      title: await titleOf(ctx.db, r.table_name, r.row_id),
      deleted: authorAt(authorOf, r.delete_hlc),
      edited: authorAt(authorOf, r.edit_hlc),
      fields: fields.map((f) => ({ field: f.column_name, value: valueText(f.value) })),
      restored: record !== undefined && record.deleted_at == null,
    })
  }
  return { total, items }
}
