import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import Database from 'better-sqlite3'
import sharp from 'sharp'
import * as tar from 'tar-stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { filesUnder } from '../../../test/integration/support/files-under'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { DATABASE_FILE } from '../app'
import { AppError } from '../api/errors'
import { tinyPdf } from '../../../test/integration/support/document-files'
import { documentRoutes } from '../documents/documents.api'
import type { Document, StoredDocumentFile } from '../documents/documents.contract'
import { photoRoutes } from '../photos/photos.api'
import type { Photo } from '../photos/photos.contract'
import { SETTING, writeSetting } from '../sync/sync.settings'
import { ARCHIVE_DATABASE_ENTRY, ARCHIVE_MANIFEST_ENTRY, type ArchiveManifest } from './archive-format'
import { exportArchive, stageArchiveForOpen } from './archive.service'
import type { ArchiveStatus } from './archive.contract'

/** Export everything, then open it on a fresh data folder: real cores, real files, real tar. */

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function photo(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: seed % 255, g: 80, b: 160 } },
  })
    .jpeg()
    .toBuffer()
}

/** Reads a tar into memory (test archives are small). */
async function readTar(file: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>()
  const extract = tar.extract()
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      entries.set(header.name, Buffer.concat(chunks))
      next()
    })
  })
  await pipeline(createReadStream(file), extract)
  return entries
}

/** Writes entries as a tar; with `rehash`, the manifest's sizes and hashes are made to match them. */
async function writeTar(file: string, entries: Map<string, Buffer>, rehash = false): Promise<void> {
  const pack = tar.pack()
  const done = pipeline(pack, createWriteStream(file))
  const manifest = entries.get(ARCHIVE_MANIFEST_ENTRY)
  for (const [name, bytes] of entries) {
    if (name === ARCHIVE_MANIFEST_ENTRY) continue
    pack.entry({ name }, bytes)
  }
  if (manifest) {
    const parsed = JSON.parse(manifest.toString()) as ArchiveManifest
    if (rehash) {
      parsed.files = parsed.files.map((f) => {
        const bytes = entries.get(f.name)
        return bytes ? { ...f, size: bytes.length, sha256: sha(bytes) } : f
      })
    }
    pack.entry({ name: ARCHIVE_MANIFEST_ENTRY }, JSON.stringify(parsed))
  }
  pack.finalize()
  await done
}

function fileHash(path: string): string {
  return sha(readFileSync(path))
}

describe('archive: export everything, open on a new laptop', () => {
  let source: TempCore
  let target: TempCore
  let scratch: string
  let archive: string
  let licence: Document
  const licencePdf = tinyPdf('营业执照 晋江纸品厂0')

  beforeEach(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'workbench-archive-'))
    source = await createTempCore()
    target = await createTempCore()
    const photos = photoRoutes(source.context)
    for (let i = 0; i < 3; i++) {
      const factory = ok<{ id: string }>(
        await source.dispatch('factories.create', { name: `晋江纸品厂${i}` }),
      )
      const stored = ok<Photo>(await photos.upload(await photo(i)))
      ok(
        await source.dispatch('photos.attach', {
          sha256: stored.sha256,
          ownerTable: 'factories',
          ownerId: factory.id,
        }),
      )
    }
    const [first] = ok<{ items: { id: string }[] }>(await source.dispatch('factories.list', {})).items
    const stored = ok<StoredDocumentFile>(
      await documentRoutes(source.context).upload(licencePdf, '营业执照.pdf', sha(licencePdf)),
    )
    licence = ok<Document>(
      await source.dispatch('documents.attach', {
        sha256: stored.sha256,
        ownerTable: 'factories',
        ownerId: first!.id,
        fileName: stored.fileName,
        kind: 'business_licence',
      }),
    )
    const gone = ok<{ id: string }>(await source.dispatch('factories.create', { name: '已删除的厂' }))
    ok(await source.dispatch('factories.delete', { id: gone.id }))
    await writeSetting(source.context.db, SETTING.hqUrl, 'http://192.168.1.10:8787')
    archive = join(scratch, 'moved.tar')
    await exportArchive(source.context, source.database.sqlite, archive)
  })
  afterEach(async () => {
    await source.dispose()
    await target.dispose().catch(() => {})
    rmSync(scratch, { recursive: true, force: true })
  })

  /** Closes the target core and opens it again on the same folder, as the host does after staging. */
  async function reopenTarget(): Promise<void> {
    await target.close()
    target = await createTempCore({ dataDir: target.dataDir })
  }

  /** Stages `file` on the target; the AppError when refused. */
  async function open(file: string): Promise<AppError | undefined> {
    try {
      await stageArchiveForOpen(target.context, createReadStream(file), 'x.tar')
      return undefined
    } catch (error) {
      if (error instanceof AppError) return error
      throw error
    }
  }

  it('brings back the same app state: lists, photos, device and sync settings', async () => {
    const staged = await stageArchiveForOpen(target.context, createReadStream(archive), 'moved.tar')
    expect(staged.counts).toEqual({ factories: 3, samples: 0, quotes: 0, visits: 0, photos: 3 })
    await reopenTarget()
    const list = (core: TempCore) => core.dispatch('factories.list', { limit: 100 })
    expect(ok(await list(target))).toEqual(ok(await list(source)))
    expect(filesUnder(join(target.dataDir, 'photos'))).toEqual(filesUnder(join(source.dataDir, 'photos')))
    for (const rel of filesUnder(join(source.dataDir, 'photos'))) {
      expect(fileHash(join(target.dataDir, 'photos', rel))).toBe(
        fileHash(join(source.dataDir, 'photos', rel)),
      )
    }
    // The factory's licence PDF comes back byte for byte, listed and served as on the old laptop.
    expect(filesUnder(join(target.dataDir, 'documents'))).toEqual([
      `${licence.sha256.slice(0, 2)}/${licence.sha256}`,
    ])
    expect(
      readFileSync(join(target.dataDir, 'documents', licence.sha256.slice(0, 2), licence.sha256)),
    ).toEqual(licencePdf)
    const documentsOf = (core: TempCore) =>
      core.dispatch('documents.list', { ownerTable: 'factories', ownerId: licence.ownerId })
    expect(ok(await documentsOf(target))).toEqual(ok(await documentsOf(source)))
    expect(ok<{ items: Document[] }>(await documentsOf(target)).items[0]).toMatchObject({
      id: licence.id,
      available: true,
    })
    const meta = (core: TempCore) =>
      core.database.sqlite
        .prepare("SELECT key, value FROM meta WHERE key LIKE 'sync_%' OR key = 'device_id' ORDER BY key")
        .all()
    expect(meta(target)).toEqual(meta(source))
    expect(ok<{ deviceId: string }>(await target.dispatch('app.info', {})).deviceId).toBe(
      source.context.write.deviceId,
    )
    // The work folders are gone; the laptop now holds the buyer's records, so a second open is refused.
    expect(existsSync(join(target.dataDir, 'archive-ready'))).toBe(false)
    expect(existsSync(join(target.dataDir, 'archive-work'))).toBe(false)
    expect(ok<ArchiveStatus>(await target.dispatch('archive.status', {}))).toMatchObject({
      ownRecords: 11,
      canOpen: false,
    })
    expect((await open(archive))?.messageKey).toBe('errors.archive.notEmpty')
  })

  describe('refuses, touching nothing', () => {
    let before: { db: string; files: string[] }
    beforeEach(() => {
      before = {
        db: fileHash(join(target.dataDir, DATABASE_FILE)),
        files: readdirSync(target.dataDir).sort(),
      }
    })
    afterEach(async () => {
      expect(
        readdirSync(target.dataDir)
          .filter((f) => f !== 'archive-work')
          .sort(),
      ).toEqual(before.files.filter((f) => f !== 'archive-work'))
      if (existsSync(join(target.dataDir, 'archive-work'))) {
        expect(readdirSync(join(target.dataDir, 'archive-work'))).toEqual([])
      }
      await reopenTarget()
      expect(ok<{ total: number }>(await target.dispatch('factories.list', {})).total).toBe(0)
    })

    const variant = async (change: (entries: Map<string, Buffer>) => void, rehash = false) => {
      const entries = await readTar(archive)
      change(entries)
      const file = join(scratch, 'variant.tar')
      await writeTar(file, entries, rehash)
      return open(file)
    }
    const firstPhoto = (entries: Map<string, Buffer>) =>
      [...entries.keys()].find((n) => n.startsWith('photos/'))!

    it('a photo whose bytes do not match the manifest', async () => {
      const error = await variant((entries) => {
        const name = firstPhoto(entries)
        const bytes = Buffer.from(entries.get(name)!)
        bytes[bytes.length - 10]! ^= 0xff
        entries.set(name, bytes)
      })
      expect(error?.messageKey).toBe('errors.archive.mismatch')
    })

    it('a document whose bytes do not match the manifest, or its name (hashes made to match)', async () => {
      const name = `documents/${licence.sha256.slice(0, 2)}/${licence.sha256}`
      const changed = (entries: Map<string, Buffer>) => {
        const bytes = Buffer.from(entries.get(name)!)
        bytes[bytes.length - 10]! ^= 0xff
        entries.set(name, bytes)
      }
      expect((await variant(changed))?.messageKey).toBe('errors.archive.mismatch')
      expect((await variant(changed, true))?.messageKey).toBe('errors.archive.mismatch')
      expect((await variant((entries) => entries.delete(name)))?.messageKey).toBe('errors.archive.mismatch')
    })

    it('a file the manifest does not list', async () => {
      const error = await variant((entries) =>
        entries.set(`photos/ab/ab${'0'.repeat(62)}.jpg`, Buffer.from('x')),
      )
      expect(error?.messageKey).toBe('errors.archive.foreignFile')
    })

    it('a path outside the archive’s folders', async () => {
      const error = await variant((entries) => entries.set('../../evil.sh', Buffer.from('rm -rf /')))
      expect(error?.messageKey).toBe('errors.archive.foreignFile')
      expect(existsSync(join(target.dataDir, '..', 'evil.sh'))).toBe(false)
    })

    it('a missing photo', async () => {
      const error = await variant((entries) => entries.delete(firstPhoto(entries)))
      expect(error?.messageKey).toBe('errors.archive.mismatch')
    })

    it('counts that do not match the database', async () => {
      const error = await variant((entries) => {
        const manifest = JSON.parse(entries.get(ARCHIVE_MANIFEST_ENTRY)!.toString()) as ArchiveManifest
        manifest.counts.factories = 4
        entries.set(ARCHIVE_MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest)))
      })
      expect(error?.messageKey).toBe('errors.archive.mismatch')
    })

    it('a database written by a newer version (hashes made to match)', async () => {
      const error = await variant((entries) => {
        const file = join(scratch, 'newer.sqlite')
        writeFileSync(file, entries.get(ARCHIVE_DATABASE_ENTRY)!)
        const sqlite = new Database(file)
        sqlite
          .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2027-01-01')")
          .run()
        sqlite.pragma('journal_mode = DELETE')
        sqlite.close()
        entries.set(ARCHIVE_DATABASE_ENTRY, readFileSync(file))
      }, true)
      expect(error?.messageKey).toBe('errors.archive.newerSchema')
      expect(error?.fields[0]?.params).toMatchObject({ dataSchema: '9999_future' })
    })

    it('a truncated download, and a file that is not an archive', async () => {
      const bytes = readFileSync(archive)
      const cut = join(scratch, 'cut.tar')
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
      expect((await open(cut))?.messageKey).toBe('errors.archive.notAnArchive')
      const junk = join(scratch, 'junk.tar')
      writeFileSync(junk, Buffer.from('PK\u0003\u0004 this is a zip, not ours'))
      expect((await open(junk))?.messageKey).toBe('errors.archive.notAnArchive')
    })
  })

  it('refuses a laptop that holds records of its own, and keeps them', async () => {
    ok(await target.dispatch('factories.create', { name: '新电脑上的厂' }))
    expect(ok<ArchiveStatus>(await target.dispatch('archive.status', {}))).toMatchObject({
      ownRecords: 1,
      canOpen: false,
    })
    const error = await open(archive)
    expect(error?.messageKey).toBe('errors.archive.notEmpty')
    expect(error?.fields[0]?.params).toEqual({ records: 1 })
    expect(existsSync(join(target.dataDir, 'archive-ready'))).toBe(false)
    await reopenTarget()
    expect(ok<{ total: number }>(await target.dispatch('factories.list', {})).total).toBe(1)
  })

  it('finishes a swap a crash interrupted after the database was renamed in, photos still old', async () => {
    await stageArchiveForOpen(target.context, createReadStream(archive), 'moved.tar')
    await target.close()
    // Step 2 of the swap done by hand, as if the process died right after it.
    renameSync(
      join(target.dataDir, 'archive-ready', ARCHIVE_DATABASE_ENTRY),
      join(target.dataDir, DATABASE_FILE),
    )
    rmSync(join(target.dataDir, `${DATABASE_FILE}-wal`), { force: true })
    rmSync(join(target.dataDir, `${DATABASE_FILE}-shm`), { force: true })
    target = await createTempCore({ dataDir: target.dataDir })
    expect(ok<{ total: number }>(await target.dispatch('factories.list', {})).total).toBe(3)
    expect(filesUnder(join(target.dataDir, 'photos'))).toEqual(filesUnder(join(source.dataDir, 'photos')))
    expect(filesUnder(join(target.dataDir, 'documents'))).toEqual(
      filesUnder(join(source.dataDir, 'documents')),
    )
    expect(existsSync(join(target.dataDir, 'archive-ready'))).toBe(false)
  })

  it('exports every table as one Excel workbook, a sheet each, live rows only', async () => {
    const file = ok<{ fileName: string; base64: string }>(
      await source.dispatch('archive.workbook', { language: 'zh-CN' }),
    )
    expect(file.fileName).toMatch(/^全部数据_\d{4}-\d{2}-\d{2}\.xlsx$/)
    const { default: Excel } = await import('exceljs')
    const workbook = new Excel.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const names = workbook.worksheets.map((sheet) => sheet.name)
    expect(names).toEqual(expect.arrayContaining(['工厂', '样品', '报价', '拜访', '照片', 'SKU']))
    const factories = workbook.getWorksheet('工厂')!
    const header = factories.getRow(1).values as unknown[]
    expect(header).toContain('name')
    // Three live factories under the header; the deleted one is not there.
    expect(factories.actualRowCount).toBe(4)
    const nameColumn = header.indexOf('name')
    const shown = [2, 3, 4].map((row) => factories.getRow(row).getCell(nameColumn).value)
    expect(shown.sort()).toEqual(['晋江纸品厂0', '晋江纸品厂1', '晋江纸品厂2'])
    // Bookkeeping stays out: no settings (the device token lives there), no change log.
    expect(names).not.toContain('meta')
    expect(names).not.toContain('change_log')
  })

  it('exports while saves keep arriving: the snapshot is one consistent state', async () => {
    const writes = (async () => {
      for (let i = 0; i < 50; i++) ok(await source.dispatch('factories.create', { name: `并发厂${i}` }))
    })()
    const during = join(scratch, 'during.tar')
    const summary = await exportArchive(source.context, source.database.sqlite, during)
    await writes
    const entries = await readTar(during)
    const manifest = JSON.parse(entries.get(ARCHIVE_MANIFEST_ENTRY)!.toString()) as ArchiveManifest
    expect(manifest.counts.factories).toBe(summary.counts.factories)
    expect(manifest.counts.factories).toBeGreaterThanOrEqual(3)
    // The snapshot's counts are those of its own database, checked again as it opens.
    await stageArchiveForOpen(target.context, createReadStream(during), 'during.tar')
    await reopenTarget()
    expect(ok<{ total: number }>(await target.dispatch('factories.list', {})).total).toBe(
      manifest.counts.factories,
    )
  })
})
