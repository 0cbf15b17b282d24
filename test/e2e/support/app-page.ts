import { expect, type Locator, type Page } from '@playwright/test'

/** The shared browser host's address with its launch secret (set by global-setup). */
export function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

/** Calls the shared host's API as the renderer does (the secret is in the address's fragment). */
export async function appApi<T>(page: Page, call: string, input: unknown): Promise<T> {
  const url = new URL(appUrl())
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret')!
  const response = await page.request.post(`${url.origin}/api/${call}`, {
    headers: { 'x-workbench-secret': secret },
    data: input,
  })
  const body = (await response.json()) as { ok: boolean; value: T }
  expect(body.ok, `${call} failed: ${JSON.stringify(body)}`).toBe(true)
  return body.value
}

/** Today plus `days` on this machine's calendar, 'YYYY-MM-DD'. */
export function localDay(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Types a date and leaves the field (Enter would submit the form). */
export async function typeDate(input: Locator, value: string): Promise<void> {
  await input.fill(value)
  await input.blur()
  await expect(input).toHaveValue(value)
}
