import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asarUnpacked } from '../../src-main/core/system/asar-unpacked'

/**
 * The packaged layout as far as it can be built without Electron's binary: the app's files as
 * electron-builder.yml selects them, packed into resources/app.asar with @electron/asar by its
 * asarUnpack globs. Then: every file loaded at run time by a worker or the OS loader (.node, shared
 * libraries, wasm, worker scripts and what they require) is in app.asar.unpacked, and the photo worker
 * and the checkpoint worker's better-sqlite3 really run from there in plain Node, where app.asar is an
 * opaque file: anything they still needed from inside the archive would fail to load.
 */

const root = join(__dirname, '..', '..')
const load = createRequire(__filename)
const built = existsSync(join(root, 'out', 'main', 'photo-worker.js'))
if (!built) console.log('[asar layout] skipped: run `npm run build` first')

/** Runtime modules the packaged app loads natively or from workers (and what they require). */
const RUNTIME_MODULES = [
  'better-sqlite3',
  'bindings',
  'file-uri-to-path',
  'sharp',
  '@img',
  'detect-libc',
  'semver',
  'libheif-js',
  'kysely',
]
const NATIVE = /\.(node|so(\.\d+)*|dylib|dll|wasm)$/

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

describe.skipIf(!built)('the packaged app’s asar layout (electron-builder.yml)', () => {
  const work = mkdtempSync(join(tmpdir(), 'asar-layout-'))
  const stage = join(work, 'stage')
  const resources = join(work, 'resources')
  const asarFile = join(resources, 'app.asar')
  const unpackedDir = join(resources, 'app.asar.unpacked')
  let config: { files: string[]; asarUnpack: string[]; asar: boolean; npmRebuild: boolean }
  let asar: { listPackage(file: string, options: object): string[] }

  beforeAll(async () => {
    const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, path: string | null, from: null): Promise<typeof config>
      validateConfiguration(config: object, logger: object): Promise<void>
    }
    const { DebugLogger } = load('builder-util') as { DebugLogger: new (enabled: boolean) => object }
    config = await getConfig(root, join(root, 'electron-builder.yml'), null)
    await validateConfiguration(config, new DebugLogger(false))
    // The app's files (out/ and package.json, as `files` selects) and the runtime modules.
    for (const folder of ['out/main', 'out/preload', 'out/renderer']) {
      cpSync(join(root, folder), join(stage, folder), { recursive: true })
    }
    cpSync(join(root, 'package.json'), join(stage, 'package.json'))
    for (const name of RUNTIME_MODULES) {
      cpSync(join(root, 'node_modules', name), join(stage, 'node_modules', name), {
        recursive: true,
        dereference: true,
        // Sources electron-builder.yml leaves out of the package.
        filter: (source) => !/better-sqlite3[\\/](deps|src|docs)([\\/]|$)/.test(source),
      })
    }
    mkdirSync(resources, { recursive: true })
    const { createPackageWithOptions } = load('@electron/asar') as {
      createPackageWithOptions(src: string, dest: string, options: object): Promise<void>
    }
    asar = load('@electron/asar') as typeof asar
    // electron-builder hands asarUnpack to the same matcher, relative to the app folder.
    const unpack = `{${config.asarUnpack.map((glob) => join(stage, glob)).join(',')}}`
    await createPackageWithOptions(stage, asarFile, { unpack })
  }, 120_000)
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('is a valid electron-builder config: asar on, its own native rebuild off', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
  })

  it('keeps the app’s code in app.asar and every native file, wasm and worker script outside it', () => {
    const packed = new Set(asar.listPackage(asarFile, { isPack: false }).map((p) => p.replace(/^[\\/]/, '')))
    for (const file of ['out/main/electron.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(packed.has(file.split('/').join(sep))).toBe(true)
      expect(existsSync(join(unpackedDir, file))).toBe(false)
    }
    const native = filesUnder(stage).filter((file) => NATIVE.test(file))
    expect(native.some((file) => file.endsWith('better_sqlite3.node'))).toBe(true)
    expect(native.some((file) => /sharp-.+\.node$/.test(file))).toBe(true)
    expect(native.some((file) => /libvips/.test(file))).toBe(true)
    expect(native.some((file) => file.endsWith('.wasm'))).toBe(true)
    const inside = native.filter((file) => !existsSync(join(unpackedDir, relative(stage, file))))
    expect(inside).toEqual([])
    const workerFiles = [
      'out/main/photo-worker.js',
      ...readdirSync(join(stage, 'out/main/chunks')).map((c) => `out/main/chunks/${c}`),
    ]
    expect(workerFiles.filter((file) => !existsSync(join(unpackedDir, file)))).toEqual([])
  })

  it('runs the photo worker from app.asar.unpacked, needing nothing inside the archive', async () => {
    const script = asarUnpacked(join(asarFile, 'out', 'main', 'photo-worker.js'))
    expect(script).toBe(join(unpackedDir, 'out', 'main', 'photo-worker.js'))
    const photosDir = join(work, 'photos')
    const bytes = await sharp({
      create: { width: 2400, height: 1800, channels: 3, background: { r: 30, g: 90, b: 160 } },
    })
      .jpeg()
      .toBuffer()
    const worker = new Worker(script)
    try {
      const reply = await new Promise<{ ok: boolean; photo?: { sha256: string; width: number } }>(
        (resolve, reject) => {
          worker.once('message', resolve)
          worker.once('error', reject)
          worker.postMessage({ id: 1, bytes: new Uint8Array(bytes), root: photosDir })
        },
      )
      expect(reply.ok).toBe(true)
      expect(reply.photo!.width).toBe(2400)
      const sha = reply.photo!.sha256
      expect(existsSync(join(photosDir, sha.slice(0, 2), `${sha}.preview.jpg`))).toBe(true)
    } finally {
      await worker.terminate()
    }
  })

  it('gives the checkpoint worker a better-sqlite3 it can load from app.asar.unpacked', async () => {
    // What wal-checkpointer.ts passes when require.resolve answers a path inside app.asar.
    const module = asarUnpacked(join(asarFile, 'node_modules', 'better-sqlite3', 'lib', 'index.js'))
    expect(module.startsWith(unpackedDir + sep)).toBe(true)
    const file = join(work, 'check.sqlite')
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       const Database = require(workerData.module)
       const db = new Database(workerData.file)
       db.pragma('journal_mode = WAL')
       db.exec('create table t (x)')
       parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)', { simple: false }).length)
       db.close()`,
      { eval: true, workerData: { module, file } },
    )
    const answer = await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    expect(answer).toBe(1)
    expect(statSync(file).size).toBeGreaterThan(0)
    expect(dirname(module)).toContain('app.asar.unpacked')
  })
})
