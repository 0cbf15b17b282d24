import { expect, test, type Locator, type Page } from '@playwright/test'

/**
 * Issue 11, item 1, as a buyer meets it: half a visit typed, Escape in the date picker, the X, a click
 * outside, Cancel, a link elsewhere, a reload — nothing typed is lost without the buyer choosing so.
 * Real Chromium against the browser host with demo data (global-setup).
 */
test.describe.configure({ mode: 'serial' })

const DIMENSIONS = [
  'design',
  'rnd',
  'quickResponse',
  'newProductDevelopment',
  'beltLeadership',
  'qualitySystem',
  'capacity',
]
const NOTES = `七项都看过，灌装线新，打样三天 ${Date.now().toString(36)}`
const FOLLOW_UP = '寄 100ml 试饮装 6 瓶'

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

/** Opens the first demo factory's page and the drawer to log a visit to it. */
async function openVisitForm(page: Page): Promise<Locator> {
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-row').first().click()
  await expect(page.getByTestId('factory-detail')).toBeVisible()
  await page.getByTestId('factory-log-visit').click()
  const form = page.getByTestId('visit-form')
  await expect(form).toBeVisible()
  return form
}

async function choose(control: Locator, label: string): Promise<void> {
  await control
    .locator('label')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click()
}

/** Seven scores (1..5 round), the notes and one follow-up: what the field report said Esc threw away. */
async function typeHalfAVisit(form: Locator): Promise<void> {
  for (const [i, d] of DIMENSIONS.entries()) await choose(form.getByTestId(`score-${d}`), String((i % 5) + 1))
  await form.getByTestId('score-note-capacity').fill('三条灌装线')
  await form.getByTestId('visit-notes').fill(NOTES)
  await form.getByTestId('followup-draft-add').click()
  await form.getByTestId('followup-draft-text').fill(FOLLOW_UP)
}

async function expectHalfAVisit(form: Locator): Promise<void> {
  for (const [i, d] of DIMENSIONS.entries()) {
    await expect(form.getByTestId(`score-${d}`).locator('input:checked')).toHaveValue(String((i % 5) + 1))
  }
  await expect(form.getByTestId('score-note-capacity')).toHaveValue('三条灌装线')
  await expect(form.getByTestId('visit-notes')).toHaveValue(NOTES)
  await expect(form.getByTestId('followup-draft-text')).toHaveValue(FOLLOW_UP)
}

test('Escape closes the date picker, not the visit form; closing with changes asks first', async ({
  page,
}) => {
  await page.goto(appUrl())
  const form = await openVisitForm(page)
  await typeHalfAVisit(form)

  // The date picker: Escape closes it and only it.
  await form.getByTestId('visit-date').click()
  const calendar = page.locator('[data-dates-dropdown]')
  await expect(calendar).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(calendar).toBeHidden()
  await expect(form).toBeVisible()
  await expectHalfAVisit(form)

  // The tour select's dropdown: the same.
  await page.getByTestId('visit-tour').click()
  await expect(page.getByRole('listbox')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('listbox')).toBeHidden()
  await expect(form).toBeVisible()

  // Escape with no popup open asks; 继续编辑 (and Escape in the question) keep every value.
  await form.getByTestId('visit-notes').focus()
  await page.keyboard.press('Escape')
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' })
  await expect(confirm).toBeVisible()
  await page.screenshot({ path: 'resources/screenshots/unsaved-confirm-zh.png' })
  await confirm.getByTestId('discard-confirm-keep').click()
  await expect(confirm).toBeHidden()
  await expectHalfAVisit(form)
  await form.getByTestId('visit-notes').focus()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(form).toBeVisible()

  // The X, a click outside and Cancel ask the same question.
  const keep = async () => {
    await confirm.getByTestId('discard-confirm-keep').click()
    await expect(confirm).toBeHidden()
  }
  await page.locator('.mantine-Drawer-close').click()
  await expect(confirm).toBeVisible()
  await keep()
  await page.mouse.click(100, 450)
  await expect(confirm).toBeVisible()
  await keep()
  await form.getByRole('button', { name: '取消' }).click()
  await expect(confirm).toBeVisible()
  await keep()
  await expectHalfAVisit(form)

  // Leaving the page asks too: Back, or a hash change (a link, a search result); the page stays put.
  const here = page.url()
  await page.goBack()
  await expect(confirm).toBeVisible()
  expect(page.url()).toBe(here)
  await keep()
  await expectHalfAVisit(form)
  await page.evaluate(() => {
    window.location.hash = '#/samples'
  })
  await expect(confirm).toBeVisible()
  expect(page.url()).toBe(here)
  // 放弃修改 then goes where the buyer was going.
  await confirm.getByTestId('discard-confirm-discard').click()
  await expect(page).toHaveURL(/#\/samples$/)
  await expect(form).toBeHidden()

  // Discarded for good: the form opens fresh, with no draft on offer.
  const again = await openVisitForm(page)
  await expect(again.getByTestId('draft-offer')).toHaveCount(0)
  await expect(again.getByTestId('visit-notes')).toHaveValue('')
  // Without changes every way out closes at once.
  await page.keyboard.press('Escape')
  await expect(again).toBeHidden()
  await expect(confirm).toBeHidden()
})

test('a reload offers the draft; 恢复 brings back scores, notes and follow-ups; saving clears it', async ({
  page,
}) => {
  await page.goto(appUrl())
  let form = await openVisitForm(page)
  await typeHalfAVisit(form)
  // The draft is written as the buyer types (debounced); the reload comes without closing anything.
  await page.waitForTimeout(600)
  await page.reload()
  // At start the app says a draft waits, and on which page.
  const notice = page.getByTestId('drafts-notice')
  await expect(notice).toContainText('打开原来的表单即可恢复或丢弃')
  await expect(notice.getByRole('link', { name: /^拜访 · \d\d:\d\d$/ })).toHaveAttribute(
    'href',
    /^#\/factories\//,
  )
  await expect(page.getByTestId('factory-detail')).toBeVisible()
  await page.screenshot({ path: 'resources/screenshots/unsaved-drafts-notice-zh.png' })

  form = await openVisitForm(page)
  const offer = form.getByTestId('draft-offer')
  await expect(offer).toBeVisible()
  await expect(offer).toContainText(/有未保存的草稿（\d\d:\d\d）/)
  // Never applied by itself.
  await expect(form.getByTestId('visit-notes')).toHaveValue('')
  await page.screenshot({ path: 'resources/screenshots/unsaved-draft-offer-zh.png' })
  await offer.getByTestId('draft-restore').click()
  await expect(offer).toBeHidden()
  await expectHalfAVisit(form)

  await form.getByTestId('visit-save').click()
  await expect(page).toHaveURL(/#\/visits\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('visit-page')).toContainText(NOTES)
  await expect(page.getByTestId('followup-text')).toHaveText(FOLLOW_UP)

  // Saved: the same form offers nothing any more, after a reload too.
  await page.reload()
  const fresh = await openVisitForm(page)
  await expect(fresh.getByTestId('visit-notes')).toHaveValue('')
  await expect(fresh.getByTestId('draft-offer')).toHaveCount(0)
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('workbench.draft.'))),
  ).toEqual([])
})

test('丢弃 on the offer deletes the draft; a form without changes closes at once by X or a click outside', async ({
  page,
}) => {
  await page.goto(appUrl())
  let form = await openVisitForm(page)
  await form.getByTestId('visit-notes').fill('只写了一句')
  await page.waitForTimeout(600)
  await page.reload()
  form = await openVisitForm(page)
  await form.getByTestId('draft-offer').getByTestId('draft-discard').click()
  await expect(form.getByTestId('draft-offer')).toHaveCount(0)
  await page.locator('.mantine-Drawer-close').click()
  await expect(form).toBeHidden()
  form = await openVisitForm(page)
  await expect(form.getByTestId('draft-offer')).toHaveCount(0)
  await page.mouse.click(100, 450)
  await expect(form).toBeHidden()
})

test('a draft of a record saved again since says so, and is kept until the buyer chooses', async ({
  page,
}) => {
  const name = `晋江草稿测试纸业 ${Date.now().toString(36)}`
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-new').click()
  let form = page.getByTestId('factory-form')
  await form.getByTestId('field-name').fill(name)
  await form.getByTestId('factory-save').click()
  await page.getByTestId('factory-row').filter({ hasText: name }).click()
  await expect(page.getByTestId('factory-detail-name')).toHaveText(name)

  // Half an edit, then the page goes away.
  await page.getByTestId('factory-edit').click()
  form = page.getByTestId('factory-form')
  await form.getByTestId('field-notes').fill('草稿里的备注：月产能待核实')
  await page.waitForTimeout(600)
  await page.reload()

  // The buyer ignores the offer and saves another change: the draft is not what was saved, so it stays.
  await page.getByTestId('factory-edit').click()
  await expect(form.getByTestId('draft-offer')).toBeVisible()
  await expect(form.getByTestId('draft-offer')).not.toContainText('又被修改过')
  await form.getByTestId('field-capacity').fill('日产 80 吨')
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()

  await page.getByTestId('factory-edit').click()
  const offer = form.getByTestId('draft-offer')
  await expect(offer).toContainText('这条记录在草稿之后又被修改过')
  await expect(form.getByTestId('field-capacity')).toHaveValue('日产 80 吨')
  await offer.getByTestId('draft-restore').click()
  await expect(form.getByTestId('field-notes')).toHaveValue('草稿里的备注：月产能待核实')
  // Only what the draft changed comes back: the capacity saved since stays.
  await expect(form.getByTestId('field-capacity')).toHaveValue('日产 80 吨')
  // Closing now asks, and 放弃修改 deletes the draft.
  await page.keyboard.press('Escape')
  await page.getByTestId('discard-confirm-discard').click()
  await expect(form).toBeHidden()
  await page.getByTestId('factory-edit').click()
  await expect(form.getByTestId('field-notes')).toHaveValue('')
  await expect(form.getByTestId('draft-offer')).toHaveCount(0)
})

test('every form drawer opens without changes: Escape, like the X, closes it at once', async ({ page }) => {
  const drawer = page.locator('.mantine-Drawer-content')
  /** Opens a form by its button, then closes it with Escape from the drawer itself (no field focused). */
  const opensClean = async (opener: string) => {
    await page.getByTestId(opener).first().click()
    await expect(drawer.getByRole('button', { name: '取消' })).toBeVisible()
    await drawer.locator('.mantine-Drawer-title').click()
    await page.keyboard.press('Escape')
    await expect(drawer).toBeHidden()
    await expect(page.getByTestId('discard-confirm-keep')).toHaveCount(0)
  }
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await opensClean('factory-new')
  // A demo factory with visits (the list is newest first, and other tests add factories).
  await page.getByTestId('factory-row').filter({ hasText: '晋江禾映纸业有限公司' }).click()
  await opensClean('factory-edit')
  await opensClean('factory-log-visit')
  await page.getByTestId('history-visit').first().click()
  await opensClean('visit-edit')
  await opensClean('visit-register-sample')

  await page.getByTestId('nav-visits').click()
  await opensClean('tour-new')
  await opensClean('visit-new')
  await page.getByTestId('tour-card').first().click()
  await opensClean('tour-edit')
  await opensClean('tour-log-visit')

  await page.getByTestId('nav-samples').click()
  await opensClean('sample-new')
  // A sample in hand (one still on its way has no evaluation to fill in).
  await page.getByTestId('sample-row').filter({ hasText: '评估中' }).first().click()
  await opensClean('sample-edit')
  await opensClean('sample-evaluate')

  await page.getByTestId('nav-skus').click()
  await opensClean('sku-new')
  await page.getByTestId('sku-row').first().click()
  await opensClean('sku-edit')
  await opensClean('quote-new')
  await opensClean('benchmark-new')
  await opensClean('demand-new')
})

test('a rate typed in Settings is not dropped by leaving the page from the nav bar', async ({ page }) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('rate-currency').fill('EUR')
  await page.getByTestId('nav-factories').click()
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' })
  await expect(confirm).toBeVisible()
  await expect(page).toHaveURL(/#\/settings$/)
  await confirm.getByTestId('discard-confirm-keep').click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('rate-currency')).toHaveValue('EUR')
  await page.getByTestId('nav-factories').click()
  await confirm.getByTestId('discard-confirm-discard').click()
  await expect(page).toHaveURL(/#\/factories$/)
  // Nothing typed: leaving goes at once.
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('nav-factories').click()
  await expect(page).toHaveURL(/#\/factories$/)
  await expect(confirm).toBeHidden()
})
