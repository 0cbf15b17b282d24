import { expect, test, type Locator, type Page } from '@playwright/test'
import sharp from 'sharp'

/**
 * Photos on a factory page, in real Chromium against the browser host: add by the file picker, see the
 * thumbnail (served through the photo cookie), caption it, open the viewer, and get a clear error for
 * a text file that calls itself .jpg.
 */
test.describe.configure({ mode: 'serial' })

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

/** A labelled test card, different per label so each upload is a new photo. */
function card(label: string, color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <rect width="1200" height="900" fill="${color}"/>
    <rect x="300" y="250" width="600" height="400" rx="40" fill="#fff" opacity="0.85"/>
    <text x="600" y="480" font-size="96" text-anchor="middle" font-family="sans-serif">${label}</text></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

async function openFirstFactory(page: Page): Promise<void> {
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('factory-row').first().click()
  await expect(page.getByTestId('factory-detail')).toBeVisible()
  await expect(page.getByTestId('photos-panel')).toBeVisible()
  // Count photos only once the list has loaded; an empty gallery looks the same while loading.
  await expect(page.getByTestId('photos-panel')).toHaveAttribute('data-loaded', 'true')
}

/** True once the image has loaded real pixels (not a broken-image icon). */
async function loaded(image: Locator): Promise<boolean> {
  return image.evaluate(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
  )
}

test('adds photos to a factory by the file picker, shows thumbnails and opens the viewer', async ({
  page,
}) => {
  await openFirstFactory(page)
  const panel = page.getByTestId('photos-panel')
  const before = await panel.getByTestId('photo-cell').count()
  const stamp = Date.now().toString(36)
  await panel.getByTestId('photo-file-input').setInputFiles([
    { name: `车间-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: await card(`车间 ${stamp}`, '#4a7fb5') },
    { name: `样品-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: await card(`样品 ${stamp}`, '#c0703a') },
  ])
  await expect(panel.locator('[data-testid="photo-upload"][data-status="done"]')).toHaveCount(2, {
    timeout: 20_000,
  })
  await expect(panel.getByTestId('photo-cell')).toHaveCount(before + 2)
  const thumb = panel.getByTestId('photo-thumb').nth(before)
  await thumb.scrollIntoViewIfNeeded()
  await expect.poll(() => loaded(thumb)).toBe(true)
  expect(await thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320)

  const caption = panel.getByTestId('photo-caption').nth(before)
  await caption.fill('样品间 A 区')
  await caption.press('Enter')
  await expect
    .poll(() => page.reload().then(() => panel.getByTestId('photo-caption').nth(before).inputValue()))
    .toBe('样品间 A 区')
  await panel.screenshot({ path: 'test-results/screens/photos-gallery.png' })

  await panel.getByTestId('photo-thumb').nth(before).click()
  const viewer = page.getByTestId('photo-viewer-image')
  await expect(viewer).toBeVisible()
  await expect.poll(() => loaded(viewer)).toBe(true)
  expect(await viewer.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1200)
  await expect(page.getByTestId('photo-viewer-caption')).toHaveText('样品间 A 区')
  await page.screenshot({ path: 'test-results/screens/photos-viewer.png' })
  await page.getByTestId('photo-viewer-next').click()
  await expect(page.getByTestId('photo-viewer-caption')).not.toHaveText('样品间 A 区')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('photo-viewer-caption')).toHaveText('样品间 A 区')
  await page.keyboard.press('Escape')
  await expect(viewer).toBeHidden()
})

test('refuses a text file named .jpg with a clear error and adds nothing', async ({ page }) => {
  await openFirstFactory(page)
  const panel = page.getByTestId('photos-panel')
  const before = await panel.getByTestId('photo-cell').count()
  await panel.getByTestId('photo-file-input').setInputFiles({
    name: 'not-a-photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('这只是一个文本文件，不是照片。'),
  })
  await expect(panel.getByTestId('photo-upload-error')).toHaveText('该文件不是可读取的图片（与文件名无关）')
  await expect(panel.getByTestId('photo-cell')).toHaveCount(before)
})
