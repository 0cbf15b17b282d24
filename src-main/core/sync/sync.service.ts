import { sql, type Kysely } from 'kysely'
import { AppError } from '../api/errors'
import type { DB } from '../db/schema'
import type { HlcClock } from './hlc'
import { applyPage } from './apply'
import { learnHqTime, readClockOffset, type ClockCorrection } from './clock-correction'
import type { PhotoProcessor } from '../photos/photo-processor'
import { createHttpHqClient, HqRequestError, type HqClient } from './hq-client'
import { fetchDocuments, sendDocuments } from './document-transfer'
import { fetchPhotos, sendPhotos } from './photo-transfer'
import { checkHq, cursorMark, noteEnrolment } from './hq-identity'
import { clearRevocation, noteRevocation, readRevocation } from './revocation'
import { countLocalOnlyRows, localOnlyUpTo } from './local-only'
import { pushUnsent, unsentChanges } from './push'
import { applySnapshot } from './snapshot'
import { MAX_PULL_LIMIT } from './wire/sync-wire.contract'
import { SyncReport, type SyncOutcome, type SyncPhase, type SyncStatus } from './sync.contract'
import { countConflicts } from './sync-conflicts'
import { countDeleteConflicts } from '../trash/trash.repository'
import { storeDirectory } from './sync-directory'
import { readSetting, SETTING, writeSetting } from './sync.settings'
import { plainTokenVault, readDeviceToken, writeDeviceToken, type TokenVault } from './token-vault'

/** What a sync run needs; the HQ client is injectable so tests can put faults between laptop and HQ. */
export interface SyncDeps {
  db: Kysely<DB>
  clock: HlcClock
  /** Corrected time (correction.now), as every stamp uses. */
  now: () => Date
  /** The laptop's clock corrected by HQ's: each sync measures it before pushing. */
  correction: ClockCorrection
  /** Defaults to HTTP to the enrolled HQ with the stored token. */
  client?: HqClient
  /** Messages per pulled page. */
  pageSize?: number
  /** Stores fetched photo originals and makes their variants (the core's photo worker). */
  photos: PhotoProcessor
  /** <dataDir>/photos */
  photosRoot: string
  /** <dataDir>/documents; without it document files do not move (their rows still sync). */
  documentsRoot?: string
  /** How the device token is kept at rest (the host's); plain text when not given. */
  vault?: TokenVault
}

/** A sync stopped by the user (sync.cancel), between batches or pages. */
export class SyncCancelledError extends Error {
  override readonly name = 'SyncCancelledError'
  constructor() {
    super('sync cancelled by the user')
  }
}

/** A running sync's hooks: cancel between steps, and counts so far for the progress display. */
export interface SyncRunHooks {
  /** Aborted with a SyncCancelledError: the run stops before its next batch or page. */
  signal?: AbortSignal
  /** Called as the run moves: its phase and the report's counts so far. */
  onProgress?: (phase: SyncPhase, report: Readonly<SyncReport>) => void
}

/** Trades an enrolment code for a device token and stores both with HQ's address. */
export async function enrol(
  deps: Pick<SyncDeps, 'db' | 'clock' | 'client' | 'vault'> & { deviceId?: string },
  input: { hqUrl: string; code: string; deviceName: string },
): Promise<{ hqDeviceId: string; hqUrl: string }> {
  const hqUrl = input.hqUrl.replace(/\/+$/, '')
  const client = deps.client ?? createHttpHqClient({ baseUrl: hqUrl, timeoutMs: 15_000 })
  let reply: { deviceId: string; token: string }
  try {
    reply = await client.enrol({
      code: input.code,
      deviceName: input.deviceName,
      nodeId: deps.clock.node,
      localDeviceId: deps.deviceId,
    })
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
    await noteEnrolment(trx, hqUrl)
    await clearRevocation(trx)
    await writeSetting(trx, SETTING.hqUrl, hqUrl)
    await writeDeviceToken(trx, deps.vault ?? plainTokenVault, reply.token)
    await writeSetting(trx, SETTING.hqDeviceId, reply.deviceId)
    await writeSetting(trx, SETTING.deviceName, input.deviceName)
  })
  return { hqDeviceId: reply.deviceId, hqUrl }
}

function camel(code: string): string {
  return code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

const notEnrolled = () =>
  new AppError('conflict', 'errors.sync.notEnrolled', 'this laptop is not enrolled with HQ yet')

/** Refuses (errors.sync.notEnrolled) before a run is started on a laptop that has no HQ yet. */
export async function assertEnrolled(db: Kysely<DB>): Promise<void> {
  const [baseUrl, token] = await Promise.all([readSetting(db, SETTING.hqUrl), readSetting(db, SETTING.token)])
  if (!baseUrl || !token) throw notEnrolled()
}

async function clientFor(deps: Pick<SyncDeps, 'db' | 'client' | 'vault'>): Promise<HqClient> {
  if (deps.client) return deps.client
  const [baseUrl, token] = await Promise.all([
    readSetting(deps.db, SETTING.hqUrl),
    readDeviceToken(deps.db, deps.vault ?? plainTokenVault),
  ])
  if (!baseUrl || !token) throw notEnrolled()
  return createHttpHqClient({ baseUrl, token })
}

function outcomeOf(error: unknown): { outcome: SyncOutcome; message: string } {
  if (error instanceof SyncCancelledError) return { outcome: 'cancelled', message: error.message }
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
export async function syncNow(deps: SyncDeps, hooks: SyncRunHooks = {}): Promise<SyncReport> {
  const { signal, onProgress } = hooks
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
    documentsUp: 0,
    documentsDown: 0,
    documentsWaiting: 0,
    resent: 0,
    startedAt: deps.now().toISOString(),
    finishedAt: '',
  }
  try {
    onProgress?.('pushing', report)
    // Before anything is sent: learn HQ's time and re-stamp what was stamped with a wrong clock
    // (only changes nobody has seen: so before healing marks sent ones unsent again).
    await learnHqTime(deps, client, report.cursor)
    // Then make sure the cursor and sent marks are this HQ's (a restored or other HQ: heal).
    const checked = await checkHq(deps.db, client, deps.clock.node)
    await clearRevocation(deps.db)
    report.resent = checked.resent
    if (checked.healed) report.cursor = 0
    const pushed = await pushUnsent(deps.db, client, deps.now, {
      signal,
      onBatch: (sofar) => {
        report.pushed = sofar.acknowledged
        report.rejected = sofar.rejected
        onProgress?.('pushing', report)
      },
    })
    report.pushed = pushed.acknowledged
    report.rejected = pushed.rejected
    signal?.throwIfAborted()
    onProgress?.('photos', report)
    const photos = {
      db: deps.db,
      client,
      processor: deps.photos,
      root: deps.photosRoot,
      onPhoto: () => onProgress?.('photos', report),
    }
    await sendPhotos(photos, report)
    const documents = deps.documentsRoot
      ? { db: deps.db, client, root: deps.documentsRoot, onDocument: () => onProgress?.('photos', report) }
      : null
    if (documents) await sendDocuments(documents, report)
    signal?.throwIfAborted()
    onProgress?.('pulling', report)
    const conflictsBefore = await countAllConflicts(deps.db)
    // A first sync (or one after healing) starts from HQ's current values, not its whole log; so does a
    // laptop whose cursor HQ's compaction passed. Once per run: a second refusal is reported.
    let bootstrapped = false
    const bootstrap = async (): Promise<boolean> => {
      bootstrapped = true
      const before = { pulled: report.pulled, applied: report.applied }
      const snapshot = await applySnapshot(deps, client, {
        hqId: await readSetting(deps.db, SETTING.hqId),
        signal,
        onChunk: (sofar) => {
          report.pulled = before.pulled + sofar.received - sofar.duplicates
          onProgress?.('pulling', report)
        },
      })
      if (!snapshot) return false
      report.pulled = before.pulled + snapshot.received - snapshot.duplicates
      report.applied = before.applied + snapshot.applied
      if (snapshot.conflicts > 0) report.conflicts = (await countAllConflicts(deps.db)) - conflictsBefore
      report.cursor = Number((await readSetting(deps.db, SETTING.cursor)) ?? 0)
      return true
    }
    if (report.cursor === 0 && checked.identified) await bootstrap()
    for (;;) {
      signal?.throwIfAborted()
      const request = {
        after: report.cursor,
        // HQ's byte cap ends a page first: pages of small messages carry the most.
        limit: deps.pageSize ?? MAX_PULL_LIMIT,
        mark: checked.identified ? await cursorMark(deps.db) : undefined,
      }
      let page: Awaited<ReturnType<HqClient['pull']>>
      try {
        page = await client.pull(request)
      } catch (error) {
        const compacted = error instanceof HqRequestError && error.code === 'snapshot_required'
        if (!compacted || bootstrapped || !(await bootstrap())) throw error
        continue
      }
      // A reply to another request (a retry's, delivered late) is no page of this cursor: stop here.
      if (page.after !== undefined && page.after !== report.cursor) break
      const applied = await applyPage(deps, page.messages, page.cursor)
      // Messages this laptop already had (its own, echoed back) are not news to the buyer.
      report.pulled += applied.received - applied.duplicates
      report.applied += applied.applied
      // Counted as the Sync screen lists them (bookkeeping columns left out), not as recorded.
      if (applied.conflicts > 0) report.conflicts = (await countAllConflicts(deps.db)) - conflictsBefore
      // A page that moves nothing (a stale or empty reply) ends the run instead of looping on it.
      const advanced = applied.cursor > report.cursor
      report.cursor = applied.cursor
      onProgress?.('pulling', report)
      if (!page.more || !advanced) break
    }
    signal?.throwIfAborted()
    onProgress?.('photos', report)
    await fetchPhotos(photos, report)
    if (documents) await fetchDocuments(documents, report)
    await refreshDirectory(deps.db, client)
  } catch (error) {
    Object.assign(report, outcomeOf(error))
    await noteRevocation(deps.db, error, deps.now())
  }
  report.finishedAt = deps.now().toISOString()
  await writeSetting(deps.db, SETTING.lastSync, JSON.stringify(report))
  return report
}

/** Keeps HQ's device names for the conflicts list; an HQ without the route leaves the cache as it was. */
async function refreshDirectory(db: Kysely<DB>, client: HqClient): Promise<void> {
  try {
    await storeDirectory(db, (await client.directory()).devices)
  } catch (error) {
    if (!(error instanceof HqRequestError)) throw error
  }
}

/** Field conflicts and deletes that met an unseen edit: what the Sync screen lists. */
async function countAllConflicts(db: Kysely<DB>): Promise<number> {
  return (await countConflicts(db)) + (await countDeleteConflicts(db))
}

async function countRejections(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('sync_rejections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Unsent changes HQ refused for good. Looked up from sync_rejections' side (CROSS JOIN keeps SQLite
 * from scanning every unsent change instead): there are few rejections and many unsent changes.
 */
async function countRejectedUnsent(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sync_rejections AS r
    CROSS JOIN change_log AS c ON c.seq = r.seq WHERE c.sent_at IS NULL`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/**
 * Local changes not yet acknowledged by HQ and not refused for good. The status screens ask on every
 * page, so with nothing local-only it is two index counts (every unsent change, less the refused ones)
 * rather than a rejection lookup per unsent change, which blocked the core for a third of a second
 * with 10,000 unsent factories.
 */
export async function countUnsent(db: Kysely<DB>): Promise<number> {
  const localUpTo = await localOnlyUpTo(db)
  if (localUpTo === null) {
    const row = await db
      .selectFrom('change_log')
      .where('sent_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n) - (await countRejectedUnsent(db))
  }
  const row = await unsentChanges(db, localUpTo)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Records with unsent changes: what a buyer counts (a new factory is one record, many fields). With
 * nothing local-only and no refused change waiting, every unsent change counts, so the distinct
 * records are read straight off the unsent-rows index.
 */
export async function countUnsentRecords(db: Kysely<DB>): Promise<number> {
  const localUpTo = await localOnlyUpTo(db)
  const everyUnsent = localUpTo === null && (await countRejectedUnsent(db)) === 0
  const changes = everyUnsent
    ? db.selectFrom('change_log').where('sent_at', 'is', null)
    : unsentChanges(db, localUpTo)
  const row = await db
    .selectFrom(changes.select(['table_name', 'row_id']).distinct().as('records'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function syncStatus(db: Kysely<DB>): Promise<SyncStatus> {
  const revokedAt = await readRevocation(db)
  const [hqUrl, token, hqDeviceId, cursor, last, deviceName] = await Promise.all(
    [
      SETTING.hqUrl,
      SETTING.token,
      SETTING.hqDeviceId,
      SETTING.cursor,
      SETTING.lastSync,
      SETTING.deviceName,
    ].map((key) => readSetting(db, key)),
  )
  return {
    // A revoked laptop is enrolled no more: it keeps its work and enrols again with a new code.
    enrolled: Boolean(hqUrl && token) && revokedAt === null,
    revokedAt,
    hqUrl: hqUrl ?? null,
    hqDeviceId: hqDeviceId ?? null,
    deviceName: deviceName ?? null,
    unsent: await countUnsent(db),
    unsentRecords: await countUnsentRecords(db),
    localOnlyRecords: await countLocalOnlyRows(db),
    rejected: await countRejections(db),
    conflicts: await countAllConflicts(db),
    cursor: Number(cursor ?? 0),
    // A report kept by an older version lacks newer counts: parsing fills them in.
    lastSync: last ? (SyncReport.safeParse(JSON.parse(last)).data ?? null) : null,
    clock: await readClockOffset(db).then((c) => c && { offsetMs: c.offsetMs, measuredAt: c.measuredAt }),
  }
}
