// Shared shape of a curated tag. Kept apart from the data files so each of them stays small and the
// hierarchy module can import them all without an import cycle.
export interface TagDefinition {
  slug: string;
  name: string;
  description: string;
  /** Empty for a root; two entries where a tag genuinely belongs in two places. */
  parents: string[];
}

/** Compact constructor so each tag fits on one or two lines of the data files. */
export function tag(slug: string, name: string, parents: string[], description: string): TagDefinition {
  return { slug, name, description, parents };
}
