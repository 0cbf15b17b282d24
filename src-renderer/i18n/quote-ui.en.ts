import type { quoteUiErrorsZhCN, quoteUiZhCN } from './quote-ui.zh-CN'

/** English texts of figures people read, quotes entered where the buyer is, and the charts (spread into en.ts). */
export const quoteUiEn: typeof quoteUiZhCN = {
  quoteUi: {
    attachments: 'Documents and photos',
    shareOfBrand: '{{percent}}% of brand price',
    shareTarget: 'target ≤ {{percent}}% of brand price ({{text}})',
    ratioPlain: 'ratio {{ratio}}',
    tierUsed: 'from {{from}}: {{price}}',
    orderPacks: 'order {{packs}}',
    retailAbout: '≈ {{packs}} retail packs',
    belowMoq: 'Below MOQ: at least {{min}} (≈ {{retail}} retail packs)',
    belowLowestTier: 'Below the lowest tier: at least {{min}} (≈ {{retail}} retail packs)',
    perPackWord: '/{{word}}',
    staleHint:
      'The brand price the target uses was seen more than {{days}} days before the quote and may have moved; check the shelf price (the days are set in Settings)',
    freightConverted: 'freight {{amount}} converted at the rate',
    unitScale: {
      label: 'Unit price shown per',
      hint: 'Comparison, charts and dashboard show unit prices this way, e.g. ¥0.49/100抽',
      option: 'per {{unit}}',
    },
    fields: {
      sku: 'SKU',
      linkedSample: 'Sample',
      freightCurrency: 'Freight currency',
      packWord: 'Quote pack word',
    },
    placeholders: {
      sku: 'Choose an SKU',
      linkedSample: "Pick from this factory's samples",
    },
    hints: {
      packWord: 'What the factory calls one quoted pack: case, bag, bottle …',
      noSamples: 'This factory has no samples yet',
    },
    legacySample: 'Sample as typed before: {{text}}',
    sameCurrency: 'Same as quote',
    fromVisit: 'From the visit of {{date}}: factory and date filled in',
    fromFactory: 'Factory filled in',
    newQuote: 'Enter quote',
    factoryWarning: {
      blacklisted: '{{name}} is blacklisted: do not source from or quote it',
      paused: '{{name}} is paused: check with the team before entering',
    },
    factoryStatusShort: {
      blacklisted: 'Blacklisted',
      paused: 'Paused',
    },
    samplesQuotes: {
      title: 'Quotes for this sample ({{count}})',
      empty: 'No quote is linked to this sample yet. Pick it when entering a quote.',
      sku: 'SKU',
    },
    factoryQuotes: {
      title: 'Quotes ({{count}})',
      empty: 'No quotes from this factory yet.',
    },
    settings: {
      title: 'Comparison',
      staleDays: 'Flag a benchmark older than the quote by more than',
      staleHint:
        'When the brand shelf price was seen more than this many days before a quote, the comparison marks it "benchmark older than quote". Default 30 days.',
      days: 'days',
      saved: 'Saved',
    },
    chart: {
      seriesLabel: '{{name}} · round {{round}}',
      brandMarker: 'Brand unit price {{price}} ({{times}}× the target limit, off the chart)',
      brandOff: 'Brand unit price {{price}}',
    },
  },
}

export const quoteUiErrorsEn: typeof quoteUiErrorsZhCN = {
  quote: { sampleOtherFactory: "This sample belongs to another factory: pick one of this factory's samples" },
  unitScale: { invalid: 'Choose 1, 10, 100 or 1000' },
}
