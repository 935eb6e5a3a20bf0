// The prompt queue and the history, shaped like execution.py's PromptQueue: items are
// [number, prompt_id, prompt, extra_data, outputs_to_execute] ordered by number (then id), one runs at a
// time, and a finished item moves to the history (insertion ordered, capped like ComfyUI's).
import type { HistoryEntry, OutputImage, Workflow } from '@genonaut/contracts';

export type QueueItem = [
  number: number,
  promptId: string,
  prompt: Workflow,
  extraData: Record<string, unknown>,
  outputsToExecute: string[],
];

export type StatusMessage = [event: string, data: Record<string, unknown>];

export interface NodeMeta {
  node_id: string;
  display_node: string;
  parent_node: null;
  real_node_id: string;
}

export type MockHistoryEntry = HistoryEntry & { meta: Record<string, NodeMeta> };

export interface RunResult {
  outputs: Record<string, { images: OutputImage[] }>;
  meta: Record<string, NodeMeta>;
  status: HistoryEntry['status'];
}

/** execution.py MAXIMUM_HISTORY_SIZE. */
const maxHistory = 10_000;

const byNumberThenId = (a: QueueItem, b: QueueItem) =>
  a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

export class PromptQueue {
  private pending: QueueItem[] = [];
  private running: QueueItem | undefined;
  private readonly history = new Map<string, MockHistoryEntry>();
  private counter = 0;
  private peak = 0;
  private wake: (() => void) | undefined;

  /** `onUpdate` runs whenever the number of remaining prompts may have changed (ComfyUI's queue_updated). */
  constructor(private readonly onUpdate: () => void) {}

  /** server.py: the request's `number`, else a counter, negated for `front` so it sorts first. */
  number(requested: unknown, front: unknown): number {
    if (typeof requested === 'number' && Number.isFinite(requested)) return requested;
    const n = this.counter++;
    return front === true ? -n : n;
  }

  put(item: QueueItem): void {
    this.pending.push(item);
    this.pending.sort(byNumberThenId);
    this.peak = Math.max(this.peak, this.remaining());
    this.onUpdate();
    this.wake?.();
  }

  /** Moves the first pending item to running; resolves when there is one or `signal` aborts. */
  async take(signal: AbortSignal): Promise<QueueItem | undefined> {
    while (this.pending.length === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        this.wake = done;
        signal.addEventListener('abort', done);
      });
    }
    if (signal.aborted) return undefined;
    const item = this.pending.shift();
    this.running = item;
    this.onUpdate();
    return item;
  }

  taskDone(item: QueueItem, result: RunResult): void {
    if (this.running === item) this.running = undefined;
    if (this.history.size > maxHistory) {
      const oldest = this.history.keys().next();
      if (!oldest.done) this.history.delete(oldest.value);
    }
    this.history.delete(item[1]);
    this.history.set(item[1], {
      prompt: item,
      outputs: result.outputs,
      status: result.status,
      meta: result.meta,
    });
    this.onUpdate();
  }

  remaining(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** The most prompts held at once so far (pending plus running). */
  peakRemaining(): number {
    return this.peak;
  }

  runningItem(): QueueItem | undefined {
    return this.running;
  }

  snapshot(): { queue_running: QueueItem[]; queue_pending: QueueItem[] } {
    return { queue_running: this.running ? [this.running] : [], queue_pending: [...this.pending] };
  }

  /** Removes pending prompts by id; a running one is left alone (POST /interrupt stops it). */
  deletePending(ids: unknown[]): void {
    const before = this.pending.length;
    this.pending = this.pending.filter((item) => !ids.includes(item[1]));
    if (this.pending.length !== before) this.onUpdate();
  }

  clearPending(): void {
    this.pending = [];
    this.onUpdate();
  }

  /** GET /history: the newest `maxItems` entries, or from `offset` on, oldest first (get_history). */
  listHistory(maxItems?: number, offset = -1): Record<string, MockHistoryEntry> {
    const entries = [...this.history.entries()];
    const start = offset < 0 && maxItems !== undefined ? entries.length - maxItems : offset;
    const out: Record<string, MockHistoryEntry> = {};
    let i = 0;
    for (const [id, entry] of entries) {
      if (i >= start) {
        out[id] = entry;
        if (maxItems !== undefined && Object.keys(out).length >= maxItems) break;
      }
      i++;
    }
    return out;
  }

  historyOf(promptId: string): Record<string, MockHistoryEntry> {
    const entry = this.history.get(promptId);
    return entry ? { [promptId]: entry } : {};
  }

  deleteHistory(ids: unknown[]): void {
    for (const id of ids) if (typeof id === 'string') this.history.delete(id);
  }

  clearHistory(): void {
    this.history.clear();
  }
}
