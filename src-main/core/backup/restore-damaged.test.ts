import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore } from '../../../test/integration/support/temp-core'
import { DATABASE_FILE } from '../app'
import { StartupRefusal } from '../guard/startup-check'
import { restoreOverDamaged } from './restore-damaged'

/** A damaged database at start: the newest good backup goes in its place, the damaged file is kept. */
describe('restoring over a damaged database', () => {
  let dataDir: string
  let file: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'workbench-damaged-'))
    file = join(dataDir, DATABASE_FILE)
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  const scribble = () => {
    // Over the middle pages (the tables' b-trees), keeping the header readable.
    const size = readFileSync(file).length
    const fd = openSync(file, 'r+')
    const junk = Buffer.alloc(4096 * 3, 0x5a)
    writeSync(fd, junk, 0, junk.length, Math.max(4096, Math.floor(size / 2 / 4096) * 4096))
    closeSync(fd)
  }

  it('is offered at start, then brings back what the backup holds and keeps the damaged file', async () => {
    const core = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
    for (let i = 0; i < 200; i++) ok(await core.dispatch('factories.create', { name: `晋江纸业 ${i}` }))
    const deviceId = core.context.write.deviceId
    ok(await core.dispatch('backup.create', {}))
    await core.close()
    scribble()

    const refusal = await createTempCore({ dataDir }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(StartupRefusal)
    expect((refusal as StartupRefusal).messageKey).toBe('errors.startup.damagedWithBackup')

    const restored = await restoreOverDamaged(dataDir, { appVersion: 'test' })
    expect(restored).toBeDefined()
    expect(existsSync(restored!.damagedKeptAs)).toBe(true)
    const reopened = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
    try {
      expect(reopened.context.write.deviceId).toBe(deviceId)
      expect(reopened.database.sqlite.prepare('SELECT count(*) AS n FROM factories').get()).toEqual({
        n: 200,
      })
      expect(reopened.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await reopened.close()
    }
  })

  it('touches nothing when no backup is good', async () => {
    const core = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
    ok(await core.dispatch('factories.create', { name: '保定纸业' }))
    await core.close()
    scribble()
    const before = readFileSync(file)
    expect(await restoreOverDamaged(dataDir, { appVersion: 'test' })).toBeUndefined()
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
