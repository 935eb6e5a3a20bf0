// Serialised responses by key, as UTF-8 bytes (encoding a 25 kB string on every send was the largest
// cost of a hit), each also gzipped once in the background for clients that accept it (sending 23 kB
// instead of 4 was then the largest): a small in-process LRU in front of Redis. Keys carry the namespace's
// version (cache-versions.ts), so invalidation never deletes anything: new versions simply miss, and
// old entries age out (TTL in Redis, TTL and size bounds here). Redis trouble only costs hits.
import { gzip } from 'node:zlib';
import type { Redis } from 'ioredis';

export interface ResponseCacheOptions {
  redis: Redis;
  keyPrefix: string;
  ttlSeconds: number;
  /** Bounds of the in-process layer. */
  maxEntries?: number;
  maxBytes?: number;
}

export interface CachedBody {
  body: Buffer;
  /** The body gzipped, once that is done (undefined until then). */
  gzipped?: Buffer;
}

interface Entry extends CachedBody {
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
  peek(key: string): CachedBody | undefined {
    const entry = this.local.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.drop(key, entry);
      return undefined;
    }
    // Most recently used last: eviction takes from the front.
    this.local.delete(key);
    this.local.set(key, entry);
    return entry;
  }

  async get(key: string): Promise<CachedBody | undefined> {
    const local = this.peek(key);
    if (local) return local;
    let body: Buffer | null;
    try {
      body = await this.options.redis.getBuffer(this.redisKey(key));
    } catch {
      return undefined;
    }
    if (body === null) return undefined;
    return this.remember(key, body);
  }

  set(key: string, body: Buffer): void {
    this.remember(key, body);
    this.options.redis.set(this.redisKey(key), body, 'EX', this.options.ttlSeconds).catch(() => {});
  }

  private remember(key: string, body: Buffer): CachedBody {
    const old = this.local.get(key);
    if (old) this.drop(key, old);
    const entry: Entry = { body, expiresAt: Date.now() + this.options.ttlSeconds * 1000 };
    if (body.length > this.maxBytes / 4) return entry;
    this.local.set(key, entry);
    this.bytes += body.length;
    gzip(body, (error, gzipped) => {
      // Kept only while the entry is: a newer one or an eviction makes it moot.
      if (error || this.local.get(key) !== entry) return;
      entry.gzipped = gzipped;
      this.bytes += gzipped.length;
      this.evict();
    });
    this.evict();
    return entry;
  }

  private evict(): void {
    for (const [oldestKey, oldest] of this.local) {
      if (this.local.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(oldestKey, oldest);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.local.delete(key);
    this.bytes -= entry.body.length + (entry.gzipped?.length ?? 0);
  }

  private redisKey(key: string): string {
    return `${this.options.keyPrefix}:cache:${key}`;
  }
}
