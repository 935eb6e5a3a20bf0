import { sql, type Kysely } from 'kysely';

// The API keeps who a token or a session's user is in memory (modules/auth/caller-cache.ts). Every
// committed change that could alter that answer announces itself on the cache channel under the
// `callers` namespace (notify_cache_change of …_cache_invalidation): a token revoked, re-pointed or
// deleted, a user's name, role or activity changed, a user deleted. New tokens need nothing: only rows
// that were found are kept. Marking a token used (last_used_at) changes nothing cached.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER api_tokens_callers AFTER UPDATE OF revoked_at, user_id, token_hash OR DELETE OR TRUNCATE
      ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('callers');
    CREATE TRIGGER users_callers AFTER UPDATE OF username, role, is_active OR DELETE OR TRUNCATE
      ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change('callers');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER users_callers ON users;
    DROP TRIGGER api_tokens_callers ON api_tokens;
  `.execute(db);
}
