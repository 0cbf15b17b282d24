import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { failed, ok } from '../../../test/integration/support/api-result'
import type { Profile } from './profile.contract'

describe('profile API', () => {
  let core: TempCore
  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('keeps the buyer name across restarts and never puts it in the sync log', async () => {
    expect(ok<Profile>(await core.dispatch('profile.get', {}))).toEqual({ buyerName: '' })
    const changesBefore = core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get()
    expect(ok<Profile>(await core.dispatch('profile.set', { buyerName: '  王敏 ' }))).toEqual({
      buyerName: '王敏',
    })
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual(changesBefore)
    await core.close()
    const reopened = await createTempCore({ dataDir: core.dataDir })
    core = reopened
    expect(ok<Profile>(await core.dispatch('profile.get', {}))).toEqual({ buyerName: '王敏' })
  })

  it('refuses a name longer than 40 characters', async () => {
    const error = failed(await core.dispatch('profile.set', { buyerName: '名'.repeat(41) }))
    expect(error.fields[0]).toMatchObject({ path: ['buyerName'], messageKey: 'errors.tooLong' })
  })
})
