// Signing up and calling the API as a given user through app.inject.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { CurrentUser } from '@genonaut/contracts';

export const ORIGIN = 'http://localhost:8001';
export const PASSWORD = 'violet kite over the harbour';

/** A made-up client address per call, so per-IP rate limits of one test do not hit the next. */
export const someIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

export interface Session {
  user: CurrentUser;
  cookie: string;
  /** Headers of a same-origin browser request with this session. */
  headers: Record<string, string>;
}

export function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'genonaut_session');
  if (!cookie) throw new Error('no session cookie in the response');
  return `genonaut_session=${cookie.value}`;
}

export async function signUp(
  app: FastifyInstance,
  overrides: { username?: string; password?: string } = {},
): Promise<Session> {
  const username = overrides.username ?? `u_${randomUUID().slice(0, 12)}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress: someIp(),
    payload: { username, email: `${username}@example.test`, password: overrides.password ?? PASSWORD },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  return { user: response.json<{ user: CurrentUser }>().user, cookie, headers: { cookie, origin: ORIGIN } };
}

/** Makes an existing account an admin (through the database, as `genonaut user create --admin` would). */
export async function promoteToAdmin(app: FastifyInstance, userId: string): Promise<void> {
  await app.db.updateTable('users').set({ role: 'admin' }).where('id', '=', userId).execute();
}

export function as(session: Session | null, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...(session?.headers ?? {}), ...(options.headers ?? {}) } };
}
