import { describe, expect, it } from 'vitest';
import { tagAncestors, tagHierarchy, tagLevels, tagRoots, type TagDefinition } from './tag-hierarchy';

describe('tag hierarchy', () => {
  it('has enough tags with unique kebab-case slugs and non-empty names and descriptions', () => {
    expect(tagHierarchy.length).toBeGreaterThanOrEqual(120);
    const slugs = tagHierarchy.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const t of tagHierarchy) {
      expect(t.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.name.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
      expect(new Set(t.parents).size).toBe(t.parents.length);
      expect(t.parents).not.toContain(t.slug);
    }
  });

  it('has 4 to 6 roots', () => {
    const roots = tagRoots().map((t) => t.slug);
    expect(roots.length).toBeGreaterThanOrEqual(4);
    expect(roots.length).toBeLessThanOrEqual(6);
  });

  it('is 3 to 4 levels deep, with every parent known and no cycles', () => {
    const levels = tagLevels();
    expect(levels.size).toBe(tagHierarchy.length);
    const deepest = Math.max(...levels.values());
    expect(deepest).toBeGreaterThanOrEqual(3);
    expect(deepest).toBeLessThanOrEqual(4);
    // Every root has a real subtree rather than being a lone label.
    for (const root of tagRoots()) {
      const below = tagHierarchy.filter((t) => tagAncestors(t.slug).includes(root.slug));
      expect(below.length, root.slug).toBeGreaterThanOrEqual(15);
    }
  });

  it('every tag reaches a root', () => {
    const roots = new Set(tagRoots().map((t) => t.slug));
    for (const t of tagHierarchy) {
      if (roots.has(t.slug)) continue;
      expect(
        tagAncestors(t.slug).some((a) => roots.has(a)),
        t.slug,
      ).toBe(true);
    }
  });

  it('is a genuine polyhierarchy', () => {
    const twoParents = tagHierarchy.filter((t) => t.parents.length === 2);
    expect(twoParents.length).toBeGreaterThanOrEqual(8);
    expect(tagHierarchy.find((t) => t.slug === 'ink-wash')?.parents).toEqual([
      'painting',
      'east-asian-styles',
    ]);
  });

  it('tagLevels refuses cycles and unknown parents', () => {
    const cyclic: TagDefinition[] = [
      { slug: 'a', name: 'A', description: 'a', parents: ['b'] },
      { slug: 'b', name: 'B', description: 'b', parents: ['a'] },
    ];
    expect(() => tagLevels(cyclic)).toThrow(/cycle/);
    const orphan: TagDefinition[] = [{ slug: 'a', name: 'A', description: 'a', parents: ['nope'] }];
    expect(() => tagLevels(orphan)).toThrow(/unknown tag 'nope'/);
  });
});
