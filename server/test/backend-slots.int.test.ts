// The per-backend slots on a real Redis: the choice of backend, the limit shared by every worker, and the
// lease that frees the slot of a worker that died. The backends are an engine that is not ComfyUI: the
// slots only see the ImageBackend interface.
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../src/image-backends/backend-errors';
import { BackendPool } from '../src/image-backends/backend-pool';
import { slotsInUse, takeBackendSlot, type SlotDeps } from '../src/image-backends/backend-slots';
import type { ImageBackend, RunResult } from '../src/image-backends/image-backend';
import { createRedis } from '../src/lib/redis';
import { testConfig } from './test-context';

class FakeEngine implements ImageBackend {
  readonly engine = 'fake';
  constructor(
    readonly name: string,
    public queueLength: number | 'down',
  ) {}
  get url(): string {
    return `http://${this.name}.invalid`;
  }
  async load(): Promise<number> {
    if (this.queueLength === 'down') throw new BackendUnavailableError(`${this.name} is down`);
    return this.queueLength;
  }
  async run(): Promise<RunResult> {
    return { runId: 'r1', images: [] };
  }
  async abandon(): Promise<void> {}
  async models() {
    return { checkpoints: [], loras: [] };
  }
}

const config = testConfig();
let redis: Redis;
let prefix: string;
beforeEach(async () => {
  redis = createRedis(config.redisUrl);
  await redis.connect();
  prefix = `slots-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
});
afterEach(() => {
  redis.disconnect();
});

/** One worker's view: its own pool object and connection, the install's shared prefix. */
const worker = (backends: ImageBackend[], concurrency: number, over: Partial<SlotDeps> = {}): SlotDeps => ({
  redis,
  prefix,
  pool: new BackendPool(backends, { default: concurrency, byBackend: {} }),
  leaseMs: 30_000,
  pollMs: 20,
  ...over,
});
const never = async () => false;
const once = async () => true;

describe('takeBackendSlot', () => {
  it('picks the healthy backend with the shortest queue, counting the slots taken on it', async () => {
    const deps = worker([new FakeEngine('a', 2), new FakeEngine('b', 1), new FakeEngine('c', 'down')], 2);
    const first = await takeBackendSlot(deps, null, never);
    expect(first?.backend.name).toBe('b');
    // b now has 1 queued + 1 slot = 2, a tie with a: the earlier one in the list wins the tie.
    const second = await takeBackendSlot(deps, null, never);
    expect(second?.backend.name).toBe('a');
    const third = await takeBackendSlot(deps, null, never);
    expect(third?.backend.name).toBe('b');
    expect(Object.fromEntries(await slotsInUse(deps))).toEqual({ a: 1, b: 2, c: 0 });
    for (const lease of [first, second, third]) await lease?.release();
    expect(Object.fromEntries(await slotsInUse(deps))).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('gives each backend its own concurrency', async () => {
    const backends = [new FakeEngine('big', 5), new FakeEngine('small', 0)];
    const deps = {
      ...worker(backends, 1),
      pool: new BackendPool(backends, { default: 1, byBackend: { big: 3 } }),
    };
    const leases = [];
    for (let i = 0; i < 4; i += 1) leases.push(await takeBackendSlot(deps, null, once));
    // small (shorter queue) takes one, then only big has room, for three.
    expect(leases.map((l) => l?.backend.name)).toEqual(['small', 'big', 'big', 'big']);
    expect(await takeBackendSlot(deps, null, once)).toBeNull();
    for (const lease of leases) await lease?.release();
  });

  it('never lets workers together take more slots than a backend has', async () => {
    const backend = new FakeEngine('only', 0);
    // Five workers ask at the same moment; each gives up if it finds no free slot.
    const leases = await Promise.all(
      Array.from({ length: 5 }, () => takeBackendSlot(worker([backend], 2), null, once)),
    );
    expect(leases.filter((l) => l !== null)).toHaveLength(2);
    for (const lease of leases) await lease?.release();
  });

  it('waits for a slot on the requested backend, held by another worker', async () => {
    const held = await takeBackendSlot(worker([new FakeEngine('only', 0)], 1), 'only', never);
    let second = false;
    const waiting = takeBackendSlot(worker([new FakeEngine('only', 0)], 1), 'only', never).then((lease) => {
      second = true;
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second).toBe(false);
    await held?.release();
    await held?.release(); // releasing twice must not free a second slot
    const lease = await waiting;
    expect(lease?.backend.name).toBe('only');
    expect(Object.fromEntries(await slotsInUse(worker([new FakeEngine('only', 0)], 1)))).toEqual({
      only: 1,
    });
    await lease?.release();
  });

  it('stops waiting when the job no longer wants a slot', async () => {
    const deps = worker([new FakeEngine('only', 0)], 1);
    const held = await takeBackendSlot(deps, null, never);
    let asked = 0;
    const gaveUp = await takeBackendSlot(deps, null, async () => (asked += 1) >= 3);
    expect(gaveUp).toBeNull();
    expect(asked).toBe(3);
    await held?.release();
  });

  it('frees the slot of a worker that stopped renewing its lease', async () => {
    const dead = createRedis(config.redisUrl);
    await dead.connect();
    const backend = new FakeEngine('only', 0);
    const held = await takeBackendSlot(worker([backend], 1, { redis: dead, leaseMs: 600 }), null, never);
    expect(held?.backend.name).toBe('only');
    dead.disconnect(); // the worker is gone: nothing renews its lease any more
    const taken = await takeBackendSlot(worker([backend], 1, { leaseMs: 600 }), null, never);
    expect(taken?.backend.name).toBe('only');
    expect(Object.fromEntries(await slotsInUse(worker([backend], 1)))).toEqual({ only: 1 });
    await taken?.release();
  });

  it('keeps a slot while its lease is renewed', async () => {
    const backend = new FakeEngine('only', 0);
    const held = await takeBackendSlot(worker([backend], 1, { leaseMs: 1_500 }), null, never);
    // Twice the lease: without the renewals (every third of it) the slot would be free by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await takeBackendSlot(worker([backend], 1, { leaseMs: 1_500 }), null, once)).toBeNull();
    await held?.release();
  });

  it('refuses unknown names and reports no reachable server when every backend is down', async () => {
    await expect(takeBackendSlot(worker([new FakeEngine('x', 0)], 1), 'nope', never)).rejects.toThrow(
      /No image server is configured with the name "nope"/,
    );
    await expect(
      takeBackendSlot(worker([new FakeEngine('x', 'down')], 1), null, never),
    ).rejects.toBeInstanceOf(BackendUnavailableError);
  });
});
