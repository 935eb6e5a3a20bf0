// `genonaut db types`: migrates a scratch database and regenerates server/src/db/types.ts from it with
// kysely-codegen (settings in .kysely-codegenrc.json). The integration tests fail when the committed
// file differs from what this would write.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../db/migrate';
import { createScratchDatabase, dropDatabase, resolveTestPostgres } from '../runtime/test-database';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function regenerateDbTypes(env: Record<string, string | undefined>): Promise<void> {
  const server = await resolveTestPostgres(env, (m) => console.log(m));
  const name = `genonaut_types_${randomBytes(4).toString('hex')}`;
  try {
    const url = await createScratchDatabase(server.adminUrl, name);
    try {
      await migrateToLatest(url);
      await promisify(execFile)(path.join(root, 'node_modules/.bin/kysely-codegen'), ['--url', url], {
        cwd: root,
      });
      console.log('Wrote server/src/db/types.ts');
    } finally {
      await dropDatabase(server.adminUrl, name);
    }
  } finally {
    await server.stop?.();
  }
}
