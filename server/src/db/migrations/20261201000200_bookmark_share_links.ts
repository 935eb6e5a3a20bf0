import { sql, type Kysely } from 'kysely';

// A share link must stop working the moment its category turns private: the token exists exactly while
// the category is public (the first migration only required a token for public categories), so no stale
// link can ever reach a private category's items, whatever code path changed the flag.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE bookmark_categories SET share_token = NULL WHERE NOT is_public AND share_token IS NOT NULL;
    ALTER TABLE bookmark_categories
      ADD CONSTRAINT bookmark_categories_token_only_when_public CHECK (is_public OR share_token IS NULL);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE bookmark_categories DROP CONSTRAINT bookmark_categories_token_only_when_public;`.execute(
    db,
  );
}
