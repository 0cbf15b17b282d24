import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../../src-main/core/app'
import { addDays } from '../../src-main/core/domain/sample-request'
import { localDate } from '../../src-main/core/targets/targets.service'
import { newRowId } from '../../src-main/core/write/write-path'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

/**
 * Today over 100,000 records (DESIGN.md: <= 50 ms): 1,000 factories, 20,000 visits with 30,000
 * follow-ups, 20,000 samples, 15,000 quotes, 1,000 SKUs with 5,000 benchmarks and 8,000 sample
 * requests, spread over two years so each of Today's lists finds some. Rows are written straight into
 * SQLite (a read bench). The call goes through the dispatcher; the baseline is the same six lists' core
 * SELECTs (without names joined or counts) run raw on better-sqlite3.
 */
export async function benchToday(runs: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'workbench-bench-today-'))
  const core = await createCore({ host: 'test', version: 'bench', demo: false, dataDir })
  try {
    const { sqlite } = core.database
    const today = localDate(new Date())
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!
    const dayAround = (back: number, ahead = 0) =>
      addDays(today, Math.floor(random() * (back + ahead)) - back)
    const stamp = new Date().toISOString()
    const insert = (table: string, rows: Record<string, unknown>[]) => {
      const columns = Object.keys(rows[0]!)
      const statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES (${columns
          .map(() => '?')
          .join(', ')}, ?, ?)`,
      )
      sqlite.transaction(() => {
        for (const row of rows) statement.run(...columns.map((c) => row[c]), stamp, stamp)
      })()
    }
    const ids = (n: number) => Array.from({ length: n }, () => newRowId())
    const factories = ids(1_000)
    insert(
      'factories',
      factories.map((id, i) => ({ id, name: `工厂 ${i}` })),
    )
    const skus = ids(1_000)
    insert(
      'skus',
      skus.map((id, i) => ({
        id,
        name: `SKU ${i}`,
        comparable_unit: '抽',
        retail_pack_spec: '[{"count":2400,"label":"抽"}]',
        planned_order_packs: 10_000,
        target_margin: '0.35',
      })),
    )
    insert(
      'benchmarks',
      ids(5_000).map((id) => ({
        id,
        sku_id: pick(skus),
        brand: '维达',
        channel: '山姆会员店',
        pack_spec: '[{"count":2400,"label":"抽"}]',
        shelf_price: '72.00',
        observed_at: dayAround(400),
      })),
    )
    const visits = ids(20_000).map((id) => ({ id, factory_id: pick(factories), visit_date: dayAround(700) }))
    insert('visits', visits)
    insert(
      'visit_follow_ups',
      ids(30_000).map((id) => ({
        id,
        visit_id: pick(visits).id,
        text: '寄检测报告',
        due_date: dayAround(700, 30),
        done: random() < 0.9 ? 1 : 0,
      })),
    )
    const statuses = ['requested', 'received', 'evaluating', 'approved', 'rejected']
    insert(
      'samples',
      ids(20_000).map((id, i) => ({
        id,
        code: `S-2026-BNCH-${String(i).padStart(5, '0')}`,
        source: 'selectionCenter',
        factory_id: pick(factories),
        name: '竹浆抽纸',
        status: random() < 0.95 ? pick(['approved', 'rejected']) : pick(statuses),
      })),
    )
    insert(
      'quotes',
      ids(15_000).map((id) => ({
        id,
        thread_id: id,
        round: 1,
        sku_id: pick(skus),
        factory_id: pick(factories),
        quote_date: dayAround(700),
        valid_until: dayAround(700, 60),
        vat_basis: 'included',
        vat_rate: '0.13',
        tiers: '[{"fromPacks":1,"pricePerPack":"15.00"}]',
        pack_spec: '[{"count":2400,"label":"抽"}]',
        freight: '{"kind":"included"}',
      })),
    )
    insert(
      'sample_requests',
      ids(8_000).map((id) => {
        const requested = dayAround(700)
        const open = random() < 0.05
        return {
          id,
          factory_id: pick(factories),
          item: '湿厕纸 80片',
          quantity: 3,
          requested_on: requested,
          promised_ship_date: addDays(requested, 5),
          shipped_on: open && random() < 0.5 ? null : addDays(requested, 6),
          received_on: open ? null : addDays(requested, 9),
        }
      }),
    )
    sqlite.exec('ANALYZE')

    const cutoff = addDays(today, -30)
    const raw = [
      sqlite.prepare(
        `SELECT f.* FROM visit_follow_ups f JOIN visits v ON v.id = f.visit_id WHERE f.deleted_at IS NULL
         AND f.done = 0 AND v.deleted_at IS NULL AND f.due_date IS NOT NULL AND f.due_date <= ? ORDER BY f.due_date LIMIT 50`,
      ),
      sqlite.prepare(
        `SELECT * FROM samples WHERE deleted_at IS NULL AND status IN ('received', 'evaluating')
         ORDER BY updated_at LIMIT 50`,
      ),
      sqlite.prepare(
        `SELECT * FROM sample_requests WHERE deleted_at IS NULL AND received_on IS NULL
         AND ((shipped_on IS NULL AND promised_ship_date < ?) OR shipped_on <= ?)`,
      ),
      sqlite.prepare(
        `SELECT * FROM quotes WHERE deleted_at IS NULL AND valid_until >= ? AND valid_until <= ? ORDER BY valid_until LIMIT 50`,
      ),
      sqlite.prepare(
        `SELECT k.id, b.observed_at FROM skus k JOIN benchmarks b ON b.id = (SELECT n.id FROM benchmarks n
         WHERE n.sku_id = k.id AND n.deleted_at IS NULL ORDER BY n.observed_at DESC LIMIT 1)
         WHERE k.deleted_at IS NULL AND b.observed_at < ?`,
      ),
    ]
    const baseline = await timeRuns(
      runs,
      () => {
        raw[0]!.all(addDays(today, -1))
        raw[0]!.all(addDays(today, 7))
        raw[1]!.all()
        raw[2]!.all(today, addDays(today, -8))
        raw[3]!.all(today, addDays(today, 14))
        raw[4]!.all(cutoff)
      },
      3,
    )
    const value = await timeRuns(
      runs,
      async () => {
        const result = await core.dispatch('today.get', {})
        if (!result.ok) throw new Error(`today.get failed: ${result.error.message}`)
      },
      3,
    )
    return [
      {
        what: 'Today (工作台) over 100,000 records: dispatch',
        value,
        baselineWhat: 'the six lists’ raw SELECTs',
        baseline,
        target: 50,
        unit: 'ms',
      },
    ]
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
