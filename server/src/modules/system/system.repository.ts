import { sql } from 'kysely';
import type { Database } from '../../db/database';

export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function countGlobal(db: Database) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).as('users'),
      eb.selectFrom('content_items').select(eb.fn.countAll<number>().as('n')).as('content_items'),
      eb
        .selectFrom('content_items')
        .where('source', '=', 'regular')
        .select(eb.fn.countAll<number>().as('n'))
        .as('regular_items'),
      eb
        .selectFrom('content_items')
        .where('source', '=', 'auto')
        .select(eb.fn.countAll<number>().as('n'))
        .as('auto_items'),
      eb.selectFrom('tags').select(eb.fn.countAll<number>().as('n')).as('tags'),
      eb.selectFrom('generation_jobs').select(eb.fn.countAll<number>().as('n')).as('generation_jobs'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}
