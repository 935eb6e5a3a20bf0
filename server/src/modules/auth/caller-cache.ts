// Who an API token or a session's user is, kept in memory so that a signed-in request does not ask
// PostgreSQL each time. Each entry carries the stamp current when its row was read: the `callers`
// version (lib/cache-versions.ts, moved by every committed change that could alter the answer: a token
// revoked or deleted, a user's name, role or activity changed, a user deleted; migration
// …_caller_cache_invalidation) and a local epoch that this process's own such changes move at once
// (`changed()`), since the notification arrives a moment after the commit. An entry answers only while
// its stamp is current; a read that started before a change is never stored as current. While the
// version cannot be observed (the listener is down), nothing is cached. Other API processes learn of a
// change when its notification reaches them, a moment after the commit.
import type { CacheNamespace } from '../../lib/cache-versions';

interface VersionSource {
  current(namespace: CacheNamespace): string | undefined;
}

export class CallerCache<T> {
  private readonly entries = new Map<string, { value: T; stamp: string }>();
  private epoch = 0;
  /** Lookups answered from memory since the start. */
  hits = 0;

  constructor(
    private readonly versions: VersionSource,
    private readonly maxEntries: number,
  ) {}

  /** The stamp to store a fresh read under; take it before the read. Undefined: do not store. */
  stamp(): string | undefined {
    const version = this.versions.current('callers');
    return version === undefined ? undefined : `${version}/${this.epoch}`;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.stamp !== this.stamp()) {
      this.entries.delete(key);
      return undefined;
    }
    this.hits += 1;
    return entry.value;
  }

  /** Stores a read taken under `stamp`, unless something changed since. */
  set(key: string, value: T, stamp: string | undefined): void {
    if (stamp === undefined || stamp !== this.stamp()) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, stamp });
  }

  /** This process changed a token or a user: nothing read before answers again. */
  changed(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
