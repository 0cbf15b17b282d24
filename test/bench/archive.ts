import { createHash, randomBytes } from 'node:crypto'
import { cpSync, createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { createCore, DATABASE_FILE, type Core } from '../../src-main/core/app'
import { stageArchive } from '../../src-main/core/archive/archive-import'
import { exportArchive } from '../../src-main/core/archive/archive.service'
import { photoFolder, photosRoot } from '../../src-main/core/photos/photo-files'
import type { BenchRow } from './report'
import { summarize, timeRuns } from './stats'

/**
 * Issue 11: archive export and import of 1,000 photos. Each photo is three files as the store makes
 * them (original, 1600 px preview, 320 px thumbnail; random bytes of typical sizes, named by hash).
 * Ours: "Export everything" (online backup, tar, a sha256 of every file) and "Open an archive"
 * (extract, check every hash and count, swap in by reopening the core). Baseline, same run: copying
 * the same database and photo folder with cpSync, which checks nothing.
 */

const SIZES = { original: 240_000, preview: 90_000, thumb: 12_000 }

function writePhotos(dataDir: string, count: number): number {
  const root = photosRoot(dataDir)
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const original = randomBytes(SIZES.original)
    const sha = createHash('sha256').update(original).digest('hex')
    const folder = photoFolder(root, sha)
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `${sha}.jpg`), original)
    writeFileSync(join(folder, `${sha}.preview.jpg`), randomBytes(SIZES.preview))
    writeFileSync(join(folder, `${sha}.thumb.webp`), randomBytes(SIZES.thumb))
    bytes += SIZES.original + SIZES.preview + SIZES.thumb
  }
  return bytes
}

export async function benchArchive(photos: number, runs: number): Promise<BenchRow[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'workbench-bench-archive-'))
  const options = (dataDir: string) => ({ dataDir, host: 'test' as const, version: 'bench', demo: false })
  let source: Core | undefined
  try {
    const sourceDir = join(scratch, 'source')
    source = await createCore(options(sourceDir))
    for (let i = 0; i < 200; i++) await source.dispatch('factories.create', { name: `基准工厂${i}` })
    const bytes = writePhotos(sourceDir, photos)
    const archive = join(scratch, 'archive.tar')
    const core = source
    const exported = await timeRuns(runs, () => exportArchive(core.context, core.database.sqlite, archive), 1)
    const copies: number[] = []
    for (let i = 0; i < runs; i++) {
      const to = join(scratch, `copy-${i}`)
      const started = performance.now()
      mkdirSync(to, { recursive: true })
      cpSync(join(sourceDir, DATABASE_FILE), join(to, DATABASE_FILE))
      cpSync(photosRoot(sourceDir), join(to, 'photos'), { recursive: true })
      copies.push(performance.now() - started)
      rmSync(to, { recursive: true, force: true })
    }
    const copied = summarize(copies)
    const samples: number[] = []
    for (let i = 0; i < runs; i++) {
      const dataDir = join(scratch, `import-${i}`)
      const target = await createCore(options(dataDir))
      // The empty laptop's core is open before the buyer picks the file; timed: check and swap.
      const started = performance.now()
      await stageArchive(dataDir, createReadStream(archive), 'bench')
      await target.close()
      const reopened = await createCore(options(dataDir))
      samples.push(performance.now() - started)
      await reopened.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
    const imported = summarize(samples)
    const megabytes = (statSync(archive).size / 2 ** 20).toFixed(0)
    const note = `${photos} photos x 3 files, ${(bytes / 2 ** 20).toFixed(0)} MB of photos; archive ${megabytes} MB`
    return [
      {
        what: `archive export, ${photos} photos (backup + tar + sha256 of every file)`,
        value: exported,
        baselineWhat: 'cpSync of the database and photo folder',
        baseline: copied,
        target: null,
        unit: 'ms',
        note,
      },
      {
        what: `archive import, ${photos} photos (extract + check every hash and count + swap)`,
        value: imported,
        baselineWhat: 'cpSync of the database and photo folder',
        baseline: copied,
        target: null,
        unit: 'ms',
        note,
      },
    ]
  } finally {
    await source?.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}
