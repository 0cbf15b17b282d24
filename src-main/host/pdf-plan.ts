import type { Dispatch } from '../core/api/dispatcher'
import type {
  SampleReport,
  SkuSummaryReport,
  TourReport,
  VisitReport,
} from '../core/reports/reports.contract'
import type { NegotiationSheet } from '../core/targets/targets.contract'
import type { ExportDocument, ExportPlan } from './pdf-jobs'
import { safeFileName } from './pdf-jobs'
import type { PrintLanguage } from './pdf-printer'

/** What the UI asks to export. */
export interface ExportRequest {
  /**
   * A sample or visit report, a tour with all its samples, an SKU's one-page summary; or the negotiation
   * sheet of an SKU (a page per factory) or of a factory.
   */
  kind: 'sample' | 'visit' | 'tour' | 'sku' | 'negotiation-sku' | 'negotiation-factory'
  /** Its id. */
  id: string
  /**
   * A tour as one PDF (summary then every sample), a folder with one PDF per sample, or the one-page
   * summary alone; or the tour's itinerary (one day's, or every day's) to carry on the road.
   */
  mode: 'one' | 'each' | 'summary' | 'itinerary'
  /** The itinerary's day, 'YYYY-MM-DD'; every day when absent. */
  day?: string
  /** The report's language. */
  language: PrintLanguage
  /** A PDF, or (the negotiation sheet) a PNG card for the phone; PDF when absent. */
  format?: 'pdf' | 'png'
}

const WORDS: Record<
  PrintLanguage,
  { visit: string; summary: string; itinerary: string; sku: string; negotiation: string }
> = {
  'zh-CN': {
    visit: '拜访报告',
    summary: '行程汇总',
    itinerary: '行程单',
    sku: 'SKU汇总',
    negotiation: '谈判单',
  },
  en: {
    visit: 'visit report',
    summary: 'tour summary',
    itinerary: 'itinerary',
    sku: 'SKU summary',
    negotiation: 'negotiation sheet',
  },
}

/** Thrown for a request the API would refuse (unknown record, malformed input). */
export class ExportRequestError extends Error {
  constructor(
    message: string,
    /** The API error's code, e.g. 'not_found'. */
    readonly code: string,
  ) {
    super(message)
  }
}

async function value<T>(dispatch: Dispatch, call: string, input: unknown): Promise<T> {
  const result = await dispatch(call, input)
  if (!result.ok) throw new ExportRequestError(result.error.message, result.error.code)
  return result.value as T
}

const sampleFile = (s: { code: string; name: string }) => safeFileName(`${s.code} ${s.name}`) + '.pdf'

/** Names the files and lists the pages of an export, from the records' own data. */
export async function planExport(dispatch: Dispatch, request: ExportRequest): Promise<ExportPlan> {
  const { language } = request
  const page = (kind: ExportDocument['target']['kind'], id: string) => ({ kind, id, language })
  switch (request.kind) {
    case 'sample': {
      const { sample } = await value<SampleReport>(dispatch, 'reports.sample', { id: request.id })
      const name = sampleFile(sample)
      return { name, folder: false, documents: [{ target: page('sample', sample.id), fileName: name }] }
    }
    case 'visit': {
      const { visit } = await value<VisitReport>(dispatch, 'reports.visit', { id: request.id })
      const name =
        safeFileName(`${visit.visitDate} ${visit.factoryName ?? ''} ${WORDS[language].visit}`) + '.pdf'
      return { name, folder: false, documents: [{ target: page('visit', visit.id), fileName: name }] }
    }
    case 'tour': {
      const report = await value<TourReport>(dispatch, 'reports.tour', { id: request.id })
      const stem = safeFileName(`${report.tour.name} ${report.tour.startDate}`)
      if (request.mode === 'one') {
        const name = `${stem}.pdf`
        return { name, folder: false, documents: [{ target: page('tour', report.tour.id), fileName: name }] }
      }
      if (request.mode === 'itinerary') {
        const when = request.day ?? `${report.tour.startDate}–${report.tour.endDate}`
        const name = safeFileName(`${report.tour.name} ${when} ${WORDS[language].itinerary}`) + '.pdf'
        const target = {
          ...page('tour-itinerary', report.tour.id),
          ...(request.day ? { day: request.day } : {}),
        }
        return { name, folder: false, documents: [{ target, fileName: name }] }
      }
      if (request.mode === 'summary') {
        const name = safeFileName(`${stem} ${WORDS[language].summary}`) + '.pdf'
        const target = page('tour-summary', report.tour.id)
        return { name, folder: false, documents: [{ target, fileName: name }] }
      }
      return {
        name: stem,
        folder: true,
        documents: [
          {
            target: page('tour-summary', report.tour.id),
            fileName: safeFileName(`00 ${WORDS[language].summary}`) + '.pdf',
          },
          ...report.samples.map((s) => ({ target: page('sample', s.id), fileName: sampleFile(s) })),
        ],
      }
    }
    case 'sku': {
      const { recommendation } = await value<SkuSummaryReport>(dispatch, 'reports.sku', { id: request.id })
      const name = safeFileName(`${recommendation.skuName} ${WORDS[language].sku}`) + '.pdf'
      return {
        name,
        folder: false,
        documents: [{ target: page('sku', recommendation.skuId), fileName: name }],
      }
    }
    case 'negotiation-sku':
    case 'negotiation-factory': {
      const input = request.kind === 'negotiation-sku' ? { skuId: request.id } : { factoryId: request.id }
      const sheet = await value<NegotiationSheet>(dispatch, 'targets.negotiation', input)
      const png = request.format === 'png'
      const subject =
        request.kind === 'negotiation-sku'
          ? (sheet.pages[0]?.skus[0]?.skuName ?? '')
          : (sheet.pages[0]?.factoryName ?? '')
      const name =
        safeFileName(`${subject} ${WORDS[language].negotiation} ${sheet.today}`) + (png ? '.png' : '.pdf')
      const target = { ...page(request.kind, request.id), output: png ? ('png' as const) : ('pdf' as const) }
      return { name, folder: false, documents: [{ target, fileName: name }] }
    }
  }
}
