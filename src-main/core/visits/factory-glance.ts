import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { SCORE_DIMENSIONS, visitAverage, type ScoreSet } from '../domain/scorecard'
import type { FactoryGlance } from '../factories/factories.contract'
import { DIMENSION_COLUMNS } from './visits.columns'
import { countOpenFollowUpsOfFactories, listLiveVisitsOfFactories, type VisitRow } from './visits.repository'

const NO_VISIT: FactoryGlance = { lastVisitDate: null, latestScore: null, openFollowUps: 0 }

function scoresOf(row: VisitRow): ScoreSet {
  return Object.fromEntries(
    SCORE_DIMENSIONS.map((d) => [d, row[DIMENSION_COLUMNS[d].score] as number | null]),
  ) as ScoreSet
}

/**
 * How each factory stands at a glance, for lists, pickers and a tour's plan: its last visit, the mean
 * score of its newest scored visit (a visit left unscored does not hide the last score) and its open
 * follow-ups. Every id gets an entry.
 */
export async function factoryGlances(
  db: Kysely<DB> | Transaction<DB>,
  factoryIds: readonly string[],
): Promise<Map<string, FactoryGlance>> {
  const glances = new Map<string, FactoryGlance>(factoryIds.map((id) => [id, NO_VISIT]))
  if (factoryIds.length === 0) return glances
  const [visits, open] = await Promise.all([
    listLiveVisitsOfFactories(db, factoryIds),
    countOpenFollowUpsOfFactories(db, factoryIds),
  ])
  // Rows come each factory's newest first: the first row is the last visit, the first scored one the score.
  for (const row of visits) {
    const glance = glances.get(row.factory_id) ?? NO_VISIT
    const lastVisitDate = glance.lastVisitDate ?? row.visit_date
    const latestScore = glance.latestScore ?? visitAverage(scoresOf(row))
    glances.set(row.factory_id, { ...glance, lastVisitDate, latestScore })
  }
  for (const [factoryId, count] of open) {
    glances.set(factoryId, { ...(glances.get(factoryId) ?? NO_VISIT), openFollowUps: count })
  }
  return glances
}
