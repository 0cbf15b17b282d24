import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { startBrowserHost } from '../../src-main/browser-host/server'
import { createCore, type Core } from '../../src-main/core/app'
import { photoRoutes } from '../../src-main/core/photos/photos.api'
import { CHROMIUM_ARGS, createChromiumPrinter, findChromium } from '../../src-main/host/pdf-chromium'
import { createExportJobs } from '../../src-main/host/pdf-jobs'
import { printSizePhoto } from '../../src-main/host/pdf-photos'
import { planExport } from '../../src-main/host/pdf-plan'
import type { BenchRow } from './report'
import { summarize } from './stats'

const SAMPLES = 20
const PHOTOS_PER_SAMPLE = 3
const MAX_BYTES = 10 * 1024 * 1024

/** A photo-like 1600x1200 JPEG (gradient, a product block, sensor-like noise), distinct per seed. */
async function photo(seed: number): Promise<Buffer> {
  const width = 1600
  const height = 1200
  const hue = (seed * 47) % 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},40%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},35%,35%)"/>
    </linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#g)"/>
    <rect x="${300 + (seed % 7) * 40}" y="300" width="900" height="600" rx="60" fill="#f4f1ea"/></svg>`
  const base = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true })
  const noise = randomBytes(base.data.length)
  for (let i = 0; i < base.data.length; i++) base.data[i] = Math.min(255, base.data[i]! + (noise[i]! & 15))
  return sharp(base.data, { raw: base.info }).jpeg({ quality: 88 }).toBuffer()
}

type Call = (name: string, input: unknown) => Promise<{ id: string }>

/** A finished tour: 4 visits of 4 factories, 20 samples linked to one SKU with 3 quotes, 60 photos. */
export async function seedTour(core: Core): Promise<string> {
  const call: Call = async (name, input) => {
    const result = await core.dispatch(name, input)
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`)
    return result.value as { id: string }
  }
  const pack = [
    { count: 24, label: '包' },
    { count: 100, label: '抽' },
  ]
  const sku = await call('skus.create', {
    category: '生活用纸',
    name: '三层抽纸 100抽×24包',
    comparableUnit: '抽',
    retailPackSpec: pack,
    plannedOrderPacks: 10_000,
    targetMargin: '0.35',
  })
  await call('benchmarks.create', {
    skuId: sku.id,
    brand: '维达',
    channel: '山姆会员店',
    packSpec: pack,
    shelfPrice: '72.00',
    observedAt: '2026-03-01',
  })
  const factories = []
  for (const name of [
    '晋江恒信纸业有限公司',
    '保定华美纸品有限公司',
    '东莞雅洁生活用品有限公司',
    '江门新会柔纸业',
  ]) {
    factories.push(await call('factories.create', { name }))
  }
  for (const [i, factory] of factories.entries()) {
    await call('quotes.create', {
      skuId: sku.id,
      factoryId: factory.id,
      quoteDate: '2026-03-02',
      validUntil: '2026-12-31',
      vatBasis: 'included',
      currency: 'CNY',
      packSpec: pack,
      tiers: [
        { fromPacks: 1000, pricePerPack: `${15 + i}.00` },
        { fromPacks: 5000, pricePerPack: `${14 + i}.40` },
      ],
      freight: { kind: 'included' },
    })
  }
  const tour = await call('tours.create', {
    name: '晋江/保定 纸品走访',
    startDate: '2026-03-03',
    endDate: '2026-03-08',
    plannedFactoryIds: factories.map((f) => f.id),
  })
  let seed = 0
  for (const [v, factory] of factories.entries()) {
    const visit = await call('visits.create', {
      factoryId: factory.id,
      tourId: tour.id,
      visitDate: `2026-03-0${3 + v}`,
      scores: { design: { score: 4 }, capacity: { score: 3 } },
    })
    for (let s = 0; s < SAMPLES / factories.length; s++) {
      const sample = await call('samples.create', {
        source: 'visit',
        visitId: visit.id,
        factoryId: factory.id,
        skuId: sku.id,
        name: `竹浆三层抽纸 样品 ${v + 1}-${s + 1}`,
        specs: [
          { key: '层数', value: '3' },
          { key: '抽数', value: '100' },
        ],
        status: 'received',
      })
      for (let p = 0; p < PHOTOS_PER_SAMPLE; p++) {
        const upload = await photoRoutes(core.context).upload(await photo(seed++))
        if (!upload.ok) throw new Error(JSON.stringify(upload.error))
        await call('photos.attach', {
          sha256: (upload.value as { sha256: string }).sha256,
          ownerTable: 'samples',
          ownerId: sample.id,
          caption: ['正面', '侧面', '包装'][p],
        })
      }
    }
  }
  return tour.id
}

/** A plain 20-page HTML document: one heading and a few paragraphs per page. */
function plainHtml(pages: number): string {
  const page = (i: number) =>
    `<section style="break-after:page"><h1>Page ${i + 1}</h1>${'<p>Plain text for the baseline page. '.repeat(40)}</p></section>`
  return `<!doctype html><html><body>${Array.from({ length: pages }, (_, i) => page(i)).join('')}</body></html>`
}

/**
 * DESIGN.md: a PDF of 20 samples with photos in <= 3 s including the browser launch, <= 10 MB. Ours:
 * the browser host's export job for a tour as one PDF (summary + 20 sample reports with 3 photos each,
 * the SKU comparison table and charts, Noto Sans SC embedded), from launching the system Chromium to
 * the file renamed into place. Baseline: the same Chromium launched and printing a plain 20-page HTML.
 */
export async function benchPdf(rendererDir: string, runs: number): Promise<BenchRow[]> {
  const what = `PDF: tour of ${SAMPLES} samples with ${SAMPLES * PHOTOS_PER_SAMPLE} photos, one file, incl. browser launch`
  const baselineWhat = 'Chromium launch + plain 20-page HTML to PDF'
  const executablePath = findChromium()
  if (!executablePath) {
    const note = 'no Chromium found (set CHROMIUM_PATH)'
    return [{ what, value: null, baselineWhat, baseline: null, target: 3000, unit: 'ms', note }]
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-pdf-'))
  const core = await createCore({ dataDir, host: 'test', version: 'bench', demo: false })
  let origin = ''
  let secret = ''
  const photos = photoRoutes(core.context)
  const jobs = createExportJobs(() =>
    createChromiumPrinter({
      origin,
      secret,
      executablePath,
      printPhoto: (sha256) => printSizePhoto(photos, sha256),
    }),
  )
  const host = await startBrowserHost({ rendererDir, routes: { dispatch: core.dispatch, photos } })
  origin = `http://127.0.0.1:${host.port}`
  secret = host.secret
  try {
    const tourId = await seedTour(core)
    const plan = await planExport(core.dispatch, { kind: 'tour', id: tourId, mode: 'one', language: 'zh-CN' })
    const times: number[] = []
    const sizes: number[] = []
    let pages = 0
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const status = await jobs.settled(jobs.start(plan, join(dataDir, 'exports', `run-${i}.pdf`)).id)
      times.push(performance.now() - started)
      if (status?.state !== 'done' || !status.path)
        throw new Error(`export ${status?.state}: ${status?.error}`)
      sizes.push(statSync(status.path).size)
      if (i === 0) {
        const { execFileSync } = await import('node:child_process')
        try {
          const info = execFileSync('pdfinfo', [status.path], { encoding: 'utf8' })
          pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
        } catch {
          pages = 0
        }
      }
    }
    const { chromium } = await import('playwright-core')
    const baselineTimes: number[] = []
    const html = plainHtml(20)
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
      const page = await browser.newPage()
      await page.setContent(html)
      await page.pdf({ format: 'A4' })
      await browser.close()
      baselineTimes.push(performance.now() - started)
    }
    const size = Math.max(...sizes)
    return [
      {
        what,
        value: summarize(times),
        baselineWhat,
        baseline: summarize(baselineTimes),
        target: 3000,
        unit: 'ms',
        note:
          `largest file ${(size / 1024 / 1024).toFixed(2)} MB (target <= 10 MB: ${size <= MAX_BYTES ? 'yes' : 'NO'})` +
          (pages ? `, ${pages} pages` : ''),
      },
    ]
  } finally {
    await host.close()
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
