import type { reportsCenterZhCN } from './reports-center.zh-CN'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** English texts of the Reports center; the same keys as reports-center.zh-CN.ts. */
export const reportsCenterEn: Widen<typeof reportsCenterZhCN> = {
  reportsCenter: {
    title: 'Reports',
    intro: 'Samples, visits, tours and SKU summaries to PDF (for the category manager); lists to Excel.',
    tabs: {
      samples: 'Sample reports',
      visits: 'Visit reports',
      tours: 'Tour summaries',
      skus: 'SKU summaries',
      lists: 'Excel lists',
    },
    search: 'Search sample code, name, category or shelf',
    empty: 'Nothing matches',
    shown: 'Showing the first {{shown}} of {{total}}; narrow the search',
    columns: {
      code: 'Code',
      name: 'Name',
      factory: 'Factory',
      status: 'Status',
      date: 'Date',
      tour: 'Tour',
      score: 'Avg score',
      followUps: 'Open follow-ups',
      tourName: 'Tour',
      dates: 'Dates',
      phase: 'Phase',
      visits: 'Visits',
      report: 'Report',
      skuName: 'SKU',
      category: 'Category',
      quotes: 'Quotes',
    },
    noTour: '—',
    lists: {
      factories: 'Factories',
      samples: 'Samples',
      visits: 'Visits',
      tours: 'Tours',
      targets: 'Target dashboard',
      hint: 'Exports every record (no filter), with headers in the interface language.',
    },
  },
}
