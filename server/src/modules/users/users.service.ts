// Profiles, the user's own settings, and admin user management.
import type {
  AdminUpdateUserBody,
  AdminUserPage,
  AdminUserQuery,
  UpdateMeBody,
  UserStats,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { conflict, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.repository';
import { assertAvailable } from '../auth/auth.service';
import type { SessionStore } from '../auth/session-store';
import { toCurrentUser, toUserProfile } from './users.mapper';
import { favoriteTags, findUserById, listUsers, updateUser, userStats } from './users.repository';
import { numberedPagination } from '../../lib/numbered-page';

const MAX_PREFERENCES_BYTES = 16_384;

const seesEverything = (viewer: AuthUser | null, userId: string) =>
  viewer?.id === userId || viewer?.role === 'admin';

export async function getProfile(db: Database, viewer: AuthUser | null, userId: string) {
  const user = await findUserById(db, userId);
  // Deactivated accounts are gone for everyone but admins.
  if (!user || (!user.is_active && viewer?.role !== 'admin')) throw notFound('User');
  return toUserProfile(user, seesEverything(viewer, userId));
}

export async function updateMe(db: Database, caller: AuthUser, body: UpdateMeBody) {
  if (body.email !== undefined) await assertAvailable(db, { email: body.email }, caller.id);
  if (body.preferences && JSON.stringify(body.preferences).length > MAX_PREFERENCES_BYTES) {
    throw conflict('Preferences are too large', [
      { field: 'body.preferences', message: `must stay under ${MAX_PREFERENCES_BYTES} bytes` },
    ]);
  }
  const user = await updateUser(db, caller.id, body);
  if (!user) throw notFound('User');
  return toCurrentUser(user);
}

export async function getUserStats(
  db: Database,
  viewer: AuthUser | null,
  userId: string,
): Promise<UserStats> {
  await getProfile(db, viewer, userId);
  const full = seesEverything(viewer, userId);
  const row = await userStats(db, userId, full);
  const stats: UserStats = {
    contentCount: row?.content_count ?? 0,
    regularCount: row?.regular_count ?? 0,
    autoCount: row?.auto_count ?? 0,
    ratingsGiven: row?.ratings_given ?? 0,
    averageRatingReceived: row?.average_rating_received ?? null,
    bookmarksReceived: row?.bookmarks_received ?? 0,
  };
  return full ? { ...stats, generationJobs: row?.generation_jobs ?? 0 } : stats;
}

export async function getFavoriteTags(db: Database, caller: AuthUser) {
  const rows = await favoriteTags(db, caller.id);
  return {
    items: rows.map((t) => ({ id: t.id, slug: t.slug, name: t.name, addedAt: t.created_at.toISOString() })),
  };
}

export async function adminListUsers(db: Database, query: AdminUserQuery): Promise<AdminUserPage> {
  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  const { rows, total } = await listUsers(db, { ...query, limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: rows.map(toCurrentUser),
    pagination: numberedPagination(page, pageSize, total),
  };
}

export async function adminUpdateUser(
  deps: { db: Database; sessions: SessionStore },
  admin: AuthUser,
  userId: string,
  body: AdminUpdateUserBody,
  ip: string,
) {
  if (userId === admin.id && (body.role === 'user' || body.isActive === false)) {
    throw conflict('You cannot remove your own admin role or deactivate yourself; ask another admin');
  }
  const before = await findUserById(deps.db, userId);
  if (!before) throw notFound('User');
  const user = await updateUser(deps.db, userId, body);
  if (!user) throw notFound('User');
  if (body.isActive === false) await deps.sessions.destroyAllForUser(userId);
  await recordAudit(deps.db, {
    actorId: admin.id,
    action: 'admin.user_update',
    targetType: 'user',
    targetId: userId,
    ip,
    details: { before: { role: before.role, isActive: before.is_active }, after: body },
  });
  return toCurrentUser(user);
}
