// The configured image servers (COMFYUI_URLS) and the choice among them: the healthy backend with the
// shortest queue, each running at most its configured number of jobs from this worker at once.
import type { ComfyBackendConfig, Config } from '../config';
import { ComfyClient } from './comfy-client';
import { ComfyUnavailableError } from './comfy-errors';

class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<() => void> {
    if (this.used >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= 1;
      this.waiting.shift()?.();
    };
  }

  get inUse(): number {
    return this.used;
  }
}

export interface BackendStatus {
  name: string;
  url: string;
  healthy: boolean;
  queueLength: number | null;
  activeHere: number;
}

export class BackendPool {
  readonly clients: ComfyClient[];
  private readonly slots = new Map<string, Slots>();

  constructor(backends: ComfyBackendConfig[], concurrency: number) {
    this.clients = backends.map((b) => new ComfyClient(b.name, b.url));
    for (const b of backends) this.slots.set(b.name, new Slots(concurrency));
  }

  get(name: string): ComfyClient | undefined {
    return this.clients.find((c) => c.name === name);
  }

  async status(): Promise<BackendStatus[]> {
    return Promise.all(
      this.clients.map(async (client) => {
        const queueLength = await client.load().catch(() => null);
        return {
          name: client.name,
          url: client.baseUrl,
          healthy: queueLength !== null,
          queueLength,
          activeHere: this.slots.get(client.name)?.inUse ?? 0,
        };
      }),
    );
  }

  /** Picks a backend (the requested one, or the healthy one with the shortest queue) and takes a slot. */
  async acquire(preferred?: string | null): Promise<{ client: ComfyClient; release: () => void }> {
    let client: ComfyClient | undefined;
    if (preferred) {
      client = this.get(preferred);
      if (!client)
        throw new ComfyUnavailableError(`No image server is configured with the name "${preferred}"`);
    } else {
      const candidates = (await this.status()).filter((s) => s.healthy);
      candidates.sort((a, b) => (a.queueLength ?? 0) + a.activeHere - ((b.queueLength ?? 0) + b.activeHere));
      const best = candidates[0];
      if (!best) throw new ComfyUnavailableError('No image server is reachable');
      client = this.get(best.name);
    }
    if (!client) throw new ComfyUnavailableError('No image server is reachable');
    const release = await (this.slots.get(client.name) ?? new Slots(1)).acquire();
    return { client, release };
  }
}

/** The pool of the configured servers (none when COMFYUI_URLS is unset and no mock was started). */
export const backendPoolFor = (config: Pick<Config, 'comfyuiUrls' | 'comfyuiConcurrency'>) =>
  new BackendPool(config.comfyuiUrls ?? [], config.comfyuiConcurrency);
