import { sql, type Kysely } from 'kysely';

// A removed item takes its flag with it (flagged_content cascades from content_items), so the moderation
// stats count removals from the audit log, which also holds every login and admin action. This partial
// index keeps that count an index-only read however large the log grows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX audit_log_moderation_remove_idx ON audit_log (created_at)
      WHERE action = 'admin.moderation_remove';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX audit_log_moderation_remove_idx;`.execute(db);
}
