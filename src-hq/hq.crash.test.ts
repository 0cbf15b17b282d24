import { afterEach, describe, expect, it } from 'vitest'
import { formatHlc, makeHlc } from '../src-main/core/sync/hlc'
import { openHqDatabase } from './db/connection'
import { databaseConfig } from './hq'
import type { WireMessage } from './hq.contract'
import { startHqProcess } from './testing/hq-process'
import { createHqStore, hqBackends, hqCall, type HqStore } from './testing/test-hq'

/**
 * kill -9 of the HQ process while 1,000 messages are being pushed: every batch is in the log whole or
 * not at all, every acknowledged batch is there, and pushing everything again after the restart leaves
 * each message exactly once.
 */

const NODE = '00000000000000c9'
const BATCHES = 100
const PER_BATCH = 10
// Fixed for the run: a retried batch carries the same timestamps, as a laptop's change log does.
const T0 = Date.now() - 60_000

// Ten text fields of a sample: HQ stores only values a local save could write.
const COLUMNS = [
  'code',
  'name',
  'category',
  'category_override_reason',
  'storage_location',
  'status_reason',
  'evaluation_note',
  'evaluation_benchmark',
  'notes',
  'specs',
]

/** The row id of batch b's sample. */
const rowOf = (b: number) => `01937a9e-2f4b-7c3d-8e5f-${b.toString(16).padStart(12, '0')}`

function batchOf(b: number): WireMessage[] {
  return Array.from({ length: PER_BATCH }, (_, i) => ({
    hlc: formatHlc(makeHlc(T0 + b, i, NODE)),
    table: 'samples',
    row: rowOf(b),
    column: COLUMNS[i]!,
    value: JSON.stringify(COLUMNS[i] === 'specs' ? '[]' : `批次 ${b} 字段 ${i}`),
    device: 'crash-laptop',
  }))
}

async function rowsPerBatch(store: HqStore): Promise<Map<string, number>> {
  const database = openHqDatabase(databaseConfig(store))
  try {
    const rows = await database.db
      .selectFrom('messages')
      .select(['row_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('row_id')
      .execute()
    return new Map(rows.map((r) => [r.row_id, Number(r.n)]))
  } finally {
    await database.close()
  }
}

describe.each(hqBackends())('kill -9 of HQ on %s during pushes', (backend) => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('leaves no partial batch and no duplicate after the retry', async () => {
    const store = await createHqStore(backend)
    cleanups.push(() => store.dispose())
    const first = await startHqProcess(store)
    cleanups.push(() => first.stop('SIGKILL'))
    const enrolled = await hqCall(first.url, 'enrol', {
      code: first.firstCode,
      deviceName: 'crash',
      nodeId: NODE,
    })
    expect(enrolled.status).toBe(200)
    const { token } = enrolled.body.value as { token: string }

    // Four pushers in flight; HQ is killed once a third of the batches are acknowledged.
    const acked = new Set<number>()
    let next = 0
    let killed = false
    const pusher = async () => {
      while (next < BATCHES && !killed) {
        const b = next++
        try {
          const reply = await hqCall(first.url, 'push', { messages: batchOf(b) }, token)
          if (reply.status === 200) acked.add(b)
        } catch {
          return // the connection died with HQ
        }
        if (acked.size >= BATCHES / 3 && !killed) {
          killed = true
          void first.stop('SIGKILL')
        }
      }
    }
    await Promise.all([pusher(), pusher(), pusher(), pusher()])
    await first.stop('SIGKILL')

    const afterCrash = await rowsPerBatch(store)
    for (const [row, n] of afterCrash) expect(n, `${row} is partial`).toBe(PER_BATCH)
    for (const b of acked) expect(afterCrash.get(rowOf(b)), `acknowledged batch ${b} lost`).toBe(PER_BATCH)
    expect(afterCrash.size).toBeLessThan(BATCHES)

    const second = await startHqProcess(store)
    cleanups.push(() => second.stop('SIGKILL'))
    for (let b = 0; b < BATCHES; b++) {
      const reply = await hqCall(second.url, 'push', { messages: batchOf(b) }, token)
      expect(reply.status).toBe(200)
    }
    const afterRetry = await rowsPerBatch(store)
    expect(afterRetry.size).toBe(BATCHES)
    for (const n of afterRetry.values()) expect(n).toBe(PER_BATCH)
  })
})
