import type { CoreContext } from '../api/context'
import { localDate } from '../targets/targets.service'
import type { ExportedFile, ExportLanguage } from './exports.contract'
import { buildXlsx, type PreparedSheet } from './xlsx-workbook'

/** What every export shares: text in the user's language and the finished file. */

/** Text in both export languages; headers and labels follow the user's language. */
export type Bilingual = Record<ExportLanguage, string>
export const say = (language: ExportLanguage, text: Bilingual) => text[language]

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The workbook as a file named after the list and today's date. */
export async function toFile(
  baseName: string,
  ctx: CoreContext,
  sheets: PreparedSheet[],
): Promise<ExportedFile> {
  const bytes = await buildXlsx(sheets)
  return {
    fileName: `${baseName}_${localDate(ctx.write.now())}.xlsx`,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
  }
}
