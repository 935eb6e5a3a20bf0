// Registration, login, password change and API tokens. Rules and authorisation live here; routes only
// translate HTTP, repositories only build SQL.
import type { Redis } from 'ioredis';
import type { ApiToken, CreatedToken, RegisterBody } from '@genonaut/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { conflict, DomainError, invalid, notFound } from '../../errors';
import { hashPassword, verifyPassword } from '../../lib/password';
import { hitLimit, resetLimit } from '../../lib/rate-limiter';
import { recordAudit } from '../audit/audit.repository';
import {
  findUserById,
  findUserByLogin,
  insertUser,
  takenIdentifiers,
  updateUser,
  type UserRow,
} from '../users/users.repository';
import { insertToken, listTokens, newTokenSecret, revokeToken } from './api-tokens';
import { passwordWeakness } from './password-policy';
import type { SessionStore } from './session-store';

export interface AuthDeps {
  db: Database;
  redis: Redis;
  config: Config;
  sessions: SessionStore;
}

const LOGIN_LIMIT = 10;
const REGISTER_LIMIT = 5;
const invalidLogin = () => new DomainError('unauthenticated', 'Invalid login or password');
const limited = (retryAfter: number) =>
  new DomainError('rate_limited', `Too many attempts; try again in ${retryAfter} s`, undefined, retryAfter);

// Verifying against this when the account does not exist makes an unknown login take as long as a
// wrong password, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function register(deps: AuthDeps, body: RegisterBody, ip: string): Promise<UserRow> {
  if (!deps.config.registrationEnabled)
    throw new DomainError('forbidden', 'Registration is disabled on this server');
  const limit = await hitLimit(
    deps.redis,
    `${deps.config.redisKeyPrefix}:rl:register:${ip}`,
    REGISTER_LIMIT,
    3600,
  );
  if (!limit.allowed) throw limited(limit.retryAfterSeconds);
  const weakness = passwordWeakness(body.password, body.username);
  if (weakness) throw invalid('body.password', weakness);
  await assertAvailable(deps.db, { username: body.username, email: body.email });
  const user = await insertUser(deps.db, {
    username: body.username,
    email: body.email,
    passwordHash: await hashPassword(body.password),
    displayName: body.displayName ?? null,
  });
  await recordAudit(deps.db, {
    actorId: user.id,
    action: 'user.register',
    targetType: 'user',
    targetId: user.id,
    ip,
  });
  return user;
}

export async function assertAvailable(
  db: Database,
  fields: { username?: string; email?: string },
  exceptUserId?: string,
): Promise<void> {
  const taken = await takenIdentifiers(db, fields, exceptUserId);
  const details = [
    ...(taken.username ? [{ field: 'body.username', message: 'is already taken' }] : []),
    ...(taken.email ? [{ field: 'body.email', message: 'is already registered' }] : []),
  ];
  if (details.length > 0)
    throw conflict(`${details.map((d) => d.field.slice(5)).join(' and ')} already in use`, details);
}

export async function login(
  deps: AuthDeps,
  loginName: string,
  password: string,
  ip: string,
): Promise<UserRow> {
  const prefix = `${deps.config.redisKeyPrefix}:rl:login`;
  const account = loginName.trim().toLowerCase();
  const [byIp, byAccount] = await Promise.all([
    hitLimit(deps.redis, `${prefix}:ip:${ip}`, LOGIN_LIMIT, 60),
    hitLimit(deps.redis, `${prefix}:account:${account}`, LOGIN_LIMIT, 60),
  ]);
  if (!byIp.allowed || !byAccount.allowed)
    throw limited(Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds));

  const user = await findUserByLogin(deps.db, loginName.trim());
  dummyHash ??= hashPassword('not-the-password-of-anyone');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok || !user.is_active) {
    await recordAudit(deps.db, {
      actorId: user?.id ?? null,
      action: 'auth.login_failed',
      targetType: 'user',
      ip,
      details: { login: loginName.slice(0, 254), reason: !user ? 'unknown' : !ok ? 'password' : 'inactive' },
    });
    throw invalidLogin();
  }
  await resetLimit(deps.redis, `${prefix}:account:${account}`);
  await recordAudit(deps.db, {
    actorId: user.id,
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
    ip,
  });
  return user;
}

export async function changePassword(
  deps: AuthDeps,
  userId: string,
  body: { currentPassword: string; newPassword: string },
  keepSessionId: string | undefined,
  ip: string,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
    throw invalid('body.currentPassword', 'is not your current password');
  }
  const weakness = passwordWeakness(body.newPassword, user.username);
  if (weakness) throw invalid('body.newPassword', weakness);
  await updateUser(deps.db, userId, { passwordHash: await hashPassword(body.newPassword) });
  // Other sessions (a stolen cookie, another browser) end; this one stays signed in.
  await deps.sessions.destroyAllForUser(userId, keepSessionId);
  await recordAudit(deps.db, {
    actorId: userId,
    action: 'auth.password_change',
    targetType: 'user',
    targetId: userId,
    ip,
  });
}

export async function createToken(
  deps: AuthDeps,
  userId: string,
  name: string,
  ip: string,
): Promise<CreatedToken> {
  const token = newTokenSecret();
  const row = await insertToken(deps.db, userId, name, token);
  await recordAudit(deps.db, {
    actorId: userId,
    action: 'token.create',
    targetType: 'api_token',
    targetId: row.id,
    ip,
    details: { name },
  });
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), token };
}

export async function tokensOf(db: Database, userId: string): Promise<ApiToken[]> {
  return (await listTokens(db, userId)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.created_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
  }));
}

export async function deleteToken(
  deps: AuthDeps,
  userId: string,
  tokenId: string,
  ip: string,
): Promise<void> {
  // Another user's token id answers exactly like a missing one.
  if (!(await revokeToken(deps.db, userId, tokenId))) throw notFound('Token');
  await recordAudit(deps.db, {
    actorId: userId,
    action: 'token.revoke',
    targetType: 'api_token',
    targetId: tokenId,
    ip,
  });
}
