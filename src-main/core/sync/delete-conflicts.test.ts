import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { applyPage } from './apply'
import type { LoggedMessage } from './wire/sync-wire.contract'

/**
 * Deletes that tell, judged from HQ's order alone (pages crafted here, applied as a pulled page): a delete
 * and an edit of one record conflict when the one HQ logged later had not seen the other, whatever page
 * they arrive in; applying a page again records nothing twice.
 */

const NOW = Date.parse('2026-11-20T02:00:00.000Z')
const LI = 'aaaaaaaaaaaaaaaa'
const WANG = 'bbbbbbbbbbbbbbbb'

// Factory ids as a laptop makes them (UUIDs): anything else is held back by apply's checks.
const factoryId = (n: number) => `0193a5b0-0000-7000-8000-00000000000${n}`
const [F1, F2, F3, F4, F5, F6] = [
  factoryId(1),
  factoryId(2),
  factoryId(3),
  factoryId(4),
  factoryId(5),
  factoryId(6),
]

const hlc = (minute: number, node: string) =>
  `${new Date(NOW - 60 * 60_000 + minute * 60_000).toISOString()}-0000-${node}`

describe('delete conflicts from pulled pages', () => {
  let core: TempCore
  let seq = 0
  const ctx = () => ({ db: core.context.db, clock: core.context.write.clock, now: () => new Date(NOW) })
  const save = (row: string, minute: number, node: string, seen: number, values: Record<string, unknown>) =>
    Object.entries(values).map(
      ([column, value]): LoggedMessage => ({
        seq: ++seq,
        hlc: hlc(minute, node),
        table: 'factories',
        row,
        column,
        value: JSON.stringify(value),
        device: `device-${node}`,
        base: null,
        seen,
      }),
    )
  const create = (row: string) =>
    save(row, 1, LI, 0, {
      name: '晋江恒安纸业',
      status: 'prospect',
      deleted_at: null,
      created_at: '2026-11-20T01:01:00.000Z',
      updated_at: '2026-11-20T01:01:00.000Z',
    })
  const conflicts = () =>
    core.database.sqlite
      .prepare('SELECT row_id, delete_hlc, edit_hlc FROM delete_conflicts ORDER BY id')
      .all()
  const apply = (messages: LoggedMessage[]) => applyPage(ctx(), messages, messages.at(-1)!.seq)

  beforeEach(async () => {
    seq = 0
    core = await createTempCore({ wallClock: () => NOW })
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('records a delete that had not seen an edit logged before it, in one page, once', async () => {
    const created = create(F1)
    const seenCreation = created.at(-1)!.seq
    const edit = save(F1, 2, WANG, seenCreation, { notes: '王：等报价' })
    const remove = save(F1, 3, LI, seenCreation, {
      deleted_at: '2026-11-20T01:03:00.000Z',
      updated_at: '2026-11-20T01:03:00.000Z',
    })
    const page = [...created, ...edit, ...remove]
    expect((await apply(page)).conflicts).toBe(1)
    expect(conflicts()).toEqual([{ row_id: F1, delete_hlc: hlc(3, LI), edit_hlc: hlc(2, WANG) }])
    // The record stays deleted and keeps the edit.
    expect(core.database.sqlite.prepare('SELECT notes, deleted_at FROM factories').get()).toEqual({
      notes: '王：等报价',
      deleted_at: '2026-11-20T01:03:00.000Z',
    })
    // The same page again (a lost reply): nothing new.
    core.database.sqlite.prepare("UPDATE meta SET value = '0' WHERE key = 'sync_cursor'").run()
    expect(await apply(page)).toMatchObject({ received: page.length, conflicts: 0 })
    expect(conflicts()).toHaveLength(1)
  })

  it('records an edit that had not seen a delete logged before it, across pages', async () => {
    const created = create(F2)
    await apply(created)
    const seenCreation = created.at(-1)!.seq
    await apply(save(F2, 3, LI, seenCreation, { deleted_at: '2026-11-20T01:03:00.000Z' }))
    // An older edit logged after the delete, by a writer that had not seen it.
    expect((await apply(save(F2, 2, WANG, seenCreation, { notes: '王：等报价' }))).conflicts).toBe(1)
    expect(conflicts()).toEqual([{ row_id: F2, delete_hlc: hlc(3, LI), edit_hlc: hlc(2, WANG) }])
  })

  it('records nothing when the later one had seen the other, or both are one device’s', async () => {
    const created = create(F3)
    await apply(created)
    const editPage = save(F3, 2, WANG, created.at(-1)!.seq, { notes: '王：等报价' })
    await apply(editPage)
    // 李娜 had pulled the edit before deleting.
    await apply(save(F3, 3, LI, editPage.at(-1)!.seq, { deleted_at: '2026-11-20T01:03:00.000Z' }))
    // 李娜's own edit she had not pulled back yet, then a delete by her: one device, no conflict.
    const mine = create(F4)
    await apply([...mine, ...save(F4, 2, LI, 0, { notes: '李：样品已寄' })])
    await apply(save(F4, 3, LI, 0, { deleted_at: '2026-11-20T01:03:00.000Z' }))
    // A restore stands before a later unseen edit: the record is live, nothing to tell.
    const live = create(F5)
    await apply(live)
    await apply(save(F5, 3, LI, live.at(-1)!.seq, { deleted_at: '2026-11-20T01:03:00.000Z' }))
    await apply(save(F5, 4, LI, seq, { deleted_at: null }))
    await apply(save(F5, 2, WANG, live.at(-1)!.seq, { notes: '王：等报价' }))
    expect(conflicts()).toEqual([])
  })

  it('ignores messages from an HQ that does not say what their writer had seen', async () => {
    const created = create(F6).map(({ seen: _seen, ...m }) => m)
    await apply(created)
    await apply(save(F6, 2, WANG, 0, { notes: '王' }).map(({ seen: _seen, ...m }) => m))
    await apply(
      save(F6, 3, LI, 0, { deleted_at: '2026-11-20T01:03:00.000Z' }).map(({ seen: _seen, ...m }) => m),
    )
    expect(conflicts()).toEqual([])
  })
})
