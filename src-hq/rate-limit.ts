import { sql, type Kysely } from 'kysely'
import type { HqDB } from './db/schema'

/**
 * Fixed-window request counters per key: a device (`device:<id>`) once it is enrolled, its address
 * before (enrolment, the console's login, a request without a valid token). A window that has ended is
 * forgotten, never the whole table: once per window the finished ones are swept, so what is held is
 * bounded by the keys active in the last two windows.
 */
export interface RateLimit {
  /** Requests allowed per window. */
  max: number
  /** Window length in milliseconds. */
  windowMs: number
}

/** Counts requests per key. */
export interface RateLimiter {
  /** Counts one request; false when the key is over its limit in the current window. */
  allow(key: string): Promise<boolean>
}

/** Keys held in memory at most; past it the oldest windows (the nearest to their end) go first. */
export const MAX_MEMORY_KEYS = 100_000

/** For the embedded SQLite HQ, one process: counters in its memory (a write per request would be an fsync). */
export class MemoryRateLimiter implements RateLimiter {
  // Insertion order is window start order: a key is re-inserted when its new window starts.
  private readonly windows = new Map<string, { end: number; count: number }>()
  private lastSweep: number

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = MAX_MEMORY_KEYS,
  ) {
    this.lastSweep = now()
  }

  /** Keys currently held (tests read it to see the bound). */
  get size(): number {
    return this.windows.size
  }

  async allow(key: string): Promise<boolean> {
    const now = this.now()
    if (now - this.lastSweep >= this.limit.windowMs) this.sweep(now)
    const window = this.windows.get(key)
    if (!window || window.end <= now) {
      this.windows.delete(key)
      this.windows.set(key, { end: now + this.limit.windowMs, count: 1 })
      // Flooded with new keys within one window: the oldest windows give way, one at a time.
      for (const oldest of this.windows.keys()) {
        if (this.windows.size <= this.maxKeys) break
        this.windows.delete(oldest)
      }
      return true
    }
    window.count += 1
    return window.count <= this.limit.max
  }

  private sweep(now: number): void {
    this.lastSweep = now
    for (const [key, window] of this.windows) if (window.end <= now) this.windows.delete(key)
  }
}

/**
 * For HQ on PostgreSQL, any number of processes: one row per key in rate_windows, counted by one upsert
 * per request, so a device's requests count against one window whichever process answers them.
 */
export class DatabaseRateLimiter implements RateLimiter {
  private lastSweep = 0

  /** `scope` names this limiter's keys apart from another's in the shared table (api, enrol). */
  constructor(
    private readonly db: Kysely<HqDB>,
    private readonly scope: string,
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  async allow(key: string): Promise<boolean> {
    const now = this.now()
    if (now - this.lastSweep >= this.limit.windowMs) {
      this.lastSweep = now
      await this.db.deleteFrom('rate_windows').where('window_end', '<=', now).execute()
    }
    const end = now + this.limit.windowMs
    // The SET expressions read the row as it was: an ended window restarts at 1, a running one counts on.
    const ended = sql<boolean>`rate_windows.window_end <= CAST(${now} AS bigint)`
    const row = await this.db
      .insertInto('rate_windows')
      .values({ key: `${this.scope}:${key}`, window_end: end, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`CASE WHEN ${ended} THEN 1 ELSE rate_windows.count + 1 END`,
          window_end: sql<number>`CASE WHEN ${ended} THEN CAST(${end} AS bigint) ELSE rate_windows.window_end END`,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow()
    return row.count <= this.limit.max
  }
}
