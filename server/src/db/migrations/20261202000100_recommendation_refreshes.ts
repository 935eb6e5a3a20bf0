import { sql, type Kysely } from 'kysely';

// Recommendations are recomputed per user (SPEC §9.6). A refresh replaces the user's list but keeps the
// feedback history: an item that drops out of the list while it carries served/clicked feedback stays as
// a row marked `replaced_at` (the profile still learns from it), dismissed rows stay forever. The list
// index covers only the rows the list shows, in its order. `recommendation_refreshes` remembers when each
// user's list was computed (so an empty result is not recomputed on every read) and when they were last
// told about new picks (at most one notification a day).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE recommendations ADD COLUMN replaced_at timestamptz;
    DROP INDEX recommendations_user_score_idx;
    CREATE INDEX recommendations_list_idx ON recommendations (user_id, score DESC, content_id DESC)
      WHERE dismissed_at IS NULL AND replaced_at IS NULL;

    CREATE TABLE recommendation_refreshes (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      refreshed_at timestamptz NOT NULL DEFAULT now(),
      item_count integer NOT NULL DEFAULT 0 CONSTRAINT recommendation_refreshes_item_count_check CHECK (item_count >= 0),
      notified_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE recommendation_refreshes;
    DROP INDEX recommendations_list_idx;
    DELETE FROM recommendations WHERE replaced_at IS NOT NULL;
    ALTER TABLE recommendations DROP COLUMN replaced_at;
    CREATE INDEX recommendations_user_score_idx ON recommendations (user_id, score DESC) WHERE dismissed_at IS NULL;
  `.execute(db);
}
