// ComfyUI as an image backend: the request becomes an API-format workflow, the run is followed over the
// event stream (or /history), images come back through /view, and the models are read from /object_info.
import type { ImageBackend, ImageRequest, RunOptions, RunResult } from '../image-backends/image-backend';
import { ComfyClient } from './comfy-client';
import { runPrompt } from './comfy-run';
import { buildWorkflow } from './workflow-builder';

type ObjectInfo = Record<string, { input?: { required?: Record<string, unknown[]> } }>;

/** The choices of a node's combo input, e.g. CheckpointLoaderSimple.ckpt_name: the files the server has. */
function choices(info: ObjectInfo, node: string, input: string): string[] {
  const list = info[node]?.input?.required?.[input]?.[0];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

export class ComfyBackend implements ImageBackend {
  readonly engine = 'comfyui';
  readonly client: ComfyClient;

  constructor(
    readonly name: string,
    readonly url: string,
    /** Starts every client id, so installs sharing a server (REDIS_KEY_PREFIX) never share one. */
    private readonly clientPrefix = 'genonaut',
  ) {
    this.client = new ComfyClient(name, url);
  }

  load(): Promise<number> {
    return this.client.load();
  }

  async run(request: ImageRequest, options: RunOptions): Promise<RunResult> {
    // One client id per job, the same in every attempt: ComfyUI sends a prompt's events only to the
    // client id it was submitted with, so a worker taking over a running prompt hears them too.
    const result = await runPrompt(this.client, buildWorkflow(request), {
      ...options,
      clientId: `${this.clientPrefix}-job-${request.jobId}`,
    });
    return {
      runId: result.promptId,
      images: result.images.map((image) => ({
        name: image.filename,
        fetch: () => this.client.view(image),
      })),
    };
  }

  async abandon(runId: string): Promise<void> {
    // Interrupt only when it is the prompt executing: /interrupt stops whatever runs, maybe someone else's.
    const queue = await this.client.queue();
    if (queue.queue_running.some((item) => item[1] === runId)) await this.client.interrupt(runId);
    else await this.client.deletePending([runId]);
  }

  async models(): Promise<{ checkpoints: string[]; loras: string[] }> {
    const info = await this.client.objectInfo();
    return {
      checkpoints: choices(info, 'CheckpointLoaderSimple', 'ckpt_name'),
      loras: choices(info, 'LoraLoader', 'lora_name'),
    };
  }
}
