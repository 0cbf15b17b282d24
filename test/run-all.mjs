#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, each step's output streamed as it runs. A failed
 * step does not stop the run, so the summary is always complete. Ends with the plain line
 * `N passed, N failed, N skipped` and exits non-zero when anything failed.
 *
 * Counting: each check that is not a test runner (build, typecheck, lint, API docs) is one test; vitest
 * and Playwright report their own counts through the JSON files they write.
 *
 * Tests may leave figures worth quoting (the sync simulation's totals) as text files in
 * test-results/notes; they are printed before the summary so they are in CI's log.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const RESULTS = join(ROOT, 'test-results')
const VITEST_JSON = join(RESULTS, 'vitest.json')
const E2E_JSON = join(RESULTS, 'e2e.json')
const NOTES = join(RESULTS, 'notes')
const API_DOCS_SCRIPT = join(ROOT, 'src-main', 'core', 'api', 'generate-api-docs.ts')
const isWindows = process.platform === 'win32'

/** Runs a command with inherited stdio; resolves its exit code (127 when it could not start). */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows })
    child.once('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`)
      done(127)
    })
    child.once('exit', (code, signal) => done(code ?? (signal ? 128 : 1)))
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** A check that is one test: passed when the command exits 0. */
function check(name, command, args) {
  return {
    name,
    async run() {
      const code = await run(command, args)
      return code === 0
        ? { passed: 1, failed: 0, skipped: 0 }
        : { passed: 0, failed: 1, skipped: 0, note: `exit ${code}` }
    },
  }
}

/** A test runner whose counts come from its JSON report; a crash without a report counts as one failure. */
function runner(name, command, args, report, count) {
  return {
    name,
    async run() {
      rmSync(report, { force: true })
      const code = await run(command, args)
      const json = readJson(report)
      if (!json)
        return { passed: 0, failed: 1, skipped: 0, note: `exit ${code}, no ${report.slice(ROOT.length + 1)}` }
      const counts = count(json)
      // A runner that failed without failing a test (a file that did not load, no tests found) still fails.
      if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `exit ${code}` }
      return counts
    },
  }
}

const steps = [
  check('build', 'npm', ['run', 'build']),
  check('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json']),
  check('typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json']),
  check('lint', 'npm', ['run', 'lint']),
  {
    name: 'api docs fresh',
    async run() {
      if (!existsSync(API_DOCS_SCRIPT)) {
        console.error(`missing ${API_DOCS_SCRIPT.slice(ROOT.length + 1)}: docs/api.md cannot be checked`)
        return { passed: 0, failed: 1, skipped: 0, note: 'generator missing' }
      }
      return check('api docs fresh', 'npm', ['run', 'docs:api:check']).run()
    },
  },
  runner(
    'vitest',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`],
    VITEST_JSON,
    (json) => ({
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    }),
  ),
  runner('playwright', 'npx', ['playwright', 'test'], E2E_JSON, (json) => ({
    passed: (json.stats?.expected ?? 0) + (json.stats?.flaky ?? 0),
    failed: json.stats?.unexpected ?? 0,
    skipped: json.stats?.skipped ?? 0,
  })),
]

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`
}

async function main() {
  mkdirSync(RESULTS, { recursive: true })
  rmSync(NOTES, { recursive: true, force: true })
  const rows = []
  const notes = new Map()
  for (const step of steps) {
    console.log(`\n=== ${step.name} ===`)
    const started = Date.now()
    const result = await step.run()
    rows.push({ name: step.name, ms: Date.now() - started, ...result })
    // Read after each step: Playwright empties test-results when it starts.
    for (const note of existsSync(NOTES) ? readdirSync(NOTES) : [])
      notes.set(note, readFileSync(join(NOTES, note), 'utf8').trimEnd())
    console.log(
      `=== ${step.name}: ${result.failed > 0 ? 'FAILED' : 'ok'} (${seconds(Date.now() - started)}) ===`,
    )
  }

  for (const name of [...notes.keys()].sort()) console.log(`\n${notes.get(name)}`)

  const total = rows.reduce(
    (sum, r) => ({
      passed: sum.passed + r.passed,
      failed: sum.failed + r.failed,
      skipped: sum.skipped + r.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  )
  const width = Math.max(...rows.map((r) => r.name.length))
  console.log('\nstep'.padEnd(width + 3) + 'result  passed  failed  skipped  time')
  for (const r of rows) {
    const status = r.failed > 0 ? 'FAIL' : 'ok'
    console.log(
      `${r.name.padEnd(width + 2)}${status.padEnd(8)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}` +
        `${String(r.skipped).padStart(9)}  ${seconds(r.ms)}${r.note ? `  (${r.note})` : ''}`,
    )
  }
  console.log('')
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`,
  )
  process.exitCode = total.failed > 0 ? 1 : 0
}

main().catch((error) => {
  console.error(error)
  console.log('0 passed, 1 failed')
  process.exitCode = 1
})
