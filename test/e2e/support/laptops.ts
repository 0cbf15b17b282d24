import { expect, type Browser, type Page } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBrowserHost, type BrowserHost } from './processes'

/** A buyer's laptop in a multi-laptop walk: its own browser host and data, and a page on it. */
export interface Laptop {
  name: string
  host: BrowserHost
  page: Page
}

/** A new laptop without demo data: it holds only what its buyer enters and sync brings. */
export async function openLaptop(browser: Browser, name: string): Promise<Laptop> {
  const host = await startBrowserHost(mkdtempSync(join(tmpdir(), 'workbench-laptop-')), ['--no-demo'])
  const page = await (await browser.newContext()).newPage()
  await page.goto(host.url)
  return { name, host, page }
}

/** Calls the laptop's own API as its renderer does (the secret is in the address's fragment). */
export async function api<T>(laptop: Laptop, call: string, input: unknown): Promise<T> {
  const url = new URL(laptop.host.url)
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret')!
  const response = await laptop.page.request.post(`${url.origin}/api/${call}`, {
    headers: { 'x-workbench-secret': secret },
    data: input,
  })
  const body = (await response.json()) as { ok: boolean; value: T }
  expect(body.ok, `${call} failed: ${JSON.stringify(body)}`).toBe(true)
  return body.value
}

/** Enrols the laptop from Settings → HQ sync under its name, as a buyer does. */
export async function enrol(laptop: Laptop, hqUrl: string, code: string): Promise<void> {
  const { page } = laptop
  await page.getByTestId('nav-settings').click()
  const section = page.getByTestId('hq-settings')
  await section.getByTestId('hq-url').fill(hqUrl)
  await section.getByTestId('hq-code').fill(code)
  await section.getByTestId('hq-device-name').fill(laptop.name)
  await section.getByTestId('hq-enrol').click()
  await expect(section.getByTestId('hq-status')).toContainText(laptop.name)
}

/** Presses Sync now on the Sync screen, waits for the run to finish and returns its summary's text. */
export async function syncNow(laptop: Laptop): Promise<string> {
  const { page } = laptop
  await page.getByTestId('nav-sync').click()
  const screen = page.getByTestId('sync-page')
  const before =
    (await screen
      .getByTestId('sync-last')
      .textContent()
      .catch(() => '')) ?? ''
  await screen.getByTestId('sync-now').click()
  await expect(screen.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 })
  await expect(screen.getByTestId('sync-last')).not.toHaveText(before)
  return (await screen.getByTestId('sync-last').textContent()) ?? ''
}
