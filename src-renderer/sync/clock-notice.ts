import type { TFunction } from 'i18next'
import type { SyncStatus } from '@core/sync/sync.contract'

/** Offsets up to this are not worth a word (HQ's own tolerance is 5 minutes; NTP keeps far closer). */
export const CLOCK_NOTICE_MS = 60_000

const MINUTE = 60_000

/** "8 小时 2 分" / "8 h 2 min": the offset in days, hours and minutes, zero parts left out. */
export function clockAmount(t: TFunction, offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE)
  const parts: string[] = []
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) parts.push(t('sync.clock.days', { count: days }))
  if (hours > 0) parts.push(t('sync.clock.hours', { count: hours }))
  if (rest > 0 || parts.length === 0) parts.push(t('sync.clock.minutes', { count: rest }))
  return parts.join(' ')
}

/**
 * What the buyer is told about this laptop's clock, or null when it is within a minute of HQ's (or was
 * never measured). offsetMs is HQ's time minus the laptop's: negative means the laptop runs fast.
 */
export function clockNotice(
  t: TFunction,
  clock: SyncStatus['clock'],
): { sentence: string; short: string } | null {
  if (!clock || Math.abs(clock.offsetMs) <= CLOCK_NOTICE_MS) return null
  const amount = clockAmount(t, clock.offsetMs)
  const fast = clock.offsetMs < 0
  return {
    sentence: t(fast ? 'sync.clock.fast' : 'sync.clock.slow', { amount }),
    short: t(fast ? 'sync.header.clockFast' : 'sync.header.clockSlow', { amount }),
  }
}
