import { describe, expect, it } from 'vitest';
import { slugify } from './tag-slug';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('Oil Painting')).toBe('oil-painting');
    expect(slugify('  Sci-Fi  /  Cyberpunk!! ')).toBe('sci-fi-cyberpunk');
    expect(slugify('100% Cotton_Texture')).toBe('100-cotton-texture');
  });

  it('drops accents and leaves nothing for names without letters or digits', () => {
    expect(slugify('Café Crème')).toBe('cafe-creme');
    expect(slugify('★★★')).toBe('');
  });

  it('stays within 100 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(99)} b`);
    expect(slug).toBe('a'.repeat(99));
    expect(slugify('x'.repeat(150))).toHaveLength(100);
  });
});
