// The ~1 000 tags of the benchmark dataset: the curated hierarchy plus generated long-tail tags
// ("amber lantern"), each placed under a curated tag so parent filters with descendants reach them.
// Popularity ranks put the curated tags first (shuffled) and the generated ones in the tail.
import { tagIdForSlug } from '../../../lib/tag-id';
import { createRng, type Rng } from '../../../lib/rng';
import { tagHierarchy } from '../vocabulary/tag-hierarchy';

export interface BulkTag {
  id: string;
  slug: string;
  name: string;
  parents: string[];
  generated: boolean;
}

const adjectives = [
  'amber',
  'ashen',
  'azure',
  'brass',
  'cinder',
  'cobalt',
  'copper',
  'coral',
  'crimson',
  'dusky',
  'ember',
  'faded',
  'feral',
  'frosted',
  'gilded',
  'glass',
  'hollow',
  'indigo',
  'ivory',
  'jade',
  'lunar',
  'misty',
  'mossy',
  'neon',
  'obsidian',
  'opal',
  'pale',
  'quiet',
  'rusty',
  'saffron',
  'silver',
  'smoky',
  'solar',
  'stormy',
  'sunken',
  'tidal',
  'velvet',
  'verdant',
  'woven',
  'zephyr',
];
const nouns = [
  'lantern',
  'harbor',
  'orchard',
  'spire',
  'meadow',
  'citadel',
  'grotto',
  'compass',
  'lagoon',
  'atlas',
  'beacon',
  'canopy',
  'cascade',
  'dune',
  'ferry',
  'glade',
  'hearth',
  'isle',
  'kiln',
  'loom',
];

/** The curated tags and `generatedCount` long-tail tags, in popularity-rank order. */
export function bulkTags(generatedCount: number, seed: number): BulkTag[] {
  const rng = createRng(seed ^ 0x5eed7a9);
  const curated: BulkTag[] = tagHierarchy.map((t) => ({
    id: tagIdForSlug(t.slug),
    slug: t.slug,
    name: t.name,
    parents: t.parents,
    generated: false,
  }));
  const max = adjectives.length * nouns.length;
  if (generatedCount > max) throw new Error(`at most ${max} generated tags`);
  const combos = shuffle(
    rng,
    adjectives.flatMap((a) => nouns.map((n) => [a, n] as const)),
  ).slice(0, generatedCount);
  const parents = curated.filter((t) => t.parents.length > 0);
  const generated: BulkTag[] = combos.map(([a, n]) => {
    const slug = `${a}-${n}`;
    const parent = parents[Math.floor(rng() * parents.length)];
    return {
      id: tagIdForSlug(slug),
      slug,
      name: `${a[0]?.toUpperCase()}${a.slice(1)} ${n}`,
      parents: parent ? [parent.slug] : [],
      generated: true,
    };
  });
  return [...shuffle(rng, curated), ...generated];
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
