import type { Kysely } from 'kysely'
import { AppError } from '../api/errors'
import type { DB } from '../db/schema'
import { ClockDriftError, type HlcClock } from './hlc'
import { applyPage } from './apply'
import type { PhotoProcessor } from '../photos/photo-processor'
import { createHttpHqClient, HqRequestError, type HqClient } from './hq-client'
import { fetchPhotos, sendPhotos } from './photo-transfer'
import { pushUnsent } from './push'
import { SyncReport, type SyncOutcome, type SyncStatus } from './sync.contract'
import { readSetting, SETTING, writeSetting } from './sync.settings'

/** What a sync run needs; the HQ client is injectable so tests can put faults between laptop and HQ. */
export interface SyncDeps {
  db: Kysely<DB>
  clock: HlcClock
  now: () => Date
  /** Defaults to HTTP to the enrolled HQ with the stored token. */
  client?: HqClient
  /** Messages per pulled page. */
  pageSize?: number
  /** Stores fetched photo originals and makes their variants (the core's photo worker). */
  photos: PhotoProcessor
  /** <dataDir>/photos */
  photosRoot: string
}

/** Trades an enrolment code for a device token and stores both with HQ's address. */
export async function enrol(
  deps: Pick<SyncDeps, 'db' | 'clock' | 'client'>,
  input: { hqUrl: string; code: string; deviceName: string },
): Promise<{ hqDeviceId: string; hqUrl: string }> {
  const hqUrl = input.hqUrl.replace(/\/+$/, '')
  const client = deps.client ?? createHttpHqClient({ baseUrl: hqUrl, timeoutMs: 15_000 })
  let reply: { deviceId: string; token: string }
  try {
    reply = await client.enrol({ code: input.code, deviceName: input.deviceName, nodeId: deps.clock.node })
  } catch (error) {
    if (!(error instanceof HqRequestError)) throw error
    if (error.code.startsWith('enrolment_') || error.code === 'validation') {
      const key = `errors.sync.${error.code === 'validation' ? 'enrolmentInvalid' : camel(error.code)}`
      throw new AppError('validation', key, error.message, [{ path: ['code'], messageKey: key }])
    }
    throw new AppError('bad_request', 'errors.sync.hqUnreachable', error.message, [
      { path: ['hqUrl'], messageKey: 'errors.sync.hqUnreachable' },
    ])
  }
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, SETTING.hqUrl, hqUrl)
    await writeSetting(trx, SETTING.token, reply.token)
    await writeSetting(trx, SETTING.hqDeviceId, reply.deviceId)
  })
  return { hqDeviceId: reply.deviceId, hqUrl }
}

function camel(code: string): string {
  return code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

async function clientFor(deps: Pick<SyncDeps, 'db' | 'client'>): Promise<HqClient> {
  if (deps.client) return deps.client
  const [baseUrl, token] = await Promise.all([
    readSetting(deps.db, SETTING.hqUrl),
    readSetting(deps.db, SETTING.token),
  ])
  if (!baseUrl || !token) {
    throw new AppError('conflict', 'errors.sync.notEnrolled', 'this laptop is not enrolled with HQ yet')
  }
  return createHttpHqClient({ baseUrl, token })
}

function outcomeOf(error: unknown): { outcome: SyncOutcome; message: string } {
  if (error instanceof ClockDriftError) return { outcome: 'clock_drift', message: error.message }
  if (error instanceof HqRequestError) {
    if (error.code === 'offline') return { outcome: 'offline', message: error.message }
    if (error.code === 'unauthorized') return { outcome: 'unauthorized', message: error.message }
    if (error.code === 'clock_drift') return { outcome: 'clock_drift', message: error.message }
    return { outcome: 'refused', message: `${error.code}: ${error.message}` }
  }
  throw error
}

/**
 * One sync: push every unsent change and send the photo originals HQ lacks, then pull and apply pages
 * until HQ has nothing newer and fetch the originals missing here. Each step commits on its own, so an
 * interrupted run resumes where it stopped. Failures HQ or the network cause are reported, not thrown
 * (a failing photo only counts in photoErrors); the report is kept for sync.status.
 */
export async function syncNow(deps: SyncDeps): Promise<SyncReport> {
  const client = await clientFor(deps)
  const report: SyncReport = {
    outcome: 'ok',
    message: '',
    pushed: 0,
    rejected: 0,
    pulled: 0,
    applied: 0,
    conflicts: 0,
    cursor: Number((await readSetting(deps.db, SETTING.cursor)) ?? 0),
    photosUp: 0,
    photosDown: 0,
    photosWaiting: 0,
    photoErrors: 0,
    photoFailures: [],
    startedAt: deps.now().toISOString(),
    finishedAt: '',
  }
  try {
    const pushed = await pushUnsent(deps.db, client, deps.now)
    report.pushed = pushed.acknowledged
    report.rejected = pushed.rejected
    const photos = { db: deps.db, client, processor: deps.photos, root: deps.photosRoot }
    await sendPhotos(photos, report)
    for (;;) {
      const page = await client.pull({ after: report.cursor, limit: deps.pageSize ?? 1000 })
      const applied = await applyPage(deps, page.messages, page.cursor)
      report.pulled += applied.received
      report.applied += applied.applied
      report.conflicts += applied.conflicts
      // A page that moves nothing (a stale or empty reply) ends the run instead of looping on it.
      const advanced = applied.cursor > report.cursor
      report.cursor = applied.cursor
      if (!page.more || !advanced) break
    }
    await fetchPhotos(photos, report)
  } catch (error) {
    Object.assign(report, outcomeOf(error))
  }
  report.finishedAt = deps.now().toISOString()
  await writeSetting(deps.db, SETTING.lastSync, JSON.stringify(report))
  return report
}

async function count(db: Kysely<DB>, table: 'sync_conflicts' | 'sync_rejections'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function syncStatus(db: Kysely<DB>): Promise<SyncStatus> {
  const [hqUrl, token, hqDeviceId, cursor, last] = await Promise.all(
    [SETTING.hqUrl, SETTING.token, SETTING.hqDeviceId, SETTING.cursor, SETTING.lastSync].map((key) =>
      readSetting(db, key),
    ),
  )
  const unsent = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sent_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sync_rejections').select('seq').whereRef('sync_rejections.seq', '=', 'change_log.seq'),
        ),
      ),
    )
    .executeTakeFirstOrThrow()
  return {
    enrolled: Boolean(hqUrl && token),
    hqUrl: hqUrl ?? null,
    hqDeviceId: hqDeviceId ?? null,
    unsent: Number(unsent.n),
    rejected: await count(db, 'sync_rejections'),
    conflicts: await count(db, 'sync_conflicts'),
    cursor: Number(cursor ?? 0),
    // A report kept by an older version lacks newer counts: parsing fills them in.
    lastSync: last ? (SyncReport.safeParse(JSON.parse(last)).data ?? null) : null,
  }
}
