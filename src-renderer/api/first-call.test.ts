import { describe, expect, it } from 'vitest'
import { startFirstCall, type PlannedCall } from './first-call'
import type { Envelope, Transport } from './transport'

const PLANNED: PlannedCall = {
  name: 'factories.list',
  input: { search: '', statuses: [], sort: 'updatedAt', direction: 'desc', offset: 0, limit: 200 },
}

/** A transport that records its calls and answers each with its number. */
function countingTransport(): { transport: Transport; calls: string[] } {
  const calls: string[] = []
  const transport: Transport = (name) => {
    calls.push(name)
    return Promise.resolve<Envelope>({ ok: true, value: calls.length })
  }
  return { transport, calls }
}

describe('startFirstCall', () => {
  it('sends the planned call at once and hands its reply to the first identical call only', async () => {
    const { transport, calls } = countingTransport()
    const first = startFirstCall(transport, PLANNED)
    expect(calls).toEqual(['factories.list'])
    await first.settled
    expect(await first.transport('factories.list', { ...PLANNED.input })).toEqual({ ok: true, value: 1 })
    expect(await first.transport('factories.list', PLANNED.input)).toEqual({ ok: true, value: 2 })
    expect(calls).toHaveLength(2)
  })

  it('sends calls that differ from the plan as usual', async () => {
    const { transport, calls } = countingTransport()
    const first = startFirstCall(transport, PLANNED)
    expect(await first.transport('factories.list', { ...PLANNED.input, search: '晋江' })).toEqual({
      ok: true,
      value: 2,
    })
    expect(await first.transport('sync.status', {})).toEqual({ ok: true, value: 3 })
    expect(calls).toEqual(['factories.list', 'factories.list', 'sync.status'])
  })

  it('does not hand out a reply that has gone stale', async () => {
    const { transport } = countingTransport()
    let clock = 0
    const first = startFirstCall(transport, PLANNED, () => clock)
    clock = 60_000
    expect(await first.transport('factories.list', PLANNED.input)).toEqual({ ok: true, value: 2 })
  })

  it('settles without rejecting when the planned call fails, and passes through when nothing is planned', async () => {
    const failing: Transport = () => Promise.reject(new Error('host gone'))
    await expect(startFirstCall(failing, PLANNED).settled).resolves.toBeUndefined()
    const { transport, calls } = countingTransport()
    const none = startFirstCall(transport, null)
    await none.settled
    expect(calls).toEqual([])
    expect(none.transport).toBe(transport)
  })
})
