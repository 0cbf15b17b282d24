import type { TFunction } from 'i18next'
import { formatDateTime } from '../factories/format'

/**
 * A conflict's stored value (its JSON text) as a buyer reads it, in the screen's language: lists
 * joined (「生活用纸、湿厕纸」), a contact as 「王强 · 厂长 · 13712345678」, codes by their labels
 * (「合格」, not "qualified"), yes/no, money with ¥, times as times. Which columns hold what is named
 * here per table and column; anything else is shown by its shape.
 */

/** Columns holding a code, and the i18n namespace of its labels. */
const ENUM_LABELS: Record<string, string> = {
  'factories.status': 'status',
  'samples.status': 'sampleStatus',
  'samples.source': 'sampleSource',
  'samples.evaluation_verdict': 'verdict',
  'sample_status_history.status': 'sampleStatus',
  'categories.status': 'categoryStatus',
  'quotes.vat_basis': 'quotes.vat',
}

/** Columns whose text is itself JSON (lists and shapes kept in one field). */
const JSON_TEXT = new Set([
  'factories.categories',
  'factories.oem_brands',
  'factories.certifications',
  'factories.contacts',
  'visits.attendees',
  'samples.specs',
  'samples.evaluation_scores',
  'quotes.tiers',
  'quotes.pack_spec',
  'quotes.freight',
  'skus.retail_pack_spec',
  'benchmarks.pack_spec',
])

/** Columns stored as 0/1 that mean no/yes. */
const BOOLEANS = new Set(['visit_follow_ups.done'])

/** Columns holding an amount of money in CNY (decimal text). */
const MONEY = new Set(['benchmarks.shelf_price'])

/** Columns holding an ISO timestamp (shown to the minute). */
const TIMESTAMPS = new Set(['created_at', 'updated_at', 'deleted_at', 'done_at', 'evaluated_at', 'taken_at'])

/** Keys of an object shown first, in this order (a contact's name before its phone). */
const KEY_ORDER = ['name', 'label', 'role', 'phone', 'wechat', 'count', 'from', 'minPacks', 'price', 'value']

function decode(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return json
  }
}

function money(value: unknown): string {
  const text = String(value)
  return /^-?\d+(\.\d+)?$/.test(text) ? `¥${text}` : text
}

/** One item of a list, or a whole object: its meaningful values joined with ' · '. */
function shapeText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return t(value ? 'sync.values.yes' : 'sync.values.no')
  if (Array.isArray(value)) {
    return value
      .map((item) => shapeText(t, item))
      .filter((text) => text !== '')
      .join(t('sync.values.listSeparator'))
  }
  if (typeof value === 'object') {
    const entry = value as Record<string, unknown>
    if (typeof entry.kind === 'string') {
      // A freight term: its kind in words, then its amount.
      const kind = t(`quotes.freight.${entry.kind}`, { defaultValue: entry.kind })
      return entry.amount === undefined ? kind : `${kind} ${money(entry.amount)}`
    }
    const keys = Object.keys(entry).sort((a, b) => rank(a) - rank(b))
    return keys
      .map((key) => (key === 'price' ? money(entry[key]) : shapeText(t, entry[key])))
      .filter((text) => text !== '')
      .join(' · ')
  }
  return String(value)
}

function rank(key: string): number {
  const index = KEY_ORDER.indexOf(key)
  return index === -1 ? KEY_ORDER.length : index
}

/** The text of one side of a conflict on `kind`.`field`; '' when the field was empty. */
export function conflictValueText(t: TFunction, kind: string, field: string, json: string): string {
  const column = `${kind}.${field}`
  let value = decode(json)
  if (value === null || value === '') {
    return field === 'deleted_at' ? t('sync.values.notDeleted') : ''
  }
  const labels = ENUM_LABELS[column]
  if (labels && typeof value === 'string') return t(`${labels}.${value}`, { defaultValue: value })
  if (BOOLEANS.has(column) && (value === 0 || value === 1))
    return t(value ? 'sync.values.yes' : 'sync.values.no')
  if (MONEY.has(column)) return money(value)
  if (TIMESTAMPS.has(field) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
    const time = formatDateTime(value)
    return field === 'deleted_at' ? t('sync.values.deletedAt', { time }) : time
  }
  if (JSON_TEXT.has(column) && typeof value === 'string') value = decode(value)
  return shapeText(t, value)
}
