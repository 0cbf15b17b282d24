import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { DATABASE_FILE } from '../app'
import { AppError } from '../api/errors'

/**
 * A full disk and a read-only folder, made for real where this machine allows (a tmpfs of a few
 * hundred kilobytes, remounted read-only: needs root), and with SQLite's max_page_count everywhere:
 * the buyer gets a message saying so, and nothing saved before is lost.
 */

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** Mounts a tmpfs of `size` at a new folder; undefined (and says why) where mounting is not allowed. */
function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
    return dir
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    console.log(
      `skipped on a real small file system: mount failed (${(error as Error).message.split('\n')[0]})`,
    )
    return undefined
  }
}

function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
  rmSync(dir, { recursive: true, force: true })
}

/** Creates factories until a create fails; returns the ids saved and the failure's message key. */
async function fillUntilRefused(core: TempCore, limit = 20_000): Promise<{ saved: string[]; key: string }> {
  const saved: string[] = []
  const notes = '晋江生活用纸源头工厂，产能充足，'.repeat(40)
  for (let i = 0; i < limit; i++) {
    const result = await core.dispatch('factories.create', { name: `满盘测试厂${i}`, notes })
    if (!result.ok) return { saved, key: result.error.messageKey }
    saved.push((result.value as { id: string }).id)
  }
  throw new Error(`${limit} factories fit; the disk never filled`)
}

function integrity(file: string): string {
  const sqlite = new Database(file, { readonly: true })
  try {
    return String(sqlite.pragma('integrity_check', { simple: true }))
  } finally {
    sqlite.close()
  }
}

describe('storage failures', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('a database that may not grow (max_page_count): "disk full", and what was saved stays', async () => {
    const core = await createTempCore()
    cleanups.push(() => core.dispose())
    const pages = Number(core.database.sqlite.pragma('page_count', { simple: true }))
    core.database.sqlite.pragma(`max_page_count = ${pages + 40}`)
    const { saved, key } = await fillUntilRefused(core)
    expect(key).toBe('errors.storage.full')
    expect(saved.length).toBeGreaterThan(0)
    // The refused save left nothing half-written; the disk frees up and saving works again.
    expect(ok<{ total: number }>(await core.dispatch('factories.list', {})).total).toBe(saved.length)
    core.database.sqlite.pragma('max_page_count = 1073741823')
    ok(await core.dispatch('factories.create', { name: '空间释放后' }))
    expect(integrity(join(core.dataDir, DATABASE_FILE))).toBe('ok')
  })

  it('a real full file system (tmpfs): "disk full", and everything saved before opens again', async () => {
    const dir = tmpfs('1200k')
    if (!dir) return
    cleanups.push(() => unmount(dir))
    const dataDir = join(dir, 'data')
    const core = await createTempCore({
      dataDir,
      dispatcher: { checkOutput: true, onInternalError: (error) => console.error(error) },
    })
    const { saved, key } = await fillUntilRefused(core)
    expect(key).toBe('errors.storage.full')
    await core.close().catch(() => {})
    const again = await createTempCore({ dataDir })
    cleanups.push(() => again.close())
    const list = ok<{ total: number }>(await again.dispatch('factories.list', { limit: 1 }))
    expect(list.total).toBe(saved.length)
    expect(integrity(join(dataDir, DATABASE_FILE))).toBe('ok')
  })

  it('a read-only data folder: the start is refused with a message, the data stays', async () => {
    const dir = tmpfs('16m')
    if (!dir) return
    cleanups.push(() => unmount(dir))
    const dataDir = join(dir, 'data')
    const core = await createTempCore({ dataDir })
    ok(await core.dispatch('factories.create', { name: '只读前保存的厂' }))
    await core.close()
    const before = hashOf(join(dataDir, DATABASE_FILE))
    execFileSync('mount', ['-o', 'remount,ro', dir])
    let refused: unknown
    await createTempCore({ dataDir }).catch((e: unknown) => (refused = e))
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).messageKey).toMatch(/^errors\.storage\.(readOnly|cantOpen)$/)
    expect((refused as AppError).message).toContain('read')
    execFileSync('mount', ['-o', 'remount,rw', dir])
    expect(hashOf(join(dataDir, DATABASE_FILE))).toBe(before)
    const again = await createTempCore({ dataDir })
    cleanups.push(() => again.close())
    const list = ok<{ items: { name: string }[] }>(await again.dispatch('factories.list', {}))
    expect(list.items.map((f) => f.name)).toEqual(['只读前保存的厂'])
  })
})
