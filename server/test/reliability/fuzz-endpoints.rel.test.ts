// Every endpoint of the OpenAPI document, fed generated and hostile input (fast-check): path, query and
// header parameters and JSON bodies from their schemas, multipart bodies for the upload, as each caller of
// fuzz-callers.ts. No fault is injected meanwhile, so any 5xx fails the run, and so does any status the
// operation does not declare; the failure prints the request that caused it and the seed to replay it.
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '../auth-helpers';
import { testPng, uploadImage } from '../content-helpers';
import { createContent, createJob, createTag } from '../factories';
import { ensureTestFlagWords, flaggedItem, MILD, RISKY } from '../moderation-helpers';
import { buildTestApp } from '../test-context';
import { callerFor, callerKinds, type Caller, type Known } from './fuzz-callers';
import { describeRequest, toInject, type FuzzRequest } from './fuzz-requests';
import { multipartArbitrary, type UploadSamples } from './multipart-arbitrary';
import { arbitraryFor, hostile, shapedFor, type JsonSchema, type SchemaContext } from './schema-arbitrary';

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

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const UPLOAD_MAX_BYTES = 64 * 1024;

let app: FastifyInstance;
let doc: OpenApi;
let samples: UploadSamples;
/** Rows of another user every caller can name, made again for each operation (admins delete them). */
let shared: Known = {};

beforeAll(async () => {
  app = await buildTestApp({ UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) });
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
  samples = { png: await testPng(48, 32), tooLarge: Buffer.alloc(UPLOAD_MAX_BYTES + 1, 7) };
  await ensureTestFlagWords(app);
});

async function sharedRows(): Promise<Known> {
  // A new owner each time too: an admin may have deactivated the last one.
  const uploader = await signUp(app);
  const owner = uploader.user.id;
  const image = await uploadImage(app, uploader, {}, samples.png);
  const items = await Promise.all([1, 2].map(() => createContent(app.db, owner)));
  const tags = await Promise.all([1, 2].map(() => createTag(app.db)));
  const job = await createJob(app.db, owner);
  const flags = await Promise.all([RISKY, MILD].map((text) => flaggedItem(app, owner, text)));
  const flagIds = flags.flatMap((f) => (f.flag ? [f.flag.id] : []));
  const content = [image.id, ...items.map((i) => i.id)];
  return {
    content,
    recommendations: content,
    tags: [...tags.map((t) => t.id), ...tags.map((t) => t.slug)],
    'generation-jobs': [job.id],
    users: [owner],
    'flagged-content': flagIds,
  };
}
/** Everyone the run signed up, whose jobs it leaves behind. */
const fuzzUsers = new Set<string>();

afterAll(async () => {
  // No queued or running job may outlive the run: a worker of a later test file sharing this database
  // would queue every one of them again (the recovery after Redis comes back empty).
  if (fuzzUsers.size > 0)
    await app.db
      .updateTable('generation_jobs')
      .set({ status: 'cancelled', completed_at: new Date() })
      .where('user_id', 'in', [...fuzzUsers])
      .where('status', 'in', ['queued', 'running'])
      .execute();
  await app.close();
});

const resolve = (ref: string): JsonSchema => {
  const name = ref.split('/').pop() ?? '';
  return doc.components?.schemas?.[name] ?? {};
};

/** Parameters and body fields that name a row of a collection, wherever they appear. */
const fieldCollections: Record<string, string> = {
  contentId: 'content',
  coverContentId: 'content',
  parentId: 'bookmark-categories',
  moveTo: 'bookmark-categories',
  categoryId: 'bookmark-categories',
  query: 'search-history',
};

/** Array fields that list rows of a collection. */
const listCollections: Record<string, string> = {
  categoryIds: 'bookmark-categories',
  ids: 'flagged-content',
};

/** Real values of a collection: the shared rows and the caller's own. */
const idsFor = (caller: Caller) => (collection: string) => [
  ...(shared[collection] ?? []),
  ...(caller.known[collection] ?? []),
];

function schemaContext(caller: Caller): SchemaContext {
  const ids = idsFor(caller);
  return {
    resolve,
    known: (name) => {
      const listed = listCollections[name];
      return listed ? [ids(listed)] : ids(fieldCollections[name] ?? '');
    },
  };
}

/** A path parameter: a real id of the collection named just before it, a schema value, or hostile. */
function pathValue(route: string, parameter: Parameter, caller: Caller): fc.Arbitrary<unknown> {
  const segments = route.split('/');
  const collection = segments[segments.indexOf(`{${parameter.name}}`) - 1] ?? '';
  const real = idsFor(caller)(collection);
  const generated = arbitraryFor(parameter.schema ?? { type: 'string' }, schemaContext(caller));
  return real.length > 0 ? fc.oneof(fc.constantFrom(...real), generated) : generated;
}

const malformedJson = [
  '{',
  '{"a":',
  'null',
  '[1,2',
  '\u0000',
  '{"__proto__":{"role":"admin"}}',
  'x'.repeat(2_000_000),
];

function bodyArbitrary(operation: Operation, ctx: SchemaContext): fc.Arbitrary<FuzzRequest['body']> {
  const content = operation.requestBody?.content;
  if (!content) return fc.constant({ kind: 'none' as const });
  const jsonSchema = content['application/json']?.schema;
  const formSchema = content['multipart/form-data']?.schema;
  const json = fc
    .oneof(
      { weight: 2, arbitrary: jsonSchema ? arbitraryFor(jsonSchema, ctx) : hostile },
      { weight: 1, arbitrary: jsonSchema ? shapedFor(jsonSchema, ctx) : hostile },
    )
    .map((value) => ({ kind: 'json' as const, value }));
  const raw = fc.constantFrom(...malformedJson).map((text) => ({ kind: 'raw' as const, text }));
  if (formSchema) {
    const form = multipartArbitrary(formSchema, ctx, samples).map((f) => ({
      kind: 'multipart' as const,
      form: f,
    }));
    return fc.oneof(
      { weight: 6, arbitrary: form },
      { weight: 1, arbitrary: json },
      { weight: 1, arbitrary: raw },
    );
  }
  return fc.oneof({ weight: 6, arbitrary: json }, { weight: 1, arbitrary: raw });
}

function requestArbitrary(route: string, operation: Operation, caller: Caller): fc.Arbitrary<FuzzRequest> {
  const ctx = schemaContext(caller);
  const params = operation.parameters ?? [];
  const generated = (where: Parameter['in'], value: (p: Parameter) => fc.Arbitrary<unknown>) =>
    fc.record(Object.fromEntries(params.filter((p) => p.in === where).map((p) => [p.name, value(p)])), {
      requiredKeys: [],
    });
  // Hostile anywhere, every parameter of its schema's shape, or none: with many parameters, one of them
  // is almost always wrong, and the request would never get past validation.
  const named = (shaped: boolean) => (p: Parameter) => {
    const schemaValue = shaped ? shapedFor(p.schema ?? {}, ctx) : arbitraryFor(p.schema ?? {}, ctx);
    const real = ctx.known?.(p.name) ?? [];
    return real.length > 0 ? fc.oneof(fc.constantFrom(...real), schemaValue) : schemaValue;
  };
  return fc.record({
    path: fc.record(
      Object.fromEntries(
        params.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(route, p, caller)]),
      ),
    ),
    query: fc.oneof(generated('query', named(false)), generated('query', named(true)), fc.constant({})),
    headers: generated('header', named(false)),
    body: bodyArbitrary(operation, ctx),
  });
}

const operations = (): [string, string, Operation][] =>
  Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, op]) => [route, method, op] as [string, string, Operation]),
  );

describe('every endpoint under generated and hostile input', () => {
  it('answers only with the statuses its OpenAPI operation declares, and never with a 5xx', async () => {
    const failures: string[] = [];
    const perCaller = new Map<string, number>();
    // The statuses each operation answered: did generated requests reach past the lookups (a 2xx)?
    const answered = new Map<string, Map<number, number>>();
    let requests = 0;
    for (const [route, method, operation] of operations()) {
      const declared = new Set(Object.keys(operation.responses ?? {}));
      shared = await sharedRows();
      for (const id of shared.users ?? []) fuzzUsers.add(String(id));
      for (const kind of callerKinds) {
        const caller = await callerFor(app, kind);
        for (const id of caller.known.users ?? []) fuzzUsers.add(String(id));
        const arbitrary = fc.tuple(requestArbitrary(route, operation, caller), caller.headers);
        await fc
          .assert(
            fc.asyncProperty(arbitrary, async ([request, headers]) => {
              const options = toInject(route, method, request, headers);
              const response = await app.inject(options);
              requests += 1;
              perCaller.set(kind, (perCaller.get(kind) ?? 0) + 1);
              const status = response.statusCode;
              const seen = answered.get(`${method.toUpperCase()} ${route}`) ?? new Map<number, number>();
              answered.set(`${method.toUpperCase()} ${route}`, seen.set(status, (seen.get(status) ?? 0) + 1));
              if (status >= 500 || !declared.has(String(status))) {
                const why = status >= 500 ? 'a server error' : `not declared (${[...declared].join(', ')})`;
                throw new Error(
                  `${kind}: ${status} ${why} for ${describeRequest(options)} → ${response.body.slice(0, 300)}`,
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
    const headerParameters = operations().flatMap(([route, method, op]) =>
      (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => `${method} ${route} ${p.name}`),
    );
    console.log(
      `fuzzed ${operations().length} operations with ${requests} requests ` +
        `(${[...perCaller].map(([k, n]) => `${k} ${n}`).join(', ')}; ` +
        `header parameters declared: ${headerParameters.length ? headerParameters.join(', ') : 'none'})`,
    );
    const neverSucceeded = [...answered]
      .filter(([, seen]) => ![...seen.keys()].some((status) => status < 300))
      .map(([op, seen]) => `${op} (${[...seen].map(([status, n]) => `${status}×${n}`).join(' ')})`);
    console.log(`operations never answered 2xx: ${neverSucceeded.join(', ') || 'none'}`);
    expect(failures).toEqual([]);
    // And the API is still fine afterwards.
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
