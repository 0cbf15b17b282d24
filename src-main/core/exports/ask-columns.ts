import type {
  AskPrice,
  AskUnavailableReason,
  NegotiatedRow,
  PlannedAsk,
  TierAsk,
  TierAskReason,
} from '../domain/pricing'
import type { QuoteLabel } from '../targets/targets.contract'
import type { ExportLanguage } from './exports.contract'
import { say, type Bilingual } from './export-file'
import { sheet, type PreparedSheet, type SheetColumn } from './xlsx-workbook'

/**
 * The ask price in the comparison export: columns beside each quote (at the planned order) and a sheet
 * with the counter-offer at every tier. Where no price can meet, the cell says why in words.
 */

const WHY_NOT: Record<AskUnavailableReason | TierAskReason | 'belowMoq' | 'belowLowestTier', Bilingual> = {
  noBenchmark: { 'zh-CN': '暂无对标价', en: 'No benchmark' },
  benchmarkStale: { 'zh-CN': '对标价过旧，请更新', en: 'Benchmark too old: update it' },
  noRate: { 'zh-CN': '缺少汇率', en: 'No currency rate' },
  freightExceeds: { 'zh-CN': '仅运费已超过达标成本', en: 'Freight alone exceeds the max landed cost' },
  belowCent: { 'zh-CN': '达标价不足 0.01', en: 'Meeting price below 0.01' },
  tierUnreachable: { 'zh-CN': '起订量高于此阶梯', en: 'MOQ above this tier' },
  belowMoq: { 'zh-CN': '计划订量低于起订量', en: 'Planned order below MOQ' },
  belowLowestTier: { 'zh-CN': '计划订量低于最低阶梯', en: 'Planned order below the lowest tier' },
}

const VAT_BASIS: Record<AskPrice['vatBasis'], Bilingual> = {
  included: { 'zh-CN': '含税', en: 'incl. VAT' },
  excluded: { 'zh-CN': '不含税', en: 'ex-VAT' },
}

const num = (value: string | null | undefined) => (value == null ? null : Number(value))

function plannedOf(ask: AskPrice): PlannedAsk | null {
  return ask.status === 'ok' ? ask.planned : null
}

/** The planned ask when it has a price. */
function pricedPlanned(row: NegotiatedRow): Extract<TierAsk, { status: 'ask' }> | null {
  const planned = plannedOf(row.ask)
  return planned?.status === 'ask' ? planned : null
}

/** Why the planned order has no ask price, in words; '' when it has one. */
export function askNote(ask: AskPrice, l: ExportLanguage): string {
  if (ask.status === 'unavailable') return say(l, WHY_NOT[ask.reason])
  const planned = ask.planned
  if (planned.status === 'ask') return ''
  return say(l, WHY_NOT[planned.reason])
}

/** Columns of the comparison sheet: the ask at the planned order, the order that meets, the pack that meets. */
export function askColumns(l: ExportLanguage, unit: string): SheetColumn<NegotiatedRow>[] {
  return [
    {
      header: say(l, { 'zh-CN': '要价（每包装，原币）', en: 'Ask / pack (quote currency)' }),
      width: 14,
      numFmt: '0.00',
      value: (r) => num(pricedPlanned(r)?.askPrice),
    },
    {
      header: say(l, { 'zh-CN': '要价口径', en: 'Ask basis' }),
      width: 12,
      value: (r) => `${r.ask.currency} ${say(l, VAT_BASIS[r.ask.vatBasis])}`,
    },
    {
      header: say(l, { 'zh-CN': '差额/包装', en: 'Gap / pack' }),
      width: 11,
      numFmt: '0.00',
      value: (r) => num(pricedPlanned(r)?.gapPerPack),
    },
    {
      header: say(l, { 'zh-CN': '差额 %', en: 'Gap %' }),
      width: 9,
      numFmt: '0.0%',
      value: (r) => num(pricedPlanned(r)?.gapShare),
    },
    {
      header: say(l, { 'zh-CN': '要价说明', en: 'Ask note' }),
      width: 24,
      value: (r) => askNote(r.ask, l),
    },
    {
      header: say(l, {
        'zh-CN': '现价达标订量（报价包装）',
        en: 'Order meeting at today’s price (quote packs)',
      }),
      width: 18,
      value: (r) => (r.ask.status === 'ok' ? (r.ask.meetsAt?.quotePacks ?? null) : null),
    },
    {
      header: say(l, {
        'zh-CN': '现价达标订量（零售包）',
        en: 'Order meeting at today’s price (retail packs)',
      }),
      width: 18,
      value: (r) => (r.ask.status === 'ok' ? (r.ask.meetsAt?.retailPacks ?? null) : null),
    },
    {
      header: say(l, {
        'zh-CN': `现价达标每包装含量（${unit}）`,
        en: `Content meeting at today’s price (${unit}/pack)`,
      }),
      width: 18,
      value: (r) =>
        r.ask.status === 'ok' && r.ask.packContent.status === 'more'
          ? num(r.ask.packContent.unitsNeeded)
          : null,
    },
  ]
}

/** The counter-offer at every tier of every quote, one line per tier. */
export function askTiersSheet(
  l: ExportLanguage,
  rows: readonly NegotiatedRow[],
  labelOf: Map<string, QuoteLabel>,
): PreparedSheet {
  const lines = rows.flatMap((row) =>
    row.ask.status === 'ok' ? row.ask.tiers.map((tier) => ({ row, tier, ask: row.ask })) : [],
  )
  const priced = (tier: TierAsk) => (tier.status === 'ask' ? tier : null)
  return sheet<(typeof lines)[number]>({
    name: say(l, { 'zh-CN': '各阶梯要价', en: 'Ask per tier' }),
    rows: lines,
    columns: [
      {
        header: say(l, { 'zh-CN': '工厂', en: 'Factory' }),
        width: 28,
        value: ({ row }) => labelOf.get(row.quoteId)?.factoryName ?? '',
      },
      {
        header: say(l, { 'zh-CN': '轮次', en: 'Round' }),
        width: 6,
        value: ({ row }) => labelOf.get(row.quoteId)?.round ?? null,
      },
      {
        header: say(l, { 'zh-CN': '阶梯起订', en: 'Tier from (packs)' }),
        width: 12,
        value: ({ tier }) => tier.fromPacks,
      },
      {
        header: say(l, { 'zh-CN': '按订量计算', en: 'Computed at (packs)' }),
        width: 12,
        value: ({ tier }) => tier.atPacks,
      },
      {
        header: say(l, { 'zh-CN': '现价/包装', en: 'Today / pack' }),
        width: 11,
        numFmt: '0.00',
        value: ({ tier }) => num(tier.todayPrice),
      },
      {
        header: say(l, { 'zh-CN': '要价/包装', en: 'Ask / pack' }),
        width: 11,
        numFmt: '0.00',
        value: ({ tier }) => num(priced(tier)?.askPrice),
      },
      {
        header: say(l, { 'zh-CN': '口径', en: 'Basis' }),
        width: 12,
        value: ({ ask }) => `${ask.currency} ${say(l, VAT_BASIS[ask.vatBasis])}`,
      },
      {
        header: say(l, { 'zh-CN': '差额 %', en: 'Gap %' }),
        width: 9,
        numFmt: '0.0%',
        value: ({ tier }) => num(priced(tier)?.gapShare),
      },
      {
        header: say(l, { 'zh-CN': '说明', en: 'Note' }),
        width: 26,
        value: ({ tier }) =>
          tier.status === 'none'
            ? say(l, WHY_NOT[tier.reason])
            : tier.meetsToday
              ? say(l, { 'zh-CN': '现价已达标', en: 'Today’s price meets' })
              : '',
      },
    ],
  })
}
