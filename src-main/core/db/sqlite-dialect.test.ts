import Database from 'better-sqlite3'
import { Kysely, Migrator, sql, type Migration } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteDialect } from './sqlite-dialect'

describe('migrations on SQLite', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('apply all or nothing: one that fails halfway leaves no table of the run behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-migrate-'))
    const file = join(dir, 'workbench.sqlite')
    const migrations: Record<string, Migration> = {
      '0001_tours': { up: async (db) => void (await sql`CREATE TABLE tours (id TEXT)`.execute(db)) },
      '0002_visits': {
        up: async (db) => {
          await sql`CREATE TABLE visits (id TEXT)`.execute(db)
          throw new Error('the laptop lost power here')
        },
      },
    }
    const db = new Kysely<unknown>({ dialect: sqliteDialect(new Database(file)) })
    const failed = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    }).migrateToLatest()
    expect(failed.error).toBeInstanceOf(Error)
    await db.destroy()

    const tables = new Database(file)
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%'")
      .pluck()
      .all()
    expect(tables).toEqual([])

    // The next start runs both again, cleanly.
    const again = new Kysely<unknown>({ dialect: sqliteDialect(new Database(file)) })
    migrations['0002_visits'] = {
      up: async (db) => void (await sql`CREATE TABLE visits (id TEXT)`.execute(db)),
    }
    const ok = await new Migrator({
      db: again,
      provider: { getMigrations: async () => migrations },
    }).migrateToLatest()
    expect(ok.error).toBeUndefined()
    expect(ok.results?.map((r) => r.status)).toEqual(['Success', 'Success'])
    await again.destroy()
  })
})
