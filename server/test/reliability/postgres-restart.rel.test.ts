// PostgreSQL restarted under a running API: while it is down, requests that need it answer 503 (not 500,
// and none hangs), a write made meanwhile leaves nothing behind, and once it is back the same API process
// serves reads and writes again, with no restart.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { migrateToLatest } from '../../src/db/migrate';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../../src/runtime/embedded-postgres';
import { findFreePort } from '../../src/runtime/free-port';
import { as, signUp } from '../auth-helpers';
import { createContent, createUser } from '../factories';
import { testConfig } from '../test-context';

let server: EmbeddedPostgresServer | undefined;
let app: FastifyInstance | undefined;
let dir = '';
afterAll(async () => {
  await app?.close();
  await server?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const start = (dataDir: string, port: number) => startEmbeddedPostgres({ dataDir, port, log: () => {} });

describe('PostgreSQL restarted', () => {
  it('answers 503 while it is down and recovers without restarting the API', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'genonaut-pg-restart-'));
    // The server runs as the postgres user when we are root; it must be able to reach its directory.
    await fs.chmod(dir, 0o755);
    const dataDir = path.join(dir, 'postgres');
    const port = await findFreePort();
    server = await start(dataDir, port);
    await migrateToLatest(server.url);
    app = await buildApp({ config: testConfig({ DATABASE_URL: server.url }), logger: false });
    await app.ready();
    const owner = await createUser(app.db);
    const item = await createContent(app.db, owner.id);
    const read = () => app!.inject({ method: 'GET', url: `/api/v1/content/${item.id}` });
    expect((await read()).statusCode).toBe(200);
    const rater = await signUp(app);
    const rate = (rating: number) =>
      app!.inject(
        as(rater, { method: 'PUT', url: `/api/v1/content/${item.id}/rating`, payload: { rating } }),
      );
    const ratingsOfItem = () =>
      app!.db
        .selectFrom('content_ratings')
        .select(['user_id', 'rating'])
        .where('content_id', '=', item.id)
        .execute();

    await server.stop();
    const down = await read();
    expect(down.statusCode).toBe(503);
    expect(down.json<{ error: { code: string } }>().error.code).toBe('dependency_unavailable');
    expect((await app.inject({ method: 'GET', url: '/api/v1/content?pageSize=3' })).statusCode).toBe(503);
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json<{ checks: { database: { status: string } } }>().checks.database.status).toBe('down');
    const refusedWrite = await rate(2);
    expect(refusedWrite.statusCode).toBe(503);
    expect(refusedWrite.json<{ error: { code: string } }>().error.code).toBe('dependency_unavailable');

    server = await start(dataDir, port);
    let back = await read();
    for (let i = 0; i < 50 && back.statusCode !== 200; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      back = await read();
    }
    expect(back.statusCode).toBe(200);
    expect(back.json<{ id: number }>().id).toBe(item.id);
    expect((await app.inject({ method: 'GET', url: '/api/v1/content?pageSize=3' })).statusCode).toBe(200);

    // The write refused while it was down left nothing; a write now is stored, with the item's totals.
    expect(await ratingsOfItem()).toEqual([]);
    const written = await rate(4);
    expect(written.statusCode).toBe(200);
    expect(await ratingsOfItem()).toEqual([{ user_id: rater.user.id, rating: 4 }]);
    const totals = await app.db
      .selectFrom('content_items')
      .select(['rating_count', 'rating_avg'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect({ count: totals.rating_count, avg: Number(totals.rating_avg) }).toEqual({ count: 1, avg: 4 });
  });
});
