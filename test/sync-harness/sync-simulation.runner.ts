import { parseArgs } from 'node:util'
import type { HqBackendName } from '../../src-hq/testing/test-hq'
import { runSeed } from './sync-simulation'

/**
 * `node --import tsx sync-simulation.runner.ts --backend sqlite --steps 100 [--hqs 2] 1000 1002 …` runs
 * the given seeds (with `--hqs 2` over two HQ processes on PostgreSQL), a few at a time so one seed's
 * waits (HQ starting, HTTP) overlap another's work, and prints one line per seed: `SEED {"seed":…,"counts":{…}}` or `SEED {"seed":…,"error":"…"}`. The simulation test
 * starts one runner per core, so the seeds use every core while the test runner itself waits.
 */

const AT_ONCE = 3

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { backend: { type: 'string' }, steps: { type: 'string' }, hqs: { type: 'string' } },
  })
  const backend = values.backend as HqBackendName
  const steps = Number(values.steps)
  const hqs = Number(values.hqs ?? 1)
  const queue = positionals.map(Number)
  const report = (line: object) => process.stdout.write(`SEED ${JSON.stringify(line)}\n`)
  const work = async () => {
    for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
      try {
        report({ seed, counts: await runSeed(backend, seed, steps, hqs) })
      } catch (error) {
        report({ seed, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      }
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, work))
}

// Stopped early (a filtered or bailed test run): exit normally, so the HQ processes go with it.
process.once('SIGTERM', () => process.exit(1))

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
