// The general API rate limit (SPEC §8): fixed windows per caller whose counts live in Redis, so every API
// instance shares them, without a Redis round trip on the path of most requests. Each instance counts
// hits locally and adds them to Redis in one pipelined write every `flushMs`, learning the shared total
// back. Three cases wait for Redis instead: the first hit of a caller's window (it opens the window,
// or joins one another instance opened), and every hit once the caller is past `exactFrom` of the
// limit, so a caller is stopped at the limit itself. Between flushes an instance does not see the other
// instances' hits: a caller spread over several instances can pass the limit by what the others
// allowed in one flush interval before it was near. Redis trouble lets requests through (the limit is
// then not enforced) rather than refusing every read.
import type { Redis } from 'ioredis';

export interface RateLimitState {
  /** Hits in the window so far, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  resetMs: number;
}

export interface SharedRateLimitOptions {
  redis: Redis;
  /** Prefix of the Redis keys (one per caller key and window). */
  keyPrefix: string;
  max: number;
  windowMs: number;
  /** How long local counts may wait before they are added to Redis. */
  flushMs?: number;
  /** From this share of `max` on, every hit is counted in Redis before it is answered. */
  exactFrom?: number;
}

interface Window {
  endsAt: number;
  /** The shared count as of the last answer from Redis (this instance's flushed hits included). */
  known: number;
  /** Hits counted here and not yet added to Redis. */
  pending: number;
}

export class SharedRateLimit {
  private readonly windows = new Map<string, Window>();
  private readonly flushMs: number;
  private readonly exactBelow: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly options: SharedRateLimitOptions) {
    this.flushMs = options.flushMs ?? 100;
    this.exactBelow = Math.floor(options.max * (options.exactFrom ?? 0.8));
  }

  /**
   * Counts a hit of `key`. Synchronous while the caller is well within the limit; otherwise a promise
   * of Redis's count. `undefined` when Redis could not be asked.
   */
  hit(key: string): RateLimitState | undefined | Promise<RateLimitState | undefined> {
    const now = Date.now();
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) return this.addInRedis(key, 1, now);
    const count = window.known + window.pending + 1;
    if (count > this.exactBelow) return this.addInRedis(key, window.pending + 1, now);
    window.pending += 1;
    this.scheduleFlush();
    return { count, resetMs: window.endsAt - now };
  }

  /**
   * Counts a hit of `key` only where `hit` would answer at once (an open window, well within the limit);
   * otherwise counts nothing and returns undefined, and the caller goes the way that can wait for `hit`.
   */
  hitLocally(key: string): RateLimitState | undefined {
    const now = Date.now();
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) return undefined;
    if (window.known + window.pending + 1 > this.exactBelow) return undefined;
    const state = this.hit(key);
    return state instanceof Promise ? undefined : state;
  }

  /** Adds every pending count to Redis now (also what the timer does). */
  async flush(): Promise<void> {
    this.timer = undefined;
    const now = Date.now();
    const sends: Promise<unknown>[] = [];
    for (const [key, window] of this.windows) {
      if (window.pending > 0) sends.push(this.addInRedis(key, window.pending, now));
      else if (window.endsAt <= now) this.windows.delete(key);
    }
    await Promise.all(sends);
  }

  /** Stops the timer; pending counts are written first. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
  }

  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  /** Adds `hits` to the key's window in Redis (opening it if needed) and keeps the total it answers. */
  private async addInRedis(key: string, hits: number, now: number): Promise<RateLimitState | undefined> {
    const window = this.windows.get(key);
    // The hits being sent are no longer pending; hits that arrive meanwhile are counted on top.
    if (window) window.pending = 0;
    const redisKey = `${this.options.keyPrefix}${key}`;
    let results;
    try {
      results = await this.options.redis
        .multi()
        .incrby(redisKey, hits)
        .pexpire(redisKey, this.options.windowMs, 'NX')
        .pttl(redisKey)
        .exec();
    } catch {
      return undefined;
    }
    const count = Number(results?.[0]?.[1]);
    const ttl = Number(results?.[2]?.[1]);
    if (!Number.isFinite(count) || !(ttl > 0)) return undefined;
    const current = this.windows.get(key);
    if (current && current.endsAt > now) {
      current.known = count;
      current.endsAt = now + ttl;
    } else {
      this.windows.set(key, { endsAt: now + ttl, known: count, pending: 0 });
    }
    return { count, resetMs: ttl };
  }
}
