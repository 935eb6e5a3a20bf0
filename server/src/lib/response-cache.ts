// Serialised responses by key, as UTF-8 bytes (encoding a 25 kB string on every send was the largest
// cost of a hit): a small in-process LRU in front of Redis. Keys carry the namespace's
// version (cache-versions.ts), so invalidation never deletes anything: new versions simply miss, and
// old entries age out (TTL in Redis, TTL and size bounds here). Redis trouble only costs hits.
import type { Redis } from 'ioredis';

export interface ResponseCacheOptions {
  redis: Redis;
  keyPrefix: string;
  ttlSeconds: number;
  /** Bounds of the in-process layer. */
  maxEntries?: number;
  maxBytes?: number;
}

interface Entry {
  body: Buffer;
  expiresAt: number;
}

export class ResponseCache {
  private readonly local = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  }

  /** The entry from the in-process layer only. */
  peek(key: string): Buffer | undefined {
    const entry = this.local.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.drop(key, entry);
      return undefined;
    }
    // Most recently used last: eviction takes from the front.
    this.local.delete(key);
    this.local.set(key, entry);
    return entry.body;
  }

  async get(key: string): Promise<Buffer | undefined> {
    const local = this.peek(key);
    if (local) return local;
    let body: Buffer | null;
    try {
      body = await this.options.redis.getBuffer(this.redisKey(key));
    } catch {
      return undefined;
    }
    if (body === null) return undefined;
    this.remember(key, body);
    return body;
  }

  set(key: string, body: Buffer): void {
    this.remember(key, body);
    this.options.redis.set(this.redisKey(key), body, 'EX', this.options.ttlSeconds).catch(() => {});
  }

  private remember(key: string, body: Buffer): void {
    const old = this.local.get(key);
    if (old) this.drop(key, old);
    if (body.length > this.maxBytes / 4) return;
    this.local.set(key, { body, expiresAt: Date.now() + this.options.ttlSeconds * 1000 });
    this.bytes += body.length;
    for (const [oldestKey, oldest] of this.local) {
      if (this.local.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(oldestKey, oldest);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.local.delete(key);
    this.bytes -= entry.body.length;
  }

  private redisKey(key: string): string {
    return `${this.options.keyPrefix}:cache:${key}`;
  }
}
