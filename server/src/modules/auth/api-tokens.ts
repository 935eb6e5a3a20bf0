// Personal API tokens: `gnt_<id-free random>`; only the SHA-256 of the secret is stored, so a database
// leak gives no usable tokens. High-entropy secrets need no slow hash.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export const TOKEN_PREFIX = 'gnt_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function insertToken(db: Database, userId: string, name: string, token: string) {
  return db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: hashToken(token) })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function listTokens(db: Database, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeToken(db: Database, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A token's last_used_at is written at most this often, to spare writes. */
const TOKEN_USE_MARK_MS = 60_000;

export interface TokenOwner {
  id: string;
  username: string;
  role: string;
  tokenId: string;
  /** When the token's last use was last written (epoch ms). */
  markedAt: number;
}

/** Writes the token's last_used_at if the last write is over a minute old. */
export async function markUsedIfDue(db: Database, owner: TokenOwner): Promise<void> {
  if (Date.now() - owner.markedAt <= TOKEN_USE_MARK_MS) return;
  owner.markedAt = Date.now();
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', owner.tokenId)
    .execute();
}

/** The active owner of the live token with this hash, marked used (at most once a minute). */
export async function ownerOfTokenHash(db: Database, tokenHash: string): Promise<TokenOwner | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.username', 'u.role', 'u.is_active'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !row.is_active) return null;
  const owner = {
    id: row.id,
    username: row.username,
    role: row.role,
    tokenId: row.token_id,
    markedAt: row.last_used_at?.getTime() ?? 0,
  };
  await markUsedIfDue(db, owner);
  return owner;
}

/** The active owner of a live token, marked used (at most once a minute). */
export const userForToken = (db: Database, token: string) => ownerOfTokenHash(db, hashToken(token));
