import { fieldErrorsFromZod } from '@core/api/errors'
import { AppInfo } from '@core/system/system.contract'
import { SkuTargetStatus } from '@core/targets/targets.contract'
import { FACTORY_STATUSES, FactoryInput } from '@core/factories/factories.contract'
import { CATEGORY_STATUSES } from '@core/categories/categories.contract'
import { SCORE_DIMENSIONS } from '@core/domain/scorecard'
import { SAMPLE_STATUSES } from '@core/domain/sample-workflow'
import { SAMPLE_SOURCES, SUGGESTED_EVALUATION_DIMENSIONS, VERDICTS } from '@core/samples/samples.contract'
import { TourPhase } from '@core/tours/tours.contract'
import { describe, expect, it } from 'vitest'
import { CodeState } from '../../src-hq/admin.contract'
import { CONSOLE_PAGES } from '../../src-hq/console/console-route'
import { LIST_COLUMNS } from '../factories/list-columns'
import { NAV_AREAS } from '../shell/areas'
import { createI18n } from './create-i18n'
import { en } from './en'
import { LANGUAGES } from './language'
import { zhCN } from './zh-CN'

/** 'a.b.c' → text, for every leaf. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v)
  }
  return out
}

const zh = flatten(zhCN)
const english = flatten(en)
const languages = { 'zh-CN': zh, en: english }

// The HQ console is built from the renderer's parts and speaks from the same files.
const rendererSources = import.meta.glob(
  ['../**/*.{ts,tsx}', '!../**/*.test.ts', '../../src-hq/console/**/*.{ts,tsx}'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>
const coreSources = import.meta.glob(
  [
    '../../src-main/**/*.ts',
    '!../../src-main/**/*.test.ts',
    '../../src-hq/**/*.ts',
    '!../../src-hq/**/*.test.ts',
  ],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>

/** Keys passed as plain literals: t('a.b'), t("a.b"), messageKey: 'a.b'. */
function literalKeys(sources: Record<string, string>, pattern: RegExp): Set<string> {
  const keys = new Set<string>()
  for (const text of Object.values(sources)) for (const m of text.matchAll(pattern)) keys.add(m[1] as string)
  return keys
}

function expectInBothLanguages(keys: Iterable<string>): void {
  for (const key of keys) {
    for (const [language, messages] of Object.entries(languages)) {
      expect(messages.get(key), `${key} in ${language}`).toBeTruthy()
    }
  }
}

describe('translations', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort())
    for (const [key, text] of [...zh, ...english]) expect(text.trim(), key).not.toBe('')
  })

  it('use the same interpolation params in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const [key, text] of zh) expect(params(english.get(key) ?? ''), key).toEqual(params(text))
  })

  it('cover every literal key the renderer uses', () => {
    const keys = literalKeys(rendererSources, /\bt\(\s*['"]([\w.-]+)['"]/g)
    // The scan must actually see the UI; a broken glob would pass vacuously.
    expect(keys.size).toBeGreaterThan(50)
    expect(keys).toContain('factories.contact.phone')
    expectInBothLanguages(keys)
  })

  it('cover every key built from a list at run time', () => {
    expectInBothLanguages(FACTORY_STATUSES.map((s) => `status.${s}`))
    expectInBothLanguages(NAV_AREAS.map((a) => `nav.${a.key}`))
    expectInBothLanguages(LANGUAGES.map((l) => `language.${l}`))
    expectInBothLanguages(AppInfo.shape.host.options.map((h) => `host.${h}`))
    expectInBothLanguages(LIST_COLUMNS.map((c) => `factories.columns.${c.key}`))
    expectInBothLanguages(Object.keys(FactoryInput.shape).map((f) => `factories.fields.${f}`))
    expectInBothLanguages(SkuTargetStatus.options.map((s) => `targetStatus.${s}`))
    expectInBothLanguages(['included', 'perPack', 'perShipment'].map((k) => `quotes.freight.${k}`))
    expectInBothLanguages(['perPack', 'perShipment'].map((k) => `quotes.freightAmount.${k}`))
    expectInBothLanguages(['included', 'excluded'].map((v) => `quotes.vat.${v}`))
    expectInBothLanguages(SCORE_DIMENSIONS.map((d) => `scorecard.dimensions.${d}`))
    expectInBothLanguages(SAMPLE_STATUSES.flatMap((s) => [`sampleStatus.${s}`, `samples.moveTo.${s}`]))
    expectInBothLanguages(SAMPLE_SOURCES.map((s) => `sampleSource.${s}`))
    expectInBothLanguages(VERDICTS.map((v) => `verdict.${v}`))
    expectInBothLanguages(SUGGESTED_EVALUATION_DIMENSIONS.map((d) => `evaluation.dimensions.${d}`))
    expectInBothLanguages(TourPhase.options.flatMap((p) => [`tourPhase.${p}`, `tours.phaseTitle.${p}`]))
    expectInBothLanguages(CATEGORY_STATUSES.map((s) => `categoryStatus.${s}`))
    expectInBothLanguages(CodeState.options.map((s) => `hqConsole.codes.states.${s}`))
    expectInBothLanguages(CONSOLE_PAGES.map((p) => `hqConsole.nav.${p}`))
    for (const mode of ['create', 'revise', 'update']) {
      expectInBothLanguages(['title', 'submit', 'done'].map((part) => `quotes.form.${part}.${mode}`))
    }
  })

  it('cover every error key the core and the hosts emit', () => {
    const keys = literalKeys(coreSources, /['"`](errors\.[\w.]+)(?=['"`$])/g)
    expect(keys).toContain('errors.unauthorized')
    expect(keys).toContain('errors.creditCode.')
    const exact = [...keys].filter((k) => !k.endsWith('.'))
    expectInBothLanguages(exact)
    // Template keys: errors.creditCode.${problem}, errors.tooSmall.${origin}, errors.tooBig.${origin}.
    expectInBothLanguages(['length', 'character', 'checksum', 'taken'].map((p) => `errors.creditCode.${p}`))
    const origins = ['string', 'number', 'int', 'bigint', 'array', 'set', 'date', 'file']
    expectInBothLanguages(origins.flatMap((o) => [`errors.tooSmall.${o}`, `errors.tooBig.${o}`]))
  })

  it('cover every field error the factory form can produce from bad input', () => {
    const bad = [
      { name: '' },
      { name: 'x'.repeat(101), creditCode: '91350582MA2XY1234A', shopId: '中文店铺' },
      { name: 'ok', creditCode: '123', contacts: [{ name: '', phone: '12345' }] },
      { name: 'ok', creditCode: '91350582MA2XYZ123I' },
      { name: 'ok', status: 'closed', categories: [''], oemBrands: Array(51).fill('a') },
      { name: 42, contacts: 'none', extra: true },
    ]
    const keys = bad.flatMap((input) => {
      const result = FactoryInput.strict().safeParse(input)
      expect(result.success).toBe(false)
      return result.success ? [] : fieldErrorsFromZod(result.error).map((f) => f.messageKey)
    })
    expect(keys).toContain('errors.creditCode.reasonRequired')
    expect(keys).toContain('errors.phone.invalid')
    expectInBothLanguages(keys)
  })

  it('interpolate params through i18next in both languages', () => {
    const zhT = createI18n('zh-CN').t
    const enT = createI18n('en').t
    expect(zhT('errors.tooBig.string', { maximum: 100 })).toBe('最多 100 个字符')
    expect(enT('errors.tooBig.string', { maximum: 100 })).toBe('At most 100 characters')
    expect(enT('factories.delete.body', { name: '"恒安" & Co' })).toContain('"恒安" & Co')
  })
})
