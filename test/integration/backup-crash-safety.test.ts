import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createCore, DATABASE_FILE } from '../../src-main/core/app'
import { backupDbFile } from '../../src-main/core/backup/backup-files'
import { listBackups, verifyBackup } from '../../src-main/core/backup/backup.service'
import { ok } from './support/api-result'

/**
 * kill -9 in the middle of backups (taken while saves go on) and in the middle of restores, many
 * rounds over the same data folder: afterwards the database and every backup pass integrity_check (and
 * every backup its manifest's SHA-256), no acknowledged save is lost, and a killed restore leaves either
 * the old database or the restored one, never a mix.
 */

const REPO = resolve(__dirname, '..', '..')
const CHILD = join(__dirname, 'fixtures', 'backup-writer.ts')
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10)

interface Output {
  lines: string[][]
  signal: NodeJS.Signals | null
  stderr: string
}

function runAndKill(args: string[], killAfterMs: number): Promise<Output> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out: Output = { lines: [], signal: null, stderr: '' }
    let pending = ''
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const parts = line.split(' ')
        out.lines.push(parts)
        if (parts[0] === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()))
    child.once('error', fail)
    child.once('exit', (_code, signal) => {
      clearTimeout(guard)
      out.signal = signal
      done(out)
    })
  })
}

/** integrity_check of a database file, and its live factory ids. */
function inspect(file: string): { integrity: unknown; ids: Set<string> } {
  const sqlite = new Database(file)
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    const rows = sqlite.prepare('SELECT id FROM factories WHERE deleted_at IS NULL').all() as { id: string }[]
    return { integrity, ids: new Set(rows.map((r) => r.id)) }
  } finally {
    sqlite.close()
  }
}

async function checkBackups(dataDir: string, round: number): Promise<number> {
  const backups = listBackups(dataDir)
  for (const backup of backups) {
    const file = backupDbFile(dataDir, backup.name)
    await expect(verifyBackup(file), `round ${round}: ${backup.name}`).resolves.toBeTruthy()
  }
  return backups.length
}

describe('backup and restore crash safety', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'workbench-backup-crash-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it(`survives ${ROUNDS} SIGKILLs during backups taken while saving`, { timeout: 240_000 }, async () => {
    const dataDir = tempDir()
    const everCreated = new Set<string>()
    let backupsMade = 0
    let killedMidBackup = 0
    for (let round = 0; round < ROUNDS; round++) {
      const out = await runAndKill([dataDir, 'backup'], 150 + Math.random() * 1200)
      expect(out.signal, `round ${round}:\n${out.stderr}`).toBe('SIGKILL')
      for (const [kind, id] of out.lines) if (kind === 'c') everCreated.add(id!)
      backupsMade += out.lines.filter(([kind]) => kind === 'b').length
      if (readdirSync(join(dataDir, 'backups')).some((f) => f.endsWith('.partial'))) killedMidBackup++
      const live = inspect(join(dataDir, DATABASE_FILE))
      expect(live.integrity, `round ${round}`).toBe('ok')
      expect(
        [...everCreated].filter((id) => !live.ids.has(id)),
        `round ${round}: saves lost`,
      ).toEqual([])
      await checkBackups(dataDir, round)
    }
    console.log(
      `backup crash safety: ${ROUNDS} kills (${killedMidBackup} mid-backup), ${everCreated.size} saves, ${backupsMade} backups`,
    )
    expect(backupsMade).toBeGreaterThan(0)
    expect(killedMidBackup).toBeGreaterThan(0)
    // The next backup removes what killed backups left (once older than a minute, so never one that
    // another process is still writing) and the database opens normally.
    const hourAgo = new Date(Date.now() - 3_600_000)
    for (const f of readdirSync(join(dataDir, 'backups')))
      utimesSync(join(dataDir, 'backups', f), hourAgo, hourAgo)
    const core = await createCore({
      dataDir,
      host: 'test',
      version: 'crash-test',
      demo: false,
      backups: { everyMs: 0 },
    })
    ok(await core.dispatch('backup.create', {}))
    await core.close()
    expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([])
  })

  it(`survives ${ROUNDS} SIGKILLs during restores`, { timeout: 240_000 }, async () => {
    const dataDir = tempDir()
    const core = await createCore({
      dataDir,
      host: 'test',
      version: 'crash-test',
      demo: false,
      backups: { everyMs: 0, atQuit: false },
    })
    for (let n = 0; n < 300; n++) {
      ok(
        await core.dispatch('factories.create', {
          name: `备份里的工厂${n}`,
          province: '福建',
          city: '晋江',
          notes: 'y'.repeat(1500),
        }),
      )
    }
    const backup = ok<{ name: string }>(await core.dispatch('backup.create', {}))
    await core.close()
    const inBackup = inspect(backupDbFile(dataDir, backup.name)).ids
    let restoresDone = 0
    let killedMidRestore = 0
    let carried: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const out = await runAndKill([dataDir, 'restore', backup.name], 100 + Math.random() * 1500)
      expect(out.signal, `round ${round}:\n${out.stderr}`).toBe('SIGKILL')
      restoresDone += out.lines.filter(([kind]) => kind === 'R').length
      const live = inspect(join(dataDir, DATABASE_FILE))
      expect(live.integrity, `round ${round}`).toBe('ok')
      // The restore replaces everything: the backup's factories, plus the one created since the last
      // restore when the kill came before the next restore finished.
      const extra = [...live.ids].filter((id) => !inBackup.has(id))
      expect(
        [...inBackup].filter((id) => !live.ids.has(id)),
        `round ${round}: backup rows missing`,
      ).toEqual([])
      // Before the kill: what the round started with (unless a restore finished since), plus what it
      // created after its last finished restore.
      const lastDone = out.lines.map(([kind]) => kind).lastIndexOf('R')
      const before = [
        ...(lastDone < 0 ? carried : []),
        ...out.lines.slice(lastDone + 1).flatMap(([kind, id]) => (kind === 'c' ? [id!] : [])),
      ].sort()
      const last = out.lines.at(-1)?.[0]
      extra.sort()
      if (last === 'r') {
        killedMidRestore++
        // Killed mid-restore: the old database or the restored one, nothing in between.
        expect([before, []], `round ${round}: killed mid-restore`).toContainEqual(extra)
      } else {
        // Everything reported is there; at most one more, a save committed just before its line.
        expect(
          before.filter((id) => !extra.includes(id)),
          `round ${round}: saves lost`,
        ).toEqual([])
        expect(extra.filter((id) => !before.includes(id)).length, `round ${round}`).toBeLessThanOrEqual(1)
      }
      carried = extra
      await checkBackups(dataDir, round)
    }
    console.log(
      `restore crash safety: ${ROUNDS} kills, ${restoresDone} restores, ${killedMidRestore} mid-restore`,
    )
    expect(restoresDone).toBeGreaterThan(ROUNDS)
  })
})
