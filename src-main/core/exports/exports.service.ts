import type { CoreContext } from '../api/context'
import type { NegotiatedRow, QuoteComparisonRow, WhatIf } from '../domain/pricing'
import type { FactoryStatus, FactorySummary } from '../factories/factories.contract'
import { listFactories } from '../factories/factories.service'
import type { QuoteLabel, SkuTargetStatus, TargetDashboardRow } from '../targets/targets.contract'
import { compareSku, targetDashboard } from '../targets/targets.service'
import { getSku } from '../skus/skus.service'
import type { ExportedFile, ExportLanguage } from './exports.contract'
import { askColumns, askTiersSheet } from './ask-columns'
import { say, toFile, type Bilingual } from './export-file'
import { sheet } from './xlsx-workbook'

const FACTORY_STATUS: Record<FactoryStatus, Bilingual> = {
  prospect: { 'zh-CN': '潜在', en: 'Prospect' },
  qualified: { 'zh-CN': '合格', en: 'Qualified' },
  paused: { 'zh-CN': '暂停合作', en: 'Paused' },
  blacklisted: { 'zh-CN': '黑名单', en: 'Blacklisted' },
}

const TARGET_STATUS: Record<SkuTargetStatus, Bilingual> = {
  met: { 'zh-CN': '达标', en: 'Met' },
  within10: { 'zh-CN': '差距 10% 内', en: 'Within 10%' },
  missed: { 'zh-CN': '未达标', en: 'Missed' },
  noQuote: { 'zh-CN': '暂无报价', en: 'No quote yet' },
  noBenchmark: { 'zh-CN': '暂无对标价', en: 'No benchmark' },
}

/** Decimal strings become Excel numbers (sortable, summable); the exact text stays in the app. */
const num = (value: string | null | undefined) => (value == null ? null : Number(value))

export async function exportFactories(
  ctx: CoreContext,
  query: Omit<Parameters<typeof listFactories>[1], 'offset' | 'limit'> & { language: ExportLanguage },
): Promise<ExportedFile> {
  const { language: l } = query
  const { items } = await listFactories(ctx, { ...query, offset: 0, limit: undefined })
  const factories = sheet<FactorySummary>({
    name: say(l, { 'zh-CN': '工厂', en: 'Factories' }),
    rows: items,
    columns: [
      { header: say(l, { 'zh-CN': '工厂名称', en: 'Factory' }), width: 32, value: (f) => f.name },
      { header: say(l, { 'zh-CN': '省份', en: 'Province' }), width: 10, value: (f) => f.province },
      { header: say(l, { 'zh-CN': '城市', en: 'City' }), width: 10, value: (f) => f.city },
      {
        header: say(l, { 'zh-CN': '产业带', en: 'Industrial belt' }),
        width: 16,
        value: (f) => f.industrialBelt,
      },
      {
        header: say(l, { 'zh-CN': '类目', en: 'Categories' }),
        width: 28,
        value: (f) => f.categories.join('、'),
      },
      {
        header: say(l, { 'zh-CN': '代工品牌', en: 'OEM brands' }),
        width: 20,
        value: (f) => f.oemBrands.join('、'),
      },
      {
        header: say(l, { 'zh-CN': '状态', en: 'Status' }),
        width: 10,
        value: (f) => say(l, FACTORY_STATUS[f.status]),
      },
      { header: say(l, { 'zh-CN': '联系人数', en: 'Contacts' }), width: 10, value: (f) => f.contactCount },
      { header: say(l, { 'zh-CN': '更新时间', en: 'Updated' }), width: 20, value: (f) => f.updatedAt },
    ],
  })
  return toFile(say(l, { 'zh-CN': '工厂', en: 'factories' }), ctx, [factories])
}

function tierLabel(row: QuoteComparisonRow): string | null {
  return row.pricing.status === 'priced' ? `≥ ${row.pricing.cost.tier.fromPacks}` : null
}

function pricingNote(row: QuoteComparisonRow, l: ExportLanguage): string {
  switch (row.pricing.status) {
    case 'priced':
      return ''
    case 'belowMoq':
      return say(l, {
        'zh-CN': `低于起订量（至少 ${row.pricing.minPacks}）`,
        en: `Below MOQ (min ${row.pricing.minPacks})`,
      })
    case 'belowLowestTier':
      return say(l, {
        'zh-CN': `低于最低阶梯（至少 ${row.pricing.minPacks}）`,
        en: `Below the lowest tier (min ${row.pricing.minPacks})`,
      })
    case 'noRate':
      return say(l, { 'zh-CN': `${row.pricing.currency} 无汇率`, en: `No rate for ${row.pricing.currency}` })
  }
}

export async function exportComparison(
  ctx: CoreContext,
  skuId: string,
  whatIf: WhatIf | undefined,
  l: ExportLanguage,
): Promise<ExportedFile> {
  const sku = await getSku(ctx, skuId)
  const { comparison, labels } = await compareSku(ctx, skuId, whatIf)
  const labelOf = new Map<string, QuoteLabel>(labels.map((label) => [label.quoteId, label]))
  const cost = (row: QuoteComparisonRow) => (row.pricing.status === 'priced' ? row.pricing.cost : null)
  const rows = sheet<NegotiatedRow>({
    name: say(l, { 'zh-CN': '报价对比', en: 'Quote comparison' }),
    rows: comparison.rows,
    columns: [
      { header: say(l, { 'zh-CN': '排名', en: 'Rank' }), width: 6, value: (r) => r.rank },
      {
        header: say(l, { 'zh-CN': '工厂', en: 'Factory' }),
        width: 28,
        value: (r) => labelOf.get(r.quoteId)?.factoryName ?? '',
      },
      {
        header: say(l, { 'zh-CN': '轮次', en: 'Round' }),
        width: 6,
        value: (r) => labelOf.get(r.quoteId)?.round ?? null,
      },
      {
        header: say(l, { 'zh-CN': '订购箱数', en: 'Order (quote packs)' }),
        width: 14,
        value: (r) => r.orderPacks,
      },
      { header: say(l, { 'zh-CN': '适用阶梯', en: 'Tier used' }), width: 12, value: tierLabel },
      {
        header: say(l, { 'zh-CN': '阶梯单价', en: 'Tier price / pack' }),
        width: 12,
        numFmt: '0.00',
        value: (r) => num(cost(r)?.tier.pricePerPack),
      },
      {
        header: say(l, { 'zh-CN': '增值税/箱', en: 'VAT / pack' }),
        width: 11,
        numFmt: '0.0000',
        value: (r) => num(cost(r)?.vatPerPack),
      },
      {
        header: say(l, { 'zh-CN': '运费/箱', en: 'Freight / pack' }),
        width: 11,
        numFmt: '0.0000',
        value: (r) => num(cost(r)?.freightPerPack),
      },
      { header: say(l, { 'zh-CN': '汇率', en: 'FX rate' }), width: 8, value: (r) => num(cost(r)?.fxRate) },
      {
        header: say(l, { 'zh-CN': '到岸成本/箱 (¥)', en: 'Landed / pack (CNY)' }),
        width: 16,
        numFmt: '0.00',
        value: (r) => num(cost(r)?.landedPackCost),
      },
      {
        header: say(l, {
          'zh-CN': `到岸单位成本 (¥/${sku.comparableUnit})`,
          en: `Landed unit cost (CNY/${sku.comparableUnit})`,
        }),
        width: 18,
        numFmt: '0.000000',
        value: (r) => num(r.unitCost),
      },
      {
        header: say(l, { 'zh-CN': '建议零售单价', en: 'Planned retail / unit' }),
        width: 14,
        numFmt: '0.000000',
        value: (r) => num(r.verdict?.plannedRetailUnit),
      },
      {
        header: say(l, { 'zh-CN': '与品牌价之比', en: 'Ratio to brand' }),
        width: 12,
        numFmt: '0.00',
        value: (r) => num(r.verdict?.ratioToBrand),
      },
      {
        header: say(l, { 'zh-CN': '目标', en: 'Target' }),
        width: 12,
        value: (r) => (r.verdict ? say(l, TARGET_STATUS[r.verdict.status]) : pricingNote(r, l)),
      },
      {
        header: say(l, { 'zh-CN': '达标最小订量（箱）', en: 'Smallest meeting order (packs)' }),
        width: 16,
        value: (r) => (r.smallestMeeting.status === 'found' ? r.smallestMeeting.quotePacks : null),
      },
      ...askColumns(l, sku.comparableUnit),
      {
        header: say(l, { 'zh-CN': '已过期', en: 'Expired' }),
        width: 8,
        value: (r) => (r.flags.expired ? '✔' : ''),
      },
      {
        header: say(l, { 'zh-CN': '对标价早于报价', en: 'Benchmark older than quote' }),
        width: 14,
        value: (r) => (r.flags.benchmarkOlderThanQuote ? '✔' : ''),
      },
    ],
  })
  const s = comparison.summary
  const facts: [Bilingual, string | number | null][] = [
    [{ 'zh-CN': 'SKU', en: 'SKU' }, sku.name],
    [{ 'zh-CN': '计划订量（零售包）', en: 'Planned order (retail packs)' }, s.plannedOrderRetailPacks],
    [{ 'zh-CN': '目标比例', en: 'Target ratio' }, s.targetRatio],
    [{ 'zh-CN': '目标毛利率', en: 'Target gross margin' }, num(s.targetGrossMargin)],
    [
      { 'zh-CN': '品牌单位价 (¥)', en: 'Brand unit price (CNY)' },
      s.brand.status === 'ok' ? num(s.brand.unitPrice) : null,
    ],
    [
      { 'zh-CN': '对标渠道', en: 'Benchmark channel' },
      s.brand.status === 'ok' ? s.brand.observation.channel : '',
    ],
    [{ 'zh-CN': '达标最高到岸单位成本 (¥)', en: 'Max landed unit cost (CNY)' }, num(s.maxLandedUnitCost)],
    [{ 'zh-CN': '最佳与品牌价之比', en: 'Best ratio to brand' }, num(s.bestRatioToBrand)],
    [{ 'zh-CN': '状态', en: 'Status' }, say(l, TARGET_STATUS[s.status])],
  ]
  const summary = sheet<(typeof facts)[number]>({
    name: say(l, { 'zh-CN': '目标', en: 'Target' }),
    rows: facts,
    columns: [
      { header: say(l, { 'zh-CN': '项目', en: 'Item' }), width: 28, value: ([label]) => say(l, label) },
      { header: say(l, { 'zh-CN': '数值', en: 'Value' }), width: 28, value: ([, value]) => value },
    ],
  })
  const tiers = askTiersSheet(l, comparison.rows, labelOf)
  return toFile(`${sku.name}_${say(l, { 'zh-CN': '报价对比', en: 'comparison' })}`, ctx, [
    rows,
    summary,
    tiers,
  ])
}

export async function exportTargets(
  ctx: CoreContext,
  filter: { category: string; statuses: SkuTargetStatus[]; language: ExportLanguage },
): Promise<ExportedFile> {
  const l = filter.language
  const rows = await targetDashboard(ctx, filter)
  const targets = sheet<TargetDashboardRow>({
    name: say(l, { 'zh-CN': '目标看板', en: 'Targets' }),
    rows,
    columns: [
      { header: say(l, { 'zh-CN': '类目', en: 'Category' }), width: 12, value: (r) => r.category },
      { header: 'SKU', width: 28, value: (r) => r.name },
      {
        header: say(l, { 'zh-CN': '状态', en: 'Status' }),
        width: 12,
        value: (r) => say(l, TARGET_STATUS[r.status]),
      },
      {
        header: say(l, { 'zh-CN': '最佳与品牌价之比', en: 'Best ratio to brand' }),
        width: 14,
        numFmt: '0.00',
        value: (r) => num(r.bestRatioToBrand),
      },
      {
        header: say(l, { 'zh-CN': '最佳工厂', en: 'Best factory' }),
        width: 28,
        value: (r) => r.bestFactoryName ?? '',
      },
      {
        header: say(l, { 'zh-CN': '最佳到岸单位成本 (¥)', en: 'Best landed unit cost (CNY)' }),
        width: 18,
        numFmt: '0.000000',
        value: (r) => num(r.bestUnitCost),
      },
      {
        header: say(l, { 'zh-CN': '达标最高成本 (¥)', en: 'Max landed unit cost (CNY)' }),
        width: 16,
        numFmt: '0.000000',
        value: (r) => num(r.maxLandedUnitCost),
      },
      { header: say(l, { 'zh-CN': '比较单位', en: 'Unit' }), width: 8, value: (r) => r.comparableUnit },
      { header: say(l, { 'zh-CN': '报价数', en: 'Quotes' }), width: 8, value: (r) => r.quoteCount },
    ],
  })
  return toFile(say(l, { 'zh-CN': '目标看板', en: 'targets' }), ctx, [targets])
}
