import { describe, expect, it } from 'vitest';
import { tagIdForSlug, uuidV5 } from './tag-id';

describe('uuidV5', () => {
  it('matches the RFC 4122 reference value', () => {
    // uuid v5 of "www.example.com" in the DNS namespace, as every implementation computes it.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives stable, distinct tag ids', () => {
    expect(tagIdForSlug('watercolor')).toBe(tagIdForSlug('watercolor'));
    expect(tagIdForSlug('watercolor')).not.toBe(tagIdForSlug('portrait'));
  });
});
