// The model catalogue against real image servers: two ComfyUI mocks over HTTP, each offering its own
// model files, the API through app.inject and `genonaut models sync` as a process. Every file name carries
// this run's tag, so the rows are the test's own. The catalogue is one table for everyone: every test that
// syncs lives in this file, so none of them marks the models of another while it runs.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type {
  BackendList,
  CheckpointList,
  ErrorResponse,
  GenerationJob,
  LoraPage,
  ModelSyncResult,
} from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comfyMockControl } from '../src/comfyui-mock/server';
import { as, promoteToAdmin, signUp, type Session } from './auth-helpers';
import { genonautWith } from './cli-helpers';
import { startMock, type Mock } from './comfyui-mock-helpers';
import { createJob } from './factories';
import { buildTestApp } from './test-context';

const run = randomUUID().slice(0, 8);
const file = (name: string) => `${run}-${name}.safetensors`;
const arch = `arch-${run}`;
const ck = { a: file('ck-a'), b: file('ck-b'), c: file('ck-c'), d: file('ck-d'), e: file('ck-e') };
const lora = { w: file('lora-w'), x: file('lora-x'), y: file('lora-y'), z: file('lora-z') };

let one: Mock;
let two: Mock;
let app: FastifyInstance;
let admin: Session;
let user: Session;

/** An API whose image servers are `servers`; with `sessionsOf`, the sessions of that API work on it. */
async function appFor(servers: Record<string, string>, sessionsOf?: FastifyInstance) {
  const urls = Object.entries(servers).map(([name, url]) => `${name}=${url}`);
  return buildTestApp({
    COMFYUI_URLS: urls.join(','),
    ...(sessionsOf ? { REDIS_KEY_PREFIX: sessionsOf.config.redisKeyPrefix } : {}),
  });
}

async function sync(on: FastifyInstance, session: Session | null) {
  return on.inject(as(session, { method: 'POST', url: '/api/v1/models/sync' }));
}

async function checkpointsOf(on: FastifyInstance = app) {
  const response = await on.inject({ method: 'GET', url: '/api/v1/models/checkpoints' });
  expect(response.statusCode).toBe(200);
  return response.json<CheckpointList>().items;
}

/** Where each of the given checkpoints is, by file name. */
async function availability(files: string[]) {
  const items = await checkpointsOf();
  return Object.fromEntries(
    files.map((f) => {
      const item = items.find((i) => i.filename === f);
      return [f, item ? { isAvailable: item.isAvailable, availableOn: item.availableOn } : null];
    }),
  );
}

async function loras(query: Record<string, string>) {
  return app.inject({ method: 'GET', url: '/api/v1/models/loras', query });
}

beforeAll(async () => {
  one = await startMock({ checkpoints: [ck.b, ck.d], loras: [lora.w, lora.x] });
  two = await startMock({ checkpoints: [ck.c, ck.d, ck.e], loras: [lora.x, lora.y] });
  app = await appFor({ one: one.url, two: two.url });
  user = await signUp(app);
  admin = await signUp(app);
  await promoteToAdmin(app, admin.user.id);
  // The catalogue's facts (the shipped CSVs play this part in a real install); ck-e is on a server only.
  await app.db
    .insertInto('models_checkpoints')
    .values([
      { filename: ck.a, name: `A ${run}`, architecture: arch, rating: 0.95 },
      { filename: ck.b, name: `B ${run}`, architecture: arch, rating: 0.5 },
      { filename: ck.c, name: `C ${run}`, architecture: 'other', rating: 0.1 },
      { filename: ck.d, name: `D ${run}`, architecture: arch, rating: 0.7 },
    ])
    .execute();
  await app.db
    .insertInto('models_loras')
    .values([
      // Optimal for ck-b, named without the extension as the CSV does.
      {
        filename: lora.x,
        name: `X ${run}`,
        compatible_architectures: [arch],
        rating: 0.8,
        optimal_checkpoints: [ck.b.replace('.safetensors', '')],
      },
      { filename: lora.y, name: `Y ${run}`, compatible_architectures: ['other'], rating: 0.9 },
      { filename: lora.z, name: `Z ${run}`, compatible_architectures: ['other', arch], rating: null },
      {
        filename: lora.w,
        name: `W ${run}`,
        compatible_architectures: [arch],
        rating: 0.6,
        optimal_checkpoints: [ck.d],
      },
    ])
    .execute();
});

afterAll(async () => {
  await app.close();
  await one.app.close();
  await two.app.close();
});

describe('POST /models/sync', () => {
  it('requires authentication and refuses a user who is not an admin', async () => {
    expect((await sync(app, null)).statusCode).toBe(401);
    const refused = await sync(app, user);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorResponse>().error.code).toBe('forbidden');
    expect((await availability([ck.b]))[ck.b]).toEqual({ isAvailable: false, availableOn: [] });
  });

  it('marks each model with the servers that have it, adding files the catalogue did not know', async () => {
    const response = await sync(app, admin);
    expect(response.statusCode).toBe(200);
    expect(response.json<ModelSyncResult>()).toEqual({ checkpoints: 4, loras: 3, servers: ['one', 'two'] });
    expect(await availability(Object.values(ck))).toEqual({
      [ck.a]: { isAvailable: false, availableOn: [] },
      [ck.b]: { isAvailable: true, availableOn: ['one'] },
      [ck.c]: { isAvailable: true, availableOn: ['two'] },
      [ck.d]: { isAvailable: true, availableOn: ['one', 'two'] },
      [ck.e]: { isAvailable: true, availableOn: ['two'] },
    });
    const added = (await checkpointsOf()).find((c) => c.filename === ck.e);
    expect(added).toMatchObject({ name: `${run}-ck-e`, rating: null });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('actor_id', '=', admin.user.id)
      .where('action', '=', 'admin.models_sync')
      .execute();
    expect(audit).toEqual([
      { action: 'admin.models_sync', details: { checkpoints: 4, loras: 3, servers: ['one', 'two'] } },
    ]);
  });

  it('takes an answering server’s list as the truth and keeps the last known files of a silent one', async () => {
    await sync(app, admin);
    // `one` now points at a server that has only ck-b; `two` is down.
    const changed = await startMock({ checkpoints: [ck.b], loras: [] });
    const other = await appFor({ one: changed.url, two: two.url }, app);
    comfyMockControl(two.app).setFaults({ refuseConnections: true });
    try {
      const response = await sync(other, admin);
      expect(response.json<ModelSyncResult>()).toEqual({ checkpoints: 1, loras: 0, servers: ['one'] });
      expect(await availability([ck.b, ck.c, ck.d])).toEqual({
        [ck.b]: { isAvailable: true, availableOn: ['one'] },
        [ck.c]: { isAvailable: true, availableOn: ['two'] },
        [ck.d]: { isAvailable: true, availableOn: ['two'] },
      });
    } finally {
      comfyMockControl(two.app).resetFaults();
      await other.close();
      await changed.app.close();
    }
    await sync(app, admin);
    expect((await availability([ck.d]))[ck.d]).toEqual({ isAvailable: true, availableOn: ['one', 'two'] });
  });

  it('keeps the last known state when no server answers', async () => {
    await sync(app, admin);
    const before = await checkpointsOf();
    comfyMockControl(one.app).setFaults({ refuseConnections: true });
    comfyMockControl(two.app).setFaults({ refuseConnections: true });
    try {
      const response = await sync(app, admin);
      expect(response.statusCode).toBe(200);
      expect(response.json<ModelSyncResult>()).toEqual({ checkpoints: 0, loras: 0, servers: [] });
      expect(await checkpointsOf()).toEqual(before);
    } finally {
      comfyMockControl(one.app).resetFaults();
      comfyMockControl(two.app).resetFaults();
    }
  });
});

describe('GET /models/checkpoints', () => {
  it('lists, for anyone, the checkpoints a server has first, each group by rating (unrated last)', async () => {
    await sync(app, admin);
    const items = await checkpointsOf();
    const available = items.map((i) => i.isAvailable);
    expect(available).toEqual([...available].sort((a, b) => Number(b) - Number(a)));
    const mine = items.filter((i) => i.filename.startsWith(run)).map((i) => i.filename);
    expect(mine).toEqual([ck.d, ck.b, ck.c, ck.e, ck.a]);
    expect(items.find((i) => i.filename === ck.d)).toEqual({
      filename: ck.d,
      name: `D ${run}`,
      architecture: arch,
      family: null,
      description: null,
      rating: 0.7,
      tags: [],
      isAvailable: true,
      availableOn: ['one', 'two'],
    });
  });
});

describe('GET /models/loras', () => {
  const filenames = (page: LoraPage) => page.items.map((i) => i.filename);

  it('lists LoRAs by rating (unrated last), without fit flags when no checkpoint is given', async () => {
    await sync(app, admin);
    const response = await loras({ q: run });
    expect(response.statusCode).toBe(200);
    const page = response.json<LoraPage>();
    expect(filenames(page)).toEqual([lora.y, lora.x, lora.w, lora.z]);
    expect(page.pagination).toMatchObject({ page: 1, totalCount: 4, hasNext: false, hasPrevious: false });
    expect(page.items.find((i) => i.filename === lora.x)).toMatchObject({
      isAvailable: true,
      availableOn: ['one', 'two'],
    });
    expect(page.items.find((i) => i.filename === lora.z)).toMatchObject({
      isAvailable: false,
      availableOn: [],
    });
    for (const item of page.items) {
      expect(item).not.toHaveProperty('isCompatible');
      expect(item).not.toHaveProperty('isOptimal');
    }
  });

  it('marks each LoRA compatible with and optimal for the checkpoint asked about', async () => {
    const page = (await loras({ q: run, checkpoint: ck.b })).json<LoraPage>();
    const flags = Object.fromEntries(page.items.map((i) => [i.filename, [i.isCompatible, i.isOptimal]]));
    expect(flags).toEqual({
      [lora.y]: [false, false],
      [lora.x]: [true, true],
      [lora.w]: [true, false],
      [lora.z]: [true, false],
    });
    const forD = (await loras({ q: run, checkpoint: ck.d })).json<LoraPage>();
    expect(forD.items.filter((i) => i.isOptimal).map((i) => i.filename)).toEqual([lora.w]);
  });

  it('keeps only the compatible ones with compatibleOnly', async () => {
    const page = (await loras({ q: run, checkpoint: ck.b, compatibleOnly: 'true' })).json<LoraPage>();
    expect(filenames(page)).toEqual([lora.x, lora.w, lora.z]);
    expect(page.pagination.totalCount).toBe(3);
    const other = (await loras({ q: run, checkpoint: ck.c, compatibleOnly: 'true' })).json<LoraPage>();
    expect(filenames(other)).toEqual([lora.y, lora.z]);
  });

  it('matches q as literal text in the name or file name', async () => {
    expect(filenames((await loras({ q: `x ${run}` })).json<LoraPage>())).toEqual([lora.x]);
    expect(filenames((await loras({ q: `${run}-lora-Z` })).json<LoraPage>())).toEqual([lora.z]);
    // As a LIKE pattern, `%` and `_` would match every one of them.
    expect(filenames((await loras({ q: `${run}%lora` })).json<LoraPage>())).toEqual([]);
    expect(filenames((await loras({ q: `${run}_lora` })).json<LoraPage>())).toEqual([]);
  });

  it('pages with an exact total, every LoRA once', async () => {
    const first = (await loras({ q: run, pageSize: '3' })).json<LoraPage>();
    const second = (await loras({ q: run, pageSize: '3', page: '2' })).json<LoraPage>();
    expect(first.pagination).toMatchObject({
      page: 1,
      pageSize: 3,
      totalCount: 4,
      hasNext: true,
      hasPrevious: false,
    });
    expect(second.pagination).toMatchObject({ page: 2, totalCount: 4, hasNext: false, hasPrevious: true });
    expect([...filenames(first), ...filenames(second)]).toEqual([lora.y, lora.x, lora.w, lora.z]);
  });

  it('answers 400 naming the parameter for an unknown checkpoint, compatibleOnly alone and bad paging', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ checkpoint: file('nowhere') }, 'query.checkpoint'],
      [{ compatibleOnly: 'true' }, 'query.compatibleOnly'],
      [{ pageSize: '0' }, 'query.pageSize'],
      [{ page: 'two' }, 'query.page'],
    ];
    for (const [query, field] of cases) {
      const response = await loras(query);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorResponse>().error.details?.map((d) => d.field)).toEqual([field]);
    }
  });
});

describe('GET /comfyui/backends', () => {
  it('shows each server’s health and the jobs queued or running on it, to admins only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/comfyui/backends' })).statusCode).toBe(401);
    expect((await app.inject(as(user, { method: 'GET', url: '/api/v1/comfyui/backends' }))).statusCode).toBe(
      403,
    );
    const running = await createJob(app.db, user.user.id, { status: 'running', backend: 'two' });
    await createJob(app.db, user.user.id, { status: 'completed', backend: 'two', completed_at: new Date() });
    comfyMockControl(one.app).setFaults({ refuseConnections: true });
    try {
      const response = await app.inject(as(admin, { method: 'GET', url: '/api/v1/comfyui/backends' }));
      expect(response.json<BackendList>().items).toEqual([
        { name: 'one', url: one.url, healthy: false, queueLength: null, activeJobs: 0 },
        { name: 'two', url: two.url, healthy: true, queueLength: 0, activeJobs: 1 },
      ]);
    } finally {
      comfyMockControl(one.app).resetFaults();
      await app.db
        .updateTable('generation_jobs')
        .set({ status: 'failed', completed_at: new Date() })
        .where('id', '=', running.id)
        .execute();
    }
  });
});

describe('a generation submission', () => {
  const submit = (body: Record<string, unknown>) =>
    app.inject(
      as(user, {
        method: 'POST',
        url: '/api/v1/generation-jobs',
        payload: { prompt: 'a lighthouse at dusk', width: 256, height: 256, steps: 4, ...body },
      }),
    );

  it('refuses a checkpoint no server has, naming the field and the ones available', async () => {
    await sync(app, admin);
    const response = await submit({ checkpoint: ck.a });
    expect(response.statusCode).toBe(400);
    const detail = response.json<ErrorResponse>().error.details?.[0];
    expect(detail?.field).toBe('body.checkpoint');
    expect(detail?.message).toContain(`unknown checkpoint "${ck.a}"`);
    expect(detail?.message).toContain(ck.d);
  });

  it('refuses a LoRA the catalogue does not know or no server has, naming the field', async () => {
    for (const name of [file('no-such-lora'), lora.z]) {
      const response = await submit({
        checkpoint: ck.b,
        loras: [{ name, strengthModel: 1, strengthClip: 1 }],
      });
      expect(response.statusCode).toBe(400);
      const detail = response.json<ErrorResponse>().error.details?.[0];
      expect(detail?.field).toBe('body.loras');
      expect(detail?.message).toContain(`unknown LoRA "${name}"`);
    }
  });

  it('accepts a checkpoint and LoRA a server has', async () => {
    const response = await submit({
      checkpoint: ck.b,
      loras: [{ name: lora.x, strengthModel: 0.8, strengthClip: 0.8 }],
    });
    expect(response.statusCode).toBe(202);
    const job = response.json<GenerationJob>();
    // No worker runs here: take it out of the way of any test that starts one.
    await app.inject(as(user, { method: 'POST', url: `/api/v1/generation-jobs/${job.id}/cancel` }));
  });
});

describe('genonaut models sync', () => {
  it('marks the catalogue from the servers of COMFYUI_URLS', async () => {
    const result = await genonautWith({ COMFYUI_URLS: `one=${one.url},two=${two.url}` }, 'models', 'sync');
    expect(result).toMatchObject({
      code: 0,
      stdout: 'Synced 4 checkpoint(s) and 3 LoRA(s) from one, two.\n',
    });
    expect((await availability([ck.d]))[ck.d]).toEqual({ isAvailable: true, availableOn: ['one', 'two'] });
  });

  it('says which server did not answer, and exits 1 leaving the catalogue as it was when none did', async () => {
    const before = await checkpointsOf();
    comfyMockControl(two.app).setFaults({ refuseConnections: true });
    try {
      const partial = await genonautWith({ COMFYUI_URLS: `one=${one.url},two=${two.url}` }, 'models', 'sync');
      expect(partial.code).toBe(0);
      expect(partial.stderr).toContain(`two (${two.url}) did not answer; its last known models are kept.`);
      expect(partial.stdout).toContain('from one.');
      const none = await genonautWith({ COMFYUI_URLS: `two=${two.url}` }, 'models', 'sync');
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('No image server answered: the catalogue is unchanged.');
    } finally {
      comfyMockControl(two.app).resetFaults();
    }
    expect(await checkpointsOf()).toEqual(before);
  });

  it('exits 2 when COMFYUI_URLS names no server', async () => {
    const result = await genonautWith({ COMFYUI_URLS: undefined }, 'models', 'sync');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('COMFYUI_URLS is not set');
  });
});
