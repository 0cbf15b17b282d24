import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type AppDatabase } from './connection'
import { INLINE_CHECKPOINT_PAGES } from './wal-checkpointer'

describe('WAL checkpoints on a worker thread', () => {
  let dir: string
  let database: AppDatabase | undefined

  afterEach(async () => {
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('copies committed pages into the database file without a commit doing it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-wal-'))
    const file = join(dir, 'workbench.sqlite')
    database = openDatabase({ file, checkpointAfterMs: 0 })
    const { sqlite } = database
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(INLINE_CHECKPOINT_PAGES)
    sqlite.exec('CREATE TABLE blobs (data BLOB)')
    const insert = sqlite.prepare('INSERT INTO blobs (data) VALUES (?)')
    // ~250 pages: far below the inline threshold, so only the worker can move them into the file.
    for (let i = 0; i < 100; i++) insert.run(Buffer.alloc(10_000, i))
    const before = statSync(file).size
    const deadline = Date.now() + 5_000
    while (statSync(file).size <= before + 900_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(statSync(file).size).toBeGreaterThan(before + 900_000)
    expect(sqlite.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 100 })
  })

  it('leaves a database that reopens with every committed row after close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-wal-'))
    const file = join(dir, 'workbench.sqlite')
    const first = openDatabase({ file, checkpointAfterMs: 0 })
    await new Promise((resolve) => setTimeout(resolve, 50)) // the worker is running when it closes
    first.sqlite.exec('CREATE TABLE t (n INTEGER)')
    const insert = first.sqlite.prepare('INSERT INTO t (n) VALUES (?)')
    for (let i = 0; i < 500; i++) insert.run(i)
    await first.close()
    database = openDatabase({ file })
    expect(database.sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 500 })
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
