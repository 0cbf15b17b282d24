import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src-main/core/app'
import { createTempCore } from './support/temp-core'

/**
 * The browser host as a buyer starts it (its real entry point, a child process): a second one on the
 * same data folder, and one on a database a newer version wrote, print why and exit non-zero.
 */

const REPO = resolve(__dirname, '..', '..')
const ENTRY = join(REPO, 'src-main', 'browser-host', 'main.ts')

interface Ended {
  code: number | null
  output: string
}

function startHost(
  dataDir: string,
  extra: string[] = [],
): {
  child: ChildProcess
  listening: Promise<void>
  ended: Promise<Ended>
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, '--no-open', '--no-demo', '--data-dir', dataDir, ...extra],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1' },
    },
  )
  let output = ''
  let listened!: () => void
  const listening = new Promise<void>((resolveListening) => (listened = resolveListening))
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (/^Open: /m.test(output)) listened()
  })
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const ended = new Promise<Ended>((resolveEnded) =>
    child.once('exit', (code) => resolveEnded({ code, output })),
  )
  return { child, listening, ended }
}

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('browser host refusals', () => {
  const children: ChildProcess[] = []
  let dataDir: string
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(
    'a second host on the same data folder is refused with the first one’s pid',
    { timeout: 60_000 },
    async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'workbench-second-host-'))
      const first = startHost(dataDir)
      children.push(first.child)
      await first.listening
      const second = startHost(dataDir)
      children.push(second.child)
      const { code, output } = await second.ended
      expect(code).not.toBe(0)
      expect(output).toContain(`pid ${first.child.pid}`)
      expect(output).toContain(`进程 ${first.child.pid}`)
      expect(first.child.exitCode).toBeNull()
    },
  )

  it(
    'a database written by a newer version: says so, exits non-zero, the file unchanged',
    { timeout: 60_000 },
    async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'workbench-newer-db-'))
      const core = await createTempCore({ dataDir, version: '0.1.0' })
      await core.close()
      const sqlite = new Database(join(dataDir, DATABASE_FILE))
      sqlite
        .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('0031_price_history', '2027-06-01')")
        .run()
      sqlite.prepare("UPDATE meta SET value = '0.7.2' WHERE key = 'app_version'").run()
      sqlite.close()
      const before = { hash: hashOf(join(dataDir, DATABASE_FILE)), files: readdirSync(dataDir).sort() }
      const host = startHost(dataDir)
      children.push(host.child)
      const { code, output } = await host.ended
      expect(code).toBe(1)
      expect(output).toContain('0.7.2')
      expect(output).toContain('0031_price_history')
      expect(output).toMatch(/this app is \d+\.\d+\.\d+ \(schema 0\d{3}_/)
      expect(hashOf(join(dataDir, DATABASE_FILE))).toBe(before.hash)
      // No WAL, no -shm, and the lock it took was released.
      expect(readdirSync(dataDir).sort()).toEqual(before.files)
    },
  )

  it(
    'a damaged database is replaced by its newest good backup with --restore-backup, as the refusal says',
    { timeout: 60_000 },
    async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'workbench-restore-damaged-'))
      const core = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
      for (let i = 0; i < 200; i++) await core.dispatch('factories.create', { name: `晋江纸业 ${i}` })
      await core.dispatch('backup.create', {})
      await core.close()
      const file = join(dataDir, DATABASE_FILE)
      const size = statSync(file).size
      const fd = openSync(file, 'r+')
      writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.max(4096, Math.floor(size / 8192) * 4096))
      closeSync(fd)

      const refused = startHost(dataDir)
      children.push(refused.child)
      const { code, output } = await refused.ended
      expect(code).not.toBe(0)
      expect(output).toContain('npm start -- --restore-backup')

      const restoring = startHost(dataDir, ['--restore-backup'])
      children.push(restoring.child)
      await restoring.listening
      restoring.child.kill('SIGTERM')
      const restored = await restoring.ended
      expect(restored.output).toContain('Restored from backup')
      const reopened = await createTempCore({ dataDir, backups: { everyMs: 0, atQuit: false } })
      expect(reopened.database.sqlite.prepare('SELECT count(*) AS n FROM factories').get()).toEqual({
        n: 200,
      })
      await reopened.close()
    },
  )
})
