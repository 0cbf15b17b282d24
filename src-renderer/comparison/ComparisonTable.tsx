import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core'
import {
  displayRatio,
  type NegotiatedRow,
  type PricingQuote,
  type QuoteComparisonRow,
  type SmallestMeetingOrder,
} from '@core/domain/pricing'
import type { QuoteLabel } from '@core/targets/targets.contract'
import type { TFunction } from 'i18next'
import { Fragment, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AskHeadline, RowWorking } from '../negotiation/RowWorking'
import type { PackWord } from '../negotiation/ask-text'
import {
  formatMoney,
  formatQuotedMoney,
  formatUnitPrice,
  minimumOrderText,
  packCountText,
  sharePercent,
  type UnitScale,
} from '../common/figures'
import { TargetStatusBadge } from '../targets/TargetStatusBadge'

/** Why a row has no price, in the buyer's words and the quote's own pack word. */
function unpricedReason(t: TFunction, row: QuoteComparisonRow, packWord: string, language: string): string {
  const pricing = row.pricing
  switch (pricing.status) {
    case 'belowMoq':
      return t('quoteUi.belowMoq', {
        min: packCountText(pricing.minPacks, packWord, language),
        retail: row.minRetailPacks?.toLocaleString() ?? '—',
      })
    case 'belowLowestTier':
      return t('quoteUi.belowLowestTier', {
        min: packCountText(pricing.minPacks, packWord, language),
        retail: row.minRetailPacks?.toLocaleString() ?? '—',
      })
    case 'noRate':
      return t('comparison.unpriced.noRate', { currency: pricing.currency })
    default:
      return ''
  }
}

/** The smallest meeting order as the factory counts it ('≥ 1,000 箱'), with the retail packs it means. */
function smallestText(
  t: TFunction,
  smallest: SmallestMeetingOrder,
  packWord: string,
  language: string,
): string {
  switch (smallest.status) {
    case 'found':
      return smallest.retailPacks !== null
        ? `${minimumOrderText(smallest.quotePacks, packWord, language)} · ${t('quoteUi.retailAbout', {
            packs: smallest.retailPacks.toLocaleString(),
          })}`
        : minimumOrderText(smallest.quotePacks, packWord, language)
    case 'never':
      return t('comparison.smallest.never')
    default:
      return t('common.none')
  }
}

/** A row of the table; with its ask price and working (the SKU page), the row opens to show them. */
type TableRow = QuoteComparisonRow & Partial<Pick<NegotiatedRow, 'ask' | 'working'>>

/**
 * Quotes ranked by landed unit cost at the planned order: every step from the tier price to the ratio,
 * so a buyer can check any figure by hand; unpriced quotes say why. Rows with an ask price open (click,
 * Enter or Space) to show the ask at every tier and the working of the row.
 */
export function ComparisonTable({
  rows,
  quotes,
  labels,
  packTexts,
  packWords,
  unit,
  unitScale = 1,
  targetRatio,
  staleDays = 30,
}: {
  rows: TableRow[]
  quotes: Map<string, PricingQuote>
  labels: Map<string, QuoteLabel>
  /** Quote id → its pack spec as written ('24包 × 100抽 = 2,400抽'). */
  packTexts: Map<string, string>
  /** Quote id → what its pack is called (箱 / 包); a pack when absent. */
  packWords?: Map<string, PackWord>
  unit: string
  /** Unit prices are shown per this many comparable units. */
  unitScale?: number
  /** The target ratio, so a share near it shows the side it is on. */
  targetRatio?: string
  /** The stale-benchmark age the flag uses. */
  staleDays?: number
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const scale: UnitScale = { unit, scale: unitScale }
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set())
  const withAsk = rows.some((row) => row.ask)
  const toggle = (quoteId: string) =>
    setOpened((open) => {
      const next = new Set(open)
      if (next.has(quoteId)) next.delete(quoteId)
      else next.add(quoteId)
      return next
    })
  const onKey = (quoteId: string) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    toggle(quoteId)
  }
  const perUnit = (value: string) => formatUnitPrice(value, scale)
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm" data-testid="comparison-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={52} style={{ whiteSpace: 'nowrap' }}>
              {t('comparison.columns.rank')}
            </Table.Th>
            {/* A factory's name never breaks into two-character lines (English headers are long). */}
            <Table.Th miw={150}>{t('comparison.columns.factory')}</Table.Th>
            <Table.Th>{t('comparison.columns.tier')}</Table.Th>
            <Table.Th ta="right">{t('comparison.columns.vat')}</Table.Th>
            <Table.Th ta="right">{t('comparison.columns.freight')}</Table.Th>
            <Table.Th ta="right">{t('comparison.columns.unitCost')}</Table.Th>
            <Table.Th ta="right">{t('comparison.columns.plannedRetail')}</Table.Th>
            <Table.Th ta="right">{t('comparison.columns.ratio')}</Table.Th>
            <Table.Th>{t('comparison.columns.status')}</Table.Th>
            <Table.Th>{t('comparison.columns.smallest')}</Table.Th>
            {withAsk ? <Table.Th miw={180}>{t('ask.column')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const quote = quotes.get(row.quoteId)
            const label = labels.get(row.quoteId)
            const currency = quote?.currency ?? 'CNY'
            const packWord = label?.packWord ?? ''
            const pricing = row.pricing
            const word = packWords?.get(row.quoteId) ?? 'pack'
            const negotiated = row.ask && row.working ? (row as NegotiatedRow) : null
            const isOpen = opened.has(row.quoteId)
            return (
              <Fragment key={row.quoteId}>
                <Table.Tr
                  data-testid="comparison-row"
                  data-group={row.group}
                  className={row.group === 'current' && row.rank === 1 ? 'best-row' : undefined}
                  {...(negotiated
                    ? {
                        tabIndex: 0,
                        role: 'button',
                        'aria-expanded': isOpen,
                        'aria-label': t('working.open'),
                        onClick: () => toggle(row.quoteId),
                        onKeyDown: onKey(row.quoteId),
                        style: { cursor: 'pointer' },
                      }
                    : {})}
                >
                  <Table.Td fw={700}>{row.group === 'unpriced' ? '—' : row.rank}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" fw={500} data-testid="comparison-factory">
                          {label?.factoryName ?? row.quoteId}
                        </Text>
                        {label && label.round > 1 ? (
                          <Badge size="xs" variant="light" color="blue" tt="none" style={{ flexShrink: 0 }}>
                            {t('quotes.round', { round: label.round })}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {packTexts.get(row.quoteId)}
                        {currency !== 'CNY' ? ` · ${currency}` : ''}
                      </Text>
                      <Group gap={4}>
                        {row.flags.expired ? (
                          <Badge
                            size="xs"
                            color="orange"
                            variant="light"
                            tt="none"
                            data-testid="flag-expired"
                          >
                            {t('comparison.flags.expired')}
                          </Badge>
                        ) : null}
                        {row.flags.benchmarkOlderThanQuote ? (
                          <Tooltip label={t('quoteUi.staleHint', { days: staleDays })} multiline w={280}>
                            <Badge
                              size="xs"
                              color="gray"
                              variant="light"
                              tt="none"
                              data-testid="flag-stale-benchmark"
                            >
                              {t('comparison.flags.benchmarkOlder')}
                            </Badge>
                          </Tooltip>
                        ) : null}
                      </Group>
                    </Stack>
                  </Table.Td>
                  {pricing.status === 'priced' ? (
                    <>
                      <Table.Td>
                        <Text size="sm">
                          {t('quoteUi.tierUsed', {
                            from: packCountText(pricing.cost.tier.fromPacks, packWord, language),
                            price: formatQuotedMoney(pricing.cost.tier.pricePerPack, currency),
                          })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('quoteUi.orderPacks', {
                            packs: packCountText(row.orderPacks, packWord, language),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {Number(pricing.cost.vatPerPack) === 0
                          ? t('comparison.vatIncluded')
                          : `+${formatMoney(pricing.cost.vatPerPack, currency)}`}
                      </Table.Td>
                      <Table.Td ta="right">
                        {Number(pricing.cost.freightPerPack) === 0
                          ? t('comparison.freightIncluded')
                          : `+${formatMoney(pricing.cost.freightPerPack, currency)}`}
                        {currency !== 'CNY' ? (
                          <Text size="xs" c="dimmed">
                            ×{pricing.cost.fxRate}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right" className="num" fw={600} data-testid="comparison-unit-cost">
                        {perUnit(pricing.cost.unitCost)}
                      </Table.Td>
                      <Table.Td ta="right" className="num">
                        {row.verdict ? perUnit(row.verdict.plannedRetailUnit) : t('common.none')}
                      </Table.Td>
                      <Table.Td ta="right" className="num" fw={700} data-testid="comparison-ratio">
                        {row.verdict ? (
                          <>
                            <span data-testid="comparison-share">
                              {t('quoteUi.shareOfBrand', {
                                percent: sharePercent(row.verdict.ratioToBrand, targetRatio),
                              })}
                            </span>
                            <Text size="xs" c="dimmed" fw={400}>
                              {displayRatio(row.verdict.ratioToBrand)}
                            </Text>
                          </>
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.verdict ? (
                          <TargetStatusBadge status={row.verdict.status} testId="comparison-badge" />
                        ) : null}
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={7} data-testid="comparison-unpriced">
                      <Text size="sm" c="var(--mantine-color-orange-text)">
                        {unpricedReason(t, row, packWord, language)}
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td fz="xs" data-testid="comparison-smallest">
                    {smallestText(t, row.smallestMeeting, packWord, language)}
                  </Table.Td>
                  {withAsk ? (
                    <Table.Td data-testid="comparison-ask">
                      {negotiated ? <AskHeadline row={negotiated} word={word} /> : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
                {negotiated && isOpen ? (
                  <Table.Tr data-testid="comparison-working">
                    <Table.Td colSpan={11}>
                      <RowWorking row={negotiated} word={word} currency={currency} unit={unit} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
