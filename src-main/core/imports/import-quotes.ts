import dayjs from 'dayjs'
import type { Freight, PackFactor } from '../domain/pricing'
import { formatPackSpec } from '../domain/pricing/pack'
import { QuoteInput, type QuoteValues } from '../quotes/quotes.contract'
import { outcome, zodCellErrors, type ColumnOf, type RowOutcome } from './import-rows'
import type { CellError, ImportField, QuoteImportField, QuoteImportTarget } from './imports.contract'
import type { TableRow } from './read-table'

/**
 * A factory's price list as quotes for one SKU. Each row is one price tier (an MOQ and a price); the
 * rows of one product and pack (and the same VAT, freight, currency and dates) make one quote, its rows
 * the tiers in MOQ order. Each quote is checked with quotes.create's own schema, so an import accepts
 * what the quote form accepts; its problems land on the cells they came from.
 */

/** One good row: the tier it adds and the quote it belongs to. */
export interface QuoteRowValues {
  /** Rows with the same key make one quote. */
  group: string
  tier: { fromPacks: number; pricePerPack: string }
  /** The quote's terms, tiers and MOQ aside (the group sets those). */
  quote: Omit<QuoteValues, 'tiers' | 'moqPacks'>
}

const NUMBER_IN = /\d[\d,]*(?:\.\d+)?/

/** "24包×100抽", "24包*100抽 = 2,400抽", "500ml" → factors; null when the text names no count. */
export function parsePackSpec(text: string): PackFactor[] | null {
  const spec = text.normalize('NFKC').split('=')[0] ?? ''
  const factors: PackFactor[] = []
  for (const part of spec.split(/[×xX*·]|\/(?=\s*\d)/)) {
    const match = /(\d[\d,]*(?:\.\d+)?)\s*([^\d\s()[\]（）,，;；]{1,10})?/.exec(part.trim())
    if (!match) continue
    const count = Number((match[1] ?? '').replace(/,/g, ''))
    if (!(count > 0)) return null
    factors.push({ count, label: (match[2] ?? '件').trim() || '件' })
  }
  return factors.length > 0 ? factors : null
}

/** "≥1,000箱", "1000箱起", "1000" → 1000; '' → 1 (a price without an MOQ). */
function parsePacks(text: string): number | null {
  if (text === '') return 1
  const match = NUMBER_IN.exec(text.normalize('NFKC'))
  if (!match) return null
  const n = Number(match[0].replace(/,/g, ''))
  return Number.isInteger(n) && n >= 1 ? n : null
}

/** "¥12.50", "12.5元/箱", "12.50" → "12.50"; null when there is no number. */
function parsePrice(text: string): string | null {
  const match = NUMBER_IN.exec(text.normalize('NFKC'))
  return match ? match[0].replace(/,/g, '') : null
}

/** 含税 / 不含税 (and how price lists say them); null when the text does not say. */
function parseVat(text: string): 'included' | 'excluded' | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  if (t === '') return null
  if (/不含|未税|不开票|无票|否|excl|^no$|^n$/.test(t)) return 'excluded'
  if (/含|开票|带票|是|\d+%|incl|^yes$|^y$/.test(t)) return 'included'
  return null
}

/** 包邮 / 含运费 → included; "0.5元/箱" → per pack; "200元/票" → per shipment; null when unclear. */
function parseFreight(text: string): Freight | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '')
  if (t === '' || /包邮|含运费|包运费|免运费|送货上门|含|free|included/i.test(t)) return { kind: 'included' }
  const amount = parsePrice(t)
  if (amount === null) return null
  if (/\/(票|车|次|单|批|趟)|每(票|车|次|单|批)|shipment|order/i.test(t))
    return { kind: 'perShipment', amount }
  if (/\/(箱|件|包|提|袋|个|pack|case|carton)|每(箱|件|包|提|袋)/i.test(t)) return { kind: 'perPack', amount }
  return null
}

/** 2026-11-02, 2026/11/2, 2026年11月2日 → "2026-11-02"; the text itself when it is none of those. */
function parseDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim())
  if (!m) return text
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`
}

/** The import field of a path into one quote's input. */
function quoteFieldOf(path: (string | number)[]): QuoteImportField {
  const head = String(path[0] ?? '')
  const fields: Record<string, QuoteImportField> = {
    tiers: path[2] === 'fromPacks' ? 'fromPacks' : 'price',
    packSpec: 'packSpec',
    vatBasis: 'vat',
    freight: 'freight',
    currency: 'currency',
    quoteDate: 'quoteDate',
    validUntil: 'validUntil',
    leadTimeDays: 'leadTimeDays',
    notes: 'notes',
    moqPacks: 'fromPacks',
  }
  return fields[head] ?? 'price'
}

/**
 * Every row checked on its own (numbers, pack, VAT, freight), then every quote as a whole (tiers in
 * order, no MOQ twice): a quote's problem is shown on the row it came from.
 */
export function validateQuoteRows(
  rows: readonly TableRow[],
  headers: readonly string[],
  columns: ColumnOf,
  target: QuoteImportTarget,
  today: string = dayjs().format('YYYY-MM-DD'),
): RowOutcome<QuoteRowValues>[] {
  const priceColumn = columns.get('price')
  // A price header may say the basis for the whole sheet: 含税单价, 不含税单价.
  const headerVat = priceColumn === undefined ? null : parseVat(headers[priceColumn] ?? '')
  const outcomes = rows.map((row): RowOutcome<QuoteRowValues> => {
    const get = (field: QuoteImportField) => {
      const column = columns.get(field)
      return column === undefined ? '' : (row.cells[column] ?? '')
    }
    const errors: CellError[] = []
    const cellError = (field: ImportField, messageKey: string, params?: CellError['params']) =>
      errors.push({ column: columns.get(field) ?? null, field, messageKey, params })
    const packSpec = parsePackSpec(get('packSpec'))
    if (!packSpec)
      cellError('packSpec', get('packSpec') === '' ? 'errors.required' : 'errors.import.packSpec')
    const fromPacks = parsePacks(get('fromPacks'))
    if (fromPacks === null) cellError('fromPacks', 'errors.import.packs')
    const price = parsePrice(get('price'))
    if (price === null) cellError('price', get('price') === '' ? 'errors.required' : 'errors.decimal.invalid')
    const vatText = get('vat')
    const vatBasis = parseVat(vatText) ?? (vatText === '' ? headerVat : null)
    if (vatBasis === null) {
      cellError(
        columns.has('vat') ? 'vat' : 'price',
        vatText === '' ? 'errors.import.vatUnknown' : 'errors.import.vat',
        {
          value: vatText,
        },
      )
    }
    const freight = parseFreight(get('freight'))
    if (freight === null) cellError('freight', 'errors.import.freight', { value: get('freight') })
    const leadText = get('leadTimeDays')
    const lead = leadText === '' ? null : parsePacks(leadText)
    if (leadText !== '' && lead === null) cellError('leadTimeDays', 'errors.integer')
    const validText = get('validUntil')
    const quote = {
      skuId: target.skuId,
      factoryId: target.factoryId,
      sampleId: '',
      currency: get('currency') === '' ? 'CNY' : get('currency'),
      vatBasis: vatBasis ?? 'included',
      vatRate: '0.13',
      packSpec: packSpec ?? [],
      freight: freight ?? { kind: 'included' as const },
      quoteDate: get('quoteDate') === '' ? today : parseDate(get('quoteDate')),
      validUntil: validText === '' ? null : parseDate(validText),
      leadTimeDays: lead,
      paymentTerms: '',
      notes: [get('product'), get('notes')].filter((t) => t !== '').join(' · '),
    }
    // The row alone, as a one-tier quote: catches a bad currency, date or price here, on its cells.
    const single = QuoteInput.safeParse({
      ...quote,
      tiers: [{ fromPacks: fromPacks ?? 1, pricePerPack: price ?? '0' }],
    })
    if (!single.success && errors.length === 0) {
      errors.push(...zodCellErrors(single.error, columns, quoteFieldOf))
    }
    if (errors.length > 0 || !single.success || packSpec === null) {
      return outcome<QuoteRowValues>(row, null, errors)
    }
    const { tiers: _tiers, moqPacks: _moq, ...terms } = single.data
    const group = JSON.stringify([
      get('product'),
      formatPackSpec(packSpec),
      terms.vatBasis,
      terms.freight,
      terms.currency,
      terms.quoteDate,
      terms.validUntil,
    ])
    return outcome<QuoteRowValues>(row, { group, tier: single.data.tiers[0]!, quote: terms }, errors)
  })
  // The same MOQ twice in one quote: the later row is the problem.
  const seen = new Map<string, number>()
  for (const result of outcomes) {
    if (!result.values) continue
    const key = `${result.values.group}\n${result.values.tier.fromPacks}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      result.values = null
      result.errors.push({
        column: columns.get('fromPacks') ?? null,
        field: 'fromPacks',
        messageKey: 'errors.import.tierRepeated',
        params: { row: earlier },
      })
    } else seen.set(key, result.rowNumber)
  }
  // Each quote as a whole (at most 20 tiers …), its problem on its first row.
  for (const quote of groupQuotes(outcomes)) {
    const whole = QuoteInput.safeParse(quote.values)
    if (whole.success) continue
    const problems = zodCellErrors(whole.error, columns, quoteFieldOf)
    for (const o of outcomes) {
      if (!quote.rows.includes(o.rowNumber)) continue
      o.values = null
      o.errors.push(...problems)
    }
  }
  return outcomes
}

/** The quotes the good rows make, in the order of their first rows, tiers by MOQ. */
export function groupQuotes(
  rows: readonly RowOutcome<QuoteRowValues>[],
): { rows: number[]; values: QuoteValues }[] {
  const groups = new Map<string, { rows: number[]; values: QuoteValues }>()
  for (const { rowNumber, values } of rows) {
    if (!values) continue
    let group = groups.get(values.group)
    if (!group) {
      group = { rows: [], values: { ...values.quote, tiers: [], moqPacks: null } }
      groups.set(values.group, group)
    }
    group.rows.push(rowNumber)
    group.values.tiers.push(values.tier)
    if (group.values.leadTimeDays === null) group.values.leadTimeDays = values.quote.leadTimeDays
  }
  for (const group of groups.values()) {
    group.values.tiers.sort((a, b) => a.fromPacks - b.fromPacks)
    const lowest = group.values.tiers[0]?.fromPacks ?? 1
    group.values.moqPacks = lowest > 1 ? lowest : null
  }
  return [...groups.values()]
}
