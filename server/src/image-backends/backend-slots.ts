// Per-backend concurrency across every worker process (SPEC §5.3). A backend's slots are a Redis sorted
// set of lease tokens scored by when they expire. Choosing the backend and taking its slot is one Lua
// script, so two workers can never both take the last slot; a job renews its lease while it runs, and
// the lease of a worker that died expires, freeing the slot for the worker that takes the job over.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BackendUnavailableError } from './backend-errors';
import type { BackendPool } from './backend-pool';
import type { ImageBackend } from './image-backend';

/** Redis's clock in ms: the workers' own clocks never have to agree about a lease. */
const NOW =
  "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

// KEYS: the candidates' slot sets (the earlier wins a tie). ARGV: lease ms, token, then each candidate's
// capacity and queue length. Takes a slot on the free candidate with the least queue plus slots taken;
// answers its 1-based index, or 0 when every candidate is full.
const TAKE = `${NOW}
local best, bestScore = 0, nil
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  local held = redis.call('ZCARD', key)
  local score = tonumber(ARGV[2 + i * 2]) + held
  if held < tonumber(ARGV[1 + i * 2]) and (bestScore == nil or score < bestScore) then
    best, bestScore = i, score
  end
end
if best > 0 then
  redis.call('ZADD', KEYS[best], now + tonumber(ARGV[1]), ARGV[2])
  redis.call('PEXPIRE', KEYS[best], 2 * tonumber(ARGV[1]))
end
return best`;

// KEYS[1]: a slot set. ARGV: lease ms, token. A lease that already expired is not brought back.
const RENEW = `${NOW}
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[1]))
return 1`;

// KEYS: slot sets. Answers the leases of each that have not expired.
const IN_USE = `${NOW}
local counts = {}
for i, key in ipairs(KEYS) do counts[i] = redis.call('ZCOUNT', key, '(' .. now, '+inf') end
return counts`;

export interface SlotDeps {
  redis: Redis;
  /** REDIS_KEY_PREFIX: the slots are shared by the workers of one install. */
  prefix: string;
  pool: BackendPool;
  /** How long a slot stays taken without renewal: a dead worker's slot is free after this. */
  leaseMs: number;
  /** How often a job waiting for a slot looks again. */
  pollMs?: number;
}

export interface SlotLease {
  backend: ImageBackend;
  release(): Promise<void>;
}

const slotKey = (prefix: string, name: string) => `${prefix}:backend-slots:${name}`;

/** Slots taken on each backend, by every worker. */
export async function slotsInUse(deps: SlotDeps): Promise<Map<string, number>> {
  const names = deps.pool.backends.map((b) => b.name);
  if (names.length === 0) return new Map();
  const counts = (await deps.redis.eval(
    IN_USE,
    names.length,
    ...names.map((n) => slotKey(deps.prefix, n)),
  )) as number[];
  return new Map(names.map((name, i) => [name, Number(counts[i] ?? 0)]));
}

/** The backends a job may take a slot on now, with their queue lengths. */
async function freeCandidates(
  deps: SlotDeps,
  preferred: string | null | undefined,
): Promise<{ backend: ImageBackend; load: number }[]> {
  const { pool } = deps;
  const inUse = await slotsInUse(deps);
  const wanted = preferred ? pool.backends.filter((b) => b.name === preferred) : pool.backends;
  const free = wanted.filter((b) => (inUse.get(b.name) ?? 0) < pool.capacity(b.name));
  // A requested backend is used whatever its health: the run reports it unreachable and is retried.
  if (preferred) return free.map((backend) => ({ backend, load: 0 }));
  const status = await pool.status(free);
  const healthy = free.flatMap((backend, i) => {
    const load = status[i]?.queueLength;
    return load === null || load === undefined ? [] : [{ backend, load }];
  });
  // Waiting is for busy servers; when none is busy and none answers, the job retries later instead.
  if (healthy.length === 0 && free.length === pool.backends.length)
    throw new BackendUnavailableError('No image server is reachable');
  return healthy;
}

function lease(deps: SlotDeps, backend: ImageBackend, token: string): SlotLease {
  const key = slotKey(deps.prefix, backend.name);
  const timer = setInterval(
    () => void deps.redis.eval(RENEW, 1, key, deps.leaseMs, token).catch(() => {}),
    Math.max(100, Math.floor(deps.leaseMs / 3)),
  );
  timer.unref();
  let released = false;
  return {
    backend,
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      await deps.redis.zrem(key, token);
    },
  };
}

/**
 * Waits for a slot on `preferred`, or on the healthy backend with the shortest queue (its server's queue
 * plus the slots taken on it), and takes it. Resolves to null as soon as `stop` answers true (the job no
 * longer wants a slot); throws BackendUnavailableError for an unknown name, or when no backend with a
 * free slot answers and none is busy.
 */
export async function takeBackendSlot(
  deps: SlotDeps,
  preferred?: string | null,
  stop?: () => Promise<boolean>,
): Promise<SlotLease | null> {
  if (preferred && !deps.pool.get(preferred))
    throw new BackendUnavailableError(`No image server is configured with the name "${preferred}"`);
  for (;;) {
    const candidates = await freeCandidates(deps, preferred);
    if (candidates.length > 0) {
      const token = randomUUID();
      const taken = await deps.redis.eval(
        TAKE,
        candidates.length,
        ...candidates.map((c) => slotKey(deps.prefix, c.backend.name)),
        deps.leaseMs,
        token,
        ...candidates.flatMap((c) => [deps.pool.capacity(c.backend.name), c.load]),
      );
      const chosen = candidates[Number(taken) - 1];
      if (chosen) return lease(deps, chosen.backend, token);
    }
    if (await stop?.()) return null;
    await new Promise((resolve) => setTimeout(resolve, deps.pollMs ?? 500));
  }
}
