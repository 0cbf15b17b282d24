import type { Transaction } from 'kysely'
import type { CoreContext } from '../api/context'
import { AppError, notFound } from '../api/errors'
import type { DB } from '../db/schema'
import type { CurrencyRates } from '../domain/pricing'
import { inTransaction, insertRow, tombstoneRow, updateRow } from '../write/write-path'
import type { CurrencyRate } from './rates.contract'
import { findLiveRate, listLiveRates, type RateRow } from './rates.repository'
import { currencyRatesTable } from './rates.columns'

function toRate(row: RateRow): CurrencyRate {
  return { currency: row.currency, rate: row.rate, updatedAt: row.updated_at }
}

export async function listRates(ctx: CoreContext): Promise<CurrencyRate[]> {
  return (await listLiveRates(ctx.db)).map(toRate)
}

/** The rates as the pricing engine takes them. */
export async function currencyRates(db: CoreContext['db'] | Transaction<DB>): Promise<CurrencyRates> {
  return Object.fromEntries((await listLiveRates(db)).map((row) => [row.currency, row.rate]))
}

/** A price in `currency` can be saved only when it can be converted: CNY, or a currency with a rate. */
export async function requireRate(
  trx: Transaction<DB>,
  currency: string,
  field: (string | number)[],
): Promise<void> {
  if (currency === 'CNY' || (await findLiveRate(trx, currency))) return
  throw new AppError('validation', 'errors.validation', `no exchange rate for ${currency}`, [
    { path: field, messageKey: 'errors.currency.noRate', params: { currency } },
  ])
}

export async function setRate(ctx: CoreContext, currency: string, rate: string): Promise<CurrencyRate> {
  await inTransaction(ctx.db, async (trx) => {
    const existing = await findLiveRate(trx, currency)
    if (existing) await updateRow(trx, ctx.write, currencyRatesTable, existing.id, { rate })
    else await insertRow(trx, ctx.write, currencyRatesTable, { currency, rate, notes: '' })
  })
  const row = await findLiveRate(ctx.db, currency)
  if (!row) throw notFound('currency rate', currency)
  return toRate(row)
}

export async function deleteRate(ctx: CoreContext, currency: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const existing = await findLiveRate(trx, currency)
    if (!existing) throw notFound('currency rate', currency)
    await tombstoneRow(trx, ctx.write, currencyRatesTable, existing.id)
  })
}
