import type { z } from 'zod'
import { fieldErrorsFromZod } from '../api/errors'
import { FactoryInput, type FactoryStatus, type FactoryValues } from '../factories/factories.contract'
import { SampleCreateInput, type SampleCreateValues } from '../samples/samples.contract'
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type CellError,
  type FactoryImportField,
  type ImportField,
  type ImportKind,
  type SampleImportField,
} from './imports.contract'
import { LIST_SEPARATORS } from './import-fields'
import type { TableRow } from './read-table'

/**
 * Turns spreadsheet rows into the inputs the forms send (FactoryInput, samples.create's input) and
 * validates them with those same schemas, so an import accepts exactly what the forms accept. Every
 * problem lands on the cell it came from: the zod path of the input maps back to the field's column.
 */

/** One row's outcome: the validated values, or the problems that stop it. */
export interface RowOutcome<V> {
  /** The row number Excel shows. */
  rowNumber: number
  /** The values to write; null when the row has errors. */
  values: V | null
  errors: CellError[]
}

/** Column per field, from a mapping that names a field (or null) per column. */
export type ColumnOf = ReadonlyMap<ImportField, number>

export function columnsOf(mapping: readonly (string | null)[]): Map<ImportField, number> {
  const columns = new Map<ImportField, number>()
  mapping.forEach((field, column) => {
    if (field !== null && !columns.has(field as ImportField)) columns.set(field as ImportField, column)
  })
  return columns
}

/** What is wrong with a mapping: unknown fields, a field on two columns, a required field on none. */
export function mappingProblems(
  kind: ImportKind,
  headerCount: number,
  mapping: readonly (string | null)[],
): CellError[] {
  const problems: CellError[] = []
  if (mapping.length !== headerCount) {
    problems.push({
      column: null,
      field: '',
      messageKey: 'errors.import.mappingLength',
      params: { expected: headerCount },
    })
    return problems
  }
  const known = new Set<string>(IMPORT_FIELDS[kind])
  const seen = new Map<string, number>()
  mapping.forEach((field, column) => {
    if (field === null) return
    if (!known.has(field)) {
      problems.push({ column, field, messageKey: 'errors.import.unknownField' })
    } else if (seen.has(field)) {
      problems.push({ column, field, messageKey: 'errors.import.fieldTwice' })
    } else seen.set(field, column)
  })
  for (const field of REQUIRED_IMPORT_FIELDS[kind]) {
    if (!seen.has(field)) problems.push({ column: null, field, messageKey: 'errors.import.fieldUnmapped' })
  }
  return problems
}

function splitList(text: string, separators: RegExp): string[] {
  return [
    ...new Set(
      text
        .split(separators)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ]
}

export function lookupWord<T extends string>(words: Record<string, T>, text: string): T | undefined {
  return words[text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')]
}

const FACTORY_STATUS_WORDS: Record<string, FactoryStatus> = {
  潜在: 'prospect',
  潜在供应商: 'prospect',
  待考察: 'prospect',
  prospect: 'prospect',
  合格: 'qualified',
  合格供应商: 'qualified',
  合作中: 'qualified',
  qualified: 'qualified',
  暂停: 'paused',
  暂停合作: 'paused',
  paused: 'paused',
  黑名单: 'blacklisted',
  blacklisted: 'blacklisted',
  blacklist: 'blacklisted',
}

const SAMPLE_STATUS_WORDS: Record<string, SampleCreateValues['status']> = {
  待收样: 'requested',
  已申请: 'requested',
  已索样: 'requested',
  待寄样: 'requested',
  requested: 'requested',
  已收样: 'received',
  已收到: 'received',
  已到样: 'received',
  received: 'received',
}

const SAMPLE_SOURCE_WORDS: Record<string, SampleCreateValues['source']> = {
  选品中心: 'selectionCenter',
  线下选品中心: 'selectionCenter',
  selectioncenter: 'selectionCenter',
  拜访: 'visit',
  走访: 'visit',
  工厂拜访: 'visit',
  visit: 'visit',
}

/** Maps zod issues of a row's input to cells; `fieldOf` names the import field of an input path. */
export function zodCellErrors(
  error: z.ZodError,
  columns: ColumnOf,
  fieldOf: (path: (string | number)[]) => ImportField,
): CellError[] {
  return fieldErrorsFromZod(error).map((e) => {
    const field = fieldOf(e.path)
    return { column: columns.get(field) ?? null, field, messageKey: e.messageKey, params: e.params }
  })
}

const CONTACT_FIELDS: Record<string, FactoryImportField> = {
  name: 'contactName',
  role: 'contactRole',
  phone: 'contactPhone',
  wechat: 'contactWechat',
}

function factoryFieldOf(path: (string | number)[]): FactoryImportField {
  const [head, , leaf] = path
  if (head === 'contacts') return CONTACT_FIELDS[String(leaf)] ?? 'contactName'
  return (IMPORT_FIELDS.factories as readonly string[]).includes(String(head))
    ? (head as FactoryImportField)
    : 'name'
}

const factorySchema = FactoryInput.strict()

/**
 * Factories: lists split on the separators of their field (a category keeps its "/"), one contact from
 * the contact columns, status words in Chinese or English. Whether a row names a factory already there
 * is not an error but a duplicate, found apart (import-duplicates.ts) because it depends on the database.
 */
export function validateFactoryRows(
  rows: readonly TableRow[],
  columns: ColumnOf,
): RowOutcome<FactoryValues>[] {
  return rows.map((row) => {
    const get = (field: FactoryImportField) => {
      const column = columns.get(field)
      return column === undefined ? undefined : (row.cells[column] ?? '')
    }
    const errors: CellError[] = []
    const input: Record<string, unknown> = {}
    const textFields = [
      'name',
      'creditCode',
      'shopId',
      'province',
      'city',
      'address',
      'industrialBelt',
      'capacity',
      'notes',
    ] as const
    for (const field of textFields) {
      const value = get(field)
      if (value !== undefined) input[field] = value
    }
    for (const field of ['categories', 'oemBrands', 'certifications'] as const) {
      const value = get(field)
      if (value !== undefined) input[field] = splitList(value, LIST_SEPARATORS[field])
    }
    const contact = {
      name: get('contactName') ?? '',
      role: get('contactRole') ?? '',
      phone: get('contactPhone') ?? '',
      wechat: get('contactWechat') ?? '',
    }
    if (Object.values(contact).some((v) => v !== '')) input.contacts = [contact]
    const statusText = get('status') ?? ''
    if (statusText !== '') {
      const status = lookupWord(FACTORY_STATUS_WORDS, statusText)
      if (status) input.status = status
      else {
        errors.push({
          column: columns.get('status') ?? null,
          field: 'status',
          messageKey: 'errors.import.unknownStatus',
          params: { value: statusText },
        })
      }
    }
    const parsed = factorySchema.safeParse(input)
    if (!parsed.success) {
      // A sheet has no column for the reason a failing check character is kept: it stays an error of
      // the code's cell here; the buyer keeps such a factory from its form, with the reason.
      const noReason = (e: CellError): CellError =>
        e.messageKey === 'errors.creditCode.reasonRequired'
          ? {
              column: columns.get('creditCode') ?? null,
              field: 'creditCode',
              messageKey: 'errors.creditCode.checksum',
            }
          : e
      errors.push(...zodCellErrors(parsed.error, columns, factoryFieldOf).map(noReason))
    }
    return outcome(row, parsed.success && errors.length === 0 ? parsed.data : null, errors)
  })
}

export function outcome<V>(row: TableRow, values: V | null, errors: CellError[]): RowOutcome<V> {
  return { rowNumber: row.rowNumber, values, errors }
}

/** What sample rows are resolved against: live factories and SKUs by name, excluded categories. */
export interface SampleLookups {
  /** Live factory ids by trimmed name (several when names repeat). */
  factoriesByName: ReadonlyMap<string, string[]>
  /** Live SKUs by trimmed name. */
  skusByName: ReadonlyMap<string, { id: string; category: string }[]>
  /** Names of categories HQ excluded. */
  excludedCategories: ReadonlySet<string>
}

const SAMPLE_FIELD_OF_PATH: Record<string, SampleImportField> = {
  factoryId: 'factory',
  skuId: 'sku',
  visitId: 'source',
  categoryOverride: 'categoryOverrideReason',
}

function sampleFieldOf(path: (string | number)[]): SampleImportField {
  const head = String(path[0] ?? '')
  if (head in SAMPLE_FIELD_OF_PATH) return SAMPLE_FIELD_OF_PATH[head] as SampleImportField
  return (IMPORT_FIELDS.samples as readonly string[]).includes(head) ? (head as SampleImportField) : 'name'
}

/** 层数:3；抽数:130 → [{key:'层数', value:'3'}, …]; an entry without a separator is a key alone. */
function parseSpecs(text: string): { key: string; value: string }[] {
  return text
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const at = entry.search(/[:：=]/)
      return at < 0
        ? { key: entry, value: '' }
        : { key: entry.slice(0, at).trim(), value: entry.slice(at + 1).trim() }
    })
}

// A syntactically valid id that refers to nothing; stands in for a name that did not resolve, so the
// schema reports the row's other problems while the lookup error stays the one shown for that cell.
const UNRESOLVED = '00000000-0000-7000-8000-000000000000'

const sampleSchema = SampleCreateInput

/**
 * Samples: the factory (and SKU) by name, source and status words in Chinese or English, specs as
 * key:value pairs. A sample in an excluded category needs an override reason in its own column.
 */
export function validateSampleRows(
  rows: readonly TableRow[],
  columns: ColumnOf,
  lookups: SampleLookups,
): RowOutcome<SampleCreateValues>[] {
  return rows.map((row) => {
    const get = (field: SampleImportField) => {
      const column = columns.get(field)
      return column === undefined ? '' : (row.cells[column] ?? '')
    }
    const errors: CellError[] = []
    const cellError = (field: SampleImportField, messageKey: string, params?: CellError['params']) =>
      errors.push({ column: columns.get(field) ?? null, field, messageKey, params })

    const factoryName = get('factory')
    let factoryId = UNRESOLVED
    if (factoryName !== '') {
      const ids = lookups.factoriesByName.get(factoryName) ?? []
      if (ids.length === 1) factoryId = ids[0] as string
      else if (ids.length === 0) cellError('factory', 'errors.import.unknownFactory', { value: factoryName })
      else cellError('factory', 'errors.import.ambiguousFactory', { value: factoryName, count: ids.length })
    }
    const skuName = get('sku')
    let sku: { id: string; category: string } | null = null
    if (skuName !== '') {
      const found = lookups.skusByName.get(skuName) ?? []
      if (found.length === 1) sku = found[0] ?? null
      else if (found.length === 0) cellError('sku', 'errors.import.unknownSku', { value: skuName })
      else cellError('sku', 'errors.import.ambiguousSku', { value: skuName, count: found.length })
    }
    const sourceText = get('source')
    const source = sourceText === '' ? 'selectionCenter' : lookupWord(SAMPLE_SOURCE_WORDS, sourceText)
    if (!source) cellError('source', 'errors.import.unknownSource', { value: sourceText })
    else if (source === 'visit') cellError('source', 'errors.import.visitSource')
    const statusText = get('status')
    const status = statusText === '' ? 'requested' : lookupWord(SAMPLE_STATUS_WORDS, statusText)
    if (!status) cellError('status', 'errors.import.unknownSampleStatus', { value: statusText })
    const overrideReason = get('categoryOverrideReason')
    const input = {
      source: 'selectionCenter',
      visitId: null,
      factoryId,
      skuId: sku ? sku.id : skuName === '' ? null : UNRESOLVED,
      category: get('category'),
      categoryOverride: overrideReason === '' ? null : { override: true, reason: overrideReason },
      name: get('name'),
      specs: parseSpecs(get('specs')),
      storageLocation: get('storageLocation'),
      notes: get('notes'),
      status: status ?? 'requested',
      by: get('by'),
    }
    const parsed = sampleSchema.safeParse(input)
    if (!parsed.success) {
      const flagged = new Set(errors.map((e) => e.field))
      errors.push(...zodCellErrors(parsed.error, columns, sampleFieldOf).filter((e) => !flagged.has(e.field)))
    }
    const category = input.category.trim() !== '' ? input.category.trim() : (sku?.category ?? '')
    if (category !== '' && lookups.excludedCategories.has(category) && overrideReason === '') {
      cellError('category', 'errors.category.excluded', { category })
    }
    return outcome(row, parsed.success && errors.length === 0 ? parsed.data : null, errors)
  })
}
