import { sql, type Kysely } from 'kysely';

// An item the user rates or bookmarks leaves their recommendation list at once (SPEC §9.6), by any
// writer, the way a refresh drops an item: the row stays, marked `replaced_at`, when it carries
// served/clicked feedback (the profile learns from it) and is deleted otherwise; dismissed rows are
// never touched. Reading the list then needs no check against ratings and bookmarks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION recommendations_leave_list() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM recommendations
      WHERE user_id = NEW.user_id AND content_id = NEW.content_id
        AND dismissed_at IS NULL AND replaced_at IS NULL AND served_at IS NULL AND clicked_at IS NULL;
      UPDATE recommendations SET replaced_at = now()
      WHERE user_id = NEW.user_id AND content_id = NEW.content_id
        AND dismissed_at IS NULL AND replaced_at IS NULL;
      RETURN NULL;
    END $$;

    CREATE TRIGGER content_ratings_leave_recommendations AFTER INSERT ON content_ratings
      FOR EACH ROW EXECUTE FUNCTION recommendations_leave_list();
    CREATE TRIGGER bookmarks_leave_recommendations AFTER INSERT ON bookmarks
      FOR EACH ROW EXECUTE FUNCTION recommendations_leave_list();

    -- Items rated or bookmarked before this migration leave the lists now.
    DELETE FROM recommendations r
    WHERE r.dismissed_at IS NULL AND r.replaced_at IS NULL AND r.served_at IS NULL AND r.clicked_at IS NULL
      AND (EXISTS (SELECT 1 FROM content_ratings x WHERE x.user_id = r.user_id AND x.content_id = r.content_id)
        OR EXISTS (SELECT 1 FROM bookmarks x WHERE x.user_id = r.user_id AND x.content_id = r.content_id));
    UPDATE recommendations r SET replaced_at = now()
    WHERE r.dismissed_at IS NULL AND r.replaced_at IS NULL
      AND (EXISTS (SELECT 1 FROM content_ratings x WHERE x.user_id = r.user_id AND x.content_id = r.content_id)
        OR EXISTS (SELECT 1 FROM bookmarks x WHERE x.user_id = r.user_id AND x.content_id = r.content_id));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER bookmarks_leave_recommendations ON bookmarks;
    DROP TRIGGER content_ratings_leave_recommendations ON content_ratings;
    DROP FUNCTION recommendations_leave_list();
  `.execute(db);
}
