import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StartupRefusal } from '../core/guard/startup-check'
import { acquireDataLock, LOCK_FILE } from './data-lock'

/** The data folder's lock: one app per folder, a dead holder's lock taken over. */

/** The pid of a process that has exited (and so runs no more). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

describe('data-folder lock', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'workbench-lock-'))
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  it('refuses a second holder, naming the first one’s pid, until it is released', () => {
    const lock = acquireDataLock(dataDir, 'browser host')
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid })
    let refused: unknown
    try {
      acquireDataLock(dataDir, 'browser host')
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(StartupRefusal)
    expect((refused as StartupRefusal).reason).toBe('locked')
    expect((refused as StartupRefusal).params).toMatchObject({ pid: process.pid })
    expect((refused as StartupRefusal).message).toContain(String(process.pid))
    lock.release()
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
    acquireDataLock(dataDir, 'browser host').release()
  })

  it('takes over a lock whose process is gone, and an unreadable one', () => {
    const pid = deadPid()
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid, host: 'browser host', startedAt: 'x' }))
    const lock = acquireDataLock(dataDir, 'browser host')
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid })
    lock.release()
    writeFileSync(join(dataDir, LOCK_FILE), '{"pid": ')
    acquireDataLock(dataDir, 'browser host').release()
  })
})
