// The model catalogue meets reality: each image server lists the checkpoints and LoRAs
// it has. Catalogue rows are marked available (and on which servers); files the catalogue does not know
// yet are added with what can be said about them (their file name).
import { sql } from 'kysely';
import type { BackendPool } from '../../image-backends/backend-pool';
import type { Database } from '../../db/database';

type Table = 'models_checkpoints' | 'models_loras';

async function mark(db: Database, table: Table, onServers: Map<string, string[]>): Promise<void> {
  const files = [...onServers.keys()];
  await db.transaction().execute(async (trx) => {
    if (files.length > 0) {
      await trx
        .insertInto(table)
        .values(files.map((filename) => ({ filename, name: filename.replace(/\.[a-z0-9]+$/i, '') })))
        .onConflict((oc) => oc.column('filename').doNothing())
        .execute();
    }
    await trx
      .updateTable(table)
      .set({ is_available: false, available_on: sql`'{}'::text[]` })
      .execute();
    for (const [filename, servers] of onServers) {
      await trx
        .updateTable(table)
        .set({ is_available: true, available_on: servers })
        .where('filename', '=', filename)
        .execute();
    }
  });
}

export async function syncModels(
  db: Database,
  backends: BackendPool,
): Promise<{ checkpoints: number; loras: number; servers: string[] }> {
  const checkpoints = new Map<string, string[]>();
  const loras = new Map<string, string[]>();
  const reached: string[] = [];
  for (const backend of backends.backends) {
    const models = await backend.models().catch(() => null);
    if (!models) continue;
    reached.push(backend.name);
    for (const file of models.checkpoints)
      checkpoints.set(file, [...(checkpoints.get(file) ?? []), backend.name]);
    for (const file of models.loras) loras.set(file, [...(loras.get(file) ?? []), backend.name]);
  }
  // With no server reachable, keep the last known state rather than marking everything unavailable.
  if (reached.length === 0) return { checkpoints: 0, loras: 0, servers: [] };
  await mark(db, 'models_checkpoints', checkpoints);
  await mark(db, 'models_loras', loras);
  return { checkpoints: checkpoints.size, loras: loras.size, servers: reached };
}
