// Tags (the curated hierarchy), the model catalogue and the moderation word list. Upserts: running it
// again refreshes names and descriptions and adds what is new, never duplicates.
import { sql } from 'kysely';
import type { Database } from '../../database';
import { loadCheckpoints, loadFlagWords, loadLoras } from '../catalogue';
import { tagHierarchy } from '../vocabulary/tag-hierarchy';
import { tagIdForSlug } from '../../../lib/tag-id';
import { seedFlagWords } from '../../../modules/moderation/moderation.repository';

export async function seedTaxonomy(db: Database): Promise<{ tags: number; edges: number }> {
  await db
    .insertInto('tags')
    .values(tagHierarchy.map((t) => ({ slug: t.slug, name: t.name, description: t.description })))
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({ name: sql`excluded.name`, description: sql`excluded.description` }),
    )
    .execute();
  const edges = tagHierarchy.flatMap((t) =>
    t.parents.map((p) => ({ tag_id: tagIdForSlug(t.slug), parent_id: tagIdForSlug(p) })),
  );
  if (edges.length > 0)
    await db
      .insertInto('tag_parents')
      .values(edges)
      .onConflict((oc) => oc.doNothing())
      .execute();

  await seedModelCatalogue(db);
  await seedFlagWords(db, loadFlagWords());
  return { tags: tagHierarchy.length, edges: edges.length };
}

/** The shipped model catalogue (idempotent upsert): what the generate page offers before a sync. */
export async function seedModelCatalogue(db: Database): Promise<void> {
  await db
    .insertInto('models_checkpoints')
    .values(
      loadCheckpoints().map((c) => ({
        filename: c.filename,
        name: c.name,
        architecture: c.architecture,
        family: c.family,
        version: c.version,
        description: c.description,
        rating: c.rating,
        tags: c.tags,
      })),
    )
    .onConflict((oc) =>
      oc.column('filename').doUpdateSet({
        name: sql`excluded.name`,
        architecture: sql`excluded.architecture`,
        family: sql`excluded.family`,
        version: sql`excluded.version`,
        description: sql`excluded.description`,
        rating: sql`excluded.rating`,
        tags: sql`excluded.tags`,
      }),
    )
    .execute();
  await db
    .insertInto('models_loras')
    .values(
      loadLoras().map((l) => ({
        filename: l.filename,
        name: l.name,
        compatible_architectures: l.compatibleArchitectures,
        family: l.family,
        version: l.version,
        description: l.description,
        rating: l.rating,
        tags: l.tags,
        trigger_words: l.triggerWords,
        optimal_checkpoints: l.optimalCheckpoints,
        recommended_strength: l.recommendedStrength,
      })),
    )
    .onConflict((oc) =>
      oc.column('filename').doUpdateSet({
        name: sql`excluded.name`,
        compatible_architectures: sql`excluded.compatible_architectures`,
        description: sql`excluded.description`,
        rating: sql`excluded.rating`,
        tags: sql`excluded.tags`,
        trigger_words: sql`excluded.trigger_words`,
        optimal_checkpoints: sql`excluded.optimal_checkpoints`,
        recommended_strength: sql`excluded.recommended_strength`,
      }),
    )
    .execute();
}
