import { sql, type Kysely } from 'kysely';

// The API caches shareable responses (anonymous gallery first pages, content stats, the tag hierarchy and
// popular tags; SPEC §12). Every write that can change them, by any writer (API, workers, seeds, jobs,
// SQL by hand), announces itself with NOTIFY '<namespace>:<txid>', which PostgreSQL delivers only when
// the transaction commits: the API then moves that namespace to that new version, so a response cached
// before the commit is never served after it. Statement-level triggers: one notification per statement, and
// PostgreSQL folds identical notifications of one transaction into one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_cache_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      namespace text;
    BEGIN
      FOREACH namespace IN ARRAY TG_ARGV LOOP
        PERFORM pg_notify('genonaut_cache', namespace || ':' || txid_current());
      END LOOP;
      RETURN NULL;
    END $$;

    CREATE TRIGGER content_items_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_items
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('content');
    CREATE TRIGGER content_tags_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_tags
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('content');
    CREATE TRIGGER gen_source_stats_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gen_source_stats
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('content');
    -- Cards show the creator's names; an account switched off hides its items.
    CREATE TRIGGER users_cache AFTER UPDATE OF username, display_name, is_active OR DELETE ON users
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('content');
    CREATE TRIGGER tags_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tags
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('tags', 'content');
    CREATE TRIGGER tag_parents_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tag_parents
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('tags', 'content');
    CREATE TRIGGER tag_cardinality_stats_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tag_cardinality_stats
      FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('tags');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER tag_cardinality_stats_cache ON tag_cardinality_stats;
    DROP TRIGGER tag_parents_cache ON tag_parents;
    DROP TRIGGER tags_cache ON tags;
    DROP TRIGGER users_cache ON users;
    DROP TRIGGER gen_source_stats_cache ON gen_source_stats;
    DROP TRIGGER content_tags_cache ON content_tags;
    DROP TRIGGER content_items_cache ON content_items;
    DROP FUNCTION notify_cache_change();
  `.execute(db);
}
