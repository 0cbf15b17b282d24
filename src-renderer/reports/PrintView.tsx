import { Alert } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import type { ApiClient } from '../api/client'
import { errorMessage } from '../common/error-message'
import { MAX_FACTORY_PHOTOS, MAX_REPORT_PHOTOS } from './PhotoGrid'
import { printPhotoUrl } from './print-photo'
import { markFailed, markReadyWhenPainted } from './print-ready'
import type { PrintTarget } from './print-route'
import { printedTime } from './report-format'
import type { SampleReportData, SkuSummaryReportData, TourReportData, VisitReportData } from './report-types'
import { SampleReportView } from './SampleReportView'
import { SkuSummaryView } from './SkuSummaryView'
import { TourReportView } from './TourReportView'
import { VisitReportView } from './VisitReportView'
import { ItineraryReportView } from './ItineraryReportView'
import { NegotiationPrintView } from '../negotiation/NegotiationPrintView'

type Loaded =
  | { kind: 'sample'; report: SampleReportData }
  | { kind: 'visit'; report: VisitReportData }
  | { kind: 'tour'; report: TourReportData; samples: SampleReportData[] }
  | { kind: 'sku'; report: SkuSummaryReportData }
  | { kind: 'itinerary'; report: TourReportData; day?: string }

/** Requested photos, held until the page is printed so the browser keeps them for the report's <img>s. */
const preloaded: HTMLImageElement[] = []

/**
 * Starts fetching a report's photos as soon as its data is in: the browser host's printer scales each
 * one on request, and that work then overlaps laying out the rest of the report instead of following it.
 */
function preloadPhotos(report: SampleReportData): void {
  const photos = [
    ...report.photos.slice(0, MAX_REPORT_PHOTOS),
    ...report.factoryPhotos.slice(0, MAX_FACTORY_PHOTOS),
  ]
  for (const photo of photos) {
    const image = new Image()
    image.src = printPhotoUrl(photo.sha256)
    preloaded.push(image)
  }
}

async function load(client: ApiClient, target: PrintTarget): Promise<Loaded> {
  switch (target.kind) {
    case 'sample': {
      const report = await client.call('reports.sample', { id: target.id })
      preloadPhotos(report)
      return { kind: 'sample', report }
    }
    case 'visit':
      return { kind: 'visit', report: await client.call('reports.visit', { id: target.id }) }
    case 'sku':
      return { kind: 'sku', report: await client.call('reports.sku', { id: target.id }) }
    case 'tour-itinerary': {
      const report = await client.call('reports.tour', { id: target.id })
      return { kind: 'itinerary', report, ...(target.day ? { day: target.day } : {}) }
    }
    case 'tour':
    case 'tour-summary': {
      const report = await client.call('reports.tour', { id: target.id })
      let done = 0
      const progress = () => {
        // The printers read this while they wait, to show how far a long tour has come.
        document.documentElement.dataset.printProgress = `${done}/${report.samples.length}`
      }
      progress()
      const samples =
        target.kind === 'tour'
          ? await Promise.all(
              report.samples.map(async (s) => {
                const sample = await client.call('reports.sample', { id: s.id })
                preloadPhotos(sample)
                done++
                progress()
                return sample
              }),
            )
          : []
      return { kind: 'tour', report, samples }
    }
    case 'negotiation-sku':
    case 'negotiation-factory':
      throw new Error('the negotiation sheet has its own view')
  }
}

/** The footer line beside the page numbers; ASCII only, since the printer's footer has no web fonts. */
function footerOf(loaded: Loaded): string {
  const time = printedTime(loaded.report.generatedAt)
  switch (loaded.kind) {
    case 'sample':
      return `${loaded.report.sample.code} · ${time}`
    case 'visit':
      return `${loaded.report.visit.visitDate} · ${time}`
    case 'tour':
      return `${loaded.report.tour.startDate} – ${loaded.report.tour.endDate} · ${time}`
    case 'itinerary':
      return `${loaded.day ?? `${loaded.report.tour.startDate} – ${loaded.report.tour.endDate}`} · ${time}`
    case 'sku':
      return `SKU · ${time}`
  }
}

type PrintRoute = (PrintTarget & { dialog?: boolean; card?: boolean }) | null

/** The print page of a route: a report, or the negotiation sheet. */
export function PrintView({ route }: { route: PrintRoute }) {
  if (route && (route.kind === 'negotiation-sku' || route.kind === 'negotiation-factory')) {
    return <NegotiationPrintView route={{ ...route, kind: route.kind }} />
  }
  return <ReportPrintView route={route} />
}

/** Loads a report, renders it and marks the page ready to print once its images and fonts are in. */
function ReportPrintView({ route }: { route: PrintRoute }) {
  const { t } = useTranslation()
  const { client } = useApiContext()
  const [state, setState] = useState<{ loaded: Loaded } | { error: unknown } | null>(null)
  const rootRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!route) {
      markFailed('unknown print address')
      return
    }
    let current = true
    load(client, route).then(
      (loaded) => current && setState({ loaded }),
      (error: unknown) => {
        if (!current) return
        setState({ error })
        markFailed(error instanceof Error ? error.message : String(error))
      },
    )
    return () => {
      current = false
    }
  }, [client, route])

  useEffect(() => {
    if (state && 'loaded' in state && rootRef.current) {
      void markReadyWhenPainted(rootRef.current, footerOf(state.loaded)).then(() => {
        if (route?.dialog) window.print()
      })
    }
  }, [state, route])

  let body: ReactNode = null
  if (!route) body = <Alert color="red">{t('reports.print.badAddress')}</Alert>
  else if (state && 'error' in state) body = <Alert color="red">{errorMessage(t, state.error)}</Alert>
  else if (state) {
    const { loaded } = state
    body =
      loaded.kind === 'sample' ? (
        <SampleReportView report={loaded.report} />
      ) : loaded.kind === 'visit' ? (
        <VisitReportView report={loaded.report} />
      ) : loaded.kind === 'sku' ? (
        <SkuSummaryView report={loaded.report} />
      ) : loaded.kind === 'itinerary' ? (
        <ItineraryReportView report={loaded.report} day={loaded.day} />
      ) : (
        <TourReportView report={loaded.report} samples={loaded.samples} />
      )
  }
  return (
    <div ref={rootRef} className="print-report">
      {body}
    </div>
  )
}
