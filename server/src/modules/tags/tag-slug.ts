// Slugs derived from tag names. A slug also fixes the tag's id (UUID v5 of the slug), so it is chosen
// once at creation and never changes.

/** Lower-case ASCII words joined by single hyphens (`Oil Painting!` → `oil-painting`); '' if none. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Static paths under /tags/ that would shadow a tag with this slug in `GET /tags/:id` (id or slug). */
export const RESERVED_TAG_SLUGS: ReadonlySet<string> = new Set(['hierarchy', 'popular', 'autocomplete']);
