/**
 * Factory scorecard math: the latest and average score per dimension across visits, and how each score
 * moved since the previous visit that scored it. Pure functions, no I/O.
 */

/** The capability dimensions a buyer scores at every visit, in display order. */
export const SCORE_DIMENSIONS = [
  'design',
  'rnd',
  'quickResponse',
  /** 开款能力 */
  'newProductDevelopment',
  /** 产业带地位 */
  'beltLeadership',
  'qualitySystem',
  'capacity',
] as const
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number]

export const MIN_SCORE = 1
export const MAX_SCORE = 5

/** A score per dimension; null where the visit left it unscored. */
export type ScoreSet = Record<ScoreDimension, number | null>

/** One scored visit, as the scorecard needs it. */
export interface ScoredVisit {
  /** Visit id; breaks ties between visits on the same day (UUIDv7 ids sort by creation). */
  id: string
  /** 'YYYY-MM-DD' */
  visitDate: string
  scores: ScoreSet
}

/** How one dimension stands across a factory's visits. */
export interface DimensionSummary {
  dimension: ScoreDimension
  /** Score of the most recent visit that scored it; null if never scored. */
  latest: number | null
  /** Date of that visit. */
  latestDate: string | null
  /** Id of that visit. */
  latestVisitId: string | null
  /** Score of the visit that scored it before that; null if there is none. */
  previous: number | null
  /** latest − previous; null unless both exist. */
  delta: number | null
  /** Mean of every score given, rounded to two decimals; null if never scored. */
  average: number | null
  /** How many visits scored it. */
  count: number
}

/** Visits oldest first: by date, then by id so that same-day visits keep their recording order. */
export function chronological<V extends ScoredVisit>(visits: readonly V[]): V[] {
  return [...visits].sort((a, b) =>
    a.visitDate !== b.visitDate
      ? a.visitDate < b.visitDate
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  )
}

/** Rounds to two decimals without binary artefacts in the shown value (3.3333… → 3.33). */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100
}

/** The summary of one dimension over visits in any order. */
export function summarizeDimension(
  visits: readonly ScoredVisit[],
  dimension: ScoreDimension,
): DimensionSummary {
  const scored = chronological(visits).filter((v) => v.scores[dimension] !== null)
  const last = scored.at(-1)
  const beforeLast = scored.at(-2)
  const latest = last ? last.scores[dimension] : null
  const previous = beforeLast ? beforeLast.scores[dimension] : null
  const total = scored.reduce((sum, v) => sum + (v.scores[dimension] ?? 0), 0)
  return {
    dimension,
    latest,
    latestDate: last?.visitDate ?? null,
    latestVisitId: last?.id ?? null,
    previous,
    delta: latest !== null && previous !== null ? latest - previous : null,
    average: scored.length > 0 ? roundScore(total / scored.length) : null,
    count: scored.length,
  }
}

/** Every dimension's summary, in SCORE_DIMENSIONS order. */
export function summarizeScorecard(visits: readonly ScoredVisit[]): DimensionSummary[] {
  return SCORE_DIMENSIONS.map((dimension) => summarizeDimension(visits, dimension))
}

/** Mean of the scored dimensions of one visit (rounded to two decimals), or null if none is scored. */
export function visitAverage(scores: ScoreSet): number | null {
  const given = SCORE_DIMENSIONS.map((d) => scores[d]).filter((s): s is number => s !== null)
  return given.length > 0 ? roundScore(given.reduce((a, b) => a + b, 0) / given.length) : null
}
