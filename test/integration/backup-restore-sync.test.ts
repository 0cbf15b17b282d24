import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BackupSummary, RestoreResult } from '../../src-main/core/backup/backup.contract'
import type { SyncReport } from '../../src-main/core/sync/sync.contract'
import { factoriesOf, startSyncFleet, syncStatusOf, type SyncFleet } from '../sync-harness/sync-device'
import { ok } from './support/api-result'

/**
 * Restore round trip with a real HQ on 127.0.0.1: laptop A backs up, keeps working and syncs, restores
 * the backup and syncs again; it ends identical to laptop B, which never restored. What HQ had from A
 * after the backup comes back, nothing is duplicated at HQ, and A's clock never goes back (its edit
 * after the restore beats its own edit from before).
 */

describe('restore, then sync', () => {
  let fleet: SyncFleet

  beforeAll(async () => {
    fleet = await startSyncFleet(['A 的笔记本', 'B 的笔记本'])
  })
  afterAll(async () => {
    await fleet.dispose()
  })

  const synced = async (report: Promise<SyncReport>) => {
    const done = await report
    expect(done.outcome, done.message).toBe('ok')
    return done
  }

  it('ends identical to a laptop that never restored', async () => {
    const [a, b] = fleet.laptops as [(typeof fleet.laptops)[0], (typeof fleet.laptops)[0]]
    const kept = await a.createFactory({ name: '晋江恒安纸业' })
    const edited = await a.createFactory({ name: '保定东升纸品' })
    const unsentAtBackup = await a.createFactory({ name: '备份时未同步的工厂' })
    // The backup holds `kept` and `edited` as sent, and one factory HQ has not seen yet.
    await a.sync()
    await a.edit(unsentAtBackup, { notes: '备份前改的' })
    const backup = ok<BackupSummary>(await a.core.dispatch('backup.create', {}))
    expect(backup.counts.unsentChanges).toBeGreaterThan(0)

    // After the backup: edits and a new factory, sent to HQ; then more that never leave the laptop.
    await a.edit(edited, { city: '保定', notes: '备份后改的，已同步' })
    const sentAfter = await a.createFactory({ name: '备份后新建已同步' })
    await synced(a.sync())
    const lostHere = await a.createFactory({ name: '备份后新建未同步' })
    await a.edit(kept, { notes: '备份后改的，未同步' })
    // B works too, and syncs.
    const fromB = await b.createFactory({ name: 'B 新建的工厂' })
    await synced(b.sync())

    const clockBefore = a.core.context.write.clock.peek()
    const restored = ok<RestoreResult>(await a.core.dispatch('backup.restore', { name: backup.name }))
    expect(restored.safety.reason).toBe('pre-restore')
    expect(Object.keys(factoriesOf(a))).not.toContain(sentAfter)
    expect(Object.keys(factoriesOf(a))).not.toContain(lostHere)
    // Still enrolled after the restore.
    expect((await syncStatusOf(a)).enrolled).toBe(true)

    // An edit right after the restore, of a field A had changed and sent after the backup.
    a.setWall(clockBefore.millis - 60_000) // even with the wall clock behind, the clock never goes back
    await a.edit(edited, { notes: '恢复后改的' })
    const afterHlc = a.core.database.sqlite
      .prepare(`SELECT max(hlc) AS h FROM change_log WHERE row_id = ? AND column_name = 'notes'`)
      .get(edited) as { h: string }
    expect(afterHlc.h > new Date(clockBefore.millis).toISOString()).toBe(true)

    await synced(a.sync())
    await synced(b.sync())
    await synced(a.sync())

    const onA = factoriesOf(a)
    expect(onA).toEqual(factoriesOf(b))
    // What HQ had from A after the backup came back; what never left A is gone, on both.
    expect(onA[sentAfter]?.name).toBe('备份后新建已同步')
    expect(onA[edited]?.city).toBe('保定')
    expect(onA[edited]?.notes).toBe('恢复后改的')
    expect(onA[unsentAtBackup]?.notes).toBe('备份前改的')
    expect(onA[fromB]?.name).toBe('B 新建的工厂')
    expect(onA[lostHere]).toBeUndefined()
    expect(onA[kept]?.notes).toBe('')
    expect((await syncStatusOf(a)).unsent).toBe(0)

    // Nothing duplicated: HQ's log holds each change once, and so does A's change log.
    const client = await a.httpClient()
    const log: string[] = []
    for (let after = 0; ; ) {
      const page = await client.pull({ after, limit: 1000 })
      log.push(...page.messages.map((m) => `${m.hlc} ${m.table} ${m.row} ${m.column}`))
      if (!page.more || page.cursor === after) break
      after = page.cursor
    }
    expect(new Set(log).size).toBe(log.length)
    const dupes = a.core.database.sqlite
      .prepare(
        'SELECT hlc, table_name, row_id, column_name FROM change_log GROUP BY 1, 2, 3, 4 HAVING count(*) > 1',
      )
      .all()
    expect(dupes).toEqual([])
    // A's own messages pulled back are not conflicts with itself.
    expect((await syncStatusOf(a)).conflicts).toBe(0)
  })
})
