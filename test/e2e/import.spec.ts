import { expect, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import {
  creditCode,
  csvBytes,
  departmentListXlsx,
  FACTORY_HEADERS,
  factoryRows,
} from '../integration/support/spreadsheets'

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

/** A department's list: a merged title, notes and a blank row above the header on row 4 (see the helper). */
function departmentRows(prefix: string, codeBase: number, n: number) {
  return factoryRows(n).map((row, i) => {
    const copy = [...row]
    copy[0] = `${prefix}纸业${i + 1}号厂`
    copy[1] = creditCode(codeBase + i)
    return copy
  })
}

test('imports a department list with a title row: the right rows and columns, and says what it skipped', async ({
  page,
}) => {
  const stamp = (Date.now() % 1_000_000) + 29
  const prefix = `采购部${stamp}`
  const rows = departmentRows(prefix, 7_000_000 + (stamp % 199_000) * 5, 4)
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('import-factories').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('import-dropzone')).not.toContainText('第一行为表头')
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: '2026年11月工厂名单（采购部）.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await departmentListXlsx(FACTORY_HEADERS, rows),
  })
  await expect(dialog.getByTestId('import-header-row')).toHaveValue(/^第 4 行：工厂名称 \| 统一社会信用代码/)
  const skipped = dialog.getByTestId('import-skipped')
  await expect(skipped).toContainText('第 1–3 行：标题/说明，已跳过')
  await expect(skipped).toContainText('第 7 行：空行，已跳过')
  await expect(skipped).toContainText('第 10 行：表格下方的备注，已跳过')
  await expect(dialog.getByTestId('import-good')).toHaveText('4 行可导入')
  await expect(dialog.getByTestId('import-map-0')).toHaveValue('工厂名称 *')
  await expect(dialog.getByTestId('import-map-1')).toHaveValue('统一社会信用代码')
  await expect(dialog.getByTestId('import-row-5')).toContainText(`${prefix}纸业1号厂`)
  await page.screenshot({ path: 'resources/screenshots/import-title-row-zh.png' })

  // The buyer tries the title row as the header: nothing maps, so nothing can be imported …
  await dialog.getByTestId('import-header-row').click()
  await page.getByRole('option', { name: /^第 1 行：2026年11月/ }).click()
  await expect(dialog.getByTestId('import-unmapped')).toContainText('工厂名称')
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled()
  // … and goes back to row 4.
  await dialog.getByTestId('import-header-row').click()
  await page.getByRole('option', { name: /^第 4 行：/ }).click()
  await expect(dialog.getByTestId('import-good')).toHaveText('4 行可导入')
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 4 条记录')
  await dialog.getByTestId('import-close').click()

  await page.getByTestId('factory-search').fill(prefix)
  await expect(page.getByTestId('factory-row')).toHaveCount(4)
  await expect(page.getByTestId('factory-row').filter({ hasText: `${prefix}纸业2号厂` })).toContainText(
    '保定',
  )
})

test('shows a factory already there as 已存在 with skip / update, and updates it when asked', async ({
  page,
}) => {
  const stamp = (Date.now() % 1_000_000) + 41
  const prefix = `重复测试${stamp}`
  const first = departmentRows(prefix, 8_000_000 + (stamp % 199_000) * 5, 1)
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('import-factories').click()
  let dialog = page.getByRole('dialog')
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: 'first.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(FACTORY_HEADERS.slice(0, 2), [first[0]!.slice(0, 2)], 'gbk'),
  })
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 1 条记录')
  await dialog.getByTestId('import-close').click()

  // The department's list has that factory (same credit code) with more detail, and a new one.
  const rows = departmentRows(prefix, 8_000_000 + (stamp % 199_000) * 5, 2)
  const open = async () => {
    await page.getByTestId('import-factories').click()
    dialog = page.getByRole('dialog')
    await dialog.getByTestId('import-file-input').setInputFiles({
      name: '采购部名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await departmentListXlsx(FACTORY_HEADERS, rows),
    })
  }
  await open()
  await expect(dialog.getByTestId('import-duplicates')).toHaveText('1 行已存在')
  const row = dialog.getByTestId('import-row-5')
  await expect(row).toContainText(`已存在：${prefix}纸业1号厂`)
  await expect(row).toContainText('（信用代码相同）')
  const choice = dialog.getByTestId('import-duplicate-5')
  await expect(choice.getByRole('radio', { name: '跳过' })).toBeChecked()
  await expect(choice).not.toContainText('仍然添加')
  await expect(dialog.getByTestId('import-confirm')).toHaveText('确认导入 1 行')
  await choice.getByText('更新').click()
  await expect(dialog.getByTestId('import-confirm')).toHaveText('确认导入 2 行')
  await page.screenshot({ path: 'resources/screenshots/import-duplicates-zh.png' })
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText(
    '已导入 2 条记录，其中更新已有工厂 1 家，跳过重复 0 行',
  )
  await dialog.getByTestId('import-close').click()
  await page.getByTestId('factory-search').fill(prefix)
  await expect(page.getByTestId('factory-row')).toHaveCount(2)
  // The update merged the list's fields into the factory that was there.
  await expect(page.getByTestId('factory-row').filter({ hasText: `${prefix}纸业1号厂` })).toContainText(
    '晋江',
  )

  // The same list in English: the duplicate offers the same choices.
  await page.getByTestId('language-switch').getByText('English').click()
  await open()
  await expect(dialog.getByTestId('import-duplicates')).toHaveText('2 rows already there')
  await expect(dialog.getByTestId('import-row-5')).toContainText(`Already there: ${prefix}纸业1号厂`)
  await expect(dialog.getByTestId('import-skipped')).toContainText('Rows 1–3: title / notes, skipped')
  await page.screenshot({ path: 'resources/screenshots/import-duplicates-en.png' })
  await page.keyboard.press('Escape')
  await page.getByTestId('language-switch').getByText('中文').click()
})

test('imports a factory price list as quotes for an SKU, the factory picked in the dialog', async ({
  page,
}) => {
  const stamp = (Date.now() % 1_000_000) + 53
  const factory = `报价单测试${stamp}纸业`
  await page.goto(appUrl())
  await page.getByTestId('nav-factories').click()
  await page.getByTestId('import-factories').click()
  let dialog = page.getByRole('dialog')
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: 'one.csv',
    mimeType: 'text/csv',
    buffer: csvBytes(['工厂名称'], [[factory]], 'utf-8'),
  })
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 1 条记录')
  await dialog.getByTestId('import-close').click()

  await page.getByTestId('nav-skus').click()
  await page.getByTestId('sku-row').first().getByRole('link').click()
  await expect(page.getByTestId('quotes-panel')).toBeVisible()
  await page.getByTestId('quotes-panel').getByTestId('import-quotes').click()
  dialog = page.getByRole('dialog')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('报价单')
  sheet.getCell('A1').value = `${factory} 报价单（2026年11月）`
  sheet.mergeCells('A1:F1')
  sheet.getRow(3).values = ['品名', '规格', '起订量', '含税单价（元/箱）', '运费', '交期']
  // The demo SKU the test opens first is disposable bath towels, compared per 条.
  sheet.addRow(['一次性浴巾 70×140', '20包×5条', '1,000箱', '¥150.00', '包邮', '15天'])
  sheet.addRow(['一次性浴巾 70×140', '20包×5条', '5000箱', '142.00', '包邮', '15天'])
  sheet.addRow(['一次性浴巾 70×140', '50条', '500', '78.00', '5元/箱', ''])
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: `${factory}报价单.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  })
  await dialog.getByTestId('import-quote-factory').click()
  await dialog.getByTestId('import-quote-factory').fill(factory)
  await page.getByRole('option', { name: factory, exact: true }).click()
  await expect(dialog.getByTestId('import-skipped')).toContainText('第 1–2 行：标题/说明，已跳过')
  await expect(dialog.getByTestId('import-good')).toHaveText('3 行可导入')
  await expect(dialog.getByTestId('import-quotes')).toHaveText('将生成 2 条报价')
  await expect(dialog.getByTestId('import-map-1')).toHaveValue('规格（包装） *')
  await page.screenshot({ path: 'resources/screenshots/import-quotes-zh.png' })
  await dialog.getByTestId('import-confirm').click()
  await expect(dialog.getByTestId('import-done')).toHaveText('已导入 2 条记录')
  await dialog.getByTestId('import-close').click()
  await expect(page.getByTestId('quote-row').filter({ hasText: factory })).toHaveCount(2)
  await page.screenshot({ path: 'resources/screenshots/import-quotes-done-zh.png' })
})
