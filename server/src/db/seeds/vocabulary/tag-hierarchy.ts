// The project's curated tag vocabulary: five roots (subject, style, medium, atmosphere, composition),
// three to four levels deep, with a few tags that genuinely belong under two parents.
import { atmosphereTags } from './tags-atmosphere';
import { compositionTags } from './tags-composition';
import { mediumTags } from './tags-medium';
import { styleTags } from './tags-style';
import { subjectTags } from './tags-subject';
import type { TagDefinition } from './tag-types';

export type { TagDefinition } from './tag-types';

export const tagHierarchy: TagDefinition[] = [
  ...subjectTags,
  ...styleTags,
  ...mediumTags,
  ...atmosphereTags,
  ...compositionTags,
];

export function tagRoots(tags: TagDefinition[] = tagHierarchy): TagDefinition[] {
  return tags.filter((t) => t.parents.length === 0);
}

/**
 * Level of every tag (roots are level 1) along its longest path from a root, so a tag with two parents
 * counts at its deeper placement. Throws on an unknown parent or a cycle, which is what the seed and
 * the tests rely on to reject a broken vocabulary.
 */
export function tagLevels(tags: TagDefinition[] = tagHierarchy): Map<string, number> {
  const bySlug = new Map(tags.map((t) => [t.slug, t]));
  const levels = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (slug: string): number => {
    const known = levels.get(slug);
    if (known !== undefined) return known;
    const node = bySlug.get(slug);
    if (!node) throw new Error(`unknown tag '${slug}'`);
    if (visiting.has(slug)) throw new Error(`tag cycle through '${slug}'`);
    visiting.add(slug);
    const level = node.parents.length === 0 ? 1 : 1 + Math.max(...node.parents.map(levelOf));
    visiting.delete(slug);
    levels.set(slug, level);
    return level;
  };
  for (const t of tags) levelOf(t.slug);
  return levels;
}

/** Every ancestor of a tag (not the tag itself), for expanding a tag filter to its subtree's parents. */
export function tagAncestors(slug: string, tags: TagDefinition[] = tagHierarchy): string[] {
  const bySlug = new Map(tags.map((t) => [t.slug, t]));
  const seen = new Set<string>();
  const stack = [...(bySlug.get(slug)?.parents ?? [])];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    stack.push(...(bySlug.get(next)?.parents ?? []));
  }
  return [...seen];
}
