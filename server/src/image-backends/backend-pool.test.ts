import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from './backend-errors';
import { BackendPool } from './backend-pool';
import type { ImageBackend, RunResult } from './image-backend';

/** An engine that is not ComfyUI: the pool and its callers only see the interface. */
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

describe('BackendPool', () => {
  it('picks the healthy backend with the shortest queue, counting its own running jobs', async () => {
    const a = new FakeEngine('a', 2);
    const b = new FakeEngine('b', 1);
    const c = new FakeEngine('c', 'down');
    const pool = new BackendPool([a, b, c], 2);
    const first = await pool.acquire();
    expect(first.backend.name).toBe('b');
    // b now has 1 queued + 1 of ours = 2, a tie with a: the earlier one in the list wins the tie.
    const second = await pool.acquire();
    expect(second.backend.name).toBe('a');
    const third = await pool.acquire();
    expect(third.backend.name).toBe('b');
    expect((await pool.status()).map((s) => [s.name, s.healthy, s.activeHere])).toEqual([
      ['a', true, 1],
      ['b', true, 2],
      ['c', false, 0],
    ]);
    for (const lease of [first, second, third]) lease.release();
  });

  it('waits for a free slot on the requested backend and refuses unknown names', async () => {
    const pool = new BackendPool([new FakeEngine('only', 0)], 1);
    const held = await pool.acquire('only');
    let second = false;
    const waiting = pool.acquire('only').then((lease) => {
      second = true;
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second).toBe(false);
    held.release();
    held.release(); // releasing twice must not free a second slot
    (await waiting).release();
    expect(second).toBe(true);
    await expect(pool.acquire('nope')).rejects.toThrow(/No image server is configured with the name "nope"/);
  });

  it('reports no reachable server when every backend is down', async () => {
    const pool = new BackendPool([new FakeEngine('x', 'down')], 1);
    await expect(pool.acquire()).rejects.toBeInstanceOf(BackendUnavailableError);
  });
});
