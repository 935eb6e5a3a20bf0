// The configured image servers (COMFYUI_URLS) and the choice among them: the healthy backend with the
// shortest queue, each running at most its configured number of jobs from this worker at once.
import { ComfyBackend } from '../comfyui/comfy-backend';
import type { Config } from '../config';
import { BackendUnavailableError } from './backend-errors';
import type { ImageBackend } from './image-backend';

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
  private readonly slots = new Map<string, Slots>();

  constructor(
    readonly backends: ImageBackend[],
    concurrency: number,
  ) {
    for (const b of backends) this.slots.set(b.name, new Slots(concurrency));
  }

  get(name: string): ImageBackend | undefined {
    return this.backends.find((b) => b.name === name);
  }

  async status(): Promise<BackendStatus[]> {
    return Promise.all(
      this.backends.map(async (backend) => {
        const queueLength = await backend.load().catch(() => null);
        return {
          name: backend.name,
          url: backend.url,
          healthy: queueLength !== null,
          queueLength,
          activeHere: this.slots.get(backend.name)?.inUse ?? 0,
        };
      }),
    );
  }

  /** Picks a backend (the requested one, or the healthy one with the shortest queue) and takes a slot. */
  async acquire(preferred?: string | null): Promise<{ backend: ImageBackend; release: () => void }> {
    let backend: ImageBackend | undefined;
    if (preferred) {
      backend = this.get(preferred);
      if (!backend)
        throw new BackendUnavailableError(`No image server is configured with the name "${preferred}"`);
    } else {
      const candidates = (await this.status()).filter((s) => s.healthy);
      candidates.sort((a, b) => (a.queueLength ?? 0) + a.activeHere - ((b.queueLength ?? 0) + b.activeHere));
      const best = candidates[0];
      if (!best) throw new BackendUnavailableError('No image server is reachable');
      backend = this.get(best.name);
    }
    if (!backend) throw new BackendUnavailableError('No image server is reachable');
    const release = await (this.slots.get(backend.name) ?? new Slots(1)).acquire();
    return { backend, release };
  }
}

/** The pool of the configured servers (none when COMFYUI_URLS is unset and no mock was started). */
export const backendPoolFor = (
  config: Pick<Config, 'comfyuiUrls' | 'comfyuiConcurrency' | 'redisKeyPrefix'>,
) =>
  new BackendPool(
    (config.comfyuiUrls ?? []).map((b) => new ComfyBackend(b.name, b.url, config.redisKeyPrefix)),
    config.comfyuiConcurrency,
  );
