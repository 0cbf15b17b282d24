import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import { packUnits, type Freight, type PriceTier, type PricingQuote } from '../domain/pricing'
import { requireRate } from '../rates/rates.service'
import {
  inTransaction,
  insertRow,
  newRowId,
  requireLiveReference,
  tombstoneRow,
  updateRow,
} from '../write/write-path'
import type { Quote, QuoteValues } from './quotes.contract'
import {
  findLiveQuote,
  listLatestRounds,
  listThreadRounds,
  maxRound,
  type QuoteRow,
} from './quotes.repository'
import { quotesTable } from './quotes.columns'
import { FreightSchema, PriceTiersSchema } from '../domain/pricing/pricing.schema'
import { readPackSpec } from '../skus/skus.columns'
import { readJson } from '../write/stored-columns'

/** The columns a buyer edits; thread and round are set by create / revise only. */
function termColumns(values: QuoteValues): Record<string, unknown> {
  return {
    sku_id: values.skuId,
    factory_id: values.factoryId,
    sample_id: values.sampleId,
    linked_sample_id: values.linkedSampleId,
    freight_currency: values.freightCurrency === values.currency ? '' : values.freightCurrency,
    pack_word: values.packWord,
    quote_date: values.quoteDate,
    valid_until: values.validUntil,
    currency: values.currency,
    vat_basis: values.vatBasis,
    vat_rate: values.vatRate,
    tiers: JSON.stringify(values.tiers),
    pack_spec: JSON.stringify(values.packSpec),
    freight: JSON.stringify(values.freight),
    moq_packs: values.moqPacks,
    lead_time_days: values.leadTimeDays,
    payment_terms: values.paymentTerms,
    notes: values.notes,
  }
}

export function toQuote(row: QuoteRow): Quote {
  const packSpec = readPackSpec(row.pack_spec)
  return {
    id: row.id,
    threadId: row.thread_id,
    round: row.round,
    skuId: row.sku_id,
    factoryId: row.factory_id,
    factoryName: row.factory_name,
    sampleId: row.sample_id,
    linkedSampleId: row.linked_sample_id,
    linkedSampleCode: row.sample_code,
    linkedSampleName: row.sample_name,
    skuName: row.sku_name,
    freightCurrency: row.freight_currency,
    packWord: row.pack_word,
    quoteDate: row.quote_date,
    validUntil: row.valid_until,
    currency: row.currency,
    vatBasis: row.vat_basis as Quote['vatBasis'],
    vatRate: row.vat_rate,
    // Stored before values were checked, tiers may not decode: none then (the quote prices as incomplete).
    tiers: readJson<PriceTier[]>(row.tiers, PriceTiersSchema, []),
    packSpec: [...packSpec],
    unitsPerPack: packUnits(packSpec),
    freight: readJson<Freight>(row.freight, FreightSchema, { kind: 'included' }),
    moqPacks: row.moq_packs,
    leadTimeDays: row.lead_time_days,
    paymentTerms: row.payment_terms,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The quote as the pricing engine takes it. */
export function toPricingQuote(quote: Quote): PricingQuote {
  return {
    id: quote.id,
    currency: quote.currency,
    vatBasis: quote.vatBasis,
    vatRate: quote.vatRate,
    tiers: quote.tiers,
    unitsPerPack: quote.unitsPerPack,
    freight: quote.freight,
    freightCurrency: quote.freightCurrency === '' ? null : quote.freightCurrency,
    moqPacks: quote.moqPacks,
    quoteDate: quote.quoteDate,
    validUntil: quote.validUntil,
  }
}

/** References and currency checked in the write's transaction; `prefix` is where the values sit in the input. */
async function checkQuote(trx: Transaction<DB>, values: QuoteValues, prefix: string[]): Promise<void> {
  await requireLiveReference(trx, 'skus', values.skuId, [...prefix, 'skuId'])
  await requireLiveReference(trx, 'factories', values.factoryId, [...prefix, 'factoryId'])
  await requireRate(trx, values.currency, [...prefix, 'currency'])
  if (values.freightCurrency !== '' && values.freight.kind !== 'included') {
    await requireRate(trx, values.freightCurrency, [...prefix, 'freightCurrency'])
  }
  if (values.linkedSampleId !== null) {
    const path = [...prefix, 'linkedSampleId']
    await requireLiveReference(trx, 'samples', values.linkedSampleId, path)
    const sample = await trx
      .selectFrom('samples')
      .select('factory_id')
      .where('id', '=', values.linkedSampleId)
      .executeTakeFirstOrThrow()
    if (sample.factory_id !== values.factoryId) {
      throw new AppError('validation', 'errors.validation', `${path.join('.')}: sample of another factory`, [
        { path, messageKey: 'errors.quote.sampleOtherFactory' },
      ])
    }
  }
}

export async function getQuote(ctx: CoreContext, id: string): Promise<Quote> {
  const row = await findLiveQuote(ctx.db, id)
  if (!row) throw notFound('quote', id)
  return toQuote(row)
}

export async function listQuotes(
  ctx: CoreContext,
  filter: { skuId?: string; factoryId?: string; sampleId?: string },
): Promise<Quote[]> {
  return (await listLatestRounds(ctx.db, filter)).map(toQuote)
}

export async function listRounds(ctx: CoreContext, threadId: string): Promise<Quote[]> {
  return (await listThreadRounds(ctx.db, threadId)).map(toQuote)
}

export async function createQuote(ctx: CoreContext, values: QuoteValues): Promise<Quote> {
  const id = await inTransaction(ctx.db, (trx) => insertQuote(trx, ctx, values))
  return getQuote(ctx, id)
}

/** A new quote (round 1 of a new thread) in the caller's transaction; returns its id. */
export async function insertQuote(
  trx: Transaction<DB>,
  ctx: CoreContext,
  values: QuoteValues,
  path: string[] = [],
): Promise<string> {
  await checkQuote(trx, values, path)
  const threadId = newRowId()
  return insertRow(
    trx,
    ctx.write,
    quotesTable,
    { ...termColumns(values), thread_id: threadId, round: 1 },
    threadId,
  )
}

/** A new offer in the same negotiation: the next round, the earlier ones kept. */
export async function reviseQuote(ctx: CoreContext, id: string, values: QuoteValues): Promise<Quote> {
  const newId = await inTransaction(ctx.db, async (trx) => {
    const previous = await findLiveQuote(trx, id)
    if (!previous) throw notFound('quote', id)
    await checkQuote(trx, values, ['values'])
    const round = (await maxRound(trx, previous.thread_id)) + 1
    return insertRow(trx, ctx.write, quotesTable, {
      ...termColumns(values),
      thread_id: previous.thread_id,
      round,
    })
  })
  return getQuote(ctx, newId)
}

export async function updateQuote(ctx: CoreContext, id: string, values: QuoteValues): Promise<Quote> {
  await inTransaction(ctx.db, async (trx) => {
    await checkQuote(trx, values, ['values'])
    await updateRow(trx, ctx.write, quotesTable, id, termColumns(values))
  })
  return getQuote(ctx, id)
}

export async function deleteQuote(ctx: CoreContext, id: string): Promise<void> {
  await inTransaction(ctx.db, (trx) => tombstoneRow(trx, ctx.write, quotesTable, id))
}
