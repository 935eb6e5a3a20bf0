// Sessions live in Redis under the hash of their id (a leaked Redis dump holds no usable cookies), with
// a sliding expiry: every use pushes the expiry out again (GETEX). A per-user set lets a password change
// or a deactivation end every session of that user.
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface SessionData {
  userId: string;
  createdAt: string;
  /** When the browser's cookie was last given a fresh Max-Age (the Redis expiry slides on every use). */
  cookieRenewedAt?: string;
  ip?: string;
  userAgent?: string;
}

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(sessionId: string): string {
    return `${this.prefix}:session:${createHash('sha256').update(sessionId).digest('hex')}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}:user-sessions:${userId}`;
  }

  async create(data: SessionData): Promise<string> {
    const sessionId = randomBytes(32).toString('base64url');
    const key = this.key(sessionId);
    await this.redis
      .multi()
      .set(key, JSON.stringify(data), 'EX', this.ttlSeconds)
      .sadd(this.userKey(data.userId), key)
      .expire(this.userKey(data.userId), this.ttlSeconds)
      .exec();
    return sessionId;
  }

  /** Reads a session and slides its expiry; null when unknown or expired. */
  async touch(sessionId: string): Promise<SessionData | null> {
    const raw = await this.redis.getex(this.key(sessionId), 'EX', this.ttlSeconds);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionData;
    } catch {
      return null;
    }
  }

  /** Records that the cookie was renewed, keeping the session's remaining time to live. */
  async markCookieRenewed(sessionId: string, data: SessionData): Promise<void> {
    await this.redis.set(
      this.key(sessionId),
      JSON.stringify({ ...data, cookieRenewedAt: new Date().toISOString() }),
      'KEEPTTL',
    );
  }

  async destroy(sessionId: string, userId?: string): Promise<void> {
    const key = this.key(sessionId);
    const pipeline = this.redis.multi().del(key);
    if (userId) pipeline.srem(this.userKey(userId), key);
    await pipeline.exec();
  }

  /** Ends every session of a user, except `keepSessionId` (the one changing the password). */
  async destroyAllForUser(userId: string, keepSessionId?: string): Promise<number> {
    const keep = keepSessionId ? this.key(keepSessionId) : undefined;
    const keys = (await this.redis.smembers(this.userKey(userId))).filter((k) => k !== keep);
    if (keys.length === 0) return 0;
    await this.redis
      .multi()
      .del(...keys)
      .srem(this.userKey(userId), ...keys)
      .exec();
    return keys.length;
  }
}
