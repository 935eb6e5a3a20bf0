// Calling the bookmark, notification and search-history endpoints as a given user, for their tests.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { as, type Session } from './auth-helpers';

export interface Answer<T> {
  status: number;
  body: T;
}

/** `call(session, method, '/bookmarks', payload)`: the path is under /api/v1; a null session is anonymous. */
export function apiCaller(app: () => FastifyInstance) {
  return async <T = unknown>(
    session: Session | null,
    method: InjectOptions['method'],
    url: string,
    payload?: object,
  ): Promise<Answer<T>> => {
    const response = await app().inject(as(session, { method, url: `/api/v1${url}`, payload }));
    return { status: response.statusCode, body: (response.body ? response.json<T>() : null) as T };
  };
}

/** Fails the test with the answer's body when the status is not the expected one. */
export function expectStatus<T>(answer: Answer<T>, status: number): T {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
