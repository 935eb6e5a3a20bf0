// The model catalogue meets reality: each image server's /object_info lists the checkpoints and LoRAs
// it has. Catalogue rows are marked available (and on which servers); files the catalogue does not know
// yet are added with what can be said about them (their file name).
import { sql } from 'kysely';
import type { BackendPool } from '../../comfyui/backends';
import type { Database } from '../../db/database';

type Table = 'models_checkpoints' | 'models_loras';

function choices(
  info: Record<string, { input?: { required?: Record<string, unknown[]> } }>,
  node: string,
  input: string,
): string[] {
  const list = info[node]?.input?.required?.[input]?.[0];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

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
  for (const client of backends.clients) {
    const info = await client.objectInfo().catch(() => null);
    if (!info) continue;
    reached.push(client.name);
    for (const file of choices(info, 'CheckpointLoaderSimple', 'ckpt_name'))
      checkpoints.set(file, [...(checkpoints.get(file) ?? []), client.name]);
    for (const file of choices(info, 'LoraLoader', 'lora_name'))
      loras.set(file, [...(loras.get(file) ?? []), client.name]);
  }
  // With no server reachable, keep the last known state rather than marking everything unavailable.
  if (reached.length === 0) return { checkpoints: 0, loras: 0, servers: [] };
  await mark(db, 'models_checkpoints', checkpoints);
  await mark(db, 'models_loras', loras);
  return { checkpoints: checkpoints.size, loras: loras.size, servers: reached };
}
