import { describe, expect, it } from 'vitest';
import { preferredCoding } from './accept-encoding';

const BOTH = { br: true, gzip: true };
const GZIP_ONLY = { br: false, gzip: true };

describe('preferredCoding', () => {
  it.each([
    ['gzip, deflate, br', BOTH, 'br'],
    ['gzip, deflate, br', GZIP_ONLY, 'gzip'],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', BOTH, 'br'],
    ['gzip;q=1.0, br;q=0.5', BOTH, 'gzip'],
    ['GZIP', BOTH, 'gzip'],
    ['x-gzip', GZIP_ONLY, 'gzip'],
    ['BR', BOTH, 'br'],
    ['*', BOTH, 'br'],
    ['*', GZIP_ONLY, 'gzip'],
    ['gzip;q=0', GZIP_ONLY, undefined],
    ['gzip; q=0.000', BOTH, undefined],
    ['br;q=0, gzip', BOTH, 'gzip'],
    ['br;q=0, *', BOTH, 'gzip'],
    ['*;q=0, gzip', BOTH, 'gzip'],
    ['gzip;q=0, *', GZIP_ONLY, undefined],
    ['gzip;q=oops', GZIP_ONLY, undefined],
    ['br, deflate', GZIP_ONLY, undefined],
    ['identity', BOTH, undefined],
    ['', BOTH, undefined],
    [undefined, BOTH, undefined],
    ['gzip, br', { br: false, gzip: false }, undefined],
  ] as const)('%s with %o → %s', (header, available, expected) => {
    expect(preferredCoding(header, available)).toBe(expected);
  });

  it('answers a header it has seen before the same way', () => {
    expect(preferredCoding('gzip;q=0.4, br;q=0.6', BOTH)).toBe('br');
    expect(preferredCoding('gzip;q=0.4, br;q=0.6', BOTH)).toBe('br');
    expect(preferredCoding('gzip;q=0.4, br;q=0.6', GZIP_ONLY)).toBe('gzip');
  });
});
