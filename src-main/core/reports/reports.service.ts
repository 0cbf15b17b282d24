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
import type { ReportComparison, SampleReport, TourReport, VisitReport } from './reports.contract'

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
  const photos: PhotoLink[] = [
    ...(await listPhotos(ctx, { ownerTable: 'samples', ownerId: sample.id })),
    ...(visit ? await listPhotos(ctx, { ownerTable: 'visits', ownerId: visit.id }) : []),
    ...(await listPhotos(ctx, { ownerTable: 'factories', ownerId: sample.factoryId })),
  ]
  return { ...sig, sample, qrSvg: qr, photos, visit, scorecard, comparison }
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
  return { ...sig, tour, visits, samples }
}
