// With Redis unreachable the API keeps serving what needs only PostgreSQL, and answers what needs Redis
// (sessions, logins) with 503 naming the dependency instead of hanging or failing with 500.
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse, HealthResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { createUser } from './factories';
import { testConfig } from './test-context';

let app: FastifyInstance;
beforeAll(async () => {
  // Port 9 (discard) refuses connections: a Redis that is down.
  app = await buildApp({ config: testConfig({ REDIS_URL: 'redis://127.0.0.1:9' }), logger: false });
  await app.ready();
});
afterAll(() => app.close());

describe('Redis down', () => {
  it('reports the API degraded, with Redis and the queue down', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<HealthResponse>();
    expect(body.status).toBe('degraded');
    expect(body.checks.redis.status).toBe('down');
    expect(body.checks.queue.status).toBe('down');
  });

  it('still serves public reads from PostgreSQL', async () => {
    const user = await createUser(app.db);
    expect((await app.inject({ method: 'GET', url: `/api/v1/users/${user.id}` })).statusCode).toBe(200);
  });

  it('answers a session-authenticated request and a login with 503 naming Redis', async () => {
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'genonaut_session=abc' },
    });
    expect(me.statusCode).toBe(503);
    expect(me.json<ErrorResponse>().error).toMatchObject({
      code: 'dependency_unavailable',
      message: expect.stringMatching(/Redis/),
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'someone', password: 'whatever12' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json<ErrorResponse>().error.message).toMatch(/Redis/);
  });
});
