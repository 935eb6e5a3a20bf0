import { sql, type Kysely } from 'kysely';

// SPEC §9.4 keeps at most the last 1 000 searches per user. A trigger enforces it for every writer (the
// API, seeds, scripts), so the history cannot grow without bound and its grouped reads stay small. The
// (user_id, created_at DESC) index serves the walk past the newest 1 000. Queries must hold more than
// whitespace, as the API trims them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM user_search_history WHERE query !~ '\\S';
    ALTER TABLE user_search_history
      ADD CONSTRAINT user_search_history_query_not_blank CHECK (query ~ '\\S');

    CREATE FUNCTION user_search_history_keep_recent() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM user_search_history
      WHERE id IN (
        SELECT id FROM user_search_history WHERE user_id = NEW.user_id
        ORDER BY created_at DESC, id DESC OFFSET 1000
      );
      RETURN NULL;
    END $$;
    CREATE TRIGGER user_search_history_keep_recent AFTER INSERT ON user_search_history
      FOR EACH ROW EXECUTE FUNCTION user_search_history_keep_recent();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER user_search_history_keep_recent ON user_search_history;
    DROP FUNCTION user_search_history_keep_recent();
    ALTER TABLE user_search_history DROP CONSTRAINT user_search_history_query_not_blank;
  `.execute(db);
}
