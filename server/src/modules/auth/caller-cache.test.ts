import { describe, expect, it } from 'vitest';
import { CallerCache } from './caller-cache';

/** Stands in for the listener's versions: `version` is what a notification last announced. */
function versions(start: string | undefined) {
  const source = { version: start, current: () => source.version };
  return source;
}

describe('CallerCache', () => {
  it('answers what was stored under the current stamp, and counts the hits', () => {
    const cache = new CallerCache<string>(versions('v1'), 10);
    cache.set('a', 'alice', cache.stamp());
    expect(cache.get('a')).toBe('alice');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.hits).toBe(1);
  });

  it('stops answering once the version moves, and refuses a read taken before the move', () => {
    const source = versions('v1');
    const cache = new CallerCache<string>(source, 10);
    cache.set('a', 'alice', cache.stamp());
    const before = cache.stamp();
    source.version = 'v2';
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'bob', before);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', 'bob', cache.stamp());
    expect(cache.get('b')).toBe('bob');
  });

  it('forgets everything on a change of its own process, reads in flight included', () => {
    const cache = new CallerCache<string>(versions('v1'), 10);
    cache.set('a', 'alice', cache.stamp());
    const inFlight = cache.stamp();
    cache.changed();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'bob', inFlight);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing while the version cannot be observed', () => {
    const source = versions(undefined);
    const cache = new CallerCache<string>(source, 10);
    expect(cache.stamp()).toBeUndefined();
    cache.set('a', 'alice', cache.stamp());
    expect(cache.get('a')).toBeUndefined();
    source.version = 'v1';
    cache.set('a', 'alice', cache.stamp());
    source.version = undefined;
    expect(cache.get('a')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest stored', () => {
    const cache = new CallerCache<number>(versions('v1'), 2);
    cache.set('a', 1, cache.stamp());
    cache.set('b', 2, cache.stamp());
    cache.set('c', 3, cache.stamp());
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c')]).toEqual([2, 3]);
  });
});
