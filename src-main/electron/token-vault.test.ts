import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from '../../src-hq/hq'
import { createHqStore, startStoreHq, type HqStore } from '../../src-hq/testing/test-hq'
import { createTempCore, type TempCore } from '../../test/integration/support/temp-core'
import { ok } from '../../test/integration/support/api-result'
import { safeStorageTokenVault, SAFE_STORAGE_PREFIX } from './token-vault'
import { mintCode } from '../../test/sync-harness/sync-device'
import type { SyncReport } from '../core/sync/sync.contract'
import { readSetting, SETTING } from '../core/sync/sync.settings'
import type { TokenVault } from '../core/sync/token-vault'

/** Stands in for the OS keychain: a reversible transform the stored text must not reveal the token through. */
const fakeKeychain = {
  available: true,
  isEncryptionAvailable() {
    return this.available
  },
  encryptString: (text: string) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
  decryptString: (sealed: Buffer) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
}

describe('the device token at rest goes through the host’s vault', () => {
  let store: HqStore
  let hq: Hq
  let core: TempCore
  const vault: TokenVault = safeStorageTokenVault(fakeKeychain)

  beforeAll(async () => {
    store = await createHqStore('sqlite')
    hq = await startStoreHq(store)
    core = await createTempCore({ tokenVault: vault })
  })
  afterAll(async () => {
    await core?.dispose()
    await hq?.close()
    await store?.dispose()
  })

  it('stores only the sealed token, and syncs with the opened one', async () => {
    ok(
      await core.dispatch('sync.enrol', {
        hqUrl: hq.url,
        code: await mintCode(hq),
        deviceName: '李娜的笔记本',
      }),
    )
    const stored = (await readSetting(core.context.db, SETTING.token))!
    expect(stored.startsWith(SAFE_STORAGE_PREFIX)).toBe(true)
    const token = vault.open(stored)
    expect(token.length).toBeGreaterThan(20)
    expect(stored).not.toContain(token)
    // HQ accepts the opened token: the sync is authorised.
    expect(ok<SyncReport>(await core.dispatch('sync.now', {})).outcome).toBe('ok')
  })

  it('keeps reading a token stored as text before, and stores text where the OS has no keychain', () => {
    expect(vault.open('plain-token')).toBe('plain-token')
    fakeKeychain.available = false
    try {
      expect(vault.seal('plain-token')).toBe('plain-token')
    } finally {
      fakeKeychain.available = true
    }
  })
})
