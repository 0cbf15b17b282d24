import { Alert } from '@mantine/core'
import { displayUnitPrice, formatPackSpec } from '@core/domain/pricing'
import type { NegotiationSheet, NegotiationSkuBlock } from '@core/targets/targets.contract'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import { errorMessage } from '../common/error-message'
import { freightText, money } from '../quotes/quote-format'
import { markFailed, markReadyWhenPainted } from '../reports/print-ready'
import { groupThousands } from '../skus/format'
import {
  askHeadline,
  meetsTodayLines,
  packWords,
  quotePackWord,
  signedPercent,
  tierReason,
  type PackWord,
} from './ask-text'
import './negotiation.css'

/** The negotiation sheet's print address: an SKU (a page per factory) or a factory (its page). */
export interface NegotiationRoute {
  /** Whose sheet. */
  kind: 'negotiation-sku' | 'negotiation-factory'
  /** The SKU's or the factory's id. */
  id: string
  /** Laid out as a phone-width card (the PNG) instead of A4 pages. */
  card?: boolean
}

const percent = (value: string) => `${Number((Number(value) * 100).toFixed(2))}%`

function Quote({ item, unit }: { item: NegotiationSkuBlock['quotes'][number]; unit: string }) {
  const { t, i18n } = useTranslation()
  const { quote, label, row } = item
  const word: PackWord = quotePackWord(quote, i18n.language)
  const { packs } = packWords(t, word)
  const headline = askHeadline(t, row.ask, word)
  const plannedTier = row.pricing.status === 'priced' ? row.pricing.cost.tierIndex : null
  const tiers = row.ask.status === 'ok' ? row.ask.tiers : []
  return (
    <div className="negotiation-quote" data-testid="negotiation-quote">
      <div className="negotiation-quote-head">
        <strong>
          {label.round > 1 ? `${t('quotes.round', { round: label.round })}` : t('negotiation.quote')}
        </strong>
        <span>
          {t('negotiation.terms', {
            pack: formatPackSpec(quote.packSpec),
            basis: t(`ask.basis.${quote.vatBasis}`),
            freight: freightText(t, quote.freight, quote.currency),
          })}
        </span>
        <span className="print-muted">{quote.currency}</span>
        {quote.validUntil ? (
          <span className="print-muted">
            {t(row.flags.expired ? 'negotiation.expired' : 'negotiation.validUntil', {
              date: quote.validUntil,
            })}
          </span>
        ) : null}
      </div>
      <div className="negotiation-headline" data-tone={headline.tone} data-testid="negotiation-headline">
        {headline.text}
      </div>
      {tiers.length > 0 ? (
        <table className="print-table negotiation-tiers">
          <thead>
            <tr>
              <th>{t('negotiation.tier')}</th>
              <th className="num">{t('negotiation.today')}</th>
              <th className="num">{t('negotiation.counter')}</th>
              <th className="num">%</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier.tierIndex} className={tier.tierIndex === plannedTier ? 'planned' : undefined}>
                <td>
                  ≥ {tier.fromPacks.toLocaleString('en-US')} {packs}
                </td>
                <td className="num">{money(tier.todayPrice, quote.currency)}</td>
                <td className="num" data-testid="negotiation-counter">
                  {tier.status === 'ask' ? `≤ ${money(tier.askPrice, quote.currency)}` : '—'}
                </td>
                <td className="num">{tier.status === 'ask' ? signedPercent(tier.gapShare) : ''}</td>
                <td className="print-muted">
                  {tier.status === 'none'
                    ? tierReason(t, tier, word)
                    : tier.meetsToday
                      ? t('ask.meetsTodayNote')
                      : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {meetsTodayLines(t, row.ask, word, unit).map((line) => (
        <div key={line} data-testid="negotiation-meets">
          {line}
        </div>
      ))}
    </div>
  )
}

function SkuBlock({ block }: { block: NegotiationSkuBlock }) {
  const { t, i18n } = useTranslation()
  const summary = block.summary
  const brand = summary.brand
  const first = block.quotes[0]
  const word = quotePackWord(first?.quote, i18n.language)
  return (
    <section className="print-section">
      <h2 className="print-section-title">{block.skuName}</h2>
      {first ? (
        <div className="print-muted">
          {t('negotiation.plan', {
            retail: summary.plannedOrderRetailPacks.toLocaleString('en-US'),
            packs: first.row.orderPacks.toLocaleString('en-US'),
            packWord: packWords(t, word).packs,
          })}
        </div>
      ) : null}
      <div className="negotiation-benchmark" data-testid="negotiation-benchmark">
        {brand.status === 'ok' ? (
          <>
            <div>
              {t('negotiation.benchmark', {
                brand: brand.observation.brand,
                channel: brand.observation.channel,
                date: brand.observation.observedAt,
                shelf: money(brand.observation.shelfPrice, brand.observation.currency),
                pack: `${groupThousands(brand.observation.unitsPerPack)}${block.unit}`,
                unitPrice: displayUnitPrice(brand.unitPrice),
                unit: block.unit,
              })}
            </div>
            <div>
              {t('negotiation.target', {
                ratio: summary.targetRatio,
                margin: percent(summary.targetGrossMargin),
                max: displayUnitPrice(summary.maxLandedUnitCost ?? '0'),
                unit: block.unit,
              })}
            </div>
          </>
        ) : (
          t('negotiation.noBenchmark')
        )}
      </div>
      {block.quotes.map((item) => (
        <Quote key={item.quote.id} item={item} unit={block.unit} />
      ))}
    </section>
  )
}

/** The sheet: one page per factory with its quotes, counter-offers per tier and the benchmark. */
export function NegotiationSheetView({ sheet }: { sheet: NegotiationSheet }) {
  const { t } = useTranslation()
  if (sheet.pages.length === 0) return <div>{t('negotiation.empty')}</div>
  return (
    <>
      {sheet.pages.map((page) => (
        <article
          key={page.factoryId}
          className="print-document negotiation-page"
          data-testid="negotiation-page"
        >
          <div className="print-kicker">{t('negotiation.kicker')}</div>
          <h1 className="print-title">{t('negotiation.title', { factory: page.factoryName })}</h1>
          <div className="print-muted">{t('negotiation.subtitle', { date: sheet.today })}</div>
          {page.skus.length === 0 ? <p>{t('negotiation.empty')}</p> : null}
          {page.skus.map((block) => (
            <SkuBlock key={block.skuId} block={block} />
          ))}
        </article>
      ))}
    </>
  )
}

/** Loads the sheet and marks the page ready for the printer (PDF) or the screenshot (PNG card). */
export function NegotiationPrintView({ route }: { route: NegotiationRoute }) {
  const { t } = useTranslation()
  const { client } = useApiContext()
  const [state, setState] = useState<{ sheet: NegotiationSheet } | { error: unknown } | null>(null)
  const rootRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let current = true
    const input = route.kind === 'negotiation-sku' ? { skuId: route.id } : { factoryId: route.id }
    client.call('targets.negotiation', input).then(
      (sheet) => current && setState({ sheet }),
      (error: unknown) => {
        if (!current) return
        setState({ error })
        markFailed(error instanceof Error ? error.message : String(error))
      },
    )
    return () => {
      current = false
    }
  }, [client, route.kind, route.id])

  useEffect(() => {
    if (state && 'sheet' in state && rootRef.current) {
      void markReadyWhenPainted(rootRef.current, `Negotiation sheet · ${state.sheet.today}`)
    }
  }, [state])

  return (
    <div
      ref={rootRef}
      className={route.card ? 'print-report negotiation-card' : 'print-report'}
      data-testid="negotiation-sheet"
    >
      {state && 'error' in state ? <Alert color="red">{errorMessage(t, state.error)}</Alert> : null}
      {state && 'sheet' in state ? <NegotiationSheetView sheet={state.sheet} /> : null}
    </div>
  )
}
