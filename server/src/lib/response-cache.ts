// Serialised responses by key, as UTF-8 bytes (encoding a 25 kB string on every send was the largest
// cost of a hit), each also gzipped once in the background for clients that accept it (sending 23 kB
// instead of 4 was then the largest), and brotli-compressed at its best quality once it has proved hot
// (a fifth smaller than gzip for a gallery page, but ~40 ms of compression: worth it only for entries
// asked often): a small in-process LRU in front of Redis. Keys carry the namespace's version
// (cache-versions.ts), so invalidation never deletes anything: new versions simply miss, and old
// entries age out (TTL in Redis, TTL and size bounds here). Redis trouble only costs hits.
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import { preferredCoding, type ContentCoding } from './accept-encoding';

export interface ResponseCacheOptions {
  redis: Redis;
  keyPrefix: string;
  ttlSeconds: number;
  /** Bounds of the in-process layer. */
  maxEntries?: number;
  maxBytes?: number;
  /** Hits of the in-process layer after which an entry is also brotli-compressed. */
  brotliAfterHits?: number;
}

export interface CachedBody {
  body: Buffer;
  /** The body gzipped, once that is done (undefined until then). */
  gzip?: Buffer;
  /** The body brotli-compressed, once the entry is hot and that is done. */
  br?: Buffer;
}

/** What to send for a client's Accept-Encoding: the smallest form it takes of those made so far. */
export function encodedBody(
  cached: CachedBody,
  acceptEncoding: string | undefined,
): { bytes: Buffer; coding?: ContentCoding } {
  const coding = preferredCoding(acceptEncoding, { br: !!cached.br, gzip: !!cached.gzip });
  const bytes = coding ? cached[coding] : undefined;
  return bytes ? { bytes, coding } : { bytes: cached.body };
}

interface Entry extends CachedBody {
  expiresAt: number;
  hits: number;
}

const BROTLI_BEST = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

export class ResponseCache {
  private readonly local = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly brotliAfterHits: number;
  /** The entry last in `local` (the most recently used), which a hit need not move. */
  private newest: Entry | undefined;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.brotliAfterHits = options.brotliAfterHits ?? 16;
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
    if (entry !== this.newest) {
      this.local.delete(key);
      this.local.set(key, entry);
      this.newest = entry;
    }
    entry.hits += 1;
    if (entry.hits === this.brotliAfterHits) {
      brotliCompress(entry.body, BROTLI_BEST, (error, br) => {
        if (!error) this.addForm(key, entry, 'br', br);
      });
    }
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
    const entry: Entry = { body, expiresAt: Date.now() + this.options.ttlSeconds * 1000, hits: 0 };
    if (body.length > this.maxBytes / 4) return entry;
    this.local.set(key, entry);
    this.newest = entry;
    this.bytes += body.length;
    gzip(body, (error, gzipped) => {
      if (!error) this.addForm(key, entry, 'gzip', gzipped);
    });
    this.evict();
    return entry;
  }

  /** Keeps a compressed form, only while the entry is kept: a newer one or an eviction makes it moot. */
  private addForm(key: string, entry: Entry, coding: ContentCoding, bytes: Buffer): void {
    if (this.local.get(key) !== entry) return;
    entry[coding] = bytes;
    this.bytes += bytes.length;
    this.evict();
  }

  private evict(): void {
    for (const [oldestKey, oldest] of this.local) {
      if (this.local.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(oldestKey, oldest);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.local.delete(key);
    this.bytes -= entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0);
  }

  private redisKey(key: string): string {
    return `${this.options.keyPrefix}:cache:${key}`;
  }
}
