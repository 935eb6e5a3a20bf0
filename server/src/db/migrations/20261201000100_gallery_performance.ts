import { sql, type Kysely } from 'kysely';

// Indexes for the gallery at a million items (SPEC §12), each chosen from the benchmark's plans
// (docs/performance.md): one per sort, so a page walks pageSize + 1 index entries whatever the sort;
// trigram indexes so word and phrase searches (ILIKE '%…%') read only matching rows; `seed:` lookups.
// The planner needs to know each tag's own frequency to choose between reading a rare tag's items and
// walking the sort order: with the default statistics target the ~1 000 tags do not fit the
// most-common-values list, and rare tags were estimated thousands of times too high.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX content_items_top_rated_idx ON content_items (rating_avg DESC, rating_count DESC, id DESC);
    CREATE INDEX content_items_quality_idx ON content_items ((COALESCE(quality_score, -1)) DESC, id DESC);
    CREATE INDEX content_items_most_bookmarked_idx ON content_items (bookmark_count DESC, id DESC);
    CREATE INDEX content_items_seed_idx ON content_items (seed);
    CREATE INDEX content_items_title_trgm_idx ON content_items USING gin (title gin_trgm_ops);
    CREATE INDEX content_items_prompt_trgm_idx ON content_items USING gin (prompt gin_trgm_ops);
    ALTER TABLE content_tags ALTER COLUMN tag_id SET STATISTICS 2000;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE content_tags ALTER COLUMN tag_id SET STATISTICS -1;
    DROP INDEX content_items_prompt_trgm_idx;
    DROP INDEX content_items_title_trgm_idx;
    DROP INDEX content_items_seed_idx;
    DROP INDEX content_items_most_bookmarked_idx;
    DROP INDEX content_items_quality_idx;
    DROP INDEX content_items_top_rated_idx;
  `.execute(db);
}
