import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../../src-main/core/app'

/** A core over a real SQLite file in a fresh temp directory, removed again by `dispose`. */
export interface TempCore extends Core {
  /** The temp data directory holding workbench.sqlite. */
  dataDir: string
  /** Closes the database and deletes the directory. */
  dispose(): Promise<void>
}

/** Opens a test core: host 'test', no demo data, handler output checked against the contract. */
export async function createTempCore(options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'workbench-test-'))
  const core = await createCore({
    host: 'test',
    version: '0.0.0-test',
    demo: false,
    dispatcher: { checkOutput: true },
    ...options,
    dataDir,
  })
  return {
    ...core,
    dataDir,
    dispose: async () => {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Row counts that must not move when a call fails. */
export interface WriteCounts {
  /** Rows in factories, live or tombstoned. */
  factories: number
  /** Messages in the change log. */
  changes: number
}

export function writeCounts(core: Core): WriteCounts {
  const count = (table: string) =>
    (core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return { factories: count('factories'), changes: count('change_log') }
}
