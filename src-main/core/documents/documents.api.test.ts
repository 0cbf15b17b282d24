import { existsSync, readdirSync, readFileSync } from 'node:fs'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failed, ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { priceSheet, tinyPdf } from '../../../test/integration/support/document-files'
import type { Factory } from '../factories/factories.contract'
import { documentFile, documentsRoot, sha256Of } from './document-files'
import { documentRoutes, type DocumentRoutes } from './documents.api'
import { MAX_DOCUMENT_BYTES, type Document, type StoredDocumentFile } from './documents.contract'

/** Documents end to end in the core: real files in a temp data directory, calls through the dispatcher. */

describe('documents', () => {
  let core: TempCore
  let routes: DocumentRoutes
  let factory: Factory
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const count = (table: string) =>
    (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const upload = async (bytes: Uint8Array, name: string, sha256?: string) =>
    ok<StoredDocumentFile>(await routes.upload(bytes, name, sha256))
  const attach = async (stored: StoredDocumentFile, extra: Record<string, unknown> = {}) =>
    ok<Document>(
      await call('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: factory.id,
        fileName: stored.fileName,
        ...extra,
      }),
    )

  beforeEach(async () => {
    core = await createTempCore()
    routes = documentRoutes(core.context)
    factory = ok<Factory>(await call('factories.create', { name: '晋江恒安纸业' }))
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('attaches a PDF, a price sheet, a CSV and an image, lists them newest first and serves the same bytes', async () => {
    const pdf = tinyPdf()
    const xlsx = await priceSheet()
    const csv = Buffer.from('规格,单价\n100抽,23.5\n', 'utf8')
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .png()
      .toBuffer()
    const storedPdf = await upload(pdf, '营业执照.pdf', sha256Of(pdf))
    expect(storedPdf).toEqual({
      sha256: sha256Of(pdf),
      mime: 'application/pdf',
      type: 'pdf',
      bytes: pdf.length,
      fileName: '营业执照.pdf',
    })
    const licence = await attach(storedPdf, { kind: 'business_licence', title: '营业执照' })
    const sheet = await attach(await upload(xlsx, '2026 报价单.xlsx'), { kind: 'price_sheet' })
    const table = await attach(await upload(csv, 'prices.csv'))
    const picture = await attach(await upload(png, 'scan.png'))
    expect([sheet.type, sheet.mime]).toEqual([
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ])
    expect([table.type, picture.type, picture.mime]).toEqual(['csv', 'image', 'image/png'])
    expect(licence).toMatchObject({
      kind: 'business_licence',
      title: '营业执照',
      bytes: pdf.length,
      available: true,
    })
    expect(licence.addedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    const listed = ok<{ items: Document[] }>(
      await call('documents.list', { ownerTable: 'factories', ownerId: factory.id }),
    )
    expect(listed.items.map((d) => d.fileName)).toEqual([
      'scan.png',
      'prices.csv',
      '2026 报价单.xlsx',
      '营业执照.pdf',
    ])

    const file = await routes.file(sheet.id)
    expect(file).toMatchObject({ fileName: '2026 报价单.xlsx', bytes: xlsx.length })
    expect(readFileSync(file!.path).equals(xlsx)).toBe(true)
    // Stored under its hash, so the same file attached twice is one file.
    expect(file!.path).toBe(documentFile(documentsRoot(core.dataDir), sha256Of(xlsx)))
    const again = await attach(await upload(xlsx, 'copy.xlsx'))
    expect((await routes.file(again.id))!.path).toBe(file!.path)
  })

  it('refuses a file whose content is not what its name says, and writes nothing', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } })
      .png()
      .toBuffer()
    const error = failed(await routes.upload(png, '报价单.xlsx'))
    expect(error).toMatchObject({
      code: 'validation',
      messageKey: 'errors.document.typeMismatch',
      fields: [
        {
          path: ['file'],
          messageKey: 'errors.document.typeMismatch',
          params: { named: 'xlsx', actual: 'image' },
        },
      ],
    })
    // A PDF named .csv, a zip that is no workbook, an executable: each refused with its reason.
    expect(failed(await routes.upload(tinyPdf(), 'list.csv')).messageKey).toBe('errors.document.typeMismatch')
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')])
    expect(failed(await routes.upload(zip, 'sheet.xlsx')).messageKey).toBe('errors.document.unreadable')
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])
    expect(failed(await routes.upload(exe, 'report.pdf')).messageKey).toBe('errors.document.unreadable')
    expect(failed(await routes.upload(exe, 'setup.exe')).messageKey).toBe('errors.document.unsupported')
    expect(failed(await routes.upload(Buffer.from('<html><script>x</script>'), 'a.csv')).messageKey).toBe(
      'errors.document.unreadable',
    )
    expect(existsSync(documentsRoot(core.dataDir)) ? readdirCount(documentsRoot(core.dataDir)) : 0).toBe(0)
    expect(count('documents')).toBe(0)
  })

  it('refuses bytes that do not hash to what the sender computed, and keeps nothing', async () => {
    const pdf = tinyPdf()
    const error = failed(await routes.upload(pdf, 'report.pdf', sha256Of(tinyPdf('another file'))))
    expect(error).toMatchObject({ code: 'validation', messageKey: 'errors.document.hashMismatch' })
    expect(existsSync(documentFile(documentsRoot(core.dataDir), sha256Of(pdf)))).toBe(false)
    // Attaching a hash that was never uploaded is refused on the field.
    expect(
      failed(
        await call('documents.attach', {
          sha256: sha256Of(pdf),
          ownerTable: 'factories',
          ownerId: factory.id,
          fileName: 'report.pdf',
        }),
      ).fields,
    ).toEqual([{ path: ['sha256'], messageKey: 'errors.document.notUploaded' }])
    expect(count('documents')).toBe(0)
  })

  it('refuses a document over the size limit before reading it as anything', async () => {
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20)
    big.write('%PDF-1.4', 0, 'latin1')
    expect(failed(await routes.upload(big, 'huge.pdf'))).toMatchObject({
      code: 'payload_too_large',
      messageKey: 'errors.document.tooLarge',
    })
  })

  it('attaches to quotes and samples, refuses a missing owner, and deletes to the Trash with a restore', async () => {
    const stored = await upload(await priceSheet(), 'price.xlsx')
    const missing = failed(
      await call('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'quotes',
        ownerId: '0190a000-0000-7000-8000-000000000000',
        fileName: 'price.xlsx',
      }),
    )
    expect(missing.fields[0]).toMatchObject({ path: ['ownerId'], messageKey: 'errors.reference.missing' })
    const sample = ok<{ id: string }>(
      await call('samples.create', { source: 'selectionCenter', factoryId: factory.id, name: '竹浆抽纸' }),
    )
    const onSample = ok<Document>(
      await call('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'samples',
        ownerId: sample.id,
        kind: 'test_report',
        fileName: 'price.xlsx',
      }),
    )
    const renamed = ok<Document>(await call('documents.update', { id: onSample.id, title: 'SGS 检测报告' }))
    expect(renamed).toMatchObject({ title: 'SGS 检测报告', kind: 'test_report' })

    ok(await call('documents.delete', { id: onSample.id }))
    expect(failed(await call('documents.get', { id: onSample.id })).code).toBe('not_found')
    expect(await routes.file(onSample.id)).toBeNull()
    const trash = ok<{ items: { kind: string; id: string; title: string }[] }>(
      await call('trash.list', { kind: 'documents' }),
    )
    expect(trash.items).toEqual([expect.objectContaining({ kind: 'documents', id: onSample.id })])
    expect(trash.items[0]!.title).toContain('SGS 检测报告')
    ok(await call('trash.restore', { kind: 'documents', id: onSample.id }))
    expect(ok<Document>(await call('documents.get', { id: onSample.id })).title).toBe('SGS 检测报告')
    // The file was never removed: the restored document opens again.
    expect(await routes.file(onSample.id)).not.toBeNull()
  })
})

function readdirCount(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length
}
