import type { FactoryStatus } from '@core/factories/factories.contract'

/** One colour per status, the same in the list, the detail view and the dashboard. */
export const STATUS_COLORS: Record<FactoryStatus, string> = {
  prospect: 'blue',
  qualified: 'teal',
  paused: 'yellow',
  blacklisted: 'red',
}
