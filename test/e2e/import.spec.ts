import { expect, test } from '@playwright/test'
import { creditCode, csvBytes, FACTORY_HEADERS, factoryRows } from '../integration/support/spreadsheets'

/**
 * Importing factories from a buyer's spreadsheet, in real Chromium against the browser host: a GBK CSV
 * with one bad row shows the error on its cell and cannot be confirmed; nothing is written; the fixed
 * file imports every row, and the factories are in the list.
 */
test.describe.configure({ mode: 'serial' })

function appUrl(): string {
  const url = process.env.WORKBENCH_URL
  if (!url) throw new Error('WORKBENCH_URL is not set: run through playwright.config.ts (global-setup)')
  return url
}

test('imports a spreadsheet: sees the bad row, fixes the file, imports every row', async ({ page }) => {
  const stamp = Date.now() % 1_000_000
  const rows = factoryRows(3).map((row, i) => {
    const copy = [...row]
    copy[0] = `导入测试${stamp}纸业${i + 1}号厂`
    copy[1] = creditCode(5_000_000 + stamp * 3 + i)
    return copy
  })
  const bad = rows.map((r) => [...r])
  bad[1]![1] = '91350582MA00000039'

  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('import-factories').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: '工厂名单.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(FACTORY_HEADERS, bad, 'gbk'),
  })
  await expect(dialog.getByTestId('import-encoding')).toHaveText('GBK / GB18030')
  await expect(dialog.getByTestId('import-good')).toHaveText('2 行可导入')
  await expect(dialog.getByTestId('import-bad')).toHaveText('1 行有错误')
  // Data row 2 is row 3 in Excel; the credit code is column B (index 1).
  const cell = dialog.getByTestId('import-error-3-1')
  await expect(cell).toContainText('校验位不正确')
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled()
  await expect(dialog.getByTestId('import-map-1')).toHaveValue('统一社会信用代码')
  await page.screenshot({ path: 'test-results/import-dialog-errors.png' })

  // Fix the file and choose it again.
  await dialog.getByTestId('import-change-file').click()
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: '工厂名单（已修正）.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(FACTORY_HEADERS, rows, 'gbk'),
  })
  await expect(dialog.getByTestId('import-good')).toHaveText('3 行可导入')
  await expect(dialog.getByTestId('import-bad')).toHaveCount(0)
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 3 条记录')
  await page.screenshot({ path: 'test-results/import-dialog-done.png' })
  await dialog.getByTestId('import-close').click()

  await page.getByTestId('factory-search').fill(`导入测试${stamp}`)
  await expect(page.getByTestId('factory-row')).toHaveCount(3)
  await expect(page.getByTestId('factory-row').first()).toContainText(`导入测试${stamp}纸业`)
})

test('leaves a bad row out when the user excludes it', async ({ page }) => {
  const stamp = (Date.now() % 1_000_000) + 7
  const rows = factoryRows(2).map((row, i) => {
    const copy = [...row]
    copy[0] = `排除测试${stamp}纸业${i + 1}号厂`
    copy[1] = creditCode(6_000_000 + stamp * 3 + i)
    return copy
  })
  rows[0]![8] = '12345'
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('import-factories').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: 'list.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(FACTORY_HEADERS, rows, 'utf-8-bom'),
  })
  await expect(dialog.getByTestId('import-error-2-8')).toContainText('不是有效的电话号码')
  await dialog.getByTestId('import-exclude-2').check()
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 1 条记录')
  await dialog.getByTestId('import-close').click()
  await page.getByTestId('factory-search').fill(`排除测试${stamp}`)
  await expect(page.getByTestId('factory-row')).toHaveCount(1)
  await expect(page.getByTestId('factory-row')).toContainText(`排除测试${stamp}纸业2号厂`)
})

test('imports samples against a factory by name, refusing an unknown factory', async ({ page }) => {
  const stamp = (Date.now() % 1_000_000) + 13
  const factory = `样品导入测试${stamp}纸业`
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('import-factories').click()
  let dialog = page.getByRole('dialog')
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: 'one.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(['工厂名称', '省份'], [[factory, '福建']], 'utf-8'),
  })
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 1 条记录')
  await dialog.getByTestId('import-close').click()

  await page.getByTestId('nav-samples').click()
  await page.getByTestId('import-samples').click()
  dialog = page.getByRole('dialog')
  const headers = ['样品名称', '工厂', '类目', '规格', '存放位置', '状态']
  const rows = [
    [`三层抽纸 ${stamp}`, factory, '生活用纸', '层数:3；抽数:130', '选品中心 B-3', '已收样'],
    [`湿厕纸 ${stamp}`, '没有这家工厂', '生活用纸', '', '', ''],
  ]
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: '样品清单.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(headers, rows, 'gbk'),
  })
  await expect(dialog.getByTestId('import-error-3-1')).toContainText('找不到名为“没有这家工厂”的工厂')
  await page.screenshot({ path: 'test-results/import-samples-errors.png' })
  await dialog.getByTestId('import-exclude-3').check()
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 1 条记录')
  await dialog.getByTestId('import-close').click()
  await expect(page.getByText(`三层抽纸 ${stamp}`)).toBeVisible()
  await expect(page.getByText(`湿厕纸 ${stamp}`)).toHaveCount(0)
})
