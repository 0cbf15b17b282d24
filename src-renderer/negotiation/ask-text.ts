import {
  DEFAULT_BENCHMARK_MAX_AGE_DAYS,
  displayPercent,
  displayUnitPrice,
  type AskPrice,
  type PackSpec,
  type TierAsk,
  type WorkingStep,
} from '@core/domain/pricing'
import type { TFunction } from 'i18next'
import { packWordPluralText, packWordText } from '../common/figures'
import { money } from '../quotes/quote-format'
import { groupThousands } from '../skus/format'

/**
 * The ask price and a row's working in the buyer's words: "要价 ≤ ¥13.36/箱（不含税）@ ≥ 1,000 箱，−7.2%".
 * Pure text from the engine's figures, shared by the comparison table and the negotiation sheet.
 */

/**
 * What the quote's pack is called: the factory's own word as the quote stores it (箱, 瓶), in the UI
 * language; without one, a guess from the pack spec — a case (箱) when it holds inner packs, else a pack (包).
 */
export type PackWord = 'case' | 'pack' | { pack: string; packs: string }

export function packWordOf(spec: PackSpec | undefined): 'case' | 'pack' {
  return spec && spec.length >= 2 ? 'case' : 'pack'
}

/** A quote's pack word: its stored word when set, else the guess from its pack spec. */
export function quotePackWord(
  quote: { packWord?: string; packSpec?: PackSpec } | undefined,
  language: string,
): PackWord {
  const own = quote?.packWord?.trim() ?? ''
  if (own === '') return packWordOf(quote?.packSpec)
  return { pack: packWordText(own, language), packs: packWordPluralText(own, language) }
}

/** The quote's pack word, singular and plural, in the UI language. */
export function packWords(t: TFunction, word: PackWord): { pack: string; packs: string } {
  if (typeof word !== 'string') return word
  return { pack: t(`ask.pack.${word}`), packs: t(`ask.packs.${word}`) }
}

/** '−3.8%' / '+8.3%': a signed share with a true minus sign. */
export function signedPercent(share: string): string {
  const text = displayPercent(share.replace(/^-/, ''))
  return share.startsWith('-') && text !== '0.0%' ? `−${text}` : `+${text}`
}

/** '−¥1.04' / '+$0.01': a signed amount in the quote's currency. */
export function signedMoney(amount: string, currency: string): string {
  const negative = amount.startsWith('-')
  return `${negative ? '−' : '+'}${money(negative ? amount.slice(1) : amount, currency)}`
}

const count = (n: number) => n.toLocaleString('en-US')

type Priced = Extract<TierAsk, { status: 'ask' }>

/** Why there is no ask price, in words. */
function reasonText(t: TFunction, reason: string, packs: string, min?: number): string {
  return t(`ask.reason.${reason}`, {
    days: DEFAULT_BENCHMARK_MAX_AGE_DAYS,
    min: min === undefined ? '' : count(min),
    packs,
  })
}

/** The headline of a quote's ask: the planned order's counter-offer, or why there is none. */
export function askHeadline(
  t: TFunction,
  ask: AskPrice,
  word: PackWord,
): { text: string; tone: 'ask' | 'meets' | 'none' } {
  const { pack, packs } = packWords(t, word)
  if (ask.status === 'unavailable') return { text: reasonText(t, ask.reason, packs), tone: 'none' }
  const planned = ask.planned
  if (planned.status === 'unpriced')
    return { text: reasonText(t, planned.reason, packs, planned.minPacks), tone: 'none' }
  if (planned.status === 'none') return { text: reasonText(t, planned.reason, packs), tone: 'none' }
  return {
    text: t(planned.meetsToday ? 'ask.headlineMeets' : 'ask.headline', {
      price: money(planned.askPrice, ask.currency),
      pack,
      packs,
      basis: t(`ask.basis.${ask.vatBasis}`),
      from: count(planned.fromPacks),
      gap: signedPercent(planned.gapShare),
    }),
    tone: planned.meetsToday ? 'meets' : 'ask',
  }
}

/** The planned order's ask when it has a price. */
export function plannedAsk(ask: AskPrice): Priced | null {
  return ask.status === 'ok' && ask.planned.status === 'ask' ? ask.planned : null
}

/** Why a tier has no ask price, in words. */
export function tierReason(t: TFunction, tier: Extract<TierAsk, { status: 'none' }>, word: PackWord): string {
  return reasonText(t, tier.reason, packWords(t, word).packs)
}

/** One line per tier: today's price and the counter-offer. */
export function tierLines(t: TFunction, ask: AskPrice, word: PackWord): string[] {
  if (ask.status !== 'ok') return []
  const { packs } = packWords(t, word)
  return ask.tiers.map((tier) => {
    const base = { from: count(tier.fromPacks), packs, today: money(tier.todayPrice, ask.currency) }
    if (tier.status === 'none')
      return t('ask.tierNone', { ...base, reason: reasonText(t, tier.reason, packs) })
    return t(tier.meetsToday ? 'ask.tierLineMeets' : 'ask.tierLine', {
      ...base,
      price: money(tier.askPrice, ask.currency),
      gap: signedPercent(tier.gapShare),
    })
  })
}

/** The order size at which today's price meets, and the pack content that would. */
export function meetsTodayLines(t: TFunction, ask: AskPrice, word: PackWord, unit: string): string[] {
  if (ask.status !== 'ok') return []
  const { pack, packs } = packWords(t, word)
  const lines: string[] = []
  const at = ask.meetsAt
  if (!at) lines.push(t('ask.meetsNever'))
  else if (at.retailPacks !== null)
    lines.push(
      t('ask.meetsAt', { packs: count(at.quotePacks), packWord: packs, retail: count(at.retailPacks) }),
    )
  else lines.push(t('ask.meetsAtQuote', { packs: count(at.quotePacks), packWord: packs }))
  if (ask.packContent.status === 'more')
    lines.push(
      t('ask.packContent', {
        pack,
        units: groupThousands(ask.packContent.unitsNeeded),
        current: groupThousands(ask.packContent.unitsPerPack),
        unit,
        share: displayPercent(ask.packContent.increaseShare),
      }),
    )
  return lines
}

/** A rate or margin as a percentage without trailing zeros: '0.13' → '13%'. */
function percent(value: string): string {
  return `${Number((Number(value) * 100).toFixed(4))}%`
}

/** One working step as a sentence with its number. */
export function stepText(
  t: TFunction,
  step: WorkingStep,
  context: { word: PackWord; currency: string; unit: string; orderPacks: number },
): string {
  const { pack, packs } = packWords(t, context.word)
  const m = (value: string) => money(value, context.currency)
  // Per-pack amounts below a cent matter here (VAT on a ¥0.43 bag): the sign of money, unit-price digits.
  const fine = (value: string) => m(value).replace(/[\d,.]+$/, groupThousands(displayUnitPrice(value)))
  const unit = context.unit
  switch (step.step) {
    case 'plannedRetailPacks':
      return t('working.steps.plannedRetailPacks', { packs: count(step.retailPacks) })
    case 'comparableUnits':
      return t('working.steps.comparableUnits', {
        per: groupThousands(step.unitsPerRetailPack),
        units: groupThousands(step.units),
        unit,
      })
    case 'quotePacks':
      return t('working.steps.quotePacks', {
        per: groupThousands(step.unitsPerPack),
        exact: groupThousands(Number(step.exactPacks).toFixed(2).replace(/\.00$/, '')),
        packs: count(step.packs),
        packWord: packs,
        pack,
        unit,
      })
    case 'tier':
      return t('working.steps.tier', {
        packs: count(context.orderPacks),
        packWord: packs,
        from: count(step.fromPacks),
        next:
          step.nextFromPacks === null ? '' : t('working.steps.tierNext', { next: count(step.nextFromPacks) }),
        price: m(step.pricePerPack),
        pack,
      })
    case 'vat':
      return step.basis === 'excluded'
        ? t('working.steps.vatExcluded', {
            rate: percent(step.rate),
            vat: fine(step.vatPerPack),
            incl: fine(step.priceInclVat),
            pack,
          })
        : t('working.steps.vatIncluded', { incl: m(step.priceInclVat), pack })
    case 'freight':
      if (step.kind === 'included')
        return t('working.steps.freightIncluded', { cost: m(step.packCost), pack })
      if (step.kind === 'perPack')
        return t('working.steps.freightPerPack', {
          amount: m(step.amount ?? '0'),
          cost: fine(step.packCost),
          pack,
        })
      return t('working.steps.freightPerShipment', {
        amount: m(step.amount ?? '0'),
        packs: count(context.orderPacks),
        freight: fine(step.freightPerPack),
        cost: fine(step.packCost),
        pack,
      })
    case 'currency':
      return step.currency === 'CNY'
        ? t('working.steps.currencyCny', { cny: displayUnitPrice(step.packCostCny), pack })
        : t('working.steps.currency', {
            rate: step.fxRate,
            currency: step.currency,
            cny: displayUnitPrice(step.packCostCny),
            pack,
          })
    case 'perUnit':
      return t('working.steps.perUnit', {
        per: groupThousands(step.unitsPerPack),
        cost: displayUnitPrice(step.unitCost),
        unit,
      })
    case 'plannedRetail':
      return t('working.steps.plannedRetail', {
        margin: percent(step.margin),
        retail: displayUnitPrice(step.plannedRetailUnit),
        unit,
      })
    case 'shareOfBrand':
      return t('working.steps.shareOfBrand', {
        brand: step.brand,
        channel: step.channel,
        brandPrice: displayUnitPrice(step.brandUnitPrice),
        share: displayPercent(step.ratioToBrand),
        unit,
      })
    case 'verdict':
      return t('working.steps.verdict', {
        target: step.targetRatio,
        status: t(`targetStatus.${step.status}`),
        gap:
          step.status === 'met' ? '' : t('working.steps.verdictGap', { gap: displayPercent(step.gapShare) }),
      })
    case 'unpriced':
      return t('working.steps.unpriced', {
        reason:
          step.reason === 'noRate'
            ? t('working.steps.noRate', { currency: step.currency ?? '' })
            : reasonText(t, step.reason, packs, step.minPacks ?? undefined),
      })
    case 'noBrandPrice':
      return t('working.steps.noBrandPrice')
  }
}
