import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { factoriesTable } from '../factories/factories.columns'
import { inTransaction, insertRow, updateRow } from '../write/write-path'
import { FACTORY_DEFAULTS } from '../../../test/sync-harness/sync-device'
import { applyPage } from './apply'
import { restampUnseen } from './clock-correction'
import { formatHlc, makeHlc, parseHlc } from './hlc'

const T0 = Date.UTC(2026, 5, 1)
const DAY = 86_400_000
const OTHER = '00000000000000bb'
const COLUMNS = ['notes', 'capacity', 'name'] as const

const op = fc.oneof(
  // A local save after the wall clock jumped (a day either way at most).
  fc.record({
    kind: fc.constant('save' as const),
    row: fc.nat(2),
    column: fc.constantFrom(...COLUMNS),
    step: fc.integer({ min: -DAY, max: DAY }),
  }),
  // Another laptop's edit coming down, stamped anywhere in two days around T0.
  fc.record({
    kind: fc.constant('pull' as const),
    row: fc.nat(2),
    column: fc.constantFrom(...COLUMNS),
    at: fc.integer({ min: -DAY, max: DAY }),
  }),
  // A sync learnt that the correction moved.
  fc.record({ kind: fc.constant('restamp' as const), delta: fc.integer({ min: -DAY, max: DAY }) }),
  // HQ acknowledged everything unsent.
  fc.record({ kind: fc.constant('sent' as const) }),
)

/** Every factory field the change log knows equals its newest change, and the clock is past them all. */
function expectRowsAreLastWriterWins(core: TempCore): void {
  const sqlite = core.database.sqlite
  const newest = sqlite
    .prepare(
      `SELECT row_id, column_name, value FROM change_log c WHERE table_name = 'factories'
       AND hlc = (SELECT MAX(hlc) FROM change_log d WHERE d.table_name = c.table_name
                  AND d.row_id = c.row_id AND d.column_name = c.column_name)`,
    )
    .all() as { row_id: string; column_name: string; value: string }[]
  for (const n of newest) {
    const row = sqlite.prepare('SELECT * FROM factories WHERE id = ?').get(n.row_id) as Record<
      string,
      unknown
    >
    expect(row[n.column_name], `${n.column_name} of ${n.row_id}`).toEqual(JSON.parse(n.value))
  }
  const max = (sqlite.prepare('SELECT MAX(hlc) AS hlc FROM change_log').get() as { hlc: string }).hlc
  expect(formatHlc(core.context.write.clock.peek()) >= max).toBe(true)
}

describe('re-stamping among local saves and pulled edits (real SQLite, fuzzed)', () => {
  it('leaves row values equal to last-writer-wins over the change log, and unsent stamps above sent ones', async () => {
    let core: TempCore | undefined
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
          let wall = T0
          let offset = 0
          await core?.dispose()
          core = await createTempCore({ wallClock: () => wall })
          const { context } = core
          const correction = context.sync.correction
          const rows: string[] = []
          for (let i = 0; i < 3; i++) {
            rows.push(
              await inTransaction(context.db, (trx) =>
                insertRow(trx, context.write, factoriesTable, { ...FACTORY_DEFAULTS, name: `工厂 ${i}` }),
              ),
            )
          }
          let cursor = 0
          let n = 0
          for (const o of ops) {
            n++
            if (o.kind === 'save') {
              wall += o.step
              await inTransaction(context.db, (trx) =>
                updateRow(trx, context.write, factoriesTable, rows[o.row]!, { [o.column]: `本机 ${n}` }),
              )
            } else if (o.kind === 'pull') {
              cursor++
              const hlc = formatHlc(makeHlc(T0 + o.at, 0, OTHER))
              const message = {
                seq: cursor,
                hlc,
                table: 'factories',
                row: rows[o.row]!,
                column: o.column,
                value: JSON.stringify(`别人 ${n}`),
                device: 'another-laptop',
                base: null,
              }
              await applyPage(
                { db: context.db, clock: context.write.clock, now: context.write.now },
                [message],
                cursor,
              )
            } else if (o.kind === 'restamp') {
              offset += o.delta
              await context.db.transaction().execute(async (trx) => {
                correction.use({ offsetMs: offset, measuredAt: new Date(T0).toISOString(), roundTripMs: 0 })
                await restampUnseen(trx, context.write.clock, o.delta, correction.now())
              })
              const sentMax = core.database.sqlite
                .prepare('SELECT MAX(hlc) AS hlc FROM change_log WHERE sent_at IS NOT NULL')
                .get() as { hlc: string | null }
              const unsent = core.database.sqlite
                .prepare('SELECT hlc FROM change_log WHERE sent_at IS NULL')
                .all() as { hlc: string }[]
              if (sentMax.hlc && o.delta !== 0) {
                for (const u of unsent) expect(u.hlc > sentMax.hlc).toBe(true)
              }
              for (const u of unsent) {
                if (o.delta === 0) continue
                expect(parseHlc(u.hlc).millis).toBeLessThanOrEqual(
                  Math.max(correction.now(), sentMax.hlc ? parseHlc(sentMax.hlc).millis + 1 : 0),
                )
              }
            } else {
              core.database.sqlite
                .prepare("UPDATE change_log SET sent_at = '2026-06-01T00:00:00.000Z' WHERE sent_at IS NULL")
                .run()
            }
            expectRowsAreLastWriterWins(core)
          }
        }),
        { numRuns: 25 },
      )
    } finally {
      await core?.dispose()
    }
  })
})
