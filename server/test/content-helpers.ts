// Content item tests: an app on a storage directory of its own, multipart bodies as a browser sends them,
// and uploads of real PNGs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ContentDetail } from '@genonaut/contracts';
import { renderImage } from '../src/images/render-image';
import type { JobContext } from '../src/jobs/job-context';
import { jobRegistry } from '../src/jobs/registry';
import { backendPoolFor } from '../src/image-backends/backend-pool';
import { as, type Session } from './auth-helpers';
import { buildTestApp } from './test-context';

export interface TestStorage {
  dir: string;
  remove(): Promise<void>;
}

export async function tempStorageDir(): Promise<TestStorage> {
  const dir = await mkdtemp(join(tmpdir(), 'genonaut-content-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The test app on the run's shared storage directory: item ids (and so storage keys) are unique across
 * test files, and the cleanup job of any file may delete any file's queued files.
 */
export async function buildContentTestApp(
  overrides: Record<string, string> = {},
): Promise<{ app: FastifyInstance; storageDir: string; close: () => Promise<void> }> {
  const app = await buildTestApp(overrides);
  return { app, storageDir: app.config.storageDir, close: () => app.close() };
}

export interface FilePart {
  data: Buffer;
  filename?: string;
  type?: string;
  /** The form field; `file` unless a test sends it elsewhere. */
  field?: string;
}

/** A multipart/form-data body built by the platform's own FormData, as a browser would send it. */
export async function multipartBody(
  fields: Record<string, string>,
  files: FilePart[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    const blob = new Blob([new Uint8Array(file.data)], { type: file.type ?? 'image/png' });
    form.append(file.field ?? 'file', blob, file.filename ?? 'upload.png');
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

const pngs = new Map<string, Promise<Buffer>>();

/** A real PNG (rendered once per size and seed). */
export function testPng(width = 320, height = 240, seed = 1): Promise<Buffer> {
  const key = `${width}x${height}:${seed}`;
  let png = pngs.get(key);
  if (!png) {
    png = renderImage({ prompt: 'a lighthouse on a cliff', seed, width, height });
    pngs.set(key, png);
  }
  return png;
}

/** `POST /content` as `session` with the given fields and file(s). */
export async function postContent(
  app: FastifyInstance,
  session: Session | null,
  fields: Record<string, string>,
  files: FilePart[],
) {
  const body = await multipartBody(fields, files);
  const options: InjectOptions = {
    method: 'POST',
    url: '/api/v1/content',
    payload: body.payload,
    headers: body.headers,
  };
  return app.inject(as(session, options));
}

/** Uploads a PNG and returns the created item (fails the test on anything but 201). */
export async function uploadImage(
  app: FastifyInstance,
  session: Session,
  fields: Record<string, string> = {},
  png?: Buffer,
): Promise<ContentDetail> {
  const response = await postContent(app, session, { title: 'An upload', ...fields }, [
    { data: png ?? (await testPng()) },
  ]);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<ContentDetail>();
}

/** Runs a registered job in-process against the app's database, Redis and storage. */
export async function runJob(app: FastifyInstance, name: string): Promise<Record<string, unknown>> {
  const job = jobRegistry.get(name);
  if (!job) throw new Error(`${name} is not registered`);
  const ctx: JobContext = {
    config: app.config,
    db: app.db,
    redis: app.redis,
    storage: app.storage,
    backends: backendPoolFor(app.config),
    log: () => {},
  };
  return job.run(ctx, {});
}

/** Runs the cleanup job in-process against the app's database and storage. */
export const runCleanup = (app: FastifyInstance) => runJob(app, 'cleanup');
