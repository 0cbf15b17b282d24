import { DashboardPage } from '../dashboard/DashboardPage'
import { FactoriesPage } from '../factories/FactoriesPage'
import {
  FactoryDetailPage,
  LabelSheetPage,
  ReportsPage,
  SamplePage,
  SampleRequestsPage,
  SamplesPage,
  SettingsPage,
  SkuPage,
  SkusPage,
  SyncPage,
  TrashPage,
  TargetsPage,
  TourPage,
  ToursPage,
  VisitPage,
} from './lazy-pages'
import type { Route } from './route'

function assertNever(value: never): never {
  throw new Error(`unhandled route ${JSON.stringify(value)}`)
}

export function RouteView({ route }: { route: Route }) {
  switch (route.area) {
    case 'dashboard':
      return <DashboardPage />
    case 'factories':
      return <FactoriesPage />
    case 'factory':
      return <FactoryDetailPage key={route.id} id={route.id} />
    case 'skus':
      return <SkusPage />
    case 'sku':
      return <SkuPage key={route.id} id={route.id} />
    case 'targets':
      return <TargetsPage />
    case 'settings':
      return <SettingsPage />
    case 'visits':
      return <ToursPage />
    case 'tour':
      return <TourPage key={route.id} id={route.id} />
    case 'visit':
      return <VisitPage key={route.id} id={route.id} />
    case 'samples':
      return <SamplesPage />
    case 'sample':
      return <SamplePage key={route.id} id={route.id} />
    case 'sampleRequests':
      return <SampleRequestsPage focus={route.focus} />
    case 'labels':
      return <LabelSheetPage ids={route.ids} />
    case 'reports':
      return <ReportsPage />
    case 'sync':
      return <SyncPage />
    case 'trash':
      return <TrashPage />
    default:
      return assertNever(route)
  }
}
