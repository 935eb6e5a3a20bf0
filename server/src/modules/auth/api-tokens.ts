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

/** The active owner of a live token, and marks it used (at most once a minute, to spare writes). */
export async function userForToken(db: Database, token: string) {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.username', 'u.role', 'u.is_active'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !row.is_active) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: sql`now()` })
      .where('id', '=', row.token_id)
      .execute();
  }
  return { id: row.id, username: row.username, role: row.role, tokenId: row.token_id };
}
