// Values that pass the JSON schema but that PostgreSQL cannot store (found by the endpoint fuzzer):
// the answer is a 400 naming the problem, never a 500, and nothing is written.
import type { ErrorResponse } from '@genonaut/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signUp } from './auth-helpers';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('values PostgreSQL cannot store', () => {
  it('answers 400 to a NUL character in text and a lone surrogate in JSON, and changes nothing', async () => {
    const user = await signUp(app);
    const bodies = [
      '{"displayName":"a\\u0000b"}',
      '{"preferences":{"theme":"\\ud800"}}',
      '{"preferences":{"k\\u0000":"v"}}',
    ];
    for (const payload of bodies) {
      const response = await app.inject(
        as(user, {
          method: 'PATCH',
          url: '/api/v1/users/me',
          payload,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expect(response.statusCode, payload).toBe(400);
      expect(response.json<ErrorResponse>().error.code).toBe('validation_failed');
    }
    const me = await app.inject(as(user, { method: 'GET', url: '/api/v1/auth/me' }));
    expect(me.json<{ user: { displayName: string | null } }>().user).toMatchObject({
      displayName: user.user.displayName,
      preferences: user.user.preferences,
    });
  });
});
