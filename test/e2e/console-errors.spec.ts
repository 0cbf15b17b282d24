import { expect, test } from '@playwright/test'

/**
 * No console error on any main page of the browser host (the CSP comes as a response header, so
 * nothing complains about a meta tag's frame-ancestors; no refused script, style, font or image).
 */

const PAGES = [
  '',
  '#/factories',
  '#/visits',
  '#/samples',
  '#/skus',
  '#/targets',
  '#/reports',
  '#/sync',
  '#/trash',
  '#/settings',
]

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

test('the main pages log no console error and no CSP refusal', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
  const base = appUrl()
  await page.goto(base)
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv]') === null)
  expect(csp).toBe(true)
  for (const hash of PAGES) {
    await page.evaluate((h) => {
      window.location.hash = h
    }, hash)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
  }
  // A full load of a deep page too (the page itself, then the route).
  await page.reload()
  await page.waitForLoadState('networkidle')
  expect(errors).toEqual([])
})
