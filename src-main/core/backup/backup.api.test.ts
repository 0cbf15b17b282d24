import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import { DATABASE_FILE } from '../app'
import { migrateTo, openDatabase } from '../db/connection'
import { migrations } from '../db/migrations'
import type { Factory } from '../factories/factories.contract'
import { countUnsent } from '../sync/sync.service'
import { SETTING } from '../sync/sync.settings'
import { CLOCK_FLOOR } from '../system/device'
import { backupDbFile, backupsRoot, manifestFile, readManifest } from './backup-files'
import type { BackupList, BackupManifest, BackupSummary, RestoreResult } from './backup.contract'
import { BackupRefusedError, restoreBackup, verifyBackup } from './backup.service'

/** Backups and restore through the dispatcher, on a real SQLite file and a real backups folder. */

const countUnsentOf = (core: TempCore) => countUnsent(core.context.db)

describe('backup API', () => {
  let core: TempCore
  const call = (name: string, input: unknown) => core.dispatch(name, input)
  const createFactory = async (name: string) =>
    ok<Factory>(await call('factories.create', { name, province: '福建', city: '晋江' }))
  const factoryNames = () =>
    (
      core.database.sqlite
        .prepare('SELECT name FROM factories WHERE deleted_at IS NULL ORDER BY name')
        .all() as {
        name: string
      }[]
    ).map((r) => r.name)

  beforeEach(async () => {
    core = await createTempCore({ backups: { everyMs: 0 } })
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('backs up with a manifest of counts, schema, hash and photos, and lists it', async () => {
    await createFactory('晋江恒安纸业')
    await createFactory('保定东升纸品')
    const made = ok<BackupSummary>(await call('backup.create', {}))
    expect(made.reason).toBe('manual')
    expect(made.counts).toEqual({ factories: 2, samples: 0, quotes: 0, unsentChanges: expect.any(Number) })
    expect(made.counts.unsentChanges).toBeGreaterThan(0)
    const manifest = readManifest(manifestFile(core.dataDir, made.name))!
    const file = backupDbFile(core.dataDir, made.name)
    expect(manifest.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'))
    expect(manifest.schemaVersion).toMatch(/^\d{4}_/)
    expect(manifest.deviceId).toBe(core.context.write.deviceId)
    // One self-contained file: no -wal or -shm beside it, and it passes integrity_check.
    expect(readdirSync(backupsRoot(core.dataDir)).sort()).toEqual([
      `${made.name}.json`,
      `${made.name}.sqlite`,
    ])
    const copy = new Database(file, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
    const listed = ok<BackupList>(await call('backup.list', {}))
    expect(listed.folder).toBe(backupsRoot(core.dataDir))
    expect(listed.backups.map((b) => b.name)).toEqual([made.name])
  })

  it('restores: what came after the backup is gone, a pre-restore backup holds it, the clock never goes back', async () => {
    await createFactory('晋江恒安纸业')
    const backup = ok<BackupSummary>(await call('backup.create', {}))
    const later = await createFactory('后来的工厂')
    const before = core.context.write.clock.peek()
    const result = ok<RestoreResult>(await call('backup.restore', { name: backup.name }))
    expect(result.restored.name).toBe(backup.name)
    expect(result.safety.reason).toBe('pre-restore')
    expect(result.safety.counts.factories).toBe(2)
    expect(factoryNames()).toEqual(['晋江恒安纸业'])
    failed(await call('factories.get', { id: later.id }))
    // The same core keeps working on the restored database, and its next change sorts after everything.
    const next = await createFactory('恢复后的工厂')
    const hlc = (
      core.database.sqlite.prepare('SELECT max(hlc) AS h FROM change_log WHERE row_id = ?').get(next.id) as {
        h: string
      }
    ).h
    expect(hlc > `${new Date(before.millis).toISOString()}`).toBe(true)
    const floor = core.database.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(CLOCK_FLOOR) as {
      value: string
    }
    expect(floor.value >= `${new Date(before.millis).toISOString()}`).toBe(true)
    expect(core.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // Undo: restoring the safety backup brings the later factory back.
    ok(await call('backup.restore', { name: result.safety.name }))
    expect(factoryNames()).toEqual(['后来的工厂', '晋江恒安纸业'])
    // After a restart with the wall clock a minute behind, the clock still starts above the floor.
    const newest = (
      core.database.sqlite.prepare('SELECT max(hlc) AS h FROM change_log').get() as { h: string }
    ).h
    await core.close()
    core = await createTempCore({
      dataDir: core.dataDir,
      wallClock: () => before.millis - 60_000,
      backups: { everyMs: 0 },
    })
    const restarted = await createFactory('重启后的工厂')
    const restartedHlc = (
      core.database.sqlite
        .prepare('SELECT max(hlc) AS h FROM change_log WHERE row_id = ?')
        .get(restarted.id) as {
        h: string
      }
    ).h
    // Above even the change made before the undo, which the restored change log no longer holds.
    expect(newest < hlc).toBe(true)
    expect(restartedHlc > hlc).toBe(true)
  })

  it('keeps today’s enrolment, and re-sends and re-pulls everything when the backup was of another HQ', async () => {
    const setMeta = (key: string, value: string) =>
      core.database.sqlite
        .prepare(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value)
    const meta = (key: string) =>
      (
        core.database.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
          | { value: string }
          | undefined
      )?.value
    const unsent = () =>
      (
        core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE sent_at IS NULL').get() as {
          n: number
        }
      ).n
    // Enrolled with HQ one, everything sent, cursor 40.
    setMeta(SETTING.hqUrl, 'http://hq-one:8787')
    setMeta(SETTING.hqDeviceId, 'device-at-one')
    setMeta(SETTING.token, 'token-one')
    await createFactory('一')
    core.database.sqlite.prepare(`UPDATE change_log SET sent_at = '2026-12-01T00:00:00.000Z'`).run()
    setMeta(SETTING.cursor, '40')
    const atOne = ok<BackupSummary>(await call('backup.create', {}))
    // Same HQ: the backup's cursor and sent marks stand, the enrolment is today's.
    setMeta(SETTING.token, 'token-one-renewed')
    ok(await call('backup.restore', { name: atOne.name }))
    expect([meta(SETTING.cursor), meta(SETTING.token), unsent()]).toEqual(['40', 'token-one-renewed', 0])
    // Now enrolled with HQ two: the backup's marks mean nothing there.
    setMeta(SETTING.hqUrl, 'http://hq-two:8787')
    setMeta(SETTING.hqDeviceId, 'device-at-two')
    setMeta(SETTING.token, 'token-two')
    ok(await call('backup.restore', { name: atOne.name }))
    expect([meta(SETTING.hqUrl), meta(SETTING.token), meta(SETTING.cursor)]).toEqual([
      'http://hq-two:8787',
      'token-two',
      '0',
    ])
    expect(unsent()).toBeGreaterThan(0)
    expect((await countUnsentOf(core)) > 0).toBe(true)
  })

  it('lets calls that arrive during a restore wait and then run against the restored database', async () => {
    await createFactory('甲')
    const backup = ok<BackupSummary>(await call('backup.create', {}))
    await createFactory('乙')
    const order: string[] = []
    const restoring = call('backup.restore', { name: backup.name }).then(() => order.push('restore'))
    // Once the restore has begun (it is checking the backup), a save arrives.
    await new Promise((resolve) => setImmediate(resolve))
    const during = createFactory('丙').then(() => order.push('save'))
    await Promise.all([restoring, during])
    expect(order).toEqual(['restore', 'save'])
    expect(factoryNames()).toEqual(['丙', '甲'])
  })

  describe('refuses a damaged or foreign backup before anything is touched', () => {
    let made: BackupSummary
    let file: string
    const rewrite = (mutate: (m: BackupManifest) => void) => {
      const manifest = readManifest(manifestFile(core.dataDir, made.name))!
      manifest.sha256 = createHash('sha256').update(readFileSync(file)).digest('hex')
      mutate(manifest)
      writeFileSync(manifestFile(core.dataDir, made.name), JSON.stringify(manifest))
    }
    const refusedWith = async (key: string) => {
      const countBefore = readdirSync(backupsRoot(core.dataDir)).length
      const error = failed(await call('backup.restore', { name: made.name }))
      expect(error.messageKey).toBe(key)
      // Nothing happened: the live data is as it was and no pre-restore backup was made.
      expect(factoryNames()).toEqual(['一', '二'])
      expect(readdirSync(backupsRoot(core.dataDir)).length).toBe(countBefore)
    }
    beforeEach(async () => {
      await createFactory('一')
      made = ok<BackupSummary>(await call('backup.create', {}))
      file = backupDbFile(core.dataDir, made.name)
      await createFactory('二')
    })

    it('not SQLite', async () => {
      writeFileSync(file, 'PK\u0003\u0004 this is a zip, not a database'.repeat(50))
      rewrite(() => {})
      await refusedWith('errors.backup.not_sqlite')
    })
    it('changed since its manifest was written', async () => {
      const bytes = readFileSync(file)
      bytes[bytes.length - 10]! ^= 0xff
      writeFileSync(file, bytes)
      await refusedWith('errors.backup.hash_mismatch')
    })
    it('fails integrity_check (hash matching)', async () => {
      const bytes = readFileSync(file)
      // Garbage over every page but the first: the header reads, the b-trees do not.
      for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0x5a
      writeFileSync(file, bytes)
      rewrite(() => {})
      await refusedWith('errors.backup.damaged')
    })
    it('written by a newer app', async () => {
      const db = new Database(file)
      db.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')`).run()
      db.close()
      rewrite((m) => (m.schemaVersion = '9999_future'))
      await refusedWith('errors.backup.newer_schema')
    })
    it('of another installation', async () => {
      const db = new Database(file)
      db.prepare(`UPDATE meta SET value = 'someone-else' WHERE key = 'device_id'`).run()
      db.close()
      rewrite((m) => (m.deviceId = 'someone-else'))
      await refusedWith('errors.backup.other_device')
    })
    it('not a workbench database', async () => {
      const db = new Database(file)
      db.exec('DROP TABLE kysely_migration')
      db.close()
      rewrite(() => {})
      await refusedWith('errors.backup.not_workbench')
    })
    it('without its manifest', async () => {
      const error = await verifyBackup(file.replace('.sqlite', '.missing.sqlite')).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BackupRefusedError)
      expect((error as BackupRefusedError).refusal).toBe('not_found')
      writeFileSync(manifestFile(core.dataDir, made.name), '{"format": 2}')
      // A backup without a valid manifest is not listed, and restoring it by name is refused.
      expect(ok<BackupList>(await call('backup.list', {})).backups).toEqual([])
      await refusedWith('errors.backup.no_manifest')
    })
    it('a name that is a path', async () => {
      const error = failed(await call('backup.restore', { name: '../workbench' }))
      expect(error.code).toBe('validation')
    })
  })

  it('makes a pre-clear-demo backup before clearing demo data, and a quit backup after changes', async () => {
    const demo = await createTempCore({ demo: true, backups: { everyMs: 0 } })
    try {
      ok(await demo.dispatch('demo.clear', {}))
      const backups = ok<BackupList>(await demo.dispatch('backup.list', {})).backups
      expect(backups.map((b) => b.reason)).toEqual(['pre-clear-demo'])
      expect(backups[0]!.counts.factories).toBeGreaterThan(0)
      expect(backups[0]!.photos).toBeGreaterThan(0)
      expect(backups[0]!.missingPhotos).toBe(0)
      ok(await demo.dispatch('factories.create', { name: '新工厂', province: '福建', city: '晋江' }))
      await demo.context.backups.close()
      const after = ok<BackupList>(await demo.dispatch('backup.list', {})).backups
      expect(after.map((b) => b.reason)).toEqual(['quit', 'pre-clear-demo'])
      // Clearing the demo deleted its rows, never a photo file the backup needs.
      expect(after[1]!.missingPhotos).toBe(0)
      // Nothing changed since: no second quit backup.
      expect(await demo.context.backups.backupIfChanged('quit')).toBe(false)
    } finally {
      await demo.dispose()
    }
  })

  it('removes what an interrupted backup left (old .partial files, a database without manifest)', async () => {
    await createFactory('一')
    const root = backupsRoot(core.dataDir)
    mkdirSync(root, { recursive: true })
    const stale = join(root, '2026-01-01T00-00-00-000Z-auto.sqlite.partial')
    const orphan = join(root, '2026-01-01T00-00-01-000Z-auto.sqlite')
    const fresh = join(root, '2026-01-01T00-00-02-000Z-auto.sqlite.partial')
    for (const f of [stale, orphan, fresh]) writeFileSync(f, 'half')
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(stale, old, old)
    utimesSync(orphan, old, old)
    const made = ok<BackupSummary>(await call('backup.create', {}))
    expect(readdirSync(root).sort()).toEqual(
      [`${made.name}.json`, `${made.name}.sqlite`, '2026-01-01T00-00-02-000Z-auto.sqlite.partial'].sort(),
    )
  })

  it('restores into a new, empty database file (what a start-up guard does after moving a damaged one aside)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'workbench-backup-empty-'))
    try {
      const first = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
      ok(await first.dispatch('factories.create', { name: '晋江恒安纸业', province: '福建', city: '晋江' }))
      const made = ok<BackupSummary>(await first.dispatch('backup.create', {}))
      await first.close()
      const file = join(dataDir, DATABASE_FILE)
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      const empty = new Database(file)
      empty.pragma('journal_mode = WAL')
      const manifest = readManifest(manifestFile(dataDir, made.name))!
      await restoreBackup(
        { sqlite: empty, dataDir, deviceId: manifest.deviceId, clockFloor: '', appVersion: 'test' },
        made.name,
      )
      empty.close()
      const reopened = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
      expect(reopened.context.write.deviceId).toBe(manifest.deviceId)
      const names = reopened.database.sqlite.prepare('SELECT name FROM factories').all()
      await reopened.close()
      expect(names).toEqual([{ name: '晋江恒安纸业' }])
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('makes a pre-migration backup when an existing database has a migration pending', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'workbench-backup-migrate-'))
    try {
      const old = openDatabase({ file: join(dataDir, DATABASE_FILE), checkpointAfterMs: 0 })
      const names = Object.keys(migrations).sort()
      await migrateTo(old.db, names.at(-2)!)
      old.sqlite.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
      old.sqlite.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', 'dev-1')`).run()
      await old.close()
      const upgraded = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
      const backups = ok<BackupList>(await upgraded.dispatch('backup.list', {})).backups
      await upgraded.close()
      expect(backups.map((b) => [b.reason, b.schemaVersion])).toEqual([['pre-migration', names.at(-2)]])
      // A new, empty database has nothing to keep: no backup.
      const fresh = await createTempCore({ backups: { everyMs: 0, atQuit: false } })
      expect(ok<BackupList>(await fresh.dispatch('backup.list', {})).backups).toEqual([])
      await fresh.dispose()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
