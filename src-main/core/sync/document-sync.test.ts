import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hqBackends } from '../../../src-hq/testing/test-hq'
import { ok } from '../../../test/integration/support/api-result'
import { priceSheet, tinyPdf } from '../../../test/integration/support/document-files'
import { startSyncFleet, type SyncDevice, type SyncFleet } from '../../../test/sync-harness/sync-device'
import { addDays, localDay } from '../domain/certificate-status'
import type { Certificate } from '../certificates/certificates.contract'
import { documentRoutes } from '../documents/documents.api'
import type { Document, StoredDocumentFile } from '../documents/documents.contract'
import type { Factory } from '../factories/factories.contract'
import { HqRequestError, type HqClient } from './hq-client'

/** A factory's documents and certificates from one laptop to another through a real HQ on 127.0.0.1. */

describe.each(hqBackends())('documents and certificates sync through HQ on %s', (backend) => {
  let fleet: SyncFleet
  let li: SyncDevice
  let wang: SyncDevice

  beforeEach(async () => {
    fleet = await startSyncFleet(['李工的笔记本', '王工的笔记本'], Date.now(), backend)
    ;[li, wang] = fleet.laptops as [SyncDevice, SyncDevice]
  })
  afterEach(() => fleet?.dispose())

  const call = (device: SyncDevice, name: string, input: unknown) => device.core.dispatch(name, input)
  const attach = async (
    device: SyncDevice,
    factoryId: string,
    bytes: Buffer,
    fileName: string,
    kind: string,
  ) => {
    const stored = ok<StoredDocumentFile>(await documentRoutes(device.core.context).upload(bytes, fileName))
    return ok<Document>(
      await call(device, 'documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: factoryId,
        kind,
        fileName,
      }),
    )
  }

  it('sends a price sheet and a BSCI certificate with its scan from 李 to 王, files intact', async () => {
    const factory = ok<Factory>(await call(li, 'factories.create', { name: '晋江恒安纸业' }))
    const sheetBytes = await priceSheet()
    const scanBytes = tinyPdf()
    const sheet = await attach(li, factory.id, sheetBytes, '2026 报价单.xlsx', 'price_sheet')
    const scan = await attach(li, factory.id, scanBytes, 'BSCI审核报告.pdf', 'certificate')
    const validTo = addDays(localDay(new Date()), 23)
    const bsci = ok<Certificate>(
      await call(li, 'certificates.create', {
        factoryId: factory.id,
        values: { kind: 'bsci', number: 'DE-0042', issuer: 'amfori', validTo, scanDocumentId: scan.id },
      }),
    )

    expect(await li.sync()).toMatchObject({ outcome: 'ok', rejected: 0, documentsUp: 2, photoErrors: 0 })
    expect(await wang.sync()).toMatchObject({
      outcome: 'ok',
      documentsDown: 2,
      documentsWaiting: 0,
      photoErrors: 0,
    })

    const docs = ok<{ items: Document[] }>(
      await call(wang, 'documents.list', { ownerTable: 'factories', ownerId: factory.id }),
    )
    expect(docs.items).toEqual(
      ok<{ items: Document[] }>(
        await call(li, 'documents.list', { ownerTable: 'factories', ownerId: factory.id }),
      ).items,
    )
    expect(docs.items.every((d) => d.available)).toBe(true)
    const routes = documentRoutes(wang.core.context)
    expect(readFileSync((await routes.file(sheet.id))!.path).equals(sheetBytes)).toBe(true)
    expect(readFileSync((await routes.file(scan.id))!.path).equals(scanBytes)).toBe(true)

    const there = ok<Certificate>(await call(wang, 'certificates.get', { id: bsci.id }))
    expect(there).toEqual(bsci)
    expect(there).toMatchObject({ state: 'expiring', daysLeft: 23, scanDocumentId: scan.id })
    const expiring = ok<{ items: { id: string; factoryName: string }[] }>(
      await call(wang, 'certificates.expiring', {}),
    )
    expect(expiring.items).toEqual([expect.objectContaining({ id: bsci.id, factoryName: '晋江恒安纸业' })])

    // Nothing moves again.
    expect(await li.sync()).toMatchObject({ documentsUp: 0, documentsDown: 0 })
    expect(await wang.sync()).toMatchObject({ documentsUp: 0, documentsDown: 0 })
  })

  it('refuses a downloaded file that does not match its hash, and fetches it on the next sync', async () => {
    const factory = ok<Factory>(await call(li, 'factories.create', { name: '佛山日化' }))
    const bytes = tinyPdf('test report')
    const doc = await attach(li, factory.id, bytes, 'SGS.pdf', 'test_report')
    await li.sync()
    const tampered: HqClient = { ...(await wang.httpClient()), downloadPhoto: async () => tinyPdf('forged') }
    const first = await wang.sync(tampered)
    expect(first).toMatchObject({ outcome: 'ok', documentsDown: 0, photoErrors: 1 })
    expect(first.photoFailures[0]).toMatchObject({
      sha256: doc.sha256,
      direction: 'down',
      code: 'hash_mismatch',
    })
    expect(ok<Document>(await call(wang, 'documents.get', { id: doc.id })).available).toBe(false)
    expect(await documentRoutes(wang.core.context).file(doc.id)).toBeNull()

    expect(await wang.sync()).toMatchObject({ outcome: 'ok', documentsDown: 1, photoErrors: 0 })
    expect(readFileSync((await documentRoutes(wang.core.context).file(doc.id))!.path).equals(bytes)).toBe(
      true,
    )
  })

  it('keeps syncing when a document fails to go up, and sends it next time', async () => {
    const factory = ok<Factory>(await call(li, 'factories.create', { name: '中山洗涤' }))
    await attach(li, factory.id, await priceSheet(), 'price.xlsx', 'price_sheet')
    const failing: HqClient = {
      ...(await li.httpClient()),
      uploadPhoto: () => Promise.reject(new HqRequestError('offline', 'Wi-Fi dropped')),
    }
    expect(await li.sync(failing)).toMatchObject({ outcome: 'ok', documentsUp: 0, photoErrors: 1 })
    expect(await wang.sync()).toMatchObject({ documentsDown: 0, documentsWaiting: 1 })
    expect(await li.sync()).toMatchObject({ documentsUp: 1, photoErrors: 0 })
    expect(await wang.sync()).toMatchObject({ documentsDown: 1, documentsWaiting: 0 })
  })
})
