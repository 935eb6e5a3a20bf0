// Accounts and sessions over the real app, Redis and PostgreSQL.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiTokenList, CreatedToken, CurrentUser, ErrorResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ORIGIN, PASSWORD, sessionCookie, signUp, someIp } from './auth-helpers';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

const me = (headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
const errorOf = (response: { json: <T>() => T }) => response.json<ErrorResponse>().error;
const register = (payload: Record<string, unknown>, ip = someIp()) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/register', remoteAddress: ip, payload });
const login = (loginName: string, password: string, ip = someIp()) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload: { login: loginName, password },
  });

describe('registration and sessions', () => {
  it('registers, sets an httpOnly SameSite=Lax cookie and answers /auth/me with the user', async () => {
    const response = await register({
      username: 'Reg_User1',
      email: 'Reg1@Example.test',
      password: PASSWORD,
      displayName: 'Reggie',
    });
    expect(response.statusCode).toBe(201);
    const { user } = response.json<{ user: CurrentUser }>();
    expect(user).toMatchObject({
      username: 'Reg_User1',
      email: 'Reg1@Example.test',
      displayName: 'Reggie',
      role: 'user',
    });
    expect(JSON.stringify(response.json())).not.toContain('password');
    const cookie = response.cookies.find((c) => c.name === 'genonaut_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const current = await me({ cookie: sessionCookie(response) });
    expect(current.statusCode).toBe(200);
    expect(current.json<{ user: CurrentUser }>().user.id).toBe(user.id);
  });

  it('marks the cookie Secure when configured (as in production)', async () => {
    const secure = await buildTestApp({ COOKIE_SECURE: 'true' });
    try {
      const response = await secure.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress: someIp(),
        payload: {
          username: `sec_${Date.now()}`,
          email: `sec${Date.now()}@example.test`,
          password: PASSWORD,
        },
      });
      expect(response.cookies.find((c) => c.name === 'genonaut_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('slides the session: Redis expiry on every use, a fresh cookie Max-Age once a day', async () => {
    const session = await signUp(app);
    const id = session.cookie.split('=')[1] ?? '';
    const key = `${app.config.redisKeyPrefix}:session:${createHash('sha256').update(id).digest('hex')}`;
    expect((await me({ cookie: session.cookie })).cookies).toEqual([]);
    const data = JSON.parse((await app.redis.get(key)) ?? '{}') as Record<string, string>;
    await app.redis.set(
      key,
      JSON.stringify({ ...data, cookieRenewedAt: new Date(Date.now() - 2 * 86_400_000).toISOString() }),
      'EX',
      60,
    );
    const renewed = await me({ cookie: session.cookie });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.cookies).toEqual([
      expect.objectContaining({ name: 'genonaut_session', value: id, maxAge: 30 * 86_400 }),
    ]);
    expect(await app.redis.ttl(key)).toBeGreaterThan(29 * 86_400);
  });

  it('ends the session on logout', async () => {
    const session = await signUp(app);
    const out = await app.inject(as(session, { method: 'POST', url: '/api/v1/auth/logout' }));
    expect(out.statusCode).toBe(204);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(401);
  });

  it('answers 401 without a session, and with a made-up one', async () => {
    expect(errorOf(await me({}))).toMatchObject({ code: 'unauthenticated' });
    expect((await me({ cookie: 'genonaut_session=forged-value' })).statusCode).toBe(401);
  });

  it('refuses weak passwords and bad fields, naming the field', async () => {
    const weak = await register({
      username: 'weakling',
      email: 'weak@example.test',
      password: 'password123',
    });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak)).toMatchObject({ code: 'validation_failed', details: [{ field: 'body.password' }] });
    const short = await register({ username: 'shorty', email: 'short@example.test', password: 'abc' });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).details?.map((d) => d.field)).toContain('body.password');
    const badName = await register({ username: 'no spaces!', email: 'nope', password: PASSWORD });
    expect(badName.statusCode).toBe(400);
    expect(errorOf(badName).details?.map((d) => d.field)).toEqual(expect.arrayContaining(['body.username']));
    const missing = await register({ username: 'lonely' });
    expect(errorOf(missing).details?.map((d) => d.field)).toEqual(
      expect.arrayContaining(['body.email', 'body.password']),
    );
  });

  it('refuses a username or email already in use, whatever the case', async () => {
    const first = await signUp(app);
    const dupName = await register({
      username: first.user.username.toUpperCase(),
      email: 'fresh1@example.test',
      password: PASSWORD,
    });
    expect(dupName.statusCode).toBe(409);
    expect(errorOf(dupName)).toMatchObject({ code: 'conflict', details: [{ field: 'body.username' }] });
    const dupEmail = await register({
      username: 'fresh_name_2',
      email: first.user.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(dupEmail.statusCode).toBe(409);
    expect(errorOf(dupEmail).details).toEqual([{ field: 'body.email', message: 'is already registered' }]);
  });

  it('can be switched off by configuration', async () => {
    const closed = await buildTestApp({ REGISTRATION_ENABLED: 'false' });
    try {
      const response = await closed.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { username: 'latecomer', email: 'late@example.test', password: PASSWORD },
      });
      expect(response.statusCode).toBe(403);
    } finally {
      await closed.close();
    }
  });

  it('allows 5 registrations an hour from one address, then 429 with Retry-After', async () => {
    const ip = someIp();
    const stamp = Date.now();
    for (let i = 0; i < 5; i++) {
      const ok = await register(
        { username: `burst_${stamp}_${i}`, email: `burst${stamp}${i}@example.test`, password: PASSWORD },
        ip,
      );
      expect(ok.statusCode).toBe(201);
    }
    const sixth = await register(
      { username: `burst_${stamp}_6`, email: `burst${stamp}6@example.test`, password: PASSWORD },
      ip,
    );
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(sixth).code).toBe('rate_limited');
  });
});

describe('login', () => {
  it('signs in by username or email, case-insensitively', async () => {
    const { user } = await signUp(app);
    for (const name of [user.username, user.username.toUpperCase(), user.email.toUpperCase()]) {
      const response = await login(name, PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ user: CurrentUser }>().user.id).toBe(user.id);
      expect((await me({ cookie: sessionCookie(response) })).statusCode).toBe(200);
    }
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const { user } = await signUp(app);
    const wrong = await login(user.username, 'not the right password');
    const unknown = await login(`nobody_${Date.now()}`, 'not the right password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toEqual([]);
  });

  it('refuses the 11th attempt in a minute from one address with 429', async () => {
    const { user } = await signUp(app);
    const ip = someIp();
    for (let i = 0; i < 10; i++)
      expect((await login(`someone_${i}@example.test`, 'wrong password!', ip)).statusCode).toBe(401);
    const eleventh = await login(user.username, PASSWORD, ip);
    expect(eleventh.statusCode).toBe(429);
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses the 11th attempt in a minute on one account, from any address', async () => {
    const { user } = await signUp(app);
    for (let i = 0; i < 10; i++) expect((await login(user.username, 'wrong password!')).statusCode).toBe(401);
    expect((await login(user.username, PASSWORD)).statusCode).toBe(429);
  });

  it('writes the audit log for logins and failed logins', async () => {
    const { user } = await signUp(app);
    await login(user.username, 'wrong password!');
    await login(user.username, PASSWORD);
    const actions = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['user.register', 'auth.login_failed', 'auth.login']);
  });
});

describe('password change', () => {
  it('requires the current password and a strong new one', async () => {
    const session = await signUp(app);
    const change = (body: Record<string, string>) =>
      app.inject(as(session, { method: 'POST', url: '/api/v1/auth/password', payload: body }));
    expect(
      errorOf(await change({ currentPassword: 'wrong wrong wrong', newPassword: 'a brand new secret' }))
        .details,
    ).toEqual([{ field: 'body.currentPassword', message: 'is not your current password' }]);
    expect(
      errorOf(await change({ currentPassword: PASSWORD, newPassword: 'password123' })).details?.[0]?.field,
    ).toBe('body.newPassword');
  });

  it('changes it, keeps this session and ends the others', async () => {
    const session = await signUp(app);
    const other = sessionCookie(await login(session.user.username, PASSWORD));
    const response = await app.inject(
      as(session, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: 'a brand new secret' },
      }),
    );
    expect(response.statusCode).toBe(204);
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
    expect((await me({ cookie: other })).statusCode).toBe(401);
    expect((await login(session.user.username, PASSWORD)).statusCode).toBe(401);
    expect((await login(session.user.username, 'a brand new secret')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('requires authentication', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/tokens' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'x' } })).statusCode,
    ).toBe(401);
  });

  it('creates a token shown once, authenticates with it, and stops it at once when revoked', async () => {
    const session = await signUp(app);
    const created = await app.inject(
      as(session, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'backup script' } }),
    );
    expect(created.statusCode).toBe(201);
    const token = created.json<CreatedToken>();
    expect(token.token).toMatch(/^gnt_/);
    const bearer = { authorization: `Bearer ${token.token}` };
    expect((await me(bearer)).json<{ user: CurrentUser }>().user.id).toBe(session.user.id);

    const list = (
      await app.inject(as(session, { method: 'GET', url: '/api/v1/auth/tokens' }))
    ).json<ApiTokenList>();
    expect(list.items).toEqual([expect.objectContaining({ id: token.id, name: 'backup script' })]);
    expect(JSON.stringify(list)).not.toContain(token.token);

    const revoked = await app.inject(
      as(session, { method: 'DELETE', url: `/api/v1/auth/tokens/${token.id}` }),
    );
    expect(revoked.statusCode).toBe(204);
    expect((await me(bearer)).statusCode).toBe(401);
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', token.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['token.create', 'token.revoke']);
  });

  it('refuses another user: their tokens are invisible and cannot be revoked', async () => {
    const owner = await signUp(app);
    const intruder = await signUp(app);
    const token = (
      await app.inject(as(owner, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'mine' } }))
    ).json<CreatedToken>();
    const attempt = await app.inject(
      as(intruder, { method: 'DELETE', url: `/api/v1/auth/tokens/${token.id}` }),
    );
    expect(attempt.statusCode).toBe(404);
    const theirs = (
      await app.inject(as(intruder, { method: 'GET', url: '/api/v1/auth/tokens' }))
    ).json<ApiTokenList>();
    expect(theirs.items).toEqual([]);
    expect((await me({ authorization: `Bearer ${token.token}` })).statusCode).toBe(200);
  });

  it('needs no Origin header: a token carries no ambient credentials', async () => {
    const session = await signUp(app);
    const token = (
      await app.inject(as(session, { method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'cli' } }))
    ).json<CreatedToken>();
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: { authorization: `Bearer ${token.token}` },
      payload: { displayName: 'From a script' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('cross-site protection', () => {
  it('refuses a cookie-authenticated change without a same-origin Origin header', async () => {
    const session = await signUp(app);
    const patch = (headers: Record<string, string>) =>
      app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers, payload: { displayName: 'Changed' } });
    expect((await patch({ cookie: session.cookie })).statusCode).toBe(403);
    expect((await patch({ cookie: session.cookie, origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await patch({ cookie: session.cookie, origin: ORIGIN })).statusCode).toBe(200);
  });

  it('refuses bodies that are neither JSON nor multipart', async () => {
    const session = await signUp(app);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await app.inject({
        method: 'PATCH',
        url: '/api/v1/users/me',
        headers: { ...session.headers, 'content-type': type },
        payload: 'displayName=Forged',
      });
      expect({ type, status: response.statusCode }).toEqual({ type, status: 415 });
    }
  });

  it('sends security headers: the SPA CSP on documents, a closed one on API answers', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    for (const url of ['/api/v1/health', '/api/v1/no-such-route']) {
      const api = await app.inject({ method: 'GET', url });
      expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      expect(api.headers['x-frame-options']).toBe('DENY');
      expect(api.headers['cross-origin-resource-policy']).toBe('same-site');
    }
  });

  it('allows CORS only for configured origins', async () => {
    const preflight = (target: FastifyInstance, origin: string) =>
      target.inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/me',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    expect(
      (await preflight(app, 'https://elsewhere.example')).headers['access-control-allow-origin'],
    ).toBeUndefined();
    const open = await buildTestApp({ CORS_ORIGINS: 'https://studio.example' });
    try {
      expect((await preflight(open, 'https://studio.example')).headers['access-control-allow-origin']).toBe(
        'https://studio.example',
      );
      expect(
        (await preflight(open, 'https://elsewhere.example')).headers['access-control-allow-origin'],
      ).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('limits oversized JSON bodies with 413', async () => {
    const session = await signUp(app);
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/v1/users/me',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ preferences: { blob: 'x'.repeat(1_100_000) } }),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('payload_too_large');
  });
});
