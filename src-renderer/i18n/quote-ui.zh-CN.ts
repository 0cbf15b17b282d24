/** Chinese texts of figures people read, quotes entered where the buyer is, and the charts (spread into zh-CN.ts). */
export const quoteUiZhCN = {
  quoteUi: {
    attachments: '文档与照片',
    shareOfBrand: '品牌价的 {{percent}}%',
    shareTarget: '目标 ≤ 品牌价的 {{percent}}%（{{text}}）',
    ratioPlain: '对标比 {{ratio}}',
    tierUsed: '{{from}}起 {{price}}',
    orderPacks: '订 {{packs}}',
    retailAbout: '约 {{packs}} 零售装',
    belowMoq: '低于起订量：至少 {{min}}（约 {{retail}} 零售装）',
    belowLowestTier: '低于最低阶梯：至少 {{min}}（约 {{retail}} 零售装）',
    perPackWord: '/{{word}}',
    staleHint: '目标所用的品牌价比报价早 {{days}} 天以上，可能已变；请复核货架价（天数可在设置中修改）',
    freightConverted: '运费 {{amount}} 按汇率折算',
    unitScale: {
      label: '单价显示单位',
      hint: '比价、图表和看板中的单价按此显示，例如 ¥0.49/100抽',
      option: '每 {{unit}}',
    },
    fields: {
      sku: 'SKU',
      linkedSample: '对应样品',
      freightCurrency: '运费币种',
      packWord: '报价包装单位',
    },
    placeholders: {
      sku: '选择 SKU',
      linkedSample: '从该工厂的样品中选择',
    },
    hints: {
      packWord: '工厂报价的一件叫什么：箱、包、瓶……',
      noSamples: '该工厂还没有登记样品',
    },
    legacySample: '原填写的样品：{{text}}',
    sameCurrency: '同报价币种',
    fromVisit: '来自 {{date}} 的拜访：工厂和日期已填好',
    fromFactory: '工厂已填好',
    newQuote: '录入报价',
    factoryWarning: {
      blacklisted: '{{name}} 已列入黑名单：请勿向其采购或报价',
      paused: '{{name}} 已暂停合作：录入前请与团队确认',
    },
    factoryStatusShort: {
      blacklisted: '黑名单',
      paused: '已暂停',
    },
    samplesQuotes: {
      title: '该样品的报价（{{count}}）',
      empty: '还没有报价关联到这个样品。录入报价时可选择它。',
      sku: 'SKU',
    },
    factoryQuotes: {
      title: '报价（{{count}}）',
      empty: '还没有这家工厂的报价。',
    },
    settings: {
      title: '比价',
      staleDays: '对标价早于报价多少天提醒',
      staleHint: '品牌货架价比报价早超过这些天时，比价中标出「对标价早于报价」。默认 30 天。',
      days: '天',
      saved: '已保存',
    },
    chart: {
      seriesLabel: '{{name}} · 第{{round}}轮',
      brandMarker: '品牌单价 {{price}}（{{times}} 倍于达标上限，画在图外）',
      brandOff: '品牌单价 {{price}}',
    },
  },
}

export const quoteUiErrorsZhCN = {
  quote: { sampleOtherFactory: '这个样品属于另一家工厂：请选该工厂的样品' },
  unitScale: { invalid: '请选择 1、10、100 或 1000' },
}
