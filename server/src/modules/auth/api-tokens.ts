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
export const TOKEN_USE_MARK_MS = 60_000;

export async function markTokenUsed(db: Database, tokenId: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', tokenId)
    .execute();
}

/**
 * The active owner of a live token, and marks it used (at most once a minute). `markedAt`: when its
 * last use was last written (epoch ms).
 */
export async function userForToken(db: Database, token: string) {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.username', 'u.role', 'u.is_active'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !row.is_active) return null;
  let markedAt = row.last_used_at?.getTime() ?? 0;
  if (Date.now() - markedAt > TOKEN_USE_MARK_MS) {
    await markTokenUsed(db, row.token_id);
    markedAt = Date.now();
  }
  return { id: row.id, username: row.username, role: row.role, tokenId: row.token_id, markedAt };
}
