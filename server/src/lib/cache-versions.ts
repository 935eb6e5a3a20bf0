// The current version of each cached namespace, learned from PostgreSQL. Every write that can change a
// cached response fires `NOTIFY genonaut_cache, '<namespace>:<txid>'` (triggers of the migration
// …_cache_invalidation), delivered only after the writing transaction commits, and in commit order to
// every listener: each API process therefore moves to the same new version, so processes share cache
// entries, and a response computed before a commit is never served once its notification has arrived
// (a moment after the commit: only anonymous callers, who are served from the cache, can see the gap).
//
// While the listening connection is down a write could go unseen, so caching is off until it is back,
// and the namespaces then start from a fresh version (a transaction id no writer has announced).
import pg from 'pg';

export type CacheNamespace = 'content' | 'tags' | 'callers';
const NAMESPACES: CacheNamespace[] = ['content', 'tags', 'callers'];
const CHANNEL = 'genonaut_cache';

export interface CacheVersionsOptions {
  databaseUrl: string;
  onProblem?: (message: string) => void;
  /** Longest wait between reconnection attempts. */
  maxBackoffMs?: number;
}

export class CacheVersions {
  private readonly versions = new Map<CacheNamespace, string>();
  private client: pg.Client | null = null;
  private closed = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: CacheVersionsOptions) {}

  /** The namespace's version, or undefined while changes to it cannot be observed. */
  current(namespace: CacheNamespace): string | undefined {
    return this.versions.get(namespace);
  }

  /** Resolves once listening (or after the first failed attempt; it keeps retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.versions.clear();
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: 'genonaut-cache-listener',
      connectionTimeoutMillis: 5_000,
    });
    client.on('error', () => this.lost(client, 'connection error'));
    client.on('end', () => this.lost(client, 'connection ended'));
    client.on('notification', (message) => {
      // Only the connection in use counts: one being set up gets a fresh version once listening, and
      // one lost or closed must not turn caching back on with a late notification.
      if (this.client !== client || message.channel !== CHANNEL || !message.payload) return;
      const [namespace, txid] = message.payload.split(':');
      if (NAMESPACES.includes(namespace as CacheNamespace) && txid) {
        this.versions.set(namespace as CacheNamespace, txid);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Listening from here on: a fresh transaction id is a version no earlier write has announced.
      const { rows } = await client.query<{ txid: string }>('SELECT txid_current()::text AS txid');
      if (this.closed) {
        await client.end().catch(() => {});
        return;
      }
      const fresh = `fresh${rows[0]?.txid ?? Date.now()}`;
      for (const namespace of NAMESPACES) this.versions.set(namespace, fresh);
      this.client = client;
      this.attempts = 0;
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.options.onProblem?.(`cache invalidation listener: ${(error as Error).message}; caching is off`);
      this.scheduleReconnect();
    }
  }

  private lost(client: pg.Client, why: string): void {
    if (this.client !== client) return;
    this.client = null;
    this.versions.clear();
    if (this.closed) return;
    this.options.onProblem?.(`cache invalidation listener: ${why}; caching is off until it reconnects`);
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.attempts += 1;
    const delay = Math.min(200 * 2 ** (this.attempts - 1), this.options.maxBackoffMs ?? 5_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}
