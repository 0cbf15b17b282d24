/** Row of `currency_rates`: a manual exchange rate, kept offline (CNY per one unit of `currency`). */
export interface CurrencyRatesTable {
  id: string
  /** ISO 4217 code, e.g. 'USD'; one live row per code. */
  currency: string
  /** Decimal text, CNY per unit. */
  rate: string
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}
