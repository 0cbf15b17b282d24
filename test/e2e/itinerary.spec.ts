import { expect, test, type Locator, type Page } from '@playwright/test'
import { appApi, appUrl, localDay, typeDate } from './support/app-page'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The tour as an itinerary and the factory page that holds everything, walked as a buyer on the demo
 * data in real Chromium: plan a two-day tour, order it by day (picker, move up, keyboard drag), create a
 * factory met on the spot from inside the tour, print the day's itinerary (read back with poppler), open
 * a factory from the tour and come back to it. Screens in Chinese and English under resources/screenshots.
 */
test.describe.configure({ mode: 'serial' })

const TOUR = `晋江两日行 ${Date.now().toString(36)}`
const HEYING = '晋江禾映纸业有限公司'
const XINMEI = '晋江市欣美护理用品有限公司'
const NEW_FACTORY = `晋江现场新厂 ${Date.now().toString(36)}`
const work = mkdtempSync(join(tmpdir(), 'itinerary-'))

const api = appApi
const day = localDay

interface PlannedTour {
  id: string
  plannedFactories: { factoryId: string; factoryName: string; day: string | null }[]
}

let tourUrl = ''
/** '#/tours/<id>', which a page opened without the launch secret cannot load: see openTour. */
const tourHash = () => new URL(tourUrl).hash

/** Opens the app (with its secret) and then the tour, as following a link inside the app does. */
async function openTour(page: Page): Promise<void> {
  await page.goto(appUrl())
  await expect(page.getByTestId('app-name')).toBeVisible()
  await page.evaluate((hash) => (window.location.hash = hash), tourHash())
  await expect(page.getByTestId('tour-title')).toHaveText(TOUR)
}

const stop = (page: Page, name: string) => page.getByTestId('planned-factory').filter({ hasText: name })
const dayOf = (page: Page, date: string) => page.locator(`[data-testid="plan-day"][data-day="${date}"]`)

/** Picks a stop's day in its day picker, as a keyboard or mouse user does. */
async function pickDay(page: Page, name: string, label: RegExp): Promise<void> {
  await stop(page, name).getByTestId('stop-day').click()
  await page.getByRole('option', { name: label }).click()
}

async function tourPlan(page: Page): Promise<PlannedTour['plannedFactories']> {
  const id = /#\/tours\/([0-9a-f-]{36})/.exec(tourUrl)![1]
  return (await api<PlannedTour>(page, 'tours.get', { id })).plannedFactories
}

test('plans a two-day tour and orders it by day, with move up and a keyboard drag', async ({ page }) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-visits').click()
  await page.getByTestId('tour-new').click()
  const form = page.getByTestId('tour-form')
  await form.getByTestId('tour-name').fill(TOUR)
  await typeDate(form.getByTestId('tour-start'), day(1))
  await typeDate(form.getByTestId('tour-end'), day(2))
  await form.getByTestId('tour-members').fill('王敏')
  await form.getByTestId('tour-members').press('Enter')
  for (const [search, name] of [
    ['禾映', HEYING],
    ['欣美', XINMEI],
  ]) {
    await form.getByTestId('tour-factories').click()
    await form.getByTestId('tour-factories').fill(search!)
    const option = page.getByRole('option', { name: new RegExp(name!) })
    // The picker shows status and last visit beside each name.
    await expect(option.getByTestId('factory-option-glance')).toContainText('上次拜访')
    await option.click()
  }
  await form.getByTestId('tour-name').click()
  await form.getByTestId('tour-save').click()
  await expect(page).toHaveURL(/#\/tours\/[0-9a-f-]{36}$/)
  tourUrl = page.url()

  // Both wait under "no day yet", each with what the buyer needs on the road.
  const heying = stop(page, HEYING)
  await expect(dayOf(page, 'undated').getByTestId('planned-factory')).toHaveCount(2)
  await expect(heying.getByTestId('stop-address')).not.toContainText('未填地址')
  await expect(heying.getByTestId('stop-contact')).toContainText(/1\d{2} \d{4} \d{4}|\d{3,4}-\d{7,8}/)
  await expect(heying.getByTestId('stop-last-visit')).toContainText('上次拜访')
  await expect(heying.getByTestId('stop-score')).toHaveText(/\d\.\d/)

  await pickDay(page, XINMEI, /^第 1 天/)
  await expect(dayOf(page, day(1)).getByTestId('planned-factory')).toHaveCount(1)
  await pickDay(page, HEYING, /^第 2 天/)
  await expect(dayOf(page, day(2)).getByTestId('planned-factory')).toContainText(HEYING)
  // 禾映 moves to day 1 (last), then up to first.
  await pickDay(page, HEYING, /^第 1 天/)
  await expect(dayOf(page, day(1)).getByTestId('planned-factory').nth(1)).toContainText(HEYING)
  await stop(page, HEYING).getByTestId('stop-up').click()
  await expect(dayOf(page, day(1)).getByTestId('planned-factory').first()).toContainText(HEYING)
  await expect
    .poll(async () => (await tourPlan(page)).map((f) => [f.factoryName, f.day]))
    .toEqual([
      [HEYING, day(1)],
      [XINMEI, day(1)],
    ])

  // A keyboard drag (space, arrow, space) puts 禾映 back after 欣美.
  await stop(page, HEYING).getByTestId('stop-handle').focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Space')
  await expect(dayOf(page, day(1)).getByTestId('planned-factory').first()).toContainText(XINMEI)
  await expect.poll(async () => (await tourPlan(page)).map((f) => f.factoryName)).toEqual([XINMEI, HEYING])

  // Back on the page after a reload: the order was saved, not only shown.
  await page.reload()
  await expect(dayOf(page, day(1)).getByTestId('planned-factory').first()).toContainText(XINMEI)
})

test('creates a factory met on the spot from inside the tour, province and city picked from the divisions', async ({
  page,
}) => {
  await openTour(page)
  await page.getByTestId('itinerary-new-factory').click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toContainText('新建工厂并加入本行程')
  await drawer.getByTestId('field-name').fill(NEW_FACTORY)
  await drawer.getByTestId('field-province').click()
  await drawer.getByTestId('field-province').fill('福建')
  await page.getByRole('option', { name: '福建省' }).click()
  await drawer.getByTestId('field-city').click()
  await expect(page.getByRole('option', { name: '泉州市' })).toBeVisible()
  await page.screenshot({ path: 'resources/screenshots/itinerary-new-factory-zh.png' })
  await page.getByRole('option', { name: '泉州市' }).click()
  await drawer.getByTestId('field-address').fill('晋江市陈埭镇鞋都路 18 号')
  await drawer.getByTestId('contact-add').click()
  await drawer.getByTestId('contact-0-name').fill('林经理')
  await drawer.getByTestId('contact-0-phone').fill('13905951234')
  await drawer.getByTestId('factory-save').click()

  // Planned into the tour's first day without leaving the tour.
  await expect(page).toHaveURL(new RegExp(`${tourHash()}$`))
  const added = stop(page, NEW_FACTORY)
  await expect(added).toBeVisible()
  await expect(dayOf(page, day(1))).toContainText(NEW_FACTORY)
  await expect(added.getByTestId('stop-address')).toContainText('福建省 · 泉州市')
  await expect(added.getByTestId('stop-contact')).toContainText('林经理')
  await expect(added.getByTestId('stop-last-visit')).toHaveText('未拜访过')
  await page.screenshot({ path: 'resources/screenshots/itinerary-zh.png', fullPage: true })
})

test('prints the day’s itinerary as a PDF, in visiting order, in Chinese and English', async ({ page }) => {
  for (const language of ['zh', 'en'] as const) {
    await openTour(page)
    if (language === 'en') await page.getByTestId('language-switch').getByText('English').click()
    await page.getByTestId('itinerary-print').click()
    const dialog = page.getByTestId('export-pdf-dialog')
    const name = page.getByTestId('buyer-name-input')
    if (await name.isVisible().catch(() => false)) {
      await name.fill('王敏')
      await page.getByTestId('buyer-name-save').click()
    }
    await expect(dialog.getByTestId('export-pdf-day')).toHaveValue(day(1))
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await dialog.getByTestId('export-pdf-start').click()
    const file = join(work, `itinerary-${language}.pdf`)
    await (await download).saveAs(file)
    expect(statSync(file).size).toBeLessThan(10 * 1024 * 1024)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain(language === 'zh' ? '行程单' : 'Itinerary')
    expect(text).toContain(TOUR)
    const order = [XINMEI, HEYING, NEW_FACTORY].map((n) => text.indexOf(n.slice(0, 8)))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(text).toContain('林经理')
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(work, `itinerary-${language}`),
    ])
    copyFileSync(
      join(work, `itinerary-${language}-1.png`),
      `resources/screenshots/itinerary-pdf-${language}.png`,
    )
    await page.keyboard.press('Escape')
    if (language === 'en') await page.getByTestId('language-switch').getByText('中文').click()
  }
})

test('opens a factory from the tour: scorecard on top, then samples, quotes, photos and follow-ups; back returns to the tour', async ({
  page,
}) => {
  for (const language of ['zh', 'en'] as const) {
    await openTour(page)
    if (language === 'en') await page.getByTestId('language-switch').getByText('English').click()
    if (language === 'en')
      await page.screenshot({ path: 'resources/screenshots/itinerary-en.png', fullPage: true })
    await stop(page, XINMEI).getByTestId('stop-name').getByRole('link').click()
    await expect(page.getByTestId('factory-detail-name')).toHaveText(XINMEI)
    // Where it is and whom to call, under the name.
    await expect(page.getByTestId('factory-headline')).toContainText(/泉州.*\d{3} \d{4} \d{4}/)
    const scorecard = page.getByTestId('factory-scorecard')
    await expect(scorecard.getByTestId('visit-history')).toBeVisible()
    await expect(page.getByTestId('factory-sample-row').first()).toBeVisible()
    await expect(page.getByTestId('quote-here-row').first()).toBeVisible()
    await expect(page.getByTestId('photos-panel')).toHaveAttribute('data-loaded', 'true')
    // The photo of its demo sample shows on its page too, beside the factory's own.
    await expect(page.getByTestId('factory-record-photos')).toContainText(
      language === 'zh' ? '拜访、样品与报价照片' : 'Photos from visits, samples and quotes',
    )
    await expect(scorecard).toContainText(language === 'zh' ? '待跟进事项' : 'Open follow-ups')
    // The scorecard is the first thing under the header, above the samples and quotes.
    const top = async (locator: Locator) => (await locator.boundingBox())!.y
    expect(await top(scorecard)).toBeLessThan(await top(page.getByTestId('factory-samples')))
    expect(await top(page.getByTestId('factory-samples'))).toBeLessThan(
      await top(page.getByTestId('factory-quotes')),
    )
    expect(await top(scorecard)).toBeLessThan(900)
    await page.screenshot({ path: `resources/screenshots/factory-page-${language}.png`, fullPage: true })

    const back = page.getByRole('link', {
      name: language === 'zh' ? `返回行程“${TOUR}”` : `Back to tour “${TOUR}”`,
    })
    await back.click()
    await expect(page).toHaveURL(new RegExp(`${tourHash()}$`))
    await expect(page.getByTestId('tour-title')).toHaveText(TOUR)
    if (language === 'en') await page.getByTestId('language-switch').getByText('中文').click()
  }
})

test('the factory list shows last visit and score; a factory opened from the list goes back to the list', async ({
  page,
}) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-search').fill('禾映')
  const row = page.getByTestId('factory-row').filter({ hasText: HEYING })
  await expect(row.getByTestId('row-last-visit')).toHaveText(/\d{4}-\d{2}-\d{2} · \d\.\d/)
  await page.screenshot({ path: 'resources/screenshots/factory-list-last-visit-zh.png' })
  await row.click()
  await page.getByRole('link', { name: '返回工厂列表' }).click()
  await expect(page).toHaveURL(/#\/factories$/)
})
