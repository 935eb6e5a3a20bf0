// Secondary indexes are cheaper built once over the loaded rows than maintained row by row during COPY
// (the trigram GIN indexes on prompts and titles most of all). Indexes that back a constraint (primary
// keys, unique constraints) stay: the load relies on them. The caller rebuilds what was dropped even when
// the load fails, so the database never stays without them.
import type pg from 'pg';

export interface DeferredIndex {
  name: string;
  definition: string;
}

export async function dropSecondaryIndexes(
  client: pg.PoolClient,
  tables: string[],
): Promise<DeferredIndex[]> {
  const { rows } = await client.query<DeferredIndex>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     -- The longest builds first (the GIN trigram indexes, then the biggest tables), so the connections
     -- finish together instead of one starting the longest build last.
     ORDER BY (SELECT amname FROM pg_am a JOIN pg_class c ON c.relam = a.oid WHERE c.oid = i.indexrelid) = 'gin' DESC,
       pg_relation_size(i.indrelid) DESC, 1`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return rows;
}

/** Builds the indexes over the given connections, one index per connection at a time. */
export async function rebuildIndexes(
  clients: pg.PoolClient[],
  indexes: DeferredIndex[],
  log: (message: string) => void,
): Promise<void> {
  const queue = [...indexes];
  await Promise.all(
    clients.map(async (client) => {
      // GIN builds flush their accumulated entries whenever this fills up.
      await client.query(`SET maintenance_work_mem = '1GB'`);
      for (let index = queue.shift(); index; index = queue.shift()) {
        const started = Date.now();
        await client.query(index.definition);
        log(`index ${index.name} rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }),
  );
}
