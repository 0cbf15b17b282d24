import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore } from '../../src-main/core/app'
import { benchWrites } from './api-write'
import { benchBackup } from './backup'
import { benchArchive } from './archive'
import { benchComparison } from './comparison'
import { benchNegotiation } from './negotiation'
import type { PlainRow } from './baseline-pages'
import { ensureBuilt } from './build'
import { launchChromium } from './chromium-page'
import { fakeFactories } from './fake-factories'
import { benchFactoryPage } from './factory-page'
import { benchHostStart } from './host-start'
import { benchHq } from './hq-load'
import { benchImport } from './import'
import { benchListQuery } from './list-query'
import { benchPdf } from './pdf'
import { benchPhotoHeic } from './photo-heic'
import { benchPhotoThumbnail } from './photo-thumbnail'
import { killAllOnExit } from './processes'
import { renderTable, type BenchRow } from './report'
import { benchRendererList } from './renderer-list'
import { benchSync } from './sync'
import { benchSearch } from './search'
import { benchToday } from './today'

/**
 * `npm run bench`: DESIGN.md's performance targets, each measured beside a baseline taken in the same
 * run on the same machine, printed as one table.
 */

const ROOT = resolve(__dirname, '..', '..')
/** `npm run bench -- host list` measures only the sections whose names contain one of the words. */
const ONLY = process.argv.slice(2)
const wanted = (section: string) => ONLY.length === 0 || ONLY.some((word) => section.includes(word))
const FACTORIES = 10_000
const TIMED_WRITES = 2_000

async function main(): Promise<void> {
  const started = performance.now()
  killAllOnExit()
  console.log(
    `Sourcing Workbench bench — Node ${process.version}, ${cpus().length} cores, ` +
      `load average ${loadavg()[0]?.toFixed(1)} (other work on the machine shows in every figure; each ` +
      'baseline is measured in this same run)',
  )
  console.log(ensureBuilt(ROOT))
  const chromium = await launchChromium()
  const browser = 'browser' in chromium ? chromium.browser : null
  if (!browser && 'reason' in chromium) console.log(`Chromium: ${chromium.reason}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-10k-'))
  const rows: BenchRow[] = []
  try {
    if (wanted('comparison')) {
      console.log('measuring the quote comparison ...')
      rows.push(...(await benchComparison(200)))
    }

    if (wanted('negotiation')) {
      console.log('measuring the quote comparison with ask prices ...')
      rows.push(...(await benchNegotiation(200)))
    }

    if (wanted('search')) {
      console.log('measuring search over 100,000 records ...')
      rows.push(...(await benchSearch(100_000, 100)))
    }

    if (wanted('today')) {
      console.log('measuring Today over 100,000 records ...')
      rows.push(...(await benchToday(50)))
    }

    if (wanted('sync')) {
      console.log('measuring sync apply (100,000 messages) ...')
      rows.push(...(await benchSync()))
    }

    if (wanted('hq')) {
      console.log('measuring HQ on PostgreSQL under 1-500 devices, log 10k-1M messages ...')
      rows.push(...(await benchHq()))
    }

    if (wanted('backup')) {
      console.log('measuring a save during a backup of 100,000 records ...')
      rows.push(...(await benchBackup()))
    }

    if (wanted('factory page')) {
      console.log('measuring the factory page (200 samples, 100 quotes) over 100,000 records ...')
      rows.push(...(await benchFactoryPage(20)))
    }

    if (wanted('import export')) {
      console.log('measuring import and export of 10,000 rows ...')
      rows.push(...(await benchImport(5)))
    }

    if (wanted('archive')) {
      console.log('measuring archive export and import of 1,000 photos ...')
      rows.push(...(await benchArchive(1_000, 3)))
    }

    if (wanted('photo')) {
      console.log('measuring photo thumbnails ...')
      rows.push(...(await benchPhotoThumbnail(20)))
    }

    if (wanted('photo heic')) {
      console.log('measuring HEIC photos ...')
      rows.push(...(await benchPhotoHeic(10)))
    }

    if (wanted('pdf')) {
      console.log('measuring PDF export of a 20-sample tour ...')
      rows.push(...(await benchPdf(join(ROOT, 'out', 'renderer'), 3)))
    }

    if (wanted('host')) {
      console.log('measuring browser host start ...')
      rows.push(...(await benchHostStart(ROOT, browser, 9)))
    }

    // The writes seed the 10,000 factories the list query and the renderer list read.
    if (wanted('save list renderer')) {
      console.log(`seeding ${FACTORIES} factories through the dispatcher ...`)
      const core = await createCore({ dataDir, host: 'test', version: 'bench', demo: false })
      let plainRows: PlainRow[]
      try {
        rows.push(...(await benchWrites(core, fakeFactories(FACTORIES), TIMED_WRITES)))
        console.log('measuring the list query ...')
        rows.push(...(await benchListQuery(core, 15)))
        plainRows = (
          core.database.sqlite
            .prepare('SELECT name, province, city, industrial_belt, categories, status FROM factories')
            .all() as Record<string, string>[]
        ).map((r) => [
          r.name ?? '',
          `${r.province}${r.city}`,
          r.industrial_belt ?? '',
          r.categories ?? '',
          r.status ?? '',
        ])
      } finally {
        await core.close()
      }

      console.log('measuring the factory list in Chromium ...')
      rows.push(...(await benchRendererList(ROOT, browser, dataDir, plainRows, 20)))
    }
  } finally {
    await browser?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  console.log('')
  console.log(renderTable(rows))
  console.log('')
  console.log(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
