import type { CoreContext } from '../api/context'
import type { SAMPLE_SOURCES, SampleStatus, SampleSummary } from '../samples/samples.contract'
import { listSamples } from '../samples/samples.service'
import type { SampleFilter } from '../samples/samples.repository'
import type { TourPhase, TourSummary } from '../tours/tours.contract'
import { listTours } from '../tours/tours.service'
import type { VisitSummary } from '../visits/visits.contract'
import { listVisits } from '../visits/visits.service'
import type { ExportedFile, ExportLanguage } from './exports.contract'
import { say, toFile, type Bilingual } from './export-file'
import { sheet } from './xlsx-workbook'

/** The samples, visits and tours lists as .xlsx, filtered as on screen, headers in the user's language. */

const SAMPLE_STATUS: Record<SampleStatus, Bilingual> = {
  requested: { 'zh-CN': '已索样', en: 'Requested' },
  received: { 'zh-CN': '已收样', en: 'Received' },
  evaluating: { 'zh-CN': '评估中', en: 'Evaluating' },
  approved: { 'zh-CN': '通过', en: 'Approved' },
  rejected: { 'zh-CN': '淘汰', en: 'Rejected' },
}

const SAMPLE_SOURCE: Record<(typeof SAMPLE_SOURCES)[number], Bilingual> = {
  visit: { 'zh-CN': '工厂拜访', en: 'Factory visit' },
  selectionCenter: { 'zh-CN': '选品中心', en: 'Selection center' },
}

const VERDICT: Record<NonNullable<SampleSummary['verdict']>, Bilingual> = {
  better: { 'zh-CN': '优于对标', en: 'Better than benchmark' },
  onPar: { 'zh-CN': '与对标持平', en: 'On par' },
  worse: { 'zh-CN': '不如对标', en: 'Worse than benchmark' },
}

const TOUR_PHASE: Record<TourPhase, Bilingual> = {
  upcoming: { 'zh-CN': '计划中', en: 'Upcoming' },
  ongoing: { 'zh-CN': '进行中', en: 'Ongoing' },
  finished: { 'zh-CN': '已结束', en: 'Finished' },
}

export async function exportSamples(
  ctx: CoreContext,
  filter: SampleFilter & { language: ExportLanguage },
): Promise<ExportedFile> {
  const l = filter.language
  const samples = sheet<SampleSummary>({
    name: say(l, { 'zh-CN': '样品', en: 'Samples' }),
    rows: await listSamples(ctx, filter),
    columns: [
      { header: say(l, { 'zh-CN': '样品编号', en: 'Code' }), width: 22, value: (s) => s.code },
      { header: say(l, { 'zh-CN': '样品名称', en: 'Sample' }), width: 30, value: (s) => s.name },
      { header: say(l, { 'zh-CN': '工厂', en: 'Factory' }), width: 28, value: (s) => s.factoryName ?? '' },
      { header: 'SKU', width: 26, value: (s) => s.skuName ?? '' },
      { header: say(l, { 'zh-CN': '类目', en: 'Category' }), width: 12, value: (s) => s.category },
      {
        header: say(l, { 'zh-CN': '来源', en: 'Source' }),
        width: 12,
        value: (s) => say(l, SAMPLE_SOURCE[s.source]),
      },
      {
        header: say(l, { 'zh-CN': '状态', en: 'Status' }),
        width: 10,
        value: (s) => say(l, SAMPLE_STATUS[s.status]),
      },
      {
        header: say(l, { 'zh-CN': '评估结论', en: 'Verdict' }),
        width: 14,
        value: (s) => (s.verdict ? say(l, VERDICT[s.verdict]) : ''),
      },
      {
        header: say(l, { 'zh-CN': '存放位置', en: 'Kept at' }),
        width: 20,
        value: (s) => s.storageLocation,
      },
      {
        header: say(l, { 'zh-CN': '排除品类例外', en: 'Excluded-category override' }),
        width: 12,
        value: (s) => (s.overridden ? '✔' : ''),
      },
      { header: say(l, { 'zh-CN': '更新时间', en: 'Updated' }), width: 20, value: (s) => s.updatedAt },
    ],
  })
  return toFile(say(l, { 'zh-CN': '样品', en: 'samples' }), ctx, [samples])
}

export async function exportVisits(
  ctx: CoreContext,
  filter: { factoryId?: string; tourId?: string; language: ExportLanguage },
): Promise<ExportedFile> {
  const l = filter.language
  const visits = sheet<VisitSummary>({
    name: say(l, { 'zh-CN': '工厂拜访', en: 'Visits' }),
    rows: await listVisits(ctx, filter),
    columns: [
      { header: say(l, { 'zh-CN': '拜访日期', en: 'Date' }), width: 12, value: (v) => v.visitDate },
      { header: say(l, { 'zh-CN': '工厂', en: 'Factory' }), width: 28, value: (v) => v.factoryName ?? '' },
      { header: say(l, { 'zh-CN': '行程', en: 'Tour' }), width: 24, value: (v) => v.tourName ?? '' },
      {
        header: say(l, { 'zh-CN': '参与人', en: 'Attendees' }),
        width: 24,
        value: (v) => v.attendees.join('、'),
      },
      {
        header: say(l, { 'zh-CN': '平均分', en: 'Average score' }),
        width: 10,
        numFmt: '0.0',
        value: (v) => v.averageScore,
      },
      {
        header: say(l, { 'zh-CN': '已评维度', en: 'Dimensions scored' }),
        width: 10,
        value: (v) => v.scoredCount,
      },
      {
        header: say(l, { 'zh-CN': '未完成跟进', en: 'Open follow-ups' }),
        width: 12,
        value: (v) => v.openFollowUps,
      },
    ],
  })
  return toFile(say(l, { 'zh-CN': '工厂拜访', en: 'visits' }), ctx, [visits])
}

export async function exportTours(
  ctx: CoreContext,
  filter: { phase?: TourPhase; language: ExportLanguage },
): Promise<ExportedFile> {
  const l = filter.language
  const tours = sheet<TourSummary>({
    name: say(l, { 'zh-CN': '走访行程', en: 'Tours' }),
    rows: await listTours(ctx, filter),
    columns: [
      { header: say(l, { 'zh-CN': '行程名称', en: 'Tour' }), width: 28, value: (t) => t.name },
      { header: say(l, { 'zh-CN': '开始日期', en: 'Start' }), width: 12, value: (t) => t.startDate },
      { header: say(l, { 'zh-CN': '结束日期', en: 'End' }), width: 12, value: (t) => t.endDate },
      {
        header: say(l, { 'zh-CN': '产业带', en: 'Industrial belts' }),
        width: 24,
        value: (t) => t.belts.join('、'),
      },
      {
        header: say(l, { 'zh-CN': '成员', en: 'Members' }),
        width: 20,
        value: (t) => t.members.join('、'),
      },
      {
        header: say(l, { 'zh-CN': '阶段', en: 'Phase' }),
        width: 10,
        value: (t) => say(l, TOUR_PHASE[t.phase]),
      },
      {
        header: say(l, { 'zh-CN': '已拜访/计划工厂', en: 'Planned factories visited' }),
        width: 16,
        value: (t) => `${t.progress.visited}/${t.progress.planned}`,
      },
      { header: say(l, { 'zh-CN': '拜访次数', en: 'Visits' }), width: 10, value: (t) => t.visitCount },
    ],
  })
  return toFile(say(l, { 'zh-CN': '走访行程', en: 'tours' }), ctx, [tours])
}
