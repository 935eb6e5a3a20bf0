// Redis for `genonaut start`: use the one at REDIS_URL when it answers, else launch a private
// redis-server on a free local port when the program is installed.
import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { findFreePort } from './free-port';

export const REDIS_MISSING_MESSAGE =
  'Genonaut needs Redis 7 or newer for its cache, sessions, job queue and live updates, and none answers ' +
  'at REDIS_URL (default redis://127.0.0.1:6379); `genonaut start` can launch a private one only when the ' +
  'redis-server program is on the PATH. Install Redis (Debian/Ubuntu: sudo apt install redis-server; ' +
  'macOS: brew install redis), start it if your system does not, and run the command again, or set ' +
  'REDIS_URL to a Redis you can reach, e.g. REDIS_URL=redis://my-redis-host:6379.';

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

export async function isRedisReachable(url: string, timeoutMs = 1_000): Promise<boolean> {
  // One attempt, no queueing and no reconnects: this is a probe, not a connection to keep.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    // The default 2 s grace for a closing socket would keep a short-lived process alive after the probe.
    disconnectTimeout: 100,
  });
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = client
    .connect()
    .then(() => client.ping())
    .then((reply) => reply === 'PONG')
    .catch(() => false);
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
    if (client.status !== 'end') client.disconnect();
  }
}

export async function findExecutable(
  name: string,
  searchPath = process.env.PATH ?? '',
): Promise<string | null> {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      await fs.access(file, constants.X_OK);
      if ((await fs.stat(file)).isFile()) return file;
    } catch {
      // Not here; keep looking.
    }
  }
  return null;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(binary: string, port: number, dir: string): Promise<PrivateRedis> {
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Keep reading the output for the server's whole life: a full pipe would block redis-server.
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    output.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim()),
    );
    output.splice(0, Math.max(0, output.length - 30));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => (exited = true));
  child.once('error', (error) => (spawnError = error));

  // Without this a crash of our process would leave redis-server running; 'exit' handlers must be sync.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (exited || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const forceKill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exit.finally(() => clearTimeout(forceKill));
  };

  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError || exited) break;
    if (await isRedisReachable(url, 500)) return { url, stop };
    await delay(100);
  }
  await stop();
  const reason =
    spawnError?.message ?? (exited ? 'it exited' : `it did not answer within ${READY_TIMEOUT_MS} ms`);
  throw new Error(`Could not start ${binary} on port ${port}: ${reason}\n${output.join('\n')}`);
}

export async function startPrivateRedis(opts: {
  dir: string;
  log: (msg: string) => void;
  /** A fixed port (e.g. to restart a server at the same address); default a free one. */
  port?: number;
}): Promise<PrivateRedis | null> {
  const binary = await findExecutable('redis-server');
  if (!binary) return null;
  await fs.mkdir(opts.dir, { recursive: true });
  // The free port may be taken between finding and binding it; a fresh one usually fixes that.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await findFreePort());
    try {
      const redis = await launch(binary, port, opts.dir);
      opts.log(`Started a private redis-server at ${redis.url} (no persistence, files in ${opts.dir})`);
      return redis;
    } catch (error) {
      if (opts.port || attempt >= 3 || !String(error).includes('Address already in use')) throw error;
    }
  }
}
