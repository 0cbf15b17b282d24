import {
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartLine,
  IconFileReport,
  IconLayoutDashboard,
  IconTruckDelivery,
  IconPackage,
  IconRefresh,
  IconSettings,
  IconTargetArrow,
  IconTrash,
  type Icon,
} from '@tabler/icons-react'
import type { Route } from './route'

/** An entry of the navbar. */
export interface NavArea {
  /** Route area and i18n key under nav.*. */
  key:
    | 'dashboard'
    | 'factories'
    | 'visits'
    | 'samples'
    | 'sampleRequests'
    | 'skus'
    | 'targets'
    | 'reports'
    | 'sync'
    | 'trash'
    | 'settings'
  /** Icon beside the label. */
  icon: Icon
}

export const NAV_AREAS: NavArea[] = [
  { key: 'dashboard', icon: IconLayoutDashboard },
  { key: 'factories', icon: IconBuildingFactory2 },
  { key: 'visits', icon: IconCalendarEvent },
  { key: 'samples', icon: IconPackage },
  { key: 'sampleRequests', icon: IconTruckDelivery },
  { key: 'skus', icon: IconTargetArrow },
  { key: 'targets', icon: IconChartLine },
  { key: 'reports', icon: IconFileReport },
  { key: 'sync', icon: IconRefresh },
  { key: 'trash', icon: IconTrash },
  { key: 'settings', icon: IconSettings },
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
