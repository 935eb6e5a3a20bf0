import type { CurrentUser, UserProfile } from '@genonaut/contracts';
import type { UserRow } from './users.repository';

const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export function toCurrentUser(row: UserRow): CurrentUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: row.role === 'admin' ? 'admin' : 'user',
    isActive: row.is_active,
    preferences: asObject(row.preferences),
    createdAt: row.created_at.toISOString(),
  };
}

/** Others see the public part; the user themself and admins see everything. */
export function toUserProfile(row: UserRow, full: boolean): UserProfile {
  const base = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    createdAt: row.created_at.toISOString(),
  };
  if (!full) return base;
  const user = toCurrentUser(row);
  return {
    ...base,
    email: user.email,
    role: user.role,
    isActive: user.isActive,
    preferences: user.preferences,
  };
}
