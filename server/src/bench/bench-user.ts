// The signed-in part of the suite: a real user of the dataset with an API token made for the run, so
// `GET /recommendations` is timed as that user sees it. The token is revoked when the run ends.
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { insertToken, newTokenSecret, revokeToken } from '../modules/auth/api-tokens';
import { activeUserIds } from '../modules/recommendations/recommendations.repository';

export interface BenchUser {
  id: string;
  username: string;
  headers: Record<string, string>;
  revoke(): Promise<void>;
}

/**
 * Among the first active users (the recommender's own definition), the one with the most ratings: a
 * rich profile is the expensive case. Without any active user (an old dataset), the busiest rater.
 */
async function pickUser(db: Database): Promise<{ id: string; username: string }> {
  const active = await activeUserIds(db, null, 50);
  const { rows } = await sql<{ id: string; username: string }>`
    SELECT u.id, u.username FROM users u
    WHERE u.is_active AND (cardinality(${active}::uuid[]) = 0 OR u.id = ANY(${active}::uuid[]))
    ORDER BY (SELECT count(*) FROM content_ratings r WHERE r.user_id = u.id) DESC, u.id
    LIMIT 1`.execute(db);
  const user = rows[0];
  if (!user) throw new Error('the dataset has no active user to time recommendations for');
  return user;
}

export async function createBenchUser(db: Database): Promise<BenchUser> {
  const user = await pickUser(db);
  const secret = newTokenSecret();
  const token = await insertToken(db, user.id, 'genonaut bench', secret);
  return {
    ...user,
    headers: { authorization: `Bearer ${secret}` },
    revoke: async () => {
      await revokeToken(db, user.id, token.id);
    },
  };
}
