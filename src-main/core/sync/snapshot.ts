import { HqRequestError, type HqClient } from './hq-client'
import { applyPage, type ApplyContext } from './apply'
import { readSetting, SETTING, writeSetting } from './sync.settings'

/**
 * A first sync from HQ's snapshot instead of its whole log: the current value of every field, read by
 * HQ at one log position, applied chunk by chunk through the same apply path as a pulled page (the same
 * last-writer-wins, zod checks, quarantine and parking, conflicts), and only then the cursor set to that
 * position, so pulling continues with the first message the snapshot does not hold. A download cut off
 * midway leaves the cursor where it was: the next sync starts the snapshot over, and what was applied
 * already comes again as duplicates, changing nothing.
 */

/** What applying a snapshot did. */
export interface SnapshotResult {
  /** The log position the snapshot was read at: the cursor now. */
  position: number
  /** Fields received and those this laptop already had. */
  received: number
  duplicates: number
  applied: number
  conflicts: number
}

/**
 * Downloads and applies HQ's snapshot; null when HQ serves none (an HQ older than snapshots: the laptop
 * pulls the log instead). `hqId` is the HQ this laptop's cursor belongs to: another's snapshot is refused.
 */
export async function applySnapshot(
  ctx: ApplyContext,
  client: HqClient,
  options: { hqId?: string; signal?: AbortSignal; onChunk?: (sofar: SnapshotResult) => void } = {},
): Promise<SnapshotResult | null> {
  let stream: Awaited<ReturnType<HqClient['snapshot']>>
  try {
    stream = await client.snapshot()
  } catch (error) {
    if (error instanceof HqRequestError && error.code === 'unknown_call') return null
    throw error
  }
  const { header } = stream
  if (options.hqId !== undefined && header.hqId !== options.hqId) {
    throw new HqRequestError('cursor_mismatch', `the snapshot is HQ ${header.hqId}'s, not ${options.hqId}'s`)
  }
  const result: SnapshotResult = {
    position: header.position,
    received: 0,
    duplicates: 0,
    applied: 0,
    conflicts: 0,
  }
  for await (const chunk of stream.chunks) {
    options.signal?.throwIfAborted()
    // A chunk ends between rows; within it, the log's order (as a pull would bring them): what a row's
    // fields tell together (a delete that met an edit it had not seen) is judged as on the log.
    const inLogOrder = [...chunk].sort((a, b) => a.seq - b.seq)
    const applied = await applyPage(ctx, inLogOrder, 0, { snapshot: true })
    result.received += applied.received
    result.duplicates += applied.duplicates
    result.applied += applied.applied
    result.conflicts += applied.conflicts
    options.onChunk?.(result)
  }
  // Every field is in: only now does the cursor move (with the mark of the message at the position).
  await ctx.db.transaction().execute(async (trx) => {
    const stored = Number((await readSetting(trx, SETTING.cursor)) ?? 0)
    if (header.position <= stored) return
    await writeSetting(trx, SETTING.cursor, String(header.position))
    if (header.mark === null) await trx.deleteFrom('meta').where('key', '=', SETTING.cursorMark).execute()
    else await writeSetting(trx, SETTING.cursorMark, header.mark)
  })
  return result
}
