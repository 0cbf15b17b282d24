import { describe, expect, it } from 'vitest'
import {
  CHECK_EVERY_MS,
  INITIAL_UPDATE_STATE,
  nextUpdateState,
  restartOffer,
  shouldCheck,
  updateFeedUrl,
  type CheckInputs,
  type UpdateEvent,
  type UpdateState,
} from './update-policy'

const NOW = Date.parse('2026-12-02T08:00:00Z')
const synced = (finishedAt = '2026-12-02T07:59:58.000Z', outcome = 'ok') => ({ outcome, finishedAt })
const inputs = (overrides: Partial<CheckInputs> = {}): CheckInputs => ({
  packaged: true,
  hq: { url: 'http://hq.local:8787', token: 'device-token-device-token' },
  lastSync: synced(),
  now: NOW,
  ...overrides,
})
const run = (...events: UpdateEvent[]): UpdateState => events.reduce(nextUpdateState, INITIAL_UPDATE_STATE)

describe('when the laptop looks for an update', () => {
  it('checks after a sync that reached HQ, on an installed, enrolled app', () => {
    expect(shouldCheck(INITIAL_UPDATE_STATE, inputs())).toBe(true)
  })

  it('does not check in development, before enrolment, before any sync or after a failed one', () => {
    expect(shouldCheck(INITIAL_UPDATE_STATE, inputs({ packaged: false }))).toBe(false)
    expect(shouldCheck(INITIAL_UPDATE_STATE, inputs({ hq: null }))).toBe(false)
    expect(shouldCheck(INITIAL_UPDATE_STATE, inputs({ lastSync: null }))).toBe(false)
    for (const outcome of ['offline', 'unauthorized', 'clock_drift', 'refused', 'cancelled']) {
      expect(shouldCheck(INITIAL_UPDATE_STATE, inputs({ lastSync: synced(undefined, outcome) }))).toBe(false)
    }
  })

  it('checks once per sync and at most every half hour', () => {
    const checked = run({ type: 'check', at: NOW, afterSync: synced().finishedAt }, { type: 'none' })
    expect(shouldCheck(checked, inputs({ now: NOW + 1000 }))).toBe(false)
    const laterSync = synced('2026-12-02T08:10:00.000Z')
    expect(shouldCheck(checked, inputs({ lastSync: laterSync, now: NOW + 10 * 60_000 }))).toBe(false)
    expect(shouldCheck(checked, inputs({ lastSync: laterSync, now: NOW + CHECK_EVERY_MS }))).toBe(true)
  })

  it('does not check while checking, downloading or holding a downloaded update; a failure is retried', () => {
    const later = inputs({ lastSync: synced('2026-12-02T09:00:00.000Z'), now: NOW + 2 * CHECK_EVERY_MS })
    const checking = run({ type: 'check', at: NOW, afterSync: null })
    expect(shouldCheck(checking, later)).toBe(false)
    const downloading = nextUpdateState(checking, { type: 'available', version: '0.2.0' })
    expect(shouldCheck(downloading, later)).toBe(false)
    const ready = nextUpdateState(downloading, { type: 'downloaded', version: '0.2.0' })
    expect(shouldCheck(ready, later)).toBe(false)
    const failed = nextUpdateState(downloading, { type: 'error', message: 'sha512 checksum mismatch' })
    expect(failed.phase).toBe('failed')
    expect(shouldCheck(failed, later)).toBe(true)
  })

  it('reads the feed from HQ’s /updates/', () => {
    expect(updateFeedUrl('http://hq.local:8787')).toBe('http://hq.local:8787/updates/')
    expect(updateFeedUrl('https://hq.example.cn/')).toBe('https://hq.example.cn/updates/')
  })
})

describe('when the laptop offers to restart into an update', () => {
  const idle = { syncing: false, exporting: false }
  const ready = run(
    { type: 'check', at: NOW, afterSync: null },
    { type: 'available', version: '0.2.0' },
    { type: 'progress', percent: 55 },
    { type: 'downloaded', version: '0.2.0' },
  )

  it('offers "restart to update" once the update is downloaded and verified', () => {
    expect(restartOffer(ready, idle)).toEqual({ offer: true, version: '0.2.0', waitingFor: null })
  })

  it('never while a sync or an export runs, and offers again when it ends', () => {
    expect(restartOffer(ready, { syncing: true, exporting: false })).toEqual({
      offer: false,
      version: '0.2.0',
      waitingFor: 'sync',
    })
    expect(restartOffer(ready, { syncing: false, exporting: true }).waitingFor).toBe('export')
    expect(restartOffer(ready, idle).offer).toBe(true)
  })

  it('offers nothing before the download finished (a checksum failure is not an update)', () => {
    const downloading = run(
      { type: 'check', at: NOW, afterSync: null },
      { type: 'available', version: '0.2.0' },
    )
    expect(restartOffer(downloading, idle).offer).toBe(false)
    expect(downloading.percent).toBe(0)
    expect(nextUpdateState(downloading, { type: 'progress', percent: 140 }).percent).toBe(100)
    const failed = nextUpdateState(downloading, { type: 'error', message: 'sha512 checksum mismatch' })
    expect(restartOffer(failed, idle).offer).toBe(false)
  })

  it('keeps a downloaded update offered when a later check fails', () => {
    const after = nextUpdateState(ready, { type: 'error', message: 'HQ unreachable' })
    expect(restartOffer(after, idle)).toEqual({ offer: true, version: '0.2.0', waitingFor: null })
  })
})
