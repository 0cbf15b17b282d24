import type { CallResult } from '@core/api/contract'

/** The report data as the core sends it. */
export type SampleReportData = CallResult<'reports.sample'>
export type VisitReportData = CallResult<'reports.visit'>
export type TourReportData = CallResult<'reports.tour'>
export type ReportPhotoData = SampleReportData['photos'][number]
export type ScorecardData = NonNullable<SampleReportData['scorecard']>
export type FollowUpData = NonNullable<SampleReportData['visit']>['followUps'][number]
export type SkuSummaryReportData = CallResult<'reports.sku'>
export type RecommendationData = SkuSummaryReportData['recommendation']
export type TourFactoryData = TourReportData['factories'][number]
