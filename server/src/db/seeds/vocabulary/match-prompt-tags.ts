// Finds vocabulary tags in a free-form prompt, for tagging generated images by what their prompt says:
// whole vocabulary phrases contribute the tags they imply, and tag names or slugs found as whole words
// contribute themselves. Roots and their direct children are skipped: words like "style" or "mood" appear
// in prompts without meaning the category.
import { tagHierarchy, tagLevels } from './tag-hierarchy';
import { allFragments } from './prompt-vocabulary';

interface Matcher {
  pattern: RegExp;
  tags: string[];
}

let matchers: Matcher[] | undefined;

function phrasePattern(phrase: string): RegExp {
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`);
}

function buildMatchers(): Matcher[] {
  const levels = tagLevels();
  const out: Matcher[] = allFragments
    .filter((f) => f.tags.length > 0)
    .map((f) => ({ pattern: phrasePattern(f.text), tags: f.tags }));
  for (const t of tagHierarchy) {
    if ((levels.get(t.slug) ?? 0) < 3) continue;
    for (const phrase of new Set([t.name.toLowerCase(), t.slug.replace(/-/g, ' '), t.slug])) {
      out.push({ pattern: phrasePattern(phrase), tags: [t.slug] });
    }
  }
  return out;
}

/** Sorted, distinct tag slugs the prompt mentions. */
export function matchPromptTags(prompt: string): string[] {
  matchers ??= buildMatchers();
  const text = prompt.toLowerCase();
  const found = new Set<string>();
  for (const m of matchers) {
    if (m.pattern.test(text)) for (const slug of m.tags) found.add(slug);
  }
  return [...found].sort();
}
