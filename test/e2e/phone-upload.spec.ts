import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import sharp from 'sharp'
import { startBrowserHost, stopGently, type BrowserHost } from './support/processes'

/**
 * 手机传图 end to end: the laptop (the built browser host) shows a QR code on a sample, a phone (an
 * emulated iPhone 13 in Chromium) opens the link over loopback and uploads photos that appear on the
 * laptop as they arrive; expired, closed, wrong-record, non-image and oversized uploads are refused
 * with clear errors and add nothing.
 *
 * Hosts of their own: the phone listener binds 127.0.0.1 here (WORKBENCH_PHONE_HOST), and one host
 * has 12-second sessions (WORKBENCH_PHONE_SESSION_SECONDS) to see a session expire.
 */
test.describe.configure({ mode: 'serial' })

const IPHONE = devices['iPhone 13']

async function hostWith(env: Record<string, string>): Promise<{ host: BrowserHost; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-phone-'))
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    return { host: await startBrowserHost(dir), dir }
  } finally {
    for (const key of Object.keys(env)) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
}

/** A phone photo: noisy enough to be a few hundred KB, labelled so each is a new picture. */
async function photo(label: string, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <rect width="1600" height="1200" fill="hsl(${hue},55%,55%)"/>
    <text x="800" y="640" font-size="140" text-anchor="middle" font-family="sans-serif" fill="#fff">${label}</text></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer()
}

async function laptop(browser: Browser, url: string, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language })
  await context.addInitScript((lang) => localStorage.setItem('workbench.language', lang), language)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

/** Opens the n-th demo sample and waits for its photos to load. */
async function openSample(page: Page, index: number): Promise<string> {
  await page.getByTestId('nav-samples').click()
  await page.getByTestId('sample-row').nth(index).click()
  await expect(page.getByTestId('sample-page')).toBeVisible()
  await expect(page.getByTestId('photos-panel')).toHaveAttribute('data-loaded', 'true')
  return (await page.getByTestId('sample-page-code').textContent()) ?? ''
}

/** Opens 手机传图 and returns the QR code's link. */
async function openDialog(page: Page): Promise<string> {
  await page.getByTestId('phone-upload-open').click()
  await expect(page.getByTestId('phone-upload-body')).toHaveAttribute('data-state', 'open')
  const url = await page.getByTestId('label-qr').getAttribute('data-qr-text')
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/phone\/samples\/[0-9a-f-]{36}#[A-Za-z0-9_-]{43}$/)
  return url!
}

async function phone(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  const { defaultBrowserType: _webkit, ...iphone } = IPHONE
  return browser.newContext({ ...iphone, locale })
}

const cells = (page: Page) => page.getByTestId('photos-panel').getByTestId('photo-cell')

test.describe('photos from the phone', () => {
  let main: { host: BrowserHost; dir: string }

  test.beforeAll(async () => {
    main = await hostWith({ WORKBENCH_PHONE_HOST: '127.0.0.1' })
  })
  test.afterAll(async () => {
    await stopGently(main.host)
    rmSync(main.dir, { recursive: true, force: true })
  })

  test('a phone uploads three photos into a sample while the laptop shows them arrive', async ({
    browser,
  }) => {
    const page = await laptop(browser, main.host.url)
    await openSample(page, 0)
    const before = await cells(page).count()
    const link = await openDialog(page)
    const code = await page.getByTestId('phone-dialog-code').textContent()
    await expect(page.getByTestId('phone-loopback')).toBeVisible()
    await expect(page.getByTestId('phone-closes-in')).toContainText(/(10:00|9:5\d) 后自动关闭/)
    await page.getByRole('dialog').screenshot({ path: 'resources/screenshots/phone-upload-dialog-zh.png' })

    const mobile = await phone(browser)
    const phonePage = await mobile.newPage()
    await phonePage.goto(link)
    await expect(phonePage.getByTestId('phone-code')).toHaveText(code!)
    await expect(phonePage.getByText('拍照')).toBeVisible()
    await expect(phonePage.getByTestId('phone-left')).toContainText('剩余')
    await phonePage.getByTestId('phone-pick').setInputFiles([
      { name: 'IMG_2041.JPG', mimeType: 'image/jpeg', buffer: await photo('车间 A', 200) },
      { name: 'IMG_2042.JPG', mimeType: 'image/jpeg', buffer: await photo('样品 B', 20) },
      { name: 'IMG_2043.JPG', mimeType: 'image/jpeg', buffer: await photo('包装 C', 120) },
    ])
    // The laptop sees the photos arrive while the phone is still sending.
    await expect(page.getByTestId('phone-arrival').first()).toBeVisible()
    await expect(phonePage.locator('[data-testid="phone-item"][data-state="done"]')).toHaveCount(3, {
      timeout: 30_000,
    })
    await expect(phonePage.getByTestId('phone-sent')).toHaveText('已上传 3 张')
    await expect(page.locator('[data-testid="phone-arrival"][data-state="done"]')).toHaveCount(3)
    await expect(page.getByTestId('phone-received')).toHaveText('收到 3 张')
    await expect(cells(page)).toHaveCount(before + 3)
    await page.getByRole('dialog').screenshot({ path: 'resources/screenshots/phone-upload-arrived-zh.png' })
    await phonePage.screenshot({ path: 'resources/screenshots/phone-upload-phone-zh.png', fullPage: true })

    // The phone page carries its own CSP and no CORS.
    const response = await mobile.request.get(link.split('#')[0]!)
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'")
    expect(response.headers()['access-control-allow-origin']).toBeUndefined()

    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    // Photos stay after the dialog closes, and in the gallery after a reload.
    await page.reload()
    await expect(page.getByTestId('photos-panel')).toHaveAttribute('data-loaded', 'true')
    await expect(cells(page)).toHaveCount(before + 3)
    await mobile.close()
    await page.context().close()
  })

  test('closed, wrong-record, non-image and oversized uploads are refused and add nothing', async ({
    browser,
  }) => {
    const pageA = await laptop(browser, main.host.url)
    await openSample(pageA, 1)
    const beforeA = await cells(pageA).count()
    const linkA = await openDialog(pageA)
    const pageB = await laptop(browser, main.host.url)
    await openSample(pageB, 2)
    const beforeB = await cells(pageB).count()
    const linkB = await openDialog(pageB)
    const [pathA, tokenA] = linkA.split('#') as [string, string]
    const pathB = linkB.split('#')[0]!

    const mobile = await phone(browser)
    const phonePage = await mobile.newPage()
    await phonePage.goto(linkA)
    await expect(phonePage.getByTestId('phone-code')).toHaveText(/^\d{4}$/)
    // A text file (the page's picker only suggests images) and a text file calling itself a JPEG.
    await phonePage.getByTestId('phone-pick').setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('报价单备注') },
      { name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg') },
    ])
    const items = phonePage.getByTestId('phone-item')
    await expect(items.nth(1)).toHaveAttribute('data-error', 'errors.phoneUpload.notImage')
    await expect(items.nth(1)).toContainText('不是图片，未上传。')
    await expect(items.nth(0)).toHaveAttribute('data-error', 'errors.photo.notImage')
    await expect(items.nth(0)).toContainText('不是电脑能读取的图片')
    // The laptop lists the refused one with the reason.
    await expect(pageA.locator('[data-testid="phone-arrival"][data-state="failed"]')).toContainText('不是')

    const post = (path: string, token: string, data: Buffer, type = 'image/jpeg') =>
      mobile.request.post(`${path}/photos?name=x.jpg`, {
        headers: { 'x-phone-token': token, 'content-type': type },
        data,
        failOnStatusCode: false,
      })
    const jpeg = await photo('错', 300)
    const wrong = await post(pathB, tokenA, jpeg)
    expect(wrong.status()).toBe(403)
    expect((await wrong.json()).error.messageKey).toBe('errors.phoneUpload.wrongRecord')
    const huge = await post(pathA, tokenA, Buffer.alloc(31 * 1024 * 1024, 0xff))
    expect(huge.status()).toBe(413)
    expect((await huge.json()).error.messageKey).toBe('errors.photo.tooLarge')
    // The wrong record's page says so instead of offering buttons.
    const wrongPage = await mobile.newPage()
    await wrongPage.goto(`${pathB}#${tokenA}`)
    await expect(wrongPage.getByTestId('phone-banner')).toHaveText('这个链接属于另一条记录，未上传。')

    // The buyer closes A's dialog; B's keeps the listener up, and A's token is refused from now on.
    await pageA.keyboard.press('Escape')
    await expect(pageA.getByRole('dialog')).toHaveCount(0)
    const reused = await post(pathA, tokenA, jpeg)
    await expect.poll(async () => (await post(pathA, tokenA, jpeg)).status()).toBe(410)
    expect([401, 410]).toContain(reused.status())
    await phonePage
      .getByTestId('phone-pick')
      .setInputFiles([{ name: 'IMG_3001.JPG', mimeType: 'image/jpeg', buffer: jpeg }])
    await expect(phonePage.getByTestId('phone-banner')).toHaveText(/电脑上已关闭这次传图/)
    await phonePage.screenshot({ path: 'resources/screenshots/phone-upload-phone-closed-zh.png' })

    // Nothing was added to either sample.
    await pageA.reload()
    await expect(pageA.getByTestId('photos-panel')).toHaveAttribute('data-loaded', 'true')
    await expect(cells(pageA)).toHaveCount(beforeA)
    await expect(cells(pageB)).toHaveCount(beforeB)

    // The last dialog closes: nothing listens on the LAN port any more.
    await pageB.keyboard.press('Escape')
    await expect(pageB.getByRole('dialog')).toHaveCount(0)
    await expect
      .poll(() =>
        post(pathB, tokenA, jpeg).then(
          () => 'answered',
          (error: Error) => error.message,
        ),
      )
      .toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/)
    await mobile.close()
    await pageA.context().close()
    await pageB.context().close()
  })

  test('the laptop dialog and the phone page in English', async ({ browser }) => {
    const page = await laptop(browser, main.host.url, 'en')
    await openSample(page, 3)
    const link = await openDialog(page)
    await expect(page.getByRole('dialog')).toContainText('Scan the QR code')
    const mobile = await phone(browser, 'en-US')
    const phonePage = await mobile.newPage()
    await phonePage.goto(link)
    await expect(phonePage.getByText('Take photo')).toBeVisible()
    await phonePage
      .getByTestId('phone-pick')
      .setInputFiles([{ name: 'IMG_4001.JPG', mimeType: 'image/jpeg', buffer: await photo('Line 2', 260) }])
    await expect(phonePage.locator('[data-testid="phone-item"][data-state="done"]')).toHaveCount(1)
    await expect(page.locator('[data-testid="phone-arrival"][data-state="done"]')).toHaveCount(1)
    await page.getByRole('dialog').screenshot({ path: 'resources/screenshots/phone-upload-dialog-en.png' })
    await phonePage.screenshot({ path: 'resources/screenshots/phone-upload-phone-en.png', fullPage: true })
    await mobile.close()
    await page.context().close()
  })
})

test.describe('a phone upload session that runs out', () => {
  let short: { host: BrowserHost; dir: string }

  test.beforeAll(async () => {
    short = await hostWith({ WORKBENCH_PHONE_HOST: '127.0.0.1', WORKBENCH_PHONE_SESSION_SECONDS: '12' })
  })
  test.afterAll(async () => {
    await stopGently(short.host)
    rmSync(short.dir, { recursive: true, force: true })
  })

  test('an expired token is refused, on the phone and on the laptop', async ({ browser }) => {
    // A second laptop page, ready on another sample: its session, opened a few seconds after A's,
    // keeps the listener up once A's twelve seconds are over.
    const pageB = await laptop(browser, short.host.url)
    await openSample(pageB, 1)
    const pageA = await laptop(browser, short.host.url)
    await openSample(pageA, 0)
    const before = await cells(pageA).count()
    const linkA = await openDialog(pageA)
    const [pathA, tokenA] = linkA.split('#') as [string, string]
    const mobile = await phone(browser)
    const phonePage = await mobile.newPage()
    await phonePage.goto(linkA)
    await expect(phonePage.getByTestId('phone-code')).toHaveText(/^\d{4}$/)
    await pageA.waitForTimeout(4_000)
    expect(new URL(await openDialog(pageB)).port).toBe(new URL(linkA).port)

    await expect(pageA.getByTestId('phone-expired')).toBeVisible({ timeout: 10_000 })
    const expired = await mobile.request.post(`${pathA}/photos?name=late.jpg`, {
      headers: { 'x-phone-token': tokenA, 'content-type': 'image/jpeg' },
      data: await photo('晚了', 40),
      failOnStatusCode: false,
    })
    expect(expired.status()).toBe(410)
    expect((await expired.json()).error.messageKey).toBe('errors.phoneUpload.expired')
    // The phone's page counted down and says what to do.
    await expect(phonePage.getByTestId('phone-banner')).toContainText('链接已过期')
    await pageA.getByRole('dialog').screenshot({ path: 'resources/screenshots/phone-upload-expired-zh.png' })
    await expect(cells(pageA)).toHaveCount(before)

    // 重新开始 gives a new link that works.
    await pageA.getByTestId('phone-restart').click()
    await expect(pageA.getByTestId('phone-upload-body')).toHaveAttribute('data-state', 'open')
    const fresh = await pageA.getByTestId('label-qr').getAttribute('data-qr-text')
    expect(fresh).not.toBe(linkA)
    await mobile.close()
    await pageA.context().close()
    await pageB.context().close()
  })
})
