import { createHash } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore } from '../../../test/integration/support/temp-core'
import { DATABASE_FILE } from '../app'
import { APP_SCHEMA, StartupRefusal } from './startup-check'

/** Start-up refusals over real database files: a newer schema, a damaged file. */

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function refusalOf(promise: Promise<unknown>): Promise<StartupRefusal> {
  try {
    await promise
  } catch (error) {
    if (error instanceof StartupRefusal) return error
    throw error
  }
  throw new Error('expected the start to be refused')
}

describe('start-up guard', () => {
  let dataDir: string
  let file: string
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'workbench-guard-'))
    file = join(dataDir, DATABASE_FILE)
    // No backup at quit: the damaged case below must find none unless a test makes one.
    const core = await createTempCore({ dataDir, version: '0.3.0', backups: { everyMs: 0, atQuit: false } })
    ok(await core.dispatch('factories.create', { name: '保定纸业' }))
    await core.close()
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  it('refuses a database written by a newer version, naming both, and leaves the file as it was', async () => {
    const sqlite = new Database(file)
    sqlite
      .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0042_future', '2027-03-01')")
      .run()
    sqlite.prepare("UPDATE meta SET value = '0.9.0' WHERE key = 'app_version'").run()
    sqlite.close()
    const before = { hash: hashOf(file), files: readdirSync(dataDir).sort() }
    const refusal = await refusalOf(createTempCore({ dataDir, version: '0.1.0' }))
    expect(refusal.reason).toBe('newer_schema')
    expect(refusal.messageKey).toBe('errors.startup.newerSchema')
    expect(refusal.params).toEqual({
      appVersion: '0.1.0',
      appSchema: APP_SCHEMA,
      dataSchema: '0042_future',
      dataVersion: '0.9.0',
    })
    expect(refusal.message).toContain('0.9.0')
    expect(refusal.message).toContain('0.1.0')
    expect(refusal.message).toContain('0042_future')
    // Byte for byte the same, and no WAL or shared-memory file was created beside it.
    expect(hashOf(file)).toBe(before.hash)
    expect(readdirSync(dataDir).sort()).toEqual(before.files)
  })

  it('opens its own database again, and records which version opened it', async () => {
    const core = await createTempCore({ dataDir, version: '0.3.1' })
    expect(ok<{ total: number }>(await core.dispatch('factories.list', {})).total).toBe(1)
    const row = core.database.sqlite.prepare("SELECT value FROM meta WHERE key = 'app_version'").get()
    expect(row).toEqual({ value: '0.3.1' })
    await core.close()
  })

  describe('a damaged database', () => {
    beforeEach(() => {
      // Scribble over the middle pages (the tables' b-trees), keeping the header readable.
      const size = readFileSync(file).length
      const fd = openSync(file, 'r+')
      const junk = Buffer.alloc(4096 * 3, 0x5a)
      writeSync(fd, junk, 0, junk.length, Math.max(4096, Math.floor(size / 2 / 4096) * 4096))
      closeSync(fd)
    })

    it('is detected at start and not opened', async () => {
      const before = hashOf(file)
      const refusal = await refusalOf(createTempCore({ dataDir }))
      expect(refusal.reason).toBe('damaged')
      expect(refusal.messageKey).toBe('errors.startup.damaged')
      expect(refusal.message).toContain('No good backup')
      expect(hashOf(file)).toBe(before)
    })

    it('offers the latest good backup the backup module finds', async () => {
      const backup = { file: join(dataDir, 'backups', 'b.sqlite'), createdAt: '2026-12-01T08:00:00.000Z' }
      const refusal = await refusalOf(
        createTempCore({ dataDir, findGoodBackup: async (dir) => (dir === dataDir ? backup : undefined) }),
      )
      expect(refusal.messageKey).toBe('errors.startup.damagedWithBackup')
      expect(refusal.backup).toEqual(backup)
      expect(refusal.params).toMatchObject({ backupFile: backup.file, backupAt: backup.createdAt })
    })
  })
})
