// Which PostgreSQL the tests use: TEST_DATABASE_URL if set, else a local server on 127.0.0.1:5432 if
// one answers and lets us create databases, else a throwaway embedded server. Each test run then works
// in its own scratch database on that server.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { findFreePort } from './free-port';
import { createDatabase, dropDatabase as dropDb, redactUrl, withClient } from './pg-admin';

export interface TestPostgres {
  // A connection allowed to create and drop databases.
  adminUrl: string;
  // Present when the server was started for the tests and must be stopped afterwards.
  stop?: () => Promise<void>;
}

type Env = Record<string, string | undefined>;
type Log = (msg: string) => void;

// Trust authentication is the usual setup of a developer's local server; the OS user is what psql
// would try without arguments.
export function localServerCandidates(osUser: string): string[] {
  const users = osUser && osUser !== 'postgres' ? ['postgres', osUser] : ['postgres'];
  return users.map((user) => `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/postgres`);
}

// Null when the URL connects as a role that can create databases, else why not.
export async function probeAdmin(url: string, connectTimeoutMs = 2_000): Promise<string | null> {
  try {
    const result = await withClient(
      url,
      (client) =>
        client.query<{ ok: boolean }>(
          'select rolsuper or rolcreatedb as ok from pg_roles where rolname = current_user',
        ),
      connectTimeoutMs,
    );
    return result.rows[0]?.ok ? null : 'the role may not create databases';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function startThrowaway(env: Env, log: Log): Promise<TestPostgres> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'genonaut-test-pg-'));
  // mkdtemp makes it mode 700; as root the server runs as the postgres OS user, which must get in.
  await fs.chmod(root, 0o755);
  const requested = path.join(root, 'data');
  const server = await startEmbeddedPostgres({
    dataDir: requested,
    port: await findFreePort(),
    log,
    database: 'postgres',
  }).catch(async (error: unknown) => {
    await fs.rm(root, { recursive: true, force: true });
    throw error;
  });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      if (env.KEEP_TEST_DB === '1') {
        log(`Kept the embedded test cluster's data in ${server.dataDir}`);
        return;
      }
      await fs.rm(root, { recursive: true, force: true });
      if (server.dataDir !== requested) await fs.rm(server.dataDir, { recursive: true, force: true });
    },
  };
}

export async function resolveTestPostgres(
  env: Env,
  log: Log,
  localUrls: string[] = localServerCandidates(os.userInfo().username),
): Promise<TestPostgres> {
  if (env.TEST_DATABASE_URL) {
    log(`Tests use the PostgreSQL server from TEST_DATABASE_URL (${redactUrl(env.TEST_DATABASE_URL)})`);
    return { adminUrl: env.TEST_DATABASE_URL };
  }
  const reasons: string[] = [];
  for (const url of localUrls) {
    const problem = await probeAdmin(url);
    if (problem === null) {
      log(`Tests use the local PostgreSQL server at ${url}`);
      return { adminUrl: url };
    }
    reasons.push(`${url}: ${problem}`);
  }
  const why = reasons.length ? ` (${reasons.join('; ')})` : '';
  log(`No usable local PostgreSQL${why}; starting an embedded one for the tests`);
  return startThrowaway(env, log);
}

export function createScratchDatabase(adminUrl: string, name: string): Promise<string> {
  return createDatabase(adminUrl, name);
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return dropDb(adminUrl, name);
}
