import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMessages } from '../../../src-hq/messages.repository'
import { ok } from '../../../test/integration/support/api-result'
import { tinyPdf } from '../../../test/integration/support/document-files'
import {
  createSyncDevice,
  factoriesOf,
  startSyncFleet,
  syncStatusOf,
  type SyncDevice,
  type SyncFleet,
} from '../../../test/sync-harness/sync-device'
import type { Certificate } from '../certificates/certificates.contract'
import { documentRoutes } from '../documents/documents.api'
import type { Document, StoredDocumentFile } from '../documents/documents.contract'

describe('demo data stays on the laptop that seeded it (real HQ)', () => {
  let fleet: SyncFleet
  let demo: SyncDevice
  let colleague: SyncDevice

  beforeAll(async () => {
    fleet = await startSyncFleet(['王强的笔记本'])
    ;[colleague] = fleet.laptops as [SyncDevice]
    demo = await createSyncDevice(fleet.hq, '试用的笔记本', Date.now(), { demo: true })
  })
  afterAll(async () => {
    await demo?.dispose()
    await fleet?.dispose()
  })

  it('sends none of the demo records or photos, and says they stay here', async () => {
    const before = await syncStatusOf(demo)
    expect(before.localOnlyRecords).toBeGreaterThan(40)
    expect(before.unsentRecords).toBe(0)

    const report = await demo.sync()
    expect(report).toMatchObject({ outcome: 'ok', pushed: 0, rejected: 0, photosUp: 0 })
    expect((await readMessages(fleet.hq.database.db, 0, 10)).messages).toEqual([])
  })

  it('sends the buyer’s own records, while edits of demo records stay here too', async () => {
    const demoFactory = Object.keys(factoriesOf(demo))[0]!
    await demo.edit(demoFactory, { notes: '改了演示工厂' })
    const own = await demo.createFactory({ name: '晋江恒安纸业' })
    expect(await syncStatusOf(demo)).toMatchObject({ unsentRecords: 1 })

    expect((await demo.sync()).outcome).toBe('ok')
    expect((await colleague.sync()).outcome).toBe('ok')
    expect(Object.keys(factoriesOf(colleague))).toEqual([own])
    expect(await syncStatusOf(demo)).toMatchObject({ unsentRecords: 0 })
  })

  it('keeps documents and certificates of a demo factory here; the buyer’s own go, files and all', async () => {
    const attach = async (factoryId: string, bytes: Buffer, fileName: string) => {
      const stored = ok<StoredDocumentFile>(await documentRoutes(demo.core.context).upload(bytes, fileName))
      return ok<Document>(
        await demo.core.dispatch('documents.attach', {
          sha256: stored.sha256,
          ownerTable: 'factories',
          ownerId: factoryId,
          kind: 'certificate',
          fileName,
        }),
      )
    }
    const certify = async (factoryId: string, scan: Document) =>
      ok<Certificate>(
        await demo.core.dispatch('certificates.create', {
          factoryId,
          values: { kind: 'bsci', number: 'DE-0042', issuer: 'amfori', scanDocumentId: scan.id },
        }),
      )
    const demoFactory = Object.keys(factoriesOf(demo))[0]!
    const own = await demo.createFactory({ name: '泉州佳美卫生用品' })
    const localBefore = (await syncStatusOf(demo)).localOnlyRecords
    const demoScan = await attach(demoFactory, tinyPdf('演示工厂 BSCI'), '演示BSCI.pdf')
    const demoCert = await certify(demoFactory, demoScan)
    const ownScan = await attach(own, tinyPdf('佳美 BSCI'), '佳美BSCI.pdf')
    const ownCert = await certify(own, ownScan)
    // The factory, its document and its certificate leave; the demo factory's two stay, and say so.
    expect(await syncStatusOf(demo)).toMatchObject({ unsentRecords: 3, localOnlyRecords: localBefore + 2 })

    expect(await demo.sync()).toMatchObject({ outcome: 'ok', rejected: 0, documentsUp: 1 })
    expect(await syncStatusOf(demo)).toMatchObject({ unsentRecords: 0 })
    expect(await colleague.sync()).toMatchObject({ outcome: 'ok', documentsDown: 1, documentsWaiting: 0 })
    const ids = (table: string) =>
      (
        colleague.core.database.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as {
          id: string
        }[]
      ).map((row) => row.id)
    expect(ids('documents')).toEqual([ownScan.id])
    expect(ids('certificates')).toEqual([ownCert.id])
    const sent = JSON.stringify((await readMessages(fleet.hq.database.db, 0, 1000)).messages)
    for (const id of [demoFactory, demoScan.id, demoCert.id, demoScan.sha256]) expect(sent).not.toContain(id)
  })
})
