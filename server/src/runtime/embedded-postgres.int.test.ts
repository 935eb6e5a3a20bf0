// Starts real embedded PostgreSQL servers in temporary directories. Run as root this proves the root
// path (server as the postgres OS user, relocation of unreachable data, the binary copy).
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres';
import { findFreePort } from './free-port';
import { withClient } from './pg-admin';

const isRoot = process.getuid?.() === 0;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

// A reachable temporary directory; mkdtemp's mode 700 would itself make the postgres user's life hard.
async function tempDir(mode = 0o755): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'embedded-pg-test-'));
  await fs.chmod(dir, mode);
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port: number, extra: { forceBinaryCopy?: boolean } = {}) {
  const logs: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir, port, log: (m) => logs.push(m), ...extra });
  cleanups.push(() => server.stop());
  return { server, logs };
}

const query = <T>(server: EmbeddedPostgresServer, text: string): Promise<T[]> =>
  withClient(server.url, async (client) => (await client.query(text)).rows as T[]);

describe('startEmbeddedPostgres', () => {
  it('initialises once, serves queries, stops and restarts on the same data', async () => {
    const dataDir = path.join(await tempDir(), 'postgres');
    const port = await findFreePort();

    const first = await start(dataDir, port);
    expect(first.server.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/genonaut`);
    expect(first.server.dataDir).toBe(dataDir);
    expect(first.logs.some((l) => l.startsWith('Initialising'))).toBe(true);
    expect(await query(first.server, 'select 1 as one')).toEqual([{ one: 1 }]);
    await query(first.server, "create table kept (v text); insert into kept values ('ünïcode')");
    if (isRoot) expect((await fs.stat(dataDir)).uid).not.toBe(0);
    await first.server.stop();
    await first.server.stop();
    expect(await fs.readdir(dataDir)).not.toContain('postmaster.pid');

    const second = await start(dataDir, port);
    expect(second.logs.some((l) => l.startsWith('Initialising'))).toBe(false);
    expect(await query(second.server, 'select v from kept')).toEqual([{ v: 'ünïcode' }]);
    await second.server.stop();
  });

  it('reuses a server still running on the data directory', async () => {
    const dataDir = path.join(await tempDir(), 'postgres');
    const { server } = await start(dataDir, await findFreePort());
    const again = await start(dataDir, await findFreePort());
    expect(again.logs.some((l) => l.startsWith('Reusing'))).toBe(true);
    expect(again.server.url).toBe(server.url);
    await again.server.stop();
    expect(await query(server, 'select 1 as one')).toEqual([{ one: 1 }]);
    await server.stop();
  });

  it('says clearly when the port is taken', async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const dataDir = path.join(await tempDir(), 'postgres');
    await expect(start(dataDir, port)).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
  });

  it.runIf(isRoot)('as root, moves data out of a directory the postgres user cannot enter', async () => {
    const hidden = await tempDir(0o700);
    const { server, logs } = await start(path.join(hidden, 'postgres'), await findFreePort());
    cleanups.push(() => fs.rm(server.dataDir, { recursive: true, force: true }));
    expect(server.dataDir.startsWith(hidden)).toBe(false);
    expect(logs.some((l) => l.includes(`instead of ${path.join(hidden, 'postgres')}`))).toBe(true);
    expect(await query(server, 'select 1 as one')).toEqual([{ one: 1 }]);
    await server.stop();
  });

  it.runIf(isRoot)('as root, runs from a copy of the binaries when asked to', async () => {
    const dataDir = path.join(await tempDir(), 'postgres');
    const { server } = await start(dataDir, await findFreePort(), { forceBinaryCopy: true });
    const [row] = await query<{ path: string }>(
      server,
      "select setting as path from pg_settings where name = 'data_directory'",
    );
    expect(row?.path).toBe(dataDir);
    await server.stop();
  });
});
