// Who the fuzzer sends requests as: nobody, a user and an admin by session cookie, the same by API token
// (Bearer), and a caller with forged credentials. Each signed-in caller owns rows of its own (an item
// recommended to it, a queued and a failed generation job, a public bookmark category holding a bookmark,
// a notification, a search, a second API token), so requests naming them get past the 404 to the code
// behind a successful lookup.
import type { BookmarkCategory, CreatedToken } from '@genonaut/contracts';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { as, promoteToAdmin, signUp, someIp, type Session } from '../auth-helpers';
import { createContent, createJob } from '../factories';
import { asText, hostile } from './schema-arbitrary';

/** Real values by collection: the path segment before an id (`content`, `bookmarks`, …). */
export type Known = Record<string, (string | number)[]>;

export const callerKinds = [
  'anonymous',
  'forged credentials',
  'user',
  'user (bearer)',
  'admin',
  'admin (bearer)',
] as const;
export type CallerKind = (typeof callerKinds)[number];

export interface Caller {
  kind: CallerKind;
  /** Headers of each request: fixed for a real caller, generated for forged credentials. */
  headers: fc.Arbitrary<Record<string, string>>;
  known: Known;
}

async function call(app: FastifyInstance, session: Session, url: string, payload: object) {
  const response = await app.inject(
    as(session, { method: 'POST', url: `/api/v1${url}`, payload, remoteAddress: someIp() }),
  );
  if (response.statusCode !== 201) throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
  return response;
}

async function ownRows(app: FastifyInstance, session: Session): Promise<Known> {
  const userId = session.user.id;
  const item = await createContent(app.db, userId);
  const job = await createJob(app.db, userId);
  const finished = await createJob(app.db, userId, {
    status: 'failed',
    error_code: 'timeout',
    completed_at: new Date(),
  });
  await app.db
    .insertInto('recommendations')
    .values({ user_id: userId, content_id: item.id, algorithm: 'fuzz', score: 1 })
    .execute();
  const category = (
    await call(app, session, '/bookmark-categories', { name: 'Fuzzed', isPublic: true })
  ).json<BookmarkCategory>();
  const bookmark = (
    await call(app, session, '/bookmarks', { contentId: item.id, categoryIds: [category.id] })
  ).json<{ id: string }>();
  const token = (await call(app, session, '/auth/tokens', { name: 'fuzzed' })).json<CreatedToken>();
  await call(app, session, '/search-history', { query: 'red fox' });
  const notification = await app.db
    .insertInto('notifications')
    .values({ user_id: userId, type: 'system', title: 'Fuzzed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    content: [item.id],
    'generation-jobs': [job.id, finished.id],
    recommendations: [item.id],
    'bookmark-categories': [category.id],
    categories: category.shareToken ? [category.shareToken] : [],
    bookmarks: [bookmark.id],
    tokens: [token.id],
    notifications: [notification.id],
    'search-history': ['red fox'],
    users: [userId],
  };
}

const forgedHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.string({ maxLength: 80 }).map((t) => ({ authorization: `Bearer ${t}` })),
  hostile.map((v) => ({ authorization: `Bearer ${asText(v)}` })),
  fc.constantFrom('Basic dXNlcjpwYXNz', 'Bearer', 'bearer  ', 'Token abc', 'Bearer a b').map((a) => ({
    authorization: a,
  })),
  fc.string({ maxLength: 80 }).map((s) => ({ cookie: `genonaut_session=${encodeURIComponent(s)}` })),
  fc
    .constantFrom('genonaut_session=', 'genonaut_session', '=;=;', 'genonaut_session=a; genonaut_session=b')
    .map((cookie) => ({ cookie })),
);

/** A header value a client can send: Latin-1, no line breaks. */
export const sendable = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

export async function callerFor(app: FastifyInstance, kind: CallerKind): Promise<Caller> {
  if (kind === 'anonymous') return { kind, headers: fc.constant({}), known: {} };
  if (kind === 'forged credentials')
    return {
      kind,
      headers: forgedHeaders.map((h) =>
        Object.fromEntries(Object.entries(h).map(([k, v]) => [k, sendable(v)])),
      ),
      known: {},
    };
  const session = await signUp(app);
  if (kind.startsWith('admin')) await promoteToAdmin(app, session.user.id);
  const known = await ownRows(app, session);
  if (!kind.endsWith('(bearer)')) return { kind, headers: fc.constant(session.headers), known };
  const token = (await call(app, session, '/auth/tokens', { name: 'fuzz caller' })).json<CreatedToken>();
  return { kind, headers: fc.constant({ authorization: `Bearer ${token.token}` }), known };
}
