// HTTP client for one ComfyUI server: submit, history, queue, interrupt, /view and /object_info.
// Network failures and 5xx answers become BackendUnavailableError (retried by the job), a 400 on
// POST /prompt becomes BackendRejectedError (the job fails at once with ComfyUI's message).
import type {
  HistoryEntry,
  HistoryResponse,
  OutputImage,
  PromptResponse,
  PromptValidationError,
  QueueResponse,
  Workflow,
} from '@genonaut/contracts';
import { BackendRejectedError, BackendUnavailableError } from '../image-backends/backend-errors';
import { describeValidationError } from './comfy-errors';

const DEFAULT_TIMEOUT_MS = 15_000;

export class ComfyClient {
  constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ??
        (error instanceof Error ? error.message : 'error');
      throw new BackendUnavailableError(
        `ComfyUI "${this.name}" at ${this.baseUrl} is unreachable (${cause})`,
      );
    }
    if (response.status >= 500) {
      throw new BackendUnavailableError(`ComfyUI "${this.name}" answered HTTP ${response.status} to ${path}`);
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.request(path, init);
    if (!response.ok)
      throw new BackendUnavailableError(`ComfyUI "${this.name}" answered HTTP ${response.status} to ${path}`);
    return (await response.json()) as T;
  }

  private post(path: string, body: unknown): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async submit(workflow: Workflow, clientId: string, promptId?: string): Promise<string> {
    const response = await this.post('/prompt', {
      prompt: workflow,
      client_id: clientId,
      ...(promptId ? { prompt_id: promptId } : {}),
    });
    if (response.status === 400) {
      const body = (await response.json().catch(() => undefined)) as PromptValidationError | undefined;
      throw new BackendRejectedError(describeValidationError(body), body);
    }
    if (!response.ok)
      throw new BackendUnavailableError(`ComfyUI "${this.name}" answered HTTP ${response.status} to /prompt`);
    return ((await response.json()) as PromptResponse).prompt_id;
  }

  async history(promptId: string): Promise<HistoryEntry | null> {
    const body = await this.json<HistoryResponse>(`/history/${encodeURIComponent(promptId)}`);
    return body[promptId] ?? null;
  }

  queue(): Promise<QueueResponse> {
    return this.json<QueueResponse>('/queue');
  }

  /** Prompts queued or running on this server. */
  async load(): Promise<number> {
    const queue = await this.queue();
    return queue.queue_running.length + queue.queue_pending.length;
  }

  async deletePending(promptIds: string[]): Promise<void> {
    await this.post('/queue', { delete: promptIds });
  }

  /** Stops the executing prompt; ComfyUI versions that read `prompt_id` stop it only if it is that one. */
  async interrupt(promptId?: string): Promise<void> {
    await this.post('/interrupt', promptId ? { prompt_id: promptId } : {});
  }

  async view(image: OutputImage): Promise<Buffer> {
    const query = new URLSearchParams({
      filename: image.filename,
      subfolder: image.subfolder,
      type: image.type,
    });
    const response = await this.request(`/view?${query.toString()}`);
    if (!response.ok)
      throw new BackendUnavailableError(
        `ComfyUI "${this.name}" has no image ${image.filename} (HTTP ${response.status})`,
      );
    return Buffer.from(await response.arrayBuffer());
  }

  objectInfo(
    nodeClass?: string,
  ): Promise<Record<string, { input?: { required?: Record<string, unknown[]> } }>> {
    return this.json(`/object_info${nodeClass ? `/${encodeURIComponent(nodeClass)}` : ''}`);
  }

  async healthy(): Promise<boolean> {
    try {
      await this.json('/system_stats');
      return true;
    } catch {
      return false;
    }
  }

  /** The ws:// address of the event stream for `clientId`. */
  wsUrl(clientId: string): string {
    const url = new URL(`${this.baseUrl}/ws`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('clientId', clientId);
    return url.toString();
  }
}

/** Every image a finished prompt produced, in node and index order. */
export function outputImages(entry: HistoryEntry): OutputImage[] {
  return Object.keys(entry.outputs)
    .sort()
    .flatMap((node) => entry.outputs[node]?.images ?? []);
}
