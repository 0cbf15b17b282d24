import type { HqClient } from '../../src-main/core/sync/hq-client'
import { HqRequestError } from '../../src-main/core/sync/hq-client'

/** A seeded PRNG (mulberry32): the same seed replays the same run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How often each fault strikes (0..1 per request). */
export interface FaultRates {
  /** The request never reaches HQ. */
  dropRequest: number
  /** HQ does the work, the reply is lost. */
  dropReply: number
  /** The request reaches HQ twice. */
  duplicate: number
  /** An older request or reply turns up again, out of order. */
  reorder: number
}

/** What the faults did, for the run's summary. */
export interface FaultCounts {
  droppedRequests: number
  droppedReplies: number
  duplicates: number
  reordered: number
  /** Requests that failed because the laptop was cut off from HQ (a partition). */
  cutOff: number
}

const lost = () => new HqRequestError('offline', 'injected fault: connection dropped')

/**
 * Wraps a real HQ client with network faults: dropped requests and replies, duplicated requests, stale
 * pushes and pull replies delivered out of order, photo transfers dropped either way, and partitions
 * (while `isCutOff()` holds, nothing gets through). The real client is fetched per request so HQ may
 * restart on another port in between.
 */
export function faultyClient(
  real: () => Promise<HqClient>,
  random: () => number,
  rates: FaultRates,
  counts: FaultCounts,
  isCutOff: () => boolean = () => false,
): HqClient {
  const stalePushes: Parameters<HqClient['push']>[0][] = []
  const staleReplies: Awaited<ReturnType<HqClient['pull']>>[] = []
  const reachable = async () => {
    if (!isCutOff()) return real()
    counts.cutOff++
    throw lost()
  }
  return {
    enrol: async (input) => (await reachable()).enrol(input),
    directory: async () => (await reachable()).directory(),
    push: async (input) => {
      const client = await reachable()
      if (stalePushes.length > 0 && random() < rates.reorder) {
        counts.reordered++
        await client.push(stalePushes.splice(Math.floor(random() * stalePushes.length), 1)[0]!)
      }
      const roll = random()
      if (roll < rates.dropRequest) {
        counts.droppedRequests++
        // Sometimes the dropped request is only delayed: it arrives later, after newer ones.
        if (random() < 0.5) stalePushes.push(input)
        throw lost()
      }
      const reply = await client.push(input)
      if (roll < rates.dropRequest + rates.duplicate) {
        counts.duplicates++
        return client.push(input)
      }
      if (roll < rates.dropRequest + rates.duplicate + rates.dropReply) {
        counts.droppedReplies++
        throw lost()
      }
      return reply
    },
    pull: async (input) => {
      const client = await reachable()
      const roll = random()
      if (roll < rates.dropRequest) {
        counts.droppedRequests++
        throw lost()
      }
      if (staleReplies.length > 0 && roll < rates.dropRequest + rates.reorder) {
        counts.reordered++
        return staleReplies[Math.floor(random() * staleReplies.length)]!
      }
      const reply = await client.pull(input)
      if (staleReplies.length < 20) staleReplies.push(reply)
      if (roll < rates.dropRequest + rates.reorder + rates.dropReply) {
        counts.droppedReplies++
        throw lost()
      }
      return reply
    },
    hello: (input) => lossy(async () => (await reachable()).hello(input)),
    held: (input) => lossy(async () => (await reachable()).held(input)),
    missingPhotos: (input) => lossy(async () => (await reachable()).missingPhotos(input)),
    // A lost upload reply means HQ stored the photo and the laptop does not know: it asks again next sync.
    uploadPhoto: (sha256, bytes) => lossy(async () => (await reachable()).uploadPhoto(sha256, bytes)),
    downloadPhoto: (sha256) => lossy(async () => (await reachable()).downloadPhoto(sha256)),
    // A lost reply here is a download cut off after its first chunk: the laptop must start over cleanly.
    snapshot: async () => {
      const client = await reachable()
      const roll = random()
      if (roll < rates.dropRequest) {
        counts.droppedRequests++
        throw lost()
      }
      const stream = await client.snapshot()
      if (roll >= rates.dropRequest + rates.dropReply) return stream
      counts.droppedReplies++
      return { header: stream.header, chunks: cutAfterFirst(stream.chunks) }
    },
  }

  /** A request that may be dropped on the way there or its reply on the way back. */
  async function lossy<T>(send: () => Promise<T>): Promise<T> {
    const roll = random()
    if (roll < rates.dropRequest) {
      counts.droppedRequests++
      throw lost()
    }
    const reply = await send()
    if (roll < rates.dropRequest + rates.dropReply) {
      counts.droppedReplies++
      throw lost()
    }
    return reply
  }
}

/** A snapshot download that breaks after its first chunk. */
async function* cutAfterFirst<T>(chunks: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const chunk of chunks) {
    yield chunk
    break
  }
  throw lost()
}
