import ExcelJS from 'exceljs'

/** Real files of each document type, for tests. */

/** A small but real PDF (one empty page). */
export function tinyPdf(text = 'BSCI audit'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  )
}

/** A price sheet as exceljs writes it. */
export async function priceSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('报价')
  sheet.addRow(['规格', '起订量', '单价（含税）'])
  sheet.addRow(['100抽×24包', 1000, 23.5])
  return Buffer.from(await book.xlsx.writeBuffer())
}
