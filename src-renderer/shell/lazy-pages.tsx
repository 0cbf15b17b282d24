import { Center, Loader } from '@mantine/core'
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react'

/**
 * The SKU, target and field-record pages carry the charts (recharts), the date pickers, the pricing
 * engine and the QR encoder: load their code when a buyer first opens one, so the first screen stays light.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Page = lazy(() => load().then((component) => ({ default: component })))
  return function LazyPage(props: P) {
    return (
      <Suspense
        fallback={
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        }
      >
        <Page {...(props as ComponentProps<typeof Page>)} />
      </Suspense>
    )
  }
}

/** A factory's page and Settings bring the photo, category and rate forms (and their schemas). */
export const FactoryDetailPage = lazyPage(() =>
  import('../factories/FactoryDetailPage').then((m) => m.FactoryDetailPage),
)
export const SettingsPage = lazyPage(() => import('../settings/SettingsPage').then((m) => m.SettingsPage))
export const SkusPage = lazyPage(() => import('../skus/SkusPage').then((m) => m.SkusPage))
export const SkuPage = lazyPage(() => import('../skus/SkuPage').then((m) => m.SkuPage))
export const TargetsPage = lazyPage(() => import('../targets/TargetsPage').then((m) => m.TargetsPage))
export const ToursPage = lazyPage(() => import('../tours/ToursPage').then((m) => m.ToursPage))
export const TourPage = lazyPage(() => import('../tours/TourPage').then((m) => m.TourPage))
export const VisitPage = lazyPage(() => import('../visits/VisitPage').then((m) => m.VisitPage))
export const SamplesPage = lazyPage(() => import('../samples/SamplesPage').then((m) => m.SamplesPage))
export const SampleRequestsPage = lazyPage(() =>
  import('../sample-requests/SampleRequestsPage').then((m) => m.SampleRequestsPage),
)
export const SamplePage = lazyPage(() => import('../samples/SamplePage').then((m) => m.SamplePage))
export const ReportsPage = lazyPage(() => import('../reports/ReportsPage').then((m) => m.ReportsPage))
export const SyncPage = lazyPage(() => import('../sync/SyncPage').then((m) => m.SyncPage))
export const TrashPage = lazyPage(() => import('../trash/TrashPage').then((m) => m.TrashPage))
export const LabelSheetPage = lazyPage(() => import('../labels/LabelSheetPage').then((m) => m.LabelSheetPage))
/** The factory page's visit scorecard brings the radar chart: loaded once the factory page shows. */
export const FactoryScorecardPanel = lazyPage(() =>
  import('../visits/FactoryScorecardPanel').then((m) => m.FactoryScorecardPanel),
)
