import { z } from 'zod'
import { defineCalls } from '../api/define'
import { CompareQuotesInputSchema } from '../domain/pricing/pricing.schema'
import { PhotoLink } from '../photos/photos.contract'
import { Sample, SampleSummary } from '../samples/samples.contract'
import { Sku } from '../skus/skus.contract'
import { QuoteLabel } from '../targets/targets.contract'
import { Tour } from '../tours/tours.contract'
import { FactoryScorecard, Visit, VisitSummary } from '../visits/visits.contract'
import { SkuRecommendation, TourFactory } from './summary.contract'

/**
 * Everything one printed report shows, gathered in one call so a print page makes one request and is
 * ready as soon as it answers: the sample with its photos, visit, factory scorecard and the SKU's
 * quote comparison inputs (the renderer ranks them with the same engine as the SKU page).
 */

const RecordId = z.uuid('errors.id.invalid')

/** Who printed it and when; shown in every report's header and footer. */
const Signature = {
  /** ISO time the data was read. */
  generatedAt: z.string(),
  /** The local profile's buyer name ('' when not set). */
  buyerName: z.string(),
}

/** A report photo: the record it hangs on, so the grid can say "sample", "visit" or "factory". */
export const ReportPhoto = PhotoLink

/** The SKU's comparison as the SKU page shows it. */
export const ReportComparison = z.object({
  sku: Sku,
  /** The engine's inputs as of today (the renderer ranks them with compareQuotes). */
  input: CompareQuotesInputSchema,
  labels: z.array(QuoteLabel),
  /** Each quote's pack spec as written, e.g. '24包 × 100抽 = 2,400抽'. */
  packTexts: z.array(z.object({ quoteId: z.string(), text: z.string() })),
})
export type ReportComparison = z.output<typeof ReportComparison>

export const SampleReport = z.object({
  ...Signature,
  sample: Sample,
  /** The sample code as a QR code (SVG markup), for scanning the printed page back to the record. */
  qrSvg: z.string(),
  /** The sample's own photos, in gallery order. */
  photos: z.array(ReportPhoto),
  /** The factory's photos (its visit's, then the factory's own: lines, cartons), printed apart. */
  factoryPhotos: z.array(ReportPhoto),
  /** The visit it came from, with that visit's follow-ups. */
  visit: Visit.nullable(),
  /** null when the factory has been deleted since. */
  scorecard: FactoryScorecard.nullable(),
  /** null when the sample is not linked to an SKU (or the SKU was deleted). */
  comparison: ReportComparison.nullable(),
})
export type SampleReport = z.output<typeof SampleReport>

export const VisitReport = z.object({
  ...Signature,
  visit: Visit,
  photos: z.array(ReportPhoto),
  samples: z.array(SampleSummary),
  scorecard: FactoryScorecard.nullable(),
})
export type VisitReport = z.output<typeof VisitReport>

export const TourReport = z.object({
  ...Signature,
  tour: Tour,
  visits: z.array(VisitSummary),
  /** Every live sample registered in one of the tour's visits, in itinerary order. */
  samples: z.array(SampleSummary),
  /** Every planned factory in plan order (visited or not), then factories visited off the plan. */
  factories: z.array(TourFactory),
  /** One per SKU the tour's samples or factories touch, in SKU name order. */
  recommendations: z.array(SkuRecommendation),
})
export type TourReport = z.output<typeof TourReport>

/** The one-page SKU summary: the recommendation first, then the evidence once. */
export const SkuSummaryReport = z.object({
  ...Signature,
  recommendation: SkuRecommendation,
  comparison: ReportComparison,
  /** The SKU's live samples, newest first. */
  samples: z.array(SampleSummary),
  /** The samples' own photos (each sample's first ones), never mixed with the factory's. */
  samplePhotos: z.array(ReportPhoto),
  /** The recommended factory's own photos (line, cartons); empty without a recommended quote. */
  factoryPhotos: z.array(ReportPhoto),
})
export type SkuSummaryReport = z.output<typeof SkuSummaryReport>

const byId = z.object({ id: RecordId }).strict()

export const reportCalls = defineCalls({
  'reports.sample': {
    summary:
      'Everything a sample report prints: the sample, its QR code, photos (sample, visit, factory), the ' +
      'visit, the factory’s scorecard and the SKU’s quote comparison inputs.',
    input: byId,
    output: SampleReport,
  },
  'reports.visit': {
    summary:
      'Everything a visit report prints: the visit, its photos, its samples and the factory scorecard.',
    input: byId,
    output: VisitReport,
  },
  'reports.sku': {
    summary:
      'The one-page SKU summary: the recommended quote with its verdict and next steps (open follow-ups, ' +
      'samples awaiting evaluation, quotes to renegotiate), then the comparison, samples and photos.',
    input: byId,
    output: SkuSummaryReport,
  },
  'reports.tour': {
    summary:
      'Everything a tour summary prints: the tour, every planned factory (visited or not) with scores, ' +
      'notes and open follow-ups, the recommendation per SKU it touches, its visits and samples.',
    input: byId,
    output: TourReport,
  },
})
