import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { creditCodeCheckChar } from '../../../src-main/core/domain/credit-code'

/**
 * Spreadsheets as buyers keep them, written in the test: .xlsx by exceljs, CSV in UTF-8 (with or without
 * BOM) or GBK as Excel in China saves it. Shared by the import tests, the e2e test and the bench.
 */

export type Cell = string | number | null

/** A valid unified social credit code, different for each n. */
export function creditCode(n: number): string {
  const first17 = `91350582MA${String(n).padStart(7, '0')}`
  return first17 + creditCodeCheckChar(first17)
}

/** The headers of a factory sheet as a buyer's own list has them. */
export const FACTORY_HEADERS = [
  '工厂名称',
  '统一社会信用代码',
  '省份',
  '城市',
  '产业带',
  '主营类目',
  '代工品牌',
  '联系人',
  '手机',
  '状态',
  '备注',
]

const BELTS = [
  ['福建', '晋江', '晋江生活用纸'],
  ['河北', '保定', '保定纸品'],
  ['广东', '广州', '白云日化'],
  ['湖北', '仙桃', '仙桃无纺布'],
] as const
const STATUSES = ['潜在', '合格', '暂停合作', '黑名单']

/** n factory rows matching FACTORY_HEADERS, all valid, with distinct names and credit codes. */
export function factoryRows(n: number, offset = 0): Cell[][] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + offset
    const [province, city, belt] = BELTS[k % BELTS.length]!
    return [
      `${city}导入示例纸业${k + 1}号厂`,
      creditCode(k + 1),
      province,
      city,
      belt,
      k % 2 === 0 ? '抽纸、卷纸' : '湿厕纸,洗手液',
      k % 3 === 0 ? '维达；心相印' : '',
      `联系人${k + 1}`,
      `138${String(k).padStart(8, '0')}`,
      STATUSES[k % STATUSES.length]!,
      '',
    ]
  })
}

export async function xlsxBytes(headers: string[], rows: Cell[][], sheetName = '工厂'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow(headers)
  sheet.addRows(rows)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function csvText(headers: string[], rows: Cell[][]): string {
  return Papa.unparse([headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))], {
    newline: '\r\n',
  })
}

/** CSV bytes: 'gbk' as Excel's "CSV (逗号分隔)" on Chinese Windows, 'utf-8-bom' as "CSV UTF-8". */
export function csvBytes(headers: string[], rows: Cell[][], encoding: 'gbk' | 'utf-8' | 'utf-8-bom'): Buffer {
  const text = csvText(headers, rows)
  if (encoding === 'gbk') return iconv.encode(text, 'gbk')
  const utf8 = Buffer.from(text, 'utf8')
  return encoding === 'utf-8' ? utf8 : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])
}

/**
 * A list as a purchasing department sends it: a title merged over the sheet's width, a note row (merged
 * too) and the author beside it, a blank row, then the header; a blank row among the data and a note
 * under it. The header is on row 4; data rows are 5, 6, then 8 on (row 7 is blank).
 */
export async function departmentListXlsx(
  headers: string[],
  rows: Cell[][],
  title = '2026年11月 晋江生活用纸产业带 工厂名单（采购部）',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('工厂名单')
  const last = String.fromCharCode(64 + headers.length)
  sheet.getCell('A1').value = title
  sheet.mergeCells(`A1:${last}1`)
  sheet.getCell('A2').value = '说明：信用代码请勿改动；手机为联系人本人，状态以最近一次拜访为准。'
  sheet.mergeCells('A2:F2')
  sheet.getCell('H2').value = '制表：李娜'
  sheet.getRow(4).values = headers
  rows.forEach((row, i) => {
    // One blank row after the second data row.
    sheet.getRow(5 + i + (i >= 2 ? 1 : 0)).values = row
  })
  const end = 5 + rows.length + (rows.length > 2 ? 1 : 0)
  sheet.getCell(`A${end}`).value = `注：共 ${rows.length} 家工厂。`
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
