import dayjs from 'dayjs'

/** '福建 · 泉州', or whichever half is known. */
export function formatPlace(province: string, city: string): string {
  return [province, city].filter(Boolean).join(' · ')
}

/** Local date and minute of an ISO timestamp. */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm')
}

/** A list as Chinese readers write it inline. */
export function formatList(items: readonly string[]): string {
  return items.join('、')
}
