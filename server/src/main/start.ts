// `genonaut start` (what `npm start` runs): the whole product in one process tree for a laptop or a demo.
// PostgreSQL: DATABASE_URL, else embedded. Redis: REDIS_URL if it answers, else a private redis-server,
// else a clear message. ComfyUI: COMFYUI_URLS, else the built-in mock. Then migrations, demo data on
// first run, the worker and the API.
import path from 'node:path';
import type { Config } from '../config';
import { migrateToLatest } from '../db/migrate';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres';
import { isRedisReachable, REDIS_MISSING_MESSAGE, startPrivateRedis } from '../runtime/redis-server';
import { listenApi } from './api';
import { listenComfyMock } from './comfyui-mock';
import { prepareDemoData } from './seed-demo';
import { onShutdown } from './shutdown';
import { startWorker } from './worker';

const say = (message: string) => console.log(`[genonaut] ${message}`);

export async function start(initial: Config): Promise<void> {
  let config = initial;
  try {
    config = await withDatabase(config);
    config = await withRedis(config);
    config = await withComfyUi(config);

    say('Applying migrations…');
    const applied = await migrateToLatest(config.databaseUrl ?? '');
    say(applied.length > 0 ? `Applied ${applied.length} migration(s).` : 'Database schema is up to date.');

    const demo = await prepareDemoData(config, say);

    const worker = await startWorker(config);
    onShutdown(() => worker.close());
    const app = await listenApi(config);
    onShutdown(() => app.close());

    const url = `http://localhost:${config.port}`;
    say(`Genonaut is running at ${url} (API docs at ${url}/docs)`);
    if (demo) say(demo);
    say('Press Ctrl+C to stop.');
  } catch (error) {
    console.error(`[genonaut] Could not start: ${error instanceof Error ? error.message : String(error)}`);
    const { shutdown } = await import('./shutdown');
    await shutdown();
    process.exit(1);
  }
}

async function withDatabase(config: Config): Promise<Config> {
  if (config.databaseUrl) {
    say(`Using PostgreSQL at ${redact(config.databaseUrl)}`);
    return config;
  }
  say(`DATABASE_URL is not set: starting embedded PostgreSQL (data in ${config.embeddedPgDir})…`);
  const pg = await startEmbeddedPostgres({
    dataDir: path.resolve(config.embeddedPgDir),
    port: config.embeddedPgPort,
    log: say,
  });
  onShutdown(() => pg.stop());
  return { ...config, databaseUrl: pg.url };
}

async function withRedis(config: Config): Promise<Config> {
  if (await isRedisReachable(config.redisUrl)) {
    say(`Using Redis at ${redact(config.redisUrl)}`);
    return config;
  }
  const dataRoot = path.dirname(path.resolve(config.embeddedPgDir));
  const redis = await startPrivateRedis({ dir: path.join(dataRoot, 'redis'), log: say });
  if (!redis) throw new Error(REDIS_MISSING_MESSAGE);
  say(`(Redis at ${redact(config.redisUrl)} did not answer.)`);
  onShutdown(() => redis.stop());
  return { ...config, redisUrl: redis.url };
}

async function withComfyUi(config: Config): Promise<Config> {
  if (config.comfyuiUrls) return config;
  const mock = await listenComfyMock(config);
  onShutdown(() => mock.close());
  say(`COMFYUI_URLS is not set: the built-in ComfyUI mock answers at ${mock.url}`);
  return { ...config, comfyuiUrls: [{ name: 'mock', url: mock.url }] };
}

/** Hides the password of a connection string in logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
