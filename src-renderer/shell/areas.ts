import {
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartLine,
  IconFileReport,
  IconLayoutDashboard,
  IconPackage,
  IconRefresh,
  IconSettings,
  IconTargetArrow,
  type Icon,
} from '@tabler/icons-react'
import type { Route } from './route'

/** An entry of the navbar. */
export interface NavArea {
  /** Route area and i18n key under nav.*. */
  key: 'dashboard' | 'factories' | 'visits' | 'samples' | 'skus' | 'targets' | 'reports' | 'sync' | 'settings'
  /** Icon beside the label. */
  icon: Icon
  /** Whether the area works yet (the others show a not-built-yet panel). */
  built: boolean
}

export const NAV_AREAS: NavArea[] = [
  { key: 'dashboard', icon: IconLayoutDashboard, built: true },
  { key: 'factories', icon: IconBuildingFactory2, built: true },
  { key: 'visits', icon: IconCalendarEvent, built: true },
  { key: 'samples', icon: IconPackage, built: true },
  { key: 'skus', icon: IconTargetArrow, built: true },
  { key: 'targets', icon: IconChartLine, built: true },
  { key: 'reports', icon: IconFileReport, built: false },
  { key: 'sync', icon: IconRefresh, built: true },
  { key: 'settings', icon: IconSettings, built: true },
]

/** The navbar entry a route belongs to (a factory's page belongs to Factories, an SKU's to SKUs). */
export function navKeyOf(route: Route): NavArea['key'] {
  switch (route.area) {
    case 'factory':
      return 'factories'
    case 'sku':
      return 'skus'
    case 'tour':
    case 'visit':
      return 'visits'
    case 'sample':
    case 'labels':
      return 'samples'
    default:
      return route.area
  }
}
