import { Alert } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import type { ApiClient } from '../api/client'
import { errorMessage } from '../common/error-message'
import { PrintPhotoContext } from './print-photo-context'
import { printPhotoUrls } from './print-photos'
import { markFailed, markReadyWhenPainted } from './print-ready'
import type { PrintTarget } from './print-route'
import { MAX_REPORT_PHOTOS } from './PhotoGrid'
import { printedTime } from './report-format'
import type { ReportPhotoData, SampleReportData, TourReportData, VisitReportData } from './report-types'
import { SampleReportView } from './SampleReportView'
import { TourReportView } from './TourReportView'
import { VisitReportView } from './VisitReportView'

type Loaded =
  | { kind: 'sample'; report: SampleReportData }
  | { kind: 'visit'; report: VisitReportData }
  | { kind: 'tour'; report: TourReportData; samples: SampleReportData[] }

async function load(client: ApiClient, target: PrintTarget): Promise<Loaded> {
  switch (target.kind) {
    case 'sample':
      return { kind: 'sample', report: await client.call('reports.sample', { id: target.id }) }
    case 'visit':
      return { kind: 'visit', report: await client.call('reports.visit', { id: target.id }) }
    case 'tour':
    case 'tour-summary': {
      const report = await client.call('reports.tour', { id: target.id })
      const samples =
        target.kind === 'tour'
          ? await Promise.all(report.samples.map((s) => client.call('reports.sample', { id: s.id })))
          : []
      return { kind: 'tour', report, samples }
    }
  }
}

/** Only the photos a report will show are scaled (the grid shows the first few). */
function shownPhotos(loaded: Loaded): ReportPhotoData[] {
  const grids = loaded.kind === 'tour' ? loaded.samples.map((s) => s.photos) : [loaded.report.photos]
  return grids.flatMap((photos) => photos.slice(0, MAX_REPORT_PHOTOS))
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
  }
}

/** Loads a report, prepares its photos at print size, renders it and marks the page ready to print. */
export function PrintView({ route }: { route: (PrintTarget & { dialog?: boolean }) | null }) {
  const { t } = useTranslation()
  const { client } = useApiContext()
  const [state, setState] = useState<
    { loaded: Loaded; photos: Map<string, string> } | { error: unknown } | null
  >(null)
  const rootRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!route) {
      markFailed('unknown print address')
      return
    }
    let current = true
    load(client, route)
      .then(async (loaded) => ({ loaded, photos: await printPhotoUrls(shownPhotos(loaded)) }))
      .then(
        (ready) => current && setState(ready),
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
      ) : (
        <TourReportView report={loaded.report} samples={loaded.samples} />
      )
  }
  return (
    <PrintPhotoContext.Provider value={state && 'photos' in state ? state.photos : new Map()}>
      <div ref={rootRef} className="print-report">
        {body}
      </div>
    </PrintPhotoContext.Provider>
  )
}
