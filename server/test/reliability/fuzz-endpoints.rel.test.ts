// Every endpoint of the OpenAPI document, fed generated and hostile input (fast-check), anonymously, as a
// plain user and as an admin. The only acceptable answers are the statuses the document declares for
// that operation; anything else (a 500 above all) fails the run and prints the request that caused it.
import type { FastifyInstance, InjectOptions } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, promoteToAdmin, signUp, someIp, type Session } from '../auth-helpers';
import { createContent, createJob, createTag, createUser } from '../factories';
import { buildTestApp } from '../test-context';
import { arbitraryFor, hostile, type JsonSchema } from './schema-arbitrary';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface FuzzRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let app: FastifyInstance;
let doc: OpenApi;
const known: Record<string, (string | number)[]> = {};

beforeAll(async () => {
  app = await buildTestApp();
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
  // Real ids, so generated requests also reach the code behind a successful lookup.
  const owner = await createUser(app.db);
  const items = await Promise.all([1, 2, 3].map(() => createContent(app.db, owner.id)));
  const tags = await Promise.all([1, 2].map(() => createTag(app.db)));
  const job = await createJob(app.db, owner.id);
  known.content = items.map((i) => i.id);
  known.tags = [...tags.map((t) => t.id), ...tags.map((t) => t.slug)];
  known['generation-jobs'] = [job.id];
  known.users = [owner.id];
  known.tokens = [1];
});
afterAll(() => app.close());

const resolve = (ref: string): JsonSchema => {
  const name = ref.split('/').pop() ?? '';
  return doc.components?.schemas?.[name] ?? {};
};

/** A path parameter: a known id of the resource (when there is one), a schema value, or hostile. */
function pathValue(route: string, parameter: Parameter): fc.Arbitrary<unknown> {
  const resource =
    route
      .split('/')
      .filter((s) => s && !s.startsWith('{'))
      .pop() ?? '';
  const collection = Object.keys(known).find((k) => route.includes(`/${k}/`)) ?? resource;
  const ids = known[collection] ?? [];
  const generated = arbitraryFor(parameter.schema ?? { type: 'string' }, resolve);
  return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), generated) : generated;
}

function requestArbitrary(route: string, operation: Operation): fc.Arbitrary<FuzzRequest> {
  const params = operation.parameters ?? [];
  const path = fc.record(
    Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(route, p)])),
  );
  const queryParams = params.filter((p) => p.in === 'query');
  const query = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, arbitraryFor(p.schema ?? {}, resolve)])),
    { requiredKeys: [] },
  );
  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<FuzzRequest['body']> = operation.requestBody
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: (jsonSchema ? arbitraryFor(jsonSchema, resolve) : hostile).map((value) => ({
            kind: 'json' as const,
            value,
          })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              '{',
              '{"a":',
              'null',
              '[1,2',
              '\u0000',
              '{"__proto__":{"role":"admin"}}',
              'x'.repeat(2_000_000),
            )
            .map((text) => ({ kind: 'raw' as const, text })),
        },
      )
    : fc.constant({ kind: 'none' as const });
  return fc.record({ path, query, body });
}

function toInject(route: string, method: string, request: FuzzRequest): InjectOptions {
  let url = route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.path[name];
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
    // An empty segment would address another route (/content/ is the gallery), not this one.
    // A lone surrogate cannot be percent-encoded as UTF-8; a client would send U+FFFD instead.
    return encodeURIComponent(text === '' ? ' ' : text.replace(/[\ud800-\udfff]/gu, '\ufffd'));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value === undefined) continue;
    if (Array.isArray(value))
      for (const v of value) search.append(name, typeof v === 'string' ? v : JSON.stringify(v));
    else search.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  if ([...search].length > 0) url += `?${search.toString()}`;
  const options: InjectOptions = {
    method: method.toUpperCase(),
    url,
    remoteAddress: someIp(),
  };
  if (request.body.kind === 'json') {
    options.payload = JSON.stringify(request.body.value) ?? 'null';
    options.headers = { 'content-type': 'application/json' };
  } else if (request.body.kind === 'raw') {
    options.payload = request.body.text;
    options.headers = { 'content-type': 'application/json' };
  }
  return options;
}

const describeRequest = (options: InjectOptions) =>
  JSON.stringify({
    method: options.method,
    url: options.url,
    body: typeof options.payload === 'string' ? options.payload.slice(0, 500) : '',
  });

type Caller = 'anonymous' | 'user' | 'admin';

async function sessionFor(caller: Caller): Promise<Session | null> {
  if (caller === 'anonymous') return null;
  const session = await signUp(app);
  if (caller === 'admin') await promoteToAdmin(app, session.user.id);
  return session;
}

const operations = (): [string, string, Operation][] =>
  Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, op]) => [route, method, op] as [string, string, Operation]),
  );

describe('every endpoint under generated and hostile input', () => {
  it('answers only with the statuses its OpenAPI operation declares', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [route, method, operation] of operations()) {
      const declared = new Set(Object.keys(operation.responses ?? {}));
      for (const caller of ['anonymous', 'user', 'admin'] as const) {
        const session = await sessionFor(caller);
        await fc
          .assert(
            fc.asyncProperty(requestArbitrary(route, operation), async (request) => {
              const options = toInject(route, method, request);
              const response = await app.inject(as(session, options));
              requests += 1;
              if (!declared.has(String(response.statusCode))) {
                throw new Error(
                  `${caller}: ${response.statusCode} not declared (${[...declared].join(', ')}) for ` +
                    `${describeRequest(options)} → ${response.body.slice(0, 300)}`,
                );
              }
            }),
            { numRuns: RUNS, seed: SEED, endOnFailure: true },
          )
          .catch((error: unknown) => {
            // fast-check's report repeats the (possibly huge) counterexample; our message says it all.
            const cause = (error as { cause?: unknown }).cause;
            const seed = /seed: (-?\d+), path: "([^"]*)"/.exec(String(error));
            const message = cause instanceof Error ? cause.message : String(error).slice(0, 600);
            failures.push(
              `${method.toUpperCase()} ${route} [seed ${seed?.[1]}, path ${seed?.[2]}]: ${message}`,
            );
          });
      }
    }
    console.log(`fuzzed ${operations().length} operations with ${requests} requests`);
    expect(failures).toEqual([]);
    // And the API is still fine afterwards.
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
