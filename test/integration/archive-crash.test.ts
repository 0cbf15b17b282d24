import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src-main/core/app'
import { exportArchive } from '../../src-main/core/archive/archive.service'
import { photoRoutes } from '../../src-main/core/photos/photos.api'
import { ok } from './support/api-result'
import { filesUnder } from './support/files-under'
import { createTempCore } from './support/temp-core'

/**
 * kill -9 while an archive is being opened (extracted, checked, swapped in), many rounds, each on a
 * fresh copy of the old data: after every kill the database file passes integrity_check and is the old
 * one or the new one whole; the next start (which finishes an interrupted swap) opens one of the two
 * whole, photos included.
 */

const REPO = resolve(__dirname, '..', '..')
const OPENER = join(__dirname, 'fixtures', 'archive-opener.ts')
const ROUNDS = Number(process.env.ARCHIVE_CRASH_ROUNDS ?? 12)

interface Run {
  readyAt?: number
  doneAt?: number
  signal: NodeJS.Signals | null
  code: number | null
  stderr: string
}

/** Runs the opener; kills it `killAfterMs` after `ready` (never, when undefined). */
function runOpener(dataDir: string, archive: string, killAfterMs?: number): Promise<Run> {
  return new Promise((done, fail) => {
    const started = Date.now()
    const child = spawn(process.execPath, ['--import', 'tsx', OPENER, dataDir, archive], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const run: Run = { signal: null, code: null, stderr: '' }
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      if (text.includes('ready') && run.readyAt === undefined) {
        run.readyAt = Date.now() - started
        if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
      if (text.includes('done')) run.doneAt = Date.now() - started
    })
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()))
    child.once('error', fail)
    child.once('exit', (code, signal) => {
      clearTimeout(guard)
      Object.assign(run, { code, signal })
      done(run)
    })
  })
}

/** The factory names in a database file and whether it passes integrity_check. */
function inspect(file: string): { integrity: string; names: string[] } {
  const sqlite = new Database(file)
  try {
    const integrity = String(sqlite.pragma('integrity_check', { simple: true }))
    const names = (
      sqlite.prepare('SELECT name FROM factories ORDER BY name').all() as { name: string }[]
    ).map((row) => row.name)
    return { integrity, names }
  } finally {
    sqlite.close()
  }
}

describe('archive import under kill -9', () => {
  let scratch: string
  let oldTemplate: string
  let archive: string
  const expected = {
    old: { names: [] as string[], photos: [] as string[] },
    new: { names: [] as string[], photos: [] as string[] },
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'workbench-archive-crash-'))
    // The new laptop's data before: a few factories of another data set (the emptiness rule is the
    // host's to check, not what this test is about), and a photo.
    const old = await createTempCore({ dataDir: join(scratch, 'old') })
    for (let i = 0; i < 5; i++) ok(await old.dispatch('factories.create', { name: `旧数据厂${i}` }))
    const image = (seed: number) =>
      sharp({ create: { width: 800, height: 600, channels: 3, background: { r: seed, g: 30, b: 90 } } })
        .jpeg()
        .toBuffer()
    ok(await photoRoutes(old.context).upload(await image(1)))
    await old.close()
    oldTemplate = old.dataDir
    const source = await createTempCore({ dataDir: join(scratch, 'source') })
    const photos = photoRoutes(source.context)
    for (let i = 0; i < 300; i++)
      ok(await source.dispatch('factories.create', { name: `存档厂${String(i).padStart(3, '0')}` }))
    for (let i = 0; i < 40; i++) ok(await photos.upload(await image(100 + i)))
    archive = join(scratch, 'archive.tar')
    await exportArchive(source.context, source.database.sqlite, archive)
    await source.close()
    expected.old = {
      names: inspect(join(oldTemplate, DATABASE_FILE)).names,
      photos: filesUnder(join(oldTemplate, 'photos')),
    }
    expected.new = {
      names: inspect(join(source.dataDir, DATABASE_FILE)).names,
      photos: filesUnder(join(source.dataDir, 'photos')),
    }
  }, 120_000)
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it(`is the old data or the new, whole, after ${ROUNDS} kills`, { timeout: 300_000 }, async () => {
    const clean = join(scratch, 'clean')
    cpSync(oldTemplate, clean, { recursive: true })
    const full = await runOpener(clean, archive)
    expect(full.code, full.stderr).toBe(0)
    const span = full.doneAt! - full.readyAt!
    expect(inspect(join(clean, DATABASE_FILE)).names).toEqual(expected.new.names)
    const seen = { old: 0, new: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(scratch, `round-${round}`)
      cpSync(oldTemplate, dir, { recursive: true })
      // Spread over the import and a little past it (a child's timing varies with the machine's load).
      const killAfter = Math.round((1.5 * span * (round + Math.random())) / ROUNDS)
      const run = await runOpener(dir, archive, killAfter)
      expect(run.readyAt, `round ${round}: ${run.stderr}`).toBeDefined()
      // Straight after the kill, before any recovery: the file is one database or the other, whole.
      const raw = inspect(join(dir, DATABASE_FILE))
      expect(raw.integrity, `round ${round}`).toBe('ok')
      expect([expected.old.names, expected.new.names], `round ${round}`).toContainEqual(raw.names)
      // The next start finishes an interrupted swap: database and photos belong together.
      const next = await createTempCore({ dataDir: dir })
      await next.close()
      const after = inspect(join(dir, DATABASE_FILE))
      expect(after.integrity).toBe('ok')
      const state = after.names.length === expected.new.names.length ? 'new' : 'old'
      expect(after.names, `round ${round}`).toEqual(expected[state].names)
      expect(filesUnder(join(dir, 'photos')), `round ${round}`).toEqual(expected[state].photos)
      seen[state]++
      rmSync(dir, { recursive: true, force: true })
    }
    console.log(
      `archive import: ${ROUNDS} kills over ${span} ms of import, ended old ${seen.old} / new ${seen.new}`,
    )
    // The kills landed on both sides of the swap.
    expect(seen.old).toBeGreaterThan(0)
    expect(seen.new).toBeGreaterThan(0)
  })
})
