import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { priceSheet, tinyPdf } from '../integration/support/document-files'

/**
 * A factory's certificates and documents as a buyer meets them, in real Chromium against the browser
 * host with demo data: a BSCI certificate valid to 23 days from today with its PDF scan shows
 * "23 天后到期" on the factory page and a badge in the factory list; a quote takes the factory's price
 * sheet (.xlsx), which opens again byte for byte; a file that is not what its name says is refused.
 */
test.describe.configure({ mode: 'serial' })

const SHOTS = 'resources/screenshots'

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

/** The local calendar day `days` from today, as a date input takes it. */
function dayFromToday(days: number): string {
  const at = new Date()
  at.setDate(at.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

async function pickFile(
  page: Page,
  testId: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId(testId).click()
  await (await chooser).setFiles(file)
}

let factoryName = ''

test('adds a BSCI certificate with a PDF scan and sees "23 天后到期" on the factory page and in the list', async ({
  page,
}) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  const first = page.getByTestId('factory-row').first()
  await first.click()
  await expect(page.getByTestId('factory-detail')).toBeVisible()
  factoryName = (await page.getByTestId('factory-detail-name').textContent())!.trim()
  const section = page.getByTestId('certificates-section')
  await expect(section).toHaveAttribute('data-loaded', 'true')

  await page.getByTestId('certificate-add').click()
  const form = page.getByTestId('certificate-form')
  await form.getByTestId('certificate-kind').click()
  await page.getByRole('option', { name: 'BSCI' }).click()
  await form.getByTestId('certificate-number').fill('DE-BSCI-2025-0042')
  await form.getByTestId('certificate-issuer').fill('amfori')
  // Valid to before valid from: a field error, nothing saved.
  await form.getByTestId('certificate-valid-from').fill(dayFromToday(30))
  await form.getByTestId('certificate-valid-to').fill(dayFromToday(23))
  await form.getByTestId('certificate-save').click()
  await expect(form).toContainText('有效期至不能早于有效期自')
  await form.getByTestId('certificate-valid-from').fill(dayFromToday(-342))
  await pickFile(page, 'certificate-scan-upload', {
    name: 'BSCI审核报告.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  })
  await expect(form.getByTestId('certificate-scan-name')).toContainText('BSCI审核报告.pdf')
  await form.getByTestId('certificate-save').click()
  await expect(form).toBeHidden()

  const row = section.getByTestId('certificate-row').filter({ hasText: 'DE-BSCI-2025-0042' })
  await expect(row.getByTestId('certificate-status')).toHaveText('23 天后到期')
  await expect(row.getByTestId('certificate-status')).toHaveAttribute('data-state', 'expiring')
  await expect(row).toContainText('BSCI审核报告.pdf')
  // The scan is one of the factory's documents too.
  await expect(page.getByTestId('documents-panel').getByTestId('document-row')).toContainText([
    'BSCI审核报告.pdf',
  ])
  await section.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/factory-certificates-zh.png`, fullPage: true })

  await page.getByTestId('nav-factories').click()
  const listed = page.getByTestId('factory-row').filter({ hasText: factoryName })
  await expect(listed.getByTestId('factory-certificate-flag')).toHaveText('BSCI 23 天后到期')
  await page.screenshot({ path: `${SHOTS}/factory-list-certificate-zh.png` })
})

test('attaches a price sheet .xlsx to a quote and opens it again byte for byte; refuses a renamed picture', async ({
  page,
}) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-skus').click()
  await page.getByTestId('sku-row').first().getByRole('link').first().click()
  const quote = page.getByTestId('quote-row').first()
  await expect(quote).toBeVisible()
  await quote.getByTestId('quote-documents').click()
  const panel = page.getByTestId('documents-panel')
  await expect(panel).toHaveAttribute('data-loaded', 'true')
  await expect(panel.getByTestId('document-kind')).toHaveValue('报价单')

  const sheet = await priceSheet()
  await pickFile(page, 'document-add', {
    name: '2026年12月报价单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: sheet,
  })
  const row = panel.getByTestId('document-row').filter({ hasText: '2026年12月报价单.xlsx' })
  await expect(row).toContainText('报价单')
  await page.screenshot({ path: `${SHOTS}/quote-documents-zh.png` })

  const download = page.waitForEvent('download')
  await row.getByTestId('document-open').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('2026年12月报价单.xlsx')
  const saved = readFileSync((await file.path())!)
  expect(createHash('sha256').update(saved).digest('hex')).toBe(
    createHash('sha256').update(sheet).digest('hex'),
  )

  // A PNG renamed to .xlsx is refused with both facts, and nothing is added.
  const before = await panel.getByTestId('document-row').count()
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  await pickFile(page, 'document-add', {
    name: '报价单.xlsx',
    mimeType: 'application/octet-stream',
    buffer: png,
  })
  await expect(page.getByText('文件内容与扩展名不符：名为 .xlsx')).toBeVisible()
  await expect(panel.getByTestId('document-row')).toHaveCount(before)

  // The same dialog takes the offer's photos (the price board on the table), kept with the quote.
  const photos = page.getByTestId('photos-panel')
  await expect(photos).toHaveAttribute('data-loaded', 'true')
  const photosBefore = await photos.getByTestId('photo-cell').count()
  await photos.getByTestId('photo-file-input').setInputFiles({
    name: '报价牌.png',
    mimeType: 'image/png',
    buffer: await page.screenshot({ clip: { x: 0, y: 0, width: 400, height: 300 } }),
  })
  await expect(photos.getByTestId('photo-cell')).toHaveCount(photosBefore + 1, { timeout: 20_000 })
  await expect(photos.getByTestId('phone-upload-open')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/quote-attachments-zh.png` })
  await page.keyboard.press('Escape')
  await quote.getByTestId('quote-documents').click()
  await expect(page.getByTestId('photos-panel').getByTestId('photo-cell')).toHaveCount(photosBefore + 1)
})

test('shows the certificate flag in English', async ({ page }) => {
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('language-switch').getByText('English').click()
  const listed = page.getByTestId('factory-row').filter({ hasText: factoryName })
  await expect(listed.getByTestId('factory-certificate-flag')).toHaveText('BSCI expires in 23 days')
  await page.screenshot({ path: `${SHOTS}/factory-list-certificate-en.png` })
  await listed.click()
  const row = page.getByTestId('certificate-row').filter({ hasText: 'DE-BSCI-2025-0042' })
  await expect(row.getByTestId('certificate-status')).toHaveText('expires in 23 days')
  await page.getByTestId('certificates-section').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/factory-certificates-en.png`, fullPage: true })
  await page.getByTestId('language-switch').getByText('中文').click()
})
