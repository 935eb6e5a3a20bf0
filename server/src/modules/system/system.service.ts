// Health of the API's dependencies and site-wide counts.
import type { Redis } from 'ioredis';
import type { CheckStatus, DependencyCheck, GlobalStatsResponse, HealthResponse } from '@genonaut/contracts';
import type { ComfyBackendConfig } from '../../config';
import type { Database } from '../../db/database';
import { timed } from '../../lib/timing';
import { countGlobal, pingDatabase } from './system.repository';

const CHECK_TIMEOUT_MS = 1_500;

async function check(work: () => Promise<unknown>): Promise<DependencyCheck> {
  try {
    const { latencyMs } = await timed(work, CHECK_TIMEOUT_MS);
    return { status: 'ok', latencyMs };
  } catch (error) {
    return { status: 'down', message: error instanceof Error ? error.message : 'unreachable' };
  }
}

async function checkComfy(backend: ComfyBackendConfig) {
  const result = await check(async () => {
    const response = await fetch(`${backend.url}/system_stats`, {
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
  });
  return { name: backend.name, ...result };
}

export async function getHealth(deps: {
  db: Database;
  redis: Redis;
  version: string;
  comfyui: ComfyBackendConfig[];
}): Promise<HealthResponse> {
  const [database, redis, comfyui] = await Promise.all([
    check(() => pingDatabase(deps.db)),
    check(() => deps.redis.ping()),
    Promise.all(deps.comfyui.map(checkComfy)),
  ]);
  // The queue lives in Redis: it is as available as Redis is.
  const queue: DependencyCheck =
    redis.status === 'ok' ? { status: 'ok' } : { status: 'down', message: 'the job queue needs Redis' };
  let status: CheckStatus = 'ok';
  if (database.status !== 'ok') status = 'down';
  else if (redis.status !== 'ok' || comfyui.some((c) => c.status !== 'ok')) status = 'degraded';
  return { status, version: deps.version, checks: { database, redis, queue, comfyui } };
}

export async function getGlobalStats(db: Database): Promise<GlobalStatsResponse> {
  const row = await countGlobal(db);
  return {
    users: Number(row.users),
    contentItems: Number(row.content_items),
    regularItems: Number(row.regular_items),
    autoItems: Number(row.auto_items),
    tags: Number(row.tags),
    generationJobs: Number(row.generation_jobs),
  };
}
