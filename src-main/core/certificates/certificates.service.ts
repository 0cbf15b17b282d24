import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { findLiveDocument } from '../documents/documents.repository'
import { inTransaction, insertRow, requireLiveReference, tombstoneRow, updateRow } from '../write/write-path'
import { addDays, certificateStatus, localDay } from '../domain/certificate-status'
import { certificatesTable } from './certificates.columns'
import type {
  Certificate,
  CertificateKind,
  CertificateValues,
  ExpiringCertificate,
} from './certificates.contract'
import {
  findLiveCertificate,
  listEndingBy,
  listLiveCertificates,
  type CertificateRow,
} from './certificates.repository'

/** Today on this laptop's calendar, by the corrected clock every stamp uses. */
function today(ctx: CoreContext): string {
  return localDay(ctx.write.now())
}

function toCertificate(row: CertificateRow, day: string): Certificate {
  const status = certificateStatus(row.valid_to, day)
  return {
    id: row.id,
    factoryId: row.factory_id,
    kind: row.kind as CertificateKind,
    kindOther: row.kind_other,
    number: row.number,
    issuer: row.issuer,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    scanDocumentId: row.scan_document_id,
    notes: row.notes,
    state: status.state,
    daysLeft: status.daysLeft,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const COLUMN_OF = {
  kind: 'kind',
  kindOther: 'kind_other',
  number: 'number',
  issuer: 'issuer',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  scanDocumentId: 'scan_document_id',
  notes: 'notes',
} as const satisfies Record<keyof CertificateValues, keyof CertificateRow>

function columnsOf(values: Partial<CertificateValues>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [COLUMN_OF[key as keyof CertificateValues], value]),
  )
}

function fieldError(path: string[], messageKey: string, message: string): AppError {
  return new AppError('validation', 'errors.validation', message, [{ path, messageKey }])
}

/** A scan must be a live document of the certificate's own factory. */
async function checkScan(trx: Transaction<DB>, factoryId: string, scanId: string | null | undefined) {
  if (scanId == null) return
  const scan = await findLiveDocument(trx, scanId)
  if (!scan || scan.owner_table !== 'factories' || scan.owner_id !== factoryId) {
    throw fieldError(
      ['values', 'scanDocumentId'],
      'errors.certificate.scanNotOfFactory',
      `scan ${scanId} is not a document of factory ${factoryId}`,
    )
  }
}

export async function listCertificates(ctx: CoreContext, factoryId: string): Promise<Certificate[]> {
  const day = today(ctx)
  return (await listLiveCertificates(ctx.db, factoryId)).map((row) => toCertificate(row, day))
}

export async function getCertificate(ctx: CoreContext, id: string): Promise<Certificate> {
  const row = await findLiveCertificate(ctx.db, id)
  if (!row) throw notFound('certificate', id)
  return toCertificate(row, today(ctx))
}

export async function createCertificate(
  ctx: CoreContext,
  factoryId: string,
  values: CertificateValues,
): Promise<Certificate> {
  const id = await inTransaction(ctx.db, async (trx) => {
    await requireLiveReference(trx, 'factories', factoryId, ['factoryId'])
    await checkScan(trx, factoryId, values.scanDocumentId)
    return insertRow(trx, ctx.write, certificatesTable, { factory_id: factoryId, ...columnsOf(values) })
  })
  return getCertificate(ctx, id)
}

/**
 * Writes the changed fields. The date rule holds for the record as it will be: a new valid-to before
 * the stored valid-from is refused like one before a valid-from given in the same call.
 */
export async function updateCertificate(
  ctx: CoreContext,
  id: string,
  values: Partial<CertificateValues>,
): Promise<Certificate> {
  await inTransaction(ctx.db, async (trx) => {
    const current = await findLiveCertificate(trx, id)
    if (!current) throw notFound('certificate', id)
    const from = values.validFrom !== undefined ? values.validFrom : current.valid_from
    const to = values.validTo !== undefined ? values.validTo : current.valid_to
    if (from !== null && to !== null && to < from) {
      const path = values.validTo !== undefined ? 'validTo' : 'validFrom'
      throw fieldError(
        ['values', path],
        'errors.certificate.toBeforeFrom',
        `valid to ${to} is before valid from ${from}`,
      )
    }
    const kind = values.kind ?? current.kind
    const kindOther = values.kindOther ?? current.kind_other
    if (kind === 'other' && kindOther.trim() === '') {
      throw fieldError(
        ['values', 'kindOther'],
        'errors.certificate.kindOtherRequired',
        "kind 'other' needs its name",
      )
    }
    await checkScan(trx, current.factory_id, values.scanDocumentId)
    await updateRow(trx, ctx.write, certificatesTable, id, columnsOf(values))
  })
  return getCertificate(ctx, id)
}

export async function deleteCertificate(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, certificatesTable, id))
}

/** What expires within `withinDays` of today (and, with includeExpired, what already has), soonest first. */
export async function listExpiring(
  ctx: CoreContext,
  input: { withinDays: number; includeExpired: boolean; limit: number },
): Promise<{ today: string; items: ExpiringCertificate[] }> {
  const day = today(ctx)
  const rows = await listEndingBy(ctx.db, {
    fromDay: input.includeExpired ? null : day,
    lastDay: addDays(day, input.withinDays),
    limit: input.limit,
  })
  return {
    today: day,
    items: rows.map((row) => ({
      ...toCertificate(row, day),
      // The window is the caller's, not the default 60 days: within it is 'expiring'.
      state: row.valid_to! < day ? 'expired' : 'expiring',
      factoryName: row.factory_name,
    })),
  }
}
