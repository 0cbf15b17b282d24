import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { documentRoutes } from '../documents/documents.api'
import { tinyPdf } from '../../../test/integration/support/document-files'
import type { Document, StoredDocumentFile } from '../documents/documents.contract'
import type { Factory } from '../factories/factories.contract'
import { addDays, localDay } from '../domain/certificate-status'
import type { Certificate, ExpiringCertificate } from './certificates.contract'

/** A factory's certificates through the dispatcher on a real SQLite file; "today" is this machine's day. */

describe('certificates', () => {
  let core: TempCore
  let factory: Factory
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const today = () => localDay(new Date())
  const changes = () =>
    (
      core.database.sqlite
        .prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'certificates'")
        .get() as {
        n: number
      }
    ).n
  const create = async (values: Record<string, unknown>, factoryId = factory.id) =>
    ok<Certificate>(await call('certificates.create', { factoryId, values }))

  beforeEach(async () => {
    core = await createTempCore()
    factory = ok<Factory>(await call('factories.create', { name: '晋江恒安纸业' }))
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('adds a BSCI certificate with a PDF scan, flagged as expiring in 23 days', async () => {
    const pdf = tinyPdf()
    const stored = ok<StoredDocumentFile>(await documentRoutes(core.context).upload(pdf, 'BSCI.pdf'))
    const scan = ok<Document>(
      await call('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: factory.id,
        kind: 'certificate',
        fileName: 'BSCI.pdf',
      }),
    )
    const bsci = await create({
      kind: 'bsci',
      number: 'DE-2025-0042',
      issuer: 'amfori',
      validFrom: addDays(today(), -342),
      validTo: addDays(today(), 23),
      scanDocumentId: scan.id,
    })
    expect(bsci).toMatchObject({
      factoryId: factory.id,
      kind: 'bsci',
      number: 'DE-2025-0042',
      issuer: 'amfori',
      state: 'expiring',
      daysLeft: 23,
      scanDocumentId: scan.id,
    })
    expect(ok<Certificate>(await call('certificates.get', { id: bsci.id }))).toEqual(bsci)
  })

  it('refuses valid-to before valid-from on the field, on create and on update, and writes nothing', async () => {
    const before = changes()
    const refused = failed(
      await call('certificates.create', {
        factoryId: factory.id,
        values: { kind: 'iso9001', validFrom: '2026-06-01', validTo: '2026-05-31' },
      }),
    )
    expect(refused.fields).toEqual([
      { path: ['values', 'validTo'], messageKey: 'errors.certificate.toBeforeFrom' },
    ])
    expect(
      failed(
        await call('certificates.create', {
          factoryId: factory.id,
          values: { kind: 'fsc', validTo: '2026-02-30' },
        }),
      ).fields[0],
    ).toMatchObject({
      path: ['values', 'validTo'],
      messageKey: 'errors.date.invalid',
    })
    expect(
      failed(await call('certificates.create', { factoryId: factory.id, values: { kind: 'other' } }))
        .fields[0],
    ).toMatchObject({
      path: ['values', 'kindOther'],
      messageKey: 'errors.certificate.kindOtherRequired',
    })
    expect(changes()).toBe(before)

    const iso = await create({ kind: 'iso9001', validFrom: '2026-06-01', validTo: '2029-05-31' })
    // Only the end date given: checked against the stored start.
    const late = failed(await call('certificates.update', { id: iso.id, values: { validTo: '2026-01-01' } }))
    expect(late.fields).toEqual([
      { path: ['values', 'validTo'], messageKey: 'errors.certificate.toBeforeFrom' },
    ])
    const same = ok<Certificate>(
      await call('certificates.update', { id: iso.id, values: { validTo: '2026-06-01' } }),
    )
    expect(same.validTo).toBe('2026-06-01')
  })

  it('accepts a scan only from the same factory', async () => {
    const other = ok<Factory>(await call('factories.create', { name: '保定东升纸业' }))
    const stored = ok<StoredDocumentFile>(await documentRoutes(core.context).upload(tinyPdf(), 'ISO.pdf'))
    const scan = ok<Document>(
      await call('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: other.id,
        fileName: 'ISO.pdf',
      }),
    )
    const refused = failed(
      await call('certificates.create', {
        factoryId: factory.id,
        values: { kind: 'iso9001', scanDocumentId: scan.id },
      }),
    )
    expect(refused.fields).toEqual([
      { path: ['values', 'scanDocumentId'], messageKey: 'errors.certificate.scanNotOfFactory' },
    ])
  })

  it('lists expired and expiring certificates across live factories, soonest first, for the Today page', async () => {
    const other = ok<Factory>(await call('factories.create', { name: '广州白云日化' }))
    const gone = ok<Factory>(await call('factories.create', { name: '已删除的厂' }))
    await create({ kind: 'bsci', validTo: addDays(today(), 23) })
    await create({ kind: 'iso9001', validTo: addDays(today(), 200) })
    await create({ kind: 'production_licence', validTo: addDays(today(), -4) }, other.id)
    await create({ kind: 'business_licence', validTo: null }, other.id)
    await create({ kind: 'fsc', validTo: addDays(today(), 60) }, other.id)
    await create({ kind: 'smeta', validTo: addDays(today(), 61) }, other.id)
    await create({ kind: 'oeko_tex', validTo: addDays(today(), 3) }, gone.id)
    ok(await call('factories.delete', { id: gone.id }))

    const list = ok<{ today: string; items: ExpiringCertificate[] }>(await call('certificates.expiring', {}))
    expect(list.today).toBe(today())
    expect(list.items.map((c) => [c.factoryName, c.kind, c.state, c.daysLeft])).toEqual([
      ['广州白云日化', 'production_licence', 'expired', -4],
      ['晋江恒安纸业', 'bsci', 'expiring', 23],
      ['广州白云日化', 'fsc', 'expiring', 60],
    ])
    const soonOnly = ok<{ items: ExpiringCertificate[] }>(
      await call('certificates.expiring', { withinDays: 30, includeExpired: false }),
    )
    expect(soonOnly.items.map((c) => c.kind)).toEqual(['bsci'])

    const mine = ok<{ items: Certificate[] }>(await call('certificates.list', { factoryId: other.id }))
    expect(mine.items.map((c) => [c.kind, c.state])).toEqual([
      ['production_licence', 'expired'],
      ['fsc', 'expiring'],
      ['smeta', 'valid'],
      ['business_licence', 'no_expiry'],
    ])
  })

  it('deletes to the Trash and restores', async () => {
    const bsci = await create({ kind: 'bsci', number: 'B-1' })
    ok(await call('certificates.delete', { id: bsci.id }))
    expect(
      ok<{ items: Certificate[] }>(await call('certificates.list', { factoryId: factory.id })).items,
    ).toEqual([])
    const trash = ok<{ items: { kind: string; id: string; title: string }[] }>(
      await call('trash.list', { kind: 'certificates' }),
    )
    expect(trash.items).toEqual([expect.objectContaining({ id: bsci.id, title: 'BSCI B-1 · 晋江恒安纸业' })])
    ok(await call('trash.restore', { kind: 'certificates', id: bsci.id }))
    expect(ok<Certificate>(await call('certificates.get', { id: bsci.id })).number).toBe('B-1')
  })
})
