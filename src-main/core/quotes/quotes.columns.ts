import { z } from 'zod'
import {
  CurrencyCode,
  FreightSchema,
  PackSpecSchema,
  PriceTiersSchema,
  VatRateText,
} from '../domain/pricing/pricing.schema'
import { defineSyncedTable, stored } from '../write/stored-columns'

// Limits as in quotes.contract (sample id, lead time, texts) and pricing.schema (packs, decimals).

/** Quotes as stored: tiers, pack spec and freight as JSON text of the pricing schemas. */
export const quotesTable = defineSyncedTable({
  name: 'quotes',
  entity: 'quote',
  rowId: 'uuid',
  columns: z.object({
    thread_id: stored.reference(),
    round: stored.int(1, 1_000_000, 1),
    sku_id: stored.reference(),
    factory_id: stored.reference(),
    sample_id: stored.text(60),
    linked_sample_id: stored.nullable(stored.reference()),
    freight_currency: stored.satisfying((v) => v === '' || /^[A-Z]{3}$/.test(v), ''),
    pack_word: stored.text(10),
    quote_date: stored.date(),
    valid_until: stored.nullable(stored.date()),
    currency: stored.checked(CurrencyCode, 'CNY'),
    vat_basis: stored.oneOf(['included', 'excluded']),
    vat_rate: stored.checked(VatRateText, '0.13'),
    tiers: stored.json(PriceTiersSchema, [{ fromPacks: 1, pricePerPack: '1' }]),
    pack_spec: stored.json(PackSpecSchema, [{ count: 1, label: '件' }]),
    freight: stored.json(FreightSchema, { kind: 'included' }),
    moq_packs: stored.nullable(stored.int(1, 1_000_000_000_000)),
    lead_time_days: stored.nullable(stored.int(0, 3650)),
    payment_terms: stored.text(200),
    notes: stored.text(2000),
  }),
})
