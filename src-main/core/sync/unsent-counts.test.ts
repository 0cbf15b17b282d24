import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'

/**
 * What sync.status and app.info count as waiting for HQ: every unsent change except those HQ refused
 * for good, and the records that still have one.
 */
describe('unsent counts', () => {
  let core: TempCore
  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(() => core.dispose())

  const status = async () =>
    ok(await core.dispatch('sync.status', {})) as { unsent: number; unsentRecords: number }
  const createFactory = async (name: string) =>
    (ok(await core.dispatch('factories.create', { name })) as { id: string }).id
  const refuse = (rowId: string, column?: string) =>
    core.database.sqlite
      .prepare(
        `INSERT OR IGNORE INTO sync_rejections (seq, code, message, rejected_at)
         SELECT seq, 'hq_owned_table', '', 'now' FROM change_log WHERE row_id = ? AND (? IS NULL OR column_name = ?)`,
      )
      .run(rowId, column ?? null, column ?? null)

  it('leaves out changes HQ refused, and a record once all its changes are refused', async () => {
    const a = await createFactory('晋江恒安纸业')
    const b = await createFactory('保定东升纸业')
    const changesOf = (rowId: string) =>
      (
        core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log WHERE row_id = ?').get(rowId) as {
          n: number
        }
      ).n
    const FIELDS = changesOf(a)
    expect(FIELDS).toBeGreaterThan(1)
    expect(await status()).toMatchObject({ unsent: FIELDS + changesOf(b), unsentRecords: 2 })

    refuse(a, 'name')
    expect(await status()).toMatchObject({ unsent: FIELDS + changesOf(b) - 1, unsentRecords: 2 })
    refuse(a)
    expect(await status()).toMatchObject({ unsent: changesOf(b), unsentRecords: 1 })
    expect(ok(await core.dispatch('app.info', {}))).toMatchObject({ unsentRecords: 1 })

    // A refused change that has since been sent no longer counts against the unsent ones.
    core.database.sqlite.prepare('UPDATE change_log SET sent_at = ? WHERE row_id = ?').run('now', a)
    expect(await status()).toMatchObject({ unsent: changesOf(b), unsentRecords: 1 })
    core.database.sqlite.prepare('UPDATE change_log SET sent_at = ? WHERE row_id = ?').run('now', b)
    expect(await status()).toMatchObject({ unsent: 0, unsentRecords: 0 })
  })
})
