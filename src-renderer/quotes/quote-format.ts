import { displayMoney, formatPackSpec, type Freight, type PriceTier } from '@core/domain/pricing'
import type { TFunction } from 'i18next'
import { groupThousands } from '../skus/format'

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', JPY: '¥', HKD: 'HK$' }

/** '¥15.00', '$3.50', 'GBP 2.00': money to 2 places with the currency's sign. */
export function money(value: string, currency = 'CNY'): string {
  const symbol = SYMBOLS[currency]
  const amount = groupThousands(displayMoney(value))
  return symbol && !(currency === 'JPY') ? `${symbol}${amount}` : `${currency} ${amount}`
}

/** '1,000件 → ¥15.00；5,000件 → ¥14.40' */
export function tiersText(t: TFunction, tiers: readonly PriceTier[], currency: string): string {
  return tiers
    .map((tier) =>
      t('quotes.tierText', {
        from: tier.fromPacks.toLocaleString(),
        price: money(tier.pricePerPack, currency),
      }),
    )
    .join(t('common.listSeparator'))
}

export function freightText(t: TFunction, freight: Freight, currency: string): string {
  if (freight.kind === 'included') return t('quotes.freight.included')
  return `${t(`quotes.freight.${freight.kind}`)} ${money(freight.amount, currency)}`
}

export { formatPackSpec }
