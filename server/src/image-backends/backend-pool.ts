// The configured image servers (COMFYUI_URLS), each with the number of jobs it runs at once
// (COMFYUI_CONCURRENCY), and their health and queue length. Which job may use which server is decided
// across every worker by backend-slots.ts.
import { ComfyBackend } from '../comfyui/comfy-backend';
import type { ComfyConcurrency, Config } from '../config';
import type { ImageBackend } from './image-backend';

export interface BackendStatus {
  name: string;
  url: string;
  healthy: boolean;
  queueLength: number | null;
}

export class BackendPool {
  constructor(
    readonly backends: ImageBackend[],
    private readonly concurrency: ComfyConcurrency,
  ) {}

  get(name: string): ImageBackend | undefined {
    return this.backends.find((b) => b.name === name);
  }

  /** Jobs `name` runs at once, counted across every worker. */
  capacity(name: string): number {
    return this.concurrency.byBackend[name] ?? this.concurrency.default;
  }

  /** Jobs all the backends run at once. */
  get totalCapacity(): number {
    return this.backends.reduce((sum, b) => sum + this.capacity(b.name), 0);
  }

  /** Each backend's queue length, or unhealthy when it cannot be reached. */
  async status(backends = this.backends): Promise<BackendStatus[]> {
    return Promise.all(
      backends.map(async (backend) => {
        const queueLength = await backend.load().catch(() => null);
        return { name: backend.name, url: backend.url, healthy: queueLength !== null, queueLength };
      }),
    );
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
