import type { todayZhCN } from './today.zh-CN'

/** English texts of Today, spread into en.ts. */
export const todayEn: typeof todayZhCN = {
  today: {
    title: 'Today',
    subtitle: '{{date}} · what needs doing today',
    allClear: 'Nothing needs doing today.',
    overdueFollowUps: 'Overdue follow-ups',
    dueFollowUps: 'Follow-ups due within {{days}} days',
    samplesToEvaluate: 'Samples waiting for evaluation',
    lateSampleRequests: 'Samples late to arrive',
    expiringQuotes: 'Quotes expiring within {{days}} days',
    staleBenchmarks: 'Stale benchmarks (older than {{days}} days)',
    none: 'None',
    more: '{{count}} more',
    seeAll: 'See all',
    overdueBy: '{{days}} days overdue',
    dueToday: 'Due today',
    dueOn: 'Due {{date}}',
    waitingDays: 'Waiting {{days}} days',
    validUntil: 'Valid until {{date}}',
    daysLeft: '{{days}} days left',
    round: 'Round {{round}}',
    observed: '{{brand}} · {{channel}} last seen {{date}}, {{days}} days ago',
    overview: 'Overview',
    loadFailed: 'Could not load Today',
  },
}
