/** A fixed-window request counter per key (the client's address and route class). */
export interface RateLimit {
  /** Requests allowed per window. */
  max: number
  /** Window length in milliseconds. */
  windowMs: number
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; false when the key is over its limit in the current window. */
  allow(key: string): boolean {
    const now = this.now()
    const window = this.windows.get(key)
    if (!window || now - window.start >= this.limit.windowMs) {
      // Forget finished windows now and then so the map cannot grow without bound.
      if (this.windows.size > 10_000) this.windows.clear()
      this.windows.set(key, { start: now, count: 1 })
      return true
    }
    window.count += 1
    return window.count <= this.limit.max
  }
}
