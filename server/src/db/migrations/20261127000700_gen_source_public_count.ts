import { sql, type Kysely } from 'kysely';

// The gallery's community counts must not include other users' private (or moderation-hidden) items,
// so each gen_source_stats row also carries how many of its items everyone may see.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE gen_source_stats
      ADD COLUMN public_count bigint NOT NULL DEFAULT 0
        CONSTRAINT gen_source_stats_public_count_check CHECK (public_count >= 0 AND public_count <= count);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE gen_source_stats DROP COLUMN public_count;`.execute(db);
}
