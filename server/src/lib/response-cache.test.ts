// The in-process layer of the response cache: recency, bounds and the compressed forms. Redis is stood
// in for by a stub that stores nothing (the integration tests use the real one).
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { ResponseCache, encodedBody } from './response-cache';

const redis = {
  set: () => Promise.resolve('OK'),
  getBuffer: () => Promise.resolve(null),
} as unknown as Redis;

const cacheOf = (options: { maxEntries?: number; brotliAfterHits?: number } = {}) =>
  new ResponseCache({ redis, keyPrefix: 'test', ttlSeconds: 60, ...options });

const body = (text: string) => Buffer.from(JSON.stringify({ text: text.repeat(50) }));

describe('ResponseCache', () => {
  it('evicts the least recently used entry, a hit counting as a use', () => {
    const cache = cacheOf({ maxEntries: 3 });
    cache.set('a', body('a'));
    cache.set('b', body('b'));
    cache.set('c', body('c'));
    expect(cache.peek('a')).toBeDefined(); // a is now the newest: b the oldest
    expect(cache.peek('a')).toBeDefined(); // asked again while newest: still in place
    cache.set('d', body('d'));
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('a')).toBeDefined();
    cache.peek('c');
    cache.set('e', body('e')); // d is the oldest now
    expect(cache.peek('d')).toBeUndefined();
    expect(['a', 'c', 'e'].map((key) => cache.peek(key) !== undefined)).toEqual([true, true, true]);
  });

  it('gzips an entry at once and adds brotli once it has been hit often enough', async () => {
    const cache = cacheOf({ brotliAfterHits: 3 });
    const stored = body('hot page ');
    cache.set('k', stored);
    await vi.waitFor(() => expect(cache.peek('k')?.gzip).toBeDefined());
    const gzipped = cache.peek('k');
    expect(gunzipSync(gzipped!.gzip!).equals(stored)).toBe(true);
    expect(gzipped!.br).toBeUndefined();
    cache.peek('k');
    await vi.waitFor(() => expect(cache.peek('k')?.br).toBeDefined());
    const both = cache.peek('k')!;
    expect(brotliDecompressSync(both.br!).equals(stored)).toBe(true);
    expect(encodedBody(both, 'gzip, deflate, br')).toEqual({ bytes: both.br, coding: 'br' });
    expect(encodedBody(both, 'gzip')).toEqual({ bytes: both.gzip, coding: 'gzip' });
    expect(encodedBody(both, 'identity')).toEqual({ bytes: stored });
  });

  it('drops the compressed forms of an entry replaced while they were being made', async () => {
    const cache = cacheOf();
    cache.set('k', body('old'));
    const fresh = body('new');
    cache.set('k', fresh);
    await vi.waitFor(() => expect(cache.peek('k')?.gzip).toBeDefined());
    expect(gunzipSync(cache.peek('k')!.gzip!).equals(fresh)).toBe(true);
  });
});
