import { z } from 'zod'
import { defineCalls } from '../api/define'
import { WhatIfSchema } from '../domain/pricing/pricing.schema'
import { FactoryListQuery } from '../factories/factories.contract'
import { sampleCalls } from '../samples/samples.contract'
import { RecordId } from '../skus/skus.contract'
import { SkuTargetStatus } from '../targets/targets.contract'
import { tourCalls } from '../tours/tours.contract'
import { visitCalls } from '../visits/visits.contract'

/** Lists exported to .xlsx, with headers in the user's language; the file comes back as base64. */

export const ExportLanguage = z.enum(['zh-CN', 'en']).default('zh-CN')
export type ExportLanguage = z.infer<typeof ExportLanguage>

export const ExportedFile = z.object({
  /** Suggested file name, e.g. 工厂_2026-11-25.xlsx. */
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64-encoded. */
  base64: z.string(),
})
export type ExportedFile = z.infer<typeof ExportedFile>

export const exportCalls = defineCalls({
  'exports.factories': {
    summary: 'The factory list (same search, filter and sort as on screen) as an .xlsx file.',
    input: FactoryListQuery.omit({ offset: true, limit: true }).extend({ language: ExportLanguage }).strict(),
    output: ExportedFile,
  },
  'exports.comparison': {
    summary:
      'An SKU’s quote comparison (every step from tier price to ratio) and its target as an .xlsx file.',
    input: z.object({ skuId: RecordId, whatIf: WhatIfSchema.optional(), language: ExportLanguage }).strict(),
    output: ExportedFile,
  },
  'exports.samples': {
    summary: 'The sample list (same filter as samples.list) as an .xlsx file.',
    input: sampleCalls['samples.list'].input.extend({ language: ExportLanguage }),
    output: ExportedFile,
  },
  'exports.visits': {
    summary: 'The visit list (same filter as visits.list) with average scores as an .xlsx file.',
    input: visitCalls['visits.list'].input.extend({ language: ExportLanguage }),
    output: ExportedFile,
  },
  'exports.tours': {
    summary: 'The tour list (same filter as tours.list) with phase and progress as an .xlsx file.',
    input: tourCalls['tours.list'].input.extend({ language: ExportLanguage }),
    output: ExportedFile,
  },
  'exports.targets': {
    summary: 'The target dashboard (every SKU’s status, best ratio and factory) as an .xlsx file.',
    input: z
      .object({
        category: z.string().trim().max(40, 'errors.tooLong').default(''),
        statuses: z.array(SkuTargetStatus).max(5).default([]),
        language: ExportLanguage,
      })
      .strict(),
    output: ExportedFile,
  },
})
