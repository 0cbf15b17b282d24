import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'

/**
 * The HQ console as an HQ admin uses it, in real Chromium against a real HQ (`npm run hq` on a fresh
 * data directory, serving the console built by `npm run build`): log in with the admin token, mint an
 * enrolment code, file an SKU brief, a benchmark, a demand signal and a category policy, see the
 * enrolled laptop, log out. Screenshots go to resources/screenshots/.
 */

const SHOTS = 'resources/screenshots'
const SKU_NAME = '抽纸 3层 100抽 24包'

let hq: ChildProcess
let hqUrl = ''
let dataDir = ''

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-hq-e2e-'))
  hq = spawn('npx', ['tsx', 'src-hq/main.ts', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  hqUrl = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`HQ did not start:\n${output}`)), 30_000)
    hq.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^HQ console: (\S+)\/ /m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    hq.once('exit', (code) => reject(new Error(`HQ exited with ${code}:\n${output}`)))
  })
})

test.afterAll(() => {
  hq?.kill('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

async function login(page: Page): Promise<void> {
  await page.goto(hqUrl)
  await page.getByTestId('login-token').fill(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim())
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('console-title')).toHaveText('总部控制台')
}

test('an HQ admin logs in, mints a code, files a brief, its benchmark and demand, and a category policy', async ({
  page,
}) => {
  await page.goto(hqUrl)
  await expect(page.getByText('总部管理员登录')).toBeVisible()
  await page.getByTestId('login-token').fill('not-the-token')
  await page.getByTestId('login-submit').click()
  await expect(page.getByText('管理员令牌不正确')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/hq-console-login-zh.png` })
  await login(page)

  // Enrolment: a big code with its expiry, then a laptop enrols with it.
  await page.getByTestId('code-mint').click()
  const code = (await page.getByTestId('code-value').textContent())!.trim()
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  await expect(page.getByTestId('minted-code')).toContainText('有效至')
  await expect(page.getByTestId('code-row').first()).toContainText('可用')
  const enrolled = await fetch(`${hqUrl}/api/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: '李工的笔记本', nodeId: '0123456789abcdef' }),
  })
  expect(enrolled.status).toBe(200)
  await page.reload()
  await expect(page.getByTestId('code-row').first()).toContainText('已使用')
  await expect(page.getByTestId('code-row').first()).toContainText('李工的笔记本')
  await page.getByTestId('code-mint').click()
  await expect(page.getByTestId('code-row')).toHaveCount(3)
  await page.screenshot({ path: `${SHOTS}/hq-console-codes-zh.png` })

  await page.getByTestId('nav-devices').click()
  await expect(page.getByTestId('device-row')).toContainText('李工的笔记本')
  await expect(page.getByTestId('device-row')).toContainText('从未推送')
  await page.screenshot({ path: `${SHOTS}/hq-console-devices-zh.png` })

  // Category policy first, so the brief's form suggests it.
  await page.getByTestId('nav-categories').click()
  await page.getByTestId('category-new-name').fill('宠物主粮')
  await page.getByTestId('category-new-status').getByText('排除').click()
  await page.getByPlaceholder('为什么（登记时会显示）').fill('2025 年试过，毛利太低，已放弃')
  await page.getByTestId('category-add').click()
  await expect(page.locator('[data-testid="category-row"][data-category="宠物主粮"]')).toBeVisible()
  await page.getByTestId('category-new-name').fill('生活用纸')
  await page.getByTestId('category-new-status').getByText('重点').click()
  await page.getByTestId('category-add').click()
  await expect(page.locator('[data-testid="category-row"][data-category="生活用纸"]')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/hq-console-categories-zh.png` })

  // An SKU brief, with the app's own SKU form.
  await page.getByTestId('nav-skus').click()
  await page.getByTestId('sku-new').click()
  const skuForm = page.getByTestId('sku-form')
  // The form warns about HQ's own excluded category as it does on a laptop, and notes a focus one.
  await skuForm.getByTestId('sku-category').fill('宠物主粮')
  await expect(skuForm.getByTestId('category-excluded')).toContainText('2025 年试过，毛利太低，已放弃')
  await skuForm.getByTestId('sku-category').fill('生活用纸')
  await skuForm.getByTestId('sku-category').press('Tab')
  await expect(skuForm.getByTestId('category-focus')).toBeVisible()
  await skuForm.getByTestId('sku-name').fill(SKU_NAME)
  await skuForm.getByTestId('sku-pack-0-count').fill('24')
  await skuForm.getByTestId('sku-pack-1-count').fill('100')
  await expect(skuForm.getByTestId('sku-pack-total')).toHaveText('24包 × 100抽 = 2,400抽')
  await skuForm.getByTestId('sku-planned').fill('10000')
  await skuForm.getByTestId('sku-save').click()
  await expect(skuForm).toBeHidden()
  await expect(page.getByTestId('sku-row')).toContainText(SKU_NAME)

  // Its benchmark, with the app's own benchmark panel.
  await page.getByTestId('sku-row').getByRole('link').click()
  await page.getByTestId('benchmark-new').click()
  const benchmark = page.getByTestId('benchmark-form')
  await benchmark.getByTestId('benchmark-brand').fill('维达')
  await benchmark.getByTestId('benchmark-brand').press('Tab')
  await benchmark.getByTestId('benchmark-channel').fill('山姆会员店')
  await benchmark.getByTestId('benchmark-channel').press('Tab')
  await benchmark.getByTestId('benchmark-price').fill('72.00')
  await benchmark.getByTestId('benchmark-save').click()
  await expect(benchmark).toBeHidden()
  await expect(page.getByTestId('benchmark-row')).toContainText('维达')
  await expect(page.locator('.mantine-Drawer-overlay')).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/hq-console-benchmarks-zh.png` })

  // A demand signal: a bad month is refused on its field, then corrected.
  await page.getByTestId('nav-demand').click()
  await page.getByTestId('demand-new').click()
  const demand = page.getByTestId('demand-form')
  await demand.getByTestId('demand-month').fill('2026-13')
  await demand.getByTestId('demand-channel').fill('山姆')
  await demand.getByTestId('demand-channel').press('Tab')
  await demand.getByTestId('demand-units').fill('12000')
  await demand.getByTestId('demand-save').click()
  await expect(demand.getByText('请输入月份（年-月，如 2026-10）')).toBeVisible()
  await demand.getByTestId('demand-month').fill('2026-10')
  await demand.getByTestId('demand-save').click()
  await expect(demand).toBeHidden()
  await expect(page.getByTestId('demand-row')).toContainText('12,000')

  await page.getByTestId('nav-skus').click()
  await expect(page.getByTestId('sku-row')).toContainText('1')
  await page.screenshot({ path: `${SHOTS}/hq-console-skus-zh.png` })

  // Everything went into HQ's log as rows the laptops will pull.
  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  for (const [table, count] of [
    ['skus', 1],
    ['benchmarks', 1],
    ['demand_signals', 1],
    ['categories', 2],
  ] as const) {
    const listed = await fetch(`${hqUrl}/api/admin.rows.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ table }),
    })
    expect(((await listed.json()) as { value: { rows: unknown[] } }).value.rows, table).toHaveLength(count)
  }

  await page.getByTestId('logout').click()
  await expect(page.getByTestId('login-token')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('login-token')).toBeVisible()
})

test('in English and dark, the demand signals read as an admin expects', async ({ page }) => {
  await login(page)
  await page.getByTestId('language-switch').getByText('English').click()
  await page.getByTestId('theme-toggle').click()
  await page.getByTestId('nav-demand').click()
  await expect(page.getByRole('heading', { name: 'Demand signals' })).toBeVisible()
  await expect(page.getByTestId('demand-row')).toContainText('12,000')
  await page.screenshot({ path: `${SHOTS}/hq-console-demand-en-dark.png` })
})
