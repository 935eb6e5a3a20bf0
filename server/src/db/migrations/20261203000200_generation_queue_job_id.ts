import { sql, type Kysely } from 'kysely';

// The BullMQ id of a generation job's current queue entry. Entries are made on submission, on each retry
// and by recovery, each with an id of its own; cancelling a queued job removes the entry named here
// rather than guessing its id from the attempt count.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE generation_jobs ADD COLUMN queue_job_id text;`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE generation_jobs DROP COLUMN queue_job_id;`.execute(db);
}
