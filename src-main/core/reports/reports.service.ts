import type { CoreContext } from '../api/context'
import { AppError } from '../api/errors'
import { formatPackSpec } from '../domain/pricing'
import { listPhotos } from '../photos/photos.service'
import type { PhotoLink } from '../photos/photos.contract'
import { getProfile } from '../profile/profile.service'
import { listQuotes } from '../quotes/quotes.service'
import { getSample, listSamples } from '../samples/samples.service'
import { getSku } from '../skus/skus.service'
import { comparisonInputs } from '../targets/targets.service'
import { getTour } from '../tours/tours.service'
import { factoryScorecard, getVisit, listVisits } from '../visits/visits.service'
import type { z } from 'zod'
import type { OutputOf } from '../api/define'
import type {
  ReportComparison,
  SampleReport,
  SkuSummaryReport,
  TourReport,
  VisitReport,
} from './reports.contract'
import { skuRecommendation, tourFactories } from './summary.service'

/** What the handlers return, before the dispatcher's output check (the engine's optional fields stay optional). */
type Out<S extends z.ZodType> = OutputOf<{ input: z.ZodType; output: S; summary: string }>

/** A record that may have been deleted since it was linked: null instead of failing the whole report. */
async function unlessMissing<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null
    throw error
  }
}

async function signature(ctx: CoreContext): Promise<{ generatedAt: string; buyerName: string }> {
  const { buyerName } = await getProfile(ctx)
  return { generatedAt: ctx.write.now().toISOString(), buyerName }
}

async function skuComparison(ctx: CoreContext, skuId: string): Promise<Out<typeof ReportComparison> | null> {
  const sku = await unlessMissing(() => getSku(ctx, skuId))
  if (!sku) return null
  const [{ input, labels }, quotes] = await Promise.all([
    comparisonInputs(ctx, skuId),
    listQuotes(ctx, { skuId }),
  ])
  const packTexts = quotes.map((q) => ({ quoteId: q.id, text: formatPackSpec(q.packSpec) }))
  return { sku, input, labels, packTexts }
}

/** A QR code small enough to print at 2 cm and still scan (error correction M, one-module margin). */
async function qrSvg(text: string): Promise<string> {
  // Loaded on the first report: qrcode pulls in pngjs and zlib, which start-up does not need.
  const { default: QRCode } = await import('qrcode')
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
}

export async function sampleReport(ctx: CoreContext, id: string): Promise<Out<typeof SampleReport>> {
  const sample = await getSample(ctx, id)
  const [sig, qr, visit, scorecard, comparison] = await Promise.all([
    signature(ctx),
    qrSvg(sample.code),
    sample.visitId ? unlessMissing(() => getVisit(ctx, sample.visitId!)) : null,
    unlessMissing(() => factoryScorecard(ctx, sample.factoryId)),
    sample.skuId ? skuComparison(ctx, sample.skuId) : null,
  ])
  const photos = await listPhotos(ctx, { ownerTable: 'samples', ownerId: sample.id })
  const factoryPhotos: PhotoLink[] = [
    ...(visit ? await listPhotos(ctx, { ownerTable: 'visits', ownerId: visit.id }) : []),
    ...(await listPhotos(ctx, { ownerTable: 'factories', ownerId: sample.factoryId })),
  ]
  return { ...sig, sample, qrSvg: qr, photos, factoryPhotos, visit, scorecard, comparison }
}

export async function visitReport(ctx: CoreContext, id: string): Promise<Out<typeof VisitReport>> {
  const visit = await getVisit(ctx, id)
  const [sig, photos, samples, scorecard] = await Promise.all([
    signature(ctx),
    listPhotos(ctx, { ownerTable: 'visits', ownerId: visit.id }),
    listSamples(ctx, { search: '', statuses: [], visitId: visit.id }),
    unlessMissing(() => factoryScorecard(ctx, visit.factoryId)),
  ])
  return { ...sig, visit, photos, samples, scorecard }
}

export async function tourReport(ctx: CoreContext, id: string): Promise<Out<typeof TourReport>> {
  const tour = await getTour(ctx, id)
  const [sig, listed] = await Promise.all([signature(ctx), listVisits(ctx, { tourId: tour.id })])
  // Itinerary order (earliest first) reads like the trip; the list call answers newest first.
  const visits = [...listed].sort(
    (a, b) => a.visitDate.localeCompare(b.visitDate) || a.id.localeCompare(b.id),
  )
  const samples = []
  for (const visit of visits) {
    const ofVisit = await listSamples(ctx, { search: '', statuses: [], visitId: visit.id })
    samples.push(...[...ofVisit].sort((a, b) => a.code.localeCompare(b.code)))
  }
  const factories = await tourFactories(ctx, tour, visits)
  // The SKUs the tour touched: its samples' and those its factories quoted.
  const scope = new Set(factories.map((f) => f.factoryId))
  const quoted = await Promise.all([...scope].map((factoryId) => listQuotes(ctx, { factoryId })))
  const skuIds = new Set([...samples.map((s) => s.skuId), ...quoted.flat().map((q) => q.skuId)])
  const skus = (
    await Promise.all([...skuIds].map((skuId) => (skuId ? unlessMissing(() => getSku(ctx, skuId)) : null)))
  )
    .filter((sku) => sku !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  const recommendations = []
  for (const sku of skus) recommendations.push((await skuRecommendation(ctx, sku, scope)).recommendation)
  return { ...sig, tour, visits, samples, factories, recommendations }
}

/** Each sample's first photos, up to this many in all: the summary shows the samples, not albums. */
const SUMMARY_SAMPLE_PHOTOS = 6

export async function skuSummaryReport(ctx: CoreContext, id: string): Promise<Out<typeof SkuSummaryReport>> {
  const sku = await getSku(ctx, id)
  const [sig, comparison, { recommendation, samples }] = await Promise.all([
    signature(ctx),
    skuComparison(ctx, id),
    skuRecommendation(ctx, sku),
  ])
  const perSample = await Promise.all(
    samples.map((s) => listPhotos(ctx, { ownerTable: 'samples', ownerId: s.id })),
  )
  // Round-robin: every sample's first photo before any sample's second.
  const samplePhotos: PhotoLink[] = []
  for (let i = 0; samplePhotos.length < SUMMARY_SAMPLE_PHOTOS && perSample.some((p) => p.length > i); i++) {
    for (const photos of perSample)
      if (photos[i] && samplePhotos.length < SUMMARY_SAMPLE_PHOTOS) samplePhotos.push(photos[i]!)
  }
  const best = recommendation.best
  const factoryPhotos = best
    ? await listPhotos(ctx, { ownerTable: 'factories', ownerId: best.factoryId })
    : []
  return { ...sig, recommendation, comparison: comparison!, samples, samplePhotos, factoryPhotos }
}
