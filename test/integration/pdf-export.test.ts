import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/server'
import { displayRatio } from '../../src-main/core/domain/pricing'
import { photoRoutes } from '../../src-main/core/photos/photos.api'
import type { SampleSummary } from '../../src-main/core/samples/samples.contract'
import type { TourSummary } from '../../src-main/core/tours/tours.contract'
import { createChromiumPrinter, findChromium } from '../../src-main/host/pdf-chromium'
import { createExportJobs, type ExportJobStatus, type ExportJobs } from '../../src-main/host/pdf-jobs'
import { printSizePhoto } from '../../src-main/host/pdf-photos'
import { zhCN } from '../../src-renderer/i18n/zh-CN'
import { ok } from './support/api-result'
import { createTempCore, type TempCore } from './support/temp-core'

/**
 * Reports of the demo data printed by the system Chromium through the browser host's PDF routes, read
 * back with poppler (pdftotext, pdftoppm). CI installs both; elsewhere the suite says why it skipped.
 */

const RENDERER_DIR = join(__dirname, '..', '..', 'out', 'renderer')
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
const missing = [
  findChromium() ? null : 'no Chromium (set CHROMIUM_PATH or install chromium)',
  hasPoppler ? null : 'no poppler-utils (pdftotext, pdftoppm)',
  existsSync(join(RENDERER_DIR, 'index.html')) ? null : 'renderer not built (npx electron-vite build)',
].filter(Boolean)
if (missing.length > 0) console.log(`PDF export tests skipped: ${missing.join('; ')}`)

const MAX_BYTES = 10 * 1024 * 1024

describe.skipIf(missing.length > 0)('PDF export of the demo reports', () => {
  let core: TempCore
  let host: BrowserHost
  let jobs: ExportJobs
  let exportDir: string
  let samples: SampleSummary[]
  const work = mkdtempSync(join(tmpdir(), 'pdf-test-'))

  const request = async (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${host.port}${path}`, {
      ...init,
      headers: { 'x-workbench-secret': host.secret, 'content-type': 'application/json' },
    })
  const startExport = async (body: object): Promise<ExportJobStatus> => {
    const response = await request('/pdf/export', { method: 'POST', body: JSON.stringify(body) })
    return ok<ExportJobStatus>((await response.json()) as never)
  }
  const exportSettled = async (body: object): Promise<ExportJobStatus> => {
    const status = await jobs.settled((await startExport(body)).id)
    expect(status?.error ?? null).toBeNull()
    expect(status?.state).toBe('done')
    return status!
  }
  const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })

  beforeAll(async () => {
    core = await createTempCore({ demo: true })
    exportDir = join(core.dataDir, 'exports')
    let origin = ''
    const photos = photoRoutes(core.context)
    jobs = createExportJobs(() =>
      createChromiumPrinter({
        origin,
        secret: host.secret,
        printPhoto: (sha256) => printSizePhoto(photos, sha256),
      }),
    )
    host = await startBrowserHost({
      rendererDir: RENDERER_DIR,
      routes: {
        dispatch: core.dispatch,
        photos,
        pdf: { dispatch: core.dispatch, jobs, exportDir, canPrint: () => true },
      },
    })
    origin = `http://127.0.0.1:${host.port}`
    ok(await core.dispatch('profile.set', { buyerName: '王敏' }))
    samples = ok<SampleSummary[]>(await core.dispatch('samples.list', {}))
  }, 60_000)
  afterAll(async () => {
    await host?.close()
    await core?.dispose()
    rmSync(work, { recursive: true, force: true })
  })

  it('prints a sample report with its code, factory, ratio, verdict, page numbers and a page-1 image', async () => {
    const sample = samples.find((s) => s.name === '竹浆混合三层抽纸 100抽')!
    const status = await exportSettled({ kind: 'sample', id: sample.id, language: 'zh-CN' })
    expect(status.path).toBe(join(exportDir, `${sample.code} ${sample.name}.pdf`))
    const file = status.path!
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_BYTES)
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')

    const { comparison } = ok<{ comparison: { summary: { bestRatioToBrand: string; status: string } } }>(
      await core.dispatch('targets.compare', { skuId: sample.skuId }),
    )
    const content = text(file)
    expect(content).toContain(sample.code)
    expect(content).toContain(sample.factoryName!)
    expect(content).toContain(displayRatio(comparison.summary.bestRatioToBrand))
    const verdict = zhCN.targetStatus[comparison.summary.status as keyof typeof zhCN.targetStatus]
    expect(content).toContain(`${verdict}：最优报价`)
    expect(content).toContain('采购：王敏')
    // Chromium's footer: "page / pages" on every page.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
    expect(pages).toBeGreaterThan(1)
    expect(content.replace(/ /g, '')).toContain(`1/${pages}`)
    // Set in the bundled font, not whatever the machine falls back to.
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansSC/)

    const png = join(work, 'sample')
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, png])
    const image = readdirSync(work).find((f) => f.startsWith('sample') && f.endsWith('.png'))!
    const bytes = readFileSync(join(work, image))
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.length).toBeGreaterThan(5_000)
  })

  it('prints a visit report and a tour as one PDF, and a tour as a folder offered as a .zip', async () => {
    const sample = samples.find((s) => s.name === '竹浆混合三层抽纸 100抽')!
    const visit = await exportSettled({ kind: 'visit', id: sample.visitId })
    expect(text(visit.path!)).toContain(sample.factoryName!)

    const tours = ok<TourSummary[]>(await core.dispatch('tours.list', {}))
    const tour = tours.find((t) => t.visitCount > 0 && t.name.includes('晋江'))!
    const tourSamples = samples.filter((s) => s.visitId !== null)
    const one = await exportSettled({ kind: 'tour', id: tour.id, mode: 'one' })
    const oneText = text(one.path!)
    expect(oneText).toContain(tour.name)
    expect(oneText).toContain(sample.code)
    expect(statSync(one.path!).size).toBeLessThanOrEqual(MAX_BYTES)

    const each = await exportSettled({ kind: 'tour', id: tour.id, mode: 'each' })
    expect(each.folder).toBe(true)
    const files = readdirSync(each.path!).sort()
    expect(files[0]).toMatch(/^00 行程汇总\.pdf$/)
    expect(files).toContain(`${sample.code} ${sample.name}.pdf`)
    expect(files.length).toBe(each.documents)
    expect(tourSamples.length).toBeGreaterThanOrEqual(files.length - 1)

    const zip = await request(`/pdf/jobs/${each.id}/file`)
    expect(zip.headers.get('content-type')).toBe('application/zip')
    writeFileSync(join(work, 'tour.zip'), Buffer.from(await zip.arrayBuffer()))
    execFileSync('unzip', ['-q', join(work, 'tour.zip'), '-d', join(work, 'unzipped')])
    expect(readdirSync(join(work, 'unzipped')).sort()).toEqual(files)
  })

  it('leaves no file behind when an export is cancelled', async () => {
    const tours = ok<TourSummary[]>(await core.dispatch('tours.list', {}))
    const tour = tours.find((t) => t.visitCount > 0)!
    const before = readdirSync(exportDir)
    const started = await startExport({ kind: 'tour', id: tour.id, mode: 'each' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const cancel = await request(`/pdf/jobs/${started.id}/cancel`, { method: 'POST' })
    expect(cancel.status).toBe(200)
    const status = await jobs.settled(started.id)
    expect(status?.state).toBe('cancelled')
    expect(readdirSync(exportDir)).toEqual(before)
    const file = await request(`/pdf/jobs/${started.id}/file`)
    expect(file.status).toBe(409)
  })

  it('says so when no Chromium can be found', async () => {
    const other = await startBrowserHost({
      rendererDir: RENDERER_DIR,
      routes: {
        dispatch: core.dispatch,
        pdf: { dispatch: core.dispatch, jobs, exportDir, canPrint: () => false },
      },
    })
    try {
      const response = await fetch(`http://127.0.0.1:${other.port}/pdf/export`, {
        method: 'POST',
        headers: { 'x-workbench-secret': other.secret },
        body: JSON.stringify({ kind: 'sample', id: samples[0]!.id }),
      })
      const body = (await response.json()) as { ok: boolean; error: { messageKey: string } }
      expect(body.ok).toBe(false)
      expect(body.error.messageKey).toBe('errors.pdf.noChromium')
    } finally {
      await other.close()
    }
  })
})
