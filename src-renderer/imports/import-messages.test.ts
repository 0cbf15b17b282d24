import { IMPORT_ENCODINGS, IMPORT_FIELDS, IMPORT_KINDS } from '@core/imports/imports.contract'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/create-i18n'

/** Keys the import dialog builds at run time (field labels, encodings, titles) exist in both languages. */
describe('import dialog texts', () => {
  it('name every field, encoding and kind in Chinese and English', () => {
    const keys = [
      ...IMPORT_KINDS.flatMap((kind) => [
        `imports.title.${kind}`,
        ...IMPORT_FIELDS[kind].map((field) => `imports.fields.${kind}.${field}`),
      ]),
      ...IMPORT_ENCODINGS.map((encoding) => `imports.encoding.${encoding}`),
    ]
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language)
      for (const key of keys) expect(i18n.exists(key), `${key} in ${language}`).toBe(true)
    }
    expect(createI18n('zh-CN').t('imports.fields.factories.creditCode')).toBe('统一社会信用代码')
  })

  it('interpolate the row and count into import errors', () => {
    const t = createI18n('zh-CN').t
    expect(t('errors.import.badRows', { count: 2, row: 4 })).toBe(
      '还有 2 行有错误（第一处在第 4 行）：请修正文件，或排除这些行',
    )
  })
})
