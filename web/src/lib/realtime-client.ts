// The /api/v1/ws client: one socket per signed-in tab, reconnecting with backoff, re-sending the job
// subscriptions after every reconnect (the server answers each with the job's current state, so no
// event is lost for good), and pinging so idle proxies keep the socket open.
import type { ClientMessage, ServerMessage } from '@genonaut/contracts';

export type RealtimeListener = (message: ServerMessage) => void;
export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'closed';

/** The server closes with this code when the session ended or the token was revoked. */
const CLOSE_UNAUTHENTICATED = 4401;
const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

export interface RealtimeClientOptions {
  url?: string;
  /** Injected in tests; the browser's WebSocket otherwise. */
  createSocket?: (url: string) => WebSocket;
}

export function defaultRealtimeUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/v1/ws`;
}

export class RealtimeClient {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<RealtimeListener>();
  /** Reference counts, so two components following the same job do not unsubscribe each other. */
  private readonly jobs = new Map<number, number>();
  private attempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private stopped = true;
  status: RealtimeStatus = 'idle';

  constructor(private readonly options: RealtimeClientOptions = {}) {}

  connect(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000, 'Client closed');
    this.socket = null;
    this.status = 'closed';
  }

  onMessage(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows jobs until the returned function is called. */
  subscribe(jobIds: number[]): () => void {
    const added = jobIds.filter((id) => !this.jobs.has(id));
    for (const id of jobIds) this.jobs.set(id, (this.jobs.get(id) ?? 0) + 1);
    if (added.length > 0) this.send({ type: 'subscribe', jobIds: added });
    return () => {
      const removed: number[] = [];
      for (const id of jobIds) {
        const count = (this.jobs.get(id) ?? 1) - 1;
        if (count > 0) this.jobs.set(id, count);
        else if (this.jobs.delete(id)) removed.push(id);
      }
      if (removed.length > 0) this.send({ type: 'unsubscribe', jobIds: removed });
    };
  }

  private send(message: ClientMessage): void {
    // While disconnected nothing is lost: open() sends every current subscription.
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    const url = this.options.url ?? defaultRealtimeUrl();
    const socket = this.options.createSocket?.(url) ?? new WebSocket(url);
    this.socket = socket;
    this.status = 'connecting';
    socket.addEventListener('open', () => {
      this.attempts = 0;
      this.status = 'open';
      if (this.jobs.size > 0) this.send({ type: 'subscribe', jobIds: [...this.jobs.keys()] });
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      for (const listener of this.listeners) listener(message);
    });
    socket.addEventListener('close', (event: CloseEvent) => {
      clearInterval(this.pingTimer);
      if (this.socket !== socket) return;
      this.socket = null;
      this.status = 'closed';
      // Signed out elsewhere: reconnecting would only be refused again.
      if (this.stopped || event.code === CLOSE_UNAUTHENTICATED) return;
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    // Exponential backoff with jitter, so a restarted server is not hit by every tab at once.
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts);
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => this.open(), base / 2 + Math.random() * (base / 2));
  }
}
