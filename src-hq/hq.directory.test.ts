import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hq } from './hq'
import { createHqStore, hqBackends, hqCall, startStoreHq, type HqStore } from './testing/test-hq'

describe.each(hqBackends())('HQ’s device directory on %s', (backend) => {
  let store: HqStore
  let hq: Hq

  beforeAll(async () => {
    store = await createHqStore(backend)
    hq = await startStoreHq(store)
  })
  afterAll(async () => {
    await hq?.close()
    await store?.dispose()
  })

  async function enrol(name: string, nodeId: string): Promise<{ deviceId: string; token: string }> {
    const code = (
      (await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)).body.value as { code: string }
    ).code
    return (await hqCall(hq.url, 'enrol', { code, deviceName: name, nodeId })).body.value as {
      deviceId: string
      token: string
    }
  }

  it('names every enrolled device to an enrolled device, revoked ones too, and never a token', async () => {
    const li = await enrol('李娜的笔记本', '00000000000000a1')
    const wang = await enrol('王强的笔记本', '00000000000000b2')
    expect((await hqCall(hq.url, 'directory', {})).status).toBe(401)
    await hqCall(hq.url, 'admin.devices.revoke', { deviceId: wang.deviceId }, hq.adminToken)

    const reply = await hqCall(hq.url, 'directory', {}, li.token)
    expect(reply.status).toBe(200)
    const { devices } = reply.body.value as { devices: { nodeId: string }[] }
    expect(devices.sort((a, b) => a.nodeId.localeCompare(b.nodeId))).toEqual([
      { id: li.deviceId, name: '李娜的笔记本', nodeId: '00000000000000a1' },
      { id: wang.deviceId, name: '王强的笔记本', nodeId: '00000000000000b2' },
    ])
    expect(JSON.stringify(reply.body)).not.toContain(li.token)
    // A revoked device's token no longer opens it.
    expect((await hqCall(hq.url, 'directory', {}, wang.token)).status).toBe(401)
  })
})
