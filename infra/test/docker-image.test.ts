// The Dockerfile's steps, run for real outside Docker (see dockerfile.ts), and the image's server started
// with plain `node`, the image's ENTRYPOINT and the environment the ECS task definitions give each role.
// Only what cannot be the same on a test machine changes: the secrets point at the local PostgreSQL
// (a scratch database) and Redis, the ports are free ones and the Redis key prefix is the test's own.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '@genonaut/server/runtime/free-port';
import {
  createScratchDatabase,
  dropDatabase,
  resolveTestPostgres,
} from '@genonaut/server/runtime/test-database';
import { containerDefinition, environmentOf, repoRoot, type ContainerKey } from './infra-files';
import { runDockerfile, stagePath, type DockerfileRun } from './dockerfile';

const exec = promisify(execFile);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let workspace: string;
let image: DockerfileRun;
let appDir: string;
let databaseUrl: string;
let dropScratch: (() => Promise<void>) | undefined;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

/** The image's ENV with its absolute paths moved into the stage directory. */
function imageEnv(): Record<string, string> {
  const workdir = image.final.workdir;
  return Object.fromEntries(
    Object.entries(image.final.env).map(([k, v]) => [
      k,
      v.startsWith(`${workdir}/`) ? stagePath(image.final, v) : v,
    ]),
  );
}

async function taskEnv(key: ContainerKey, overrides: Record<string, string>): Promise<NodeJS.ProcessEnv> {
  const container = await containerDefinition(key);
  const secrets: Record<string, string> = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  return {
    PATH: process.env.PATH,
    ...imageEnv(),
    ...environmentOf(container),
    ...Object.fromEntries(container.secrets.map((s) => [s.name, secrets[s.name] ?? ''])),
    ...overrides,
  };
}

/** Runs `node <entrypoint> <command>` the way the container would, from the image's working directory. */
function start(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [bin, ...entry] = image.entrypoint;
  expect(bin).toBe('node');
  const child = spawn(process.execPath, [...entry, ...command], { cwd: appDir, env, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`${command.join(' ')} exited with ${code}:\n${output}`);
  });
  children.push(child);
  return child;
}

/** Resolves once the process has printed `text`; rejects if it exits first. */
function printed(child: ChildProcess, text: string): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes(text)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before printing "${text}":\n${output}`)),
    );
  });
}

/**
 * The images bucket, which is outside the system: an S3 endpoint on a local port (S3_ENDPOINT) that
 * keeps the objects it is sent and records who signed each request.
 */
async function startBucket() {
  const objects = new Map<string, Buffer>();
  const requests: { method: string; path: string; signedBy: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const key = new URL(request.url ?? '/', 'http://bucket').pathname;
      const signedBy = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
      requests.push({ method: request.method ?? '', path: key, signedBy });
      const stored = objects.get(key);
      if (request.method === 'PUT') objects.set(key, Buffer.concat(chunks));
      else if (!stored) response.statusCode = 404;
      response.end(request.method === 'GET' ? stored : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects, requests };
}

async function runToEnd(
  command: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const [, ...entry] = image.entrypoint;
  try {
    const { stdout, stderr } = await exec(process.execPath, [...entry, ...command], { cwd: appDir, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

async function waitForStatus(url: string, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'genonaut-image-'));
  image = await runDockerfile(repoRoot, workspace, { log: (l) => console.log(l) });
  appDir = stagePath(image.final, '.');
  const server = await resolveTestPostgres(process.env, () => {});
  const name = `genonaut_image_${randomBytes(4).toString('hex')}`;
  databaseUrl = await createScratchDatabase(server.adminUrl, name);
  dropScratch = async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop?.();
  };
}, 600_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())),
  );
  for (const cleanup of cleanups) await cleanup();
  await dropScratch?.();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

describe('the Docker image', () => {
  it('holds the built server and web app, production dependencies only, and no sources', () => {
    for (const file of [
      'server/dist/cli.js',
      'server/dist/healthcheck.js',
      'server/dist/data/checkpoints.csv',
      'web/dist/index.html',
    ]) {
      expect(existsSync(path.join(appDir, file)), file).toBe(true);
    }
    for (const absent of [
      'server/src',
      'web/src',
      'node_modules/vitest',
      'node_modules/vite',
      'node_modules/eslint',
    ]) {
      expect(existsSync(path.join(appDir, absent)), absent).toBe(false);
    }
    for (const needed of ['node_modules/fastify', 'node_modules/sharp', 'node_modules/@node-rs/argon2']) {
      expect(existsSync(path.join(appDir, needed)), needed).toBe(true);
    }
  });

  it('runs as the unprivileged user, with a health check, the CLI as entry point and the API by default', async () => {
    expect(image.user).toBe('node');
    expect(image.entrypoint).toEqual(['node', 'server/dist/cli.js']);
    expect(image.cmd).toEqual(['api']);
    expect(image.healthcheck).toEqual(['node', 'server/dist/healthcheck.js', 'api']);
    // Steps only an image build can take: the CA download and handing data/ to the user.
    expect(image.skipped.join('\n')).toMatch(/rds-global-bundle\.pem/);
    expect(image.skipped.join('\n')).toMatch(/chown -R node:node data/);
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'server/package.json'), 'utf8')) as {
      version: string;
    };
    expect((await runToEnd(['--version'], { PATH: process.env.PATH })).output.trim()).toBe(version);
  });

  it('migrates, then serves /api/v1/health under the API task definition', async () => {
    const port = String(await findFreePort());
    const env = await taskEnv('api', { PORT: port, REDIS_KEY_PREFIX: `image-test-${port}` });
    expect(env.STORAGE_BACKEND).toBe('s3');
    const migrated = await runToEnd(['migrate', 'up'], env);
    expect(migrated.code, migrated.output).toBe(0);

    const api = start((await containerDefinition('api')).command, env);
    const health = (await (await waitForStatus(`http://127.0.0.1:${port}/api/v1/health`)).json()) as {
      status: string;
      checks: { database: unknown; redis: unknown };
    };
    expect(['ok', 'degraded']).toContain(health.status);
    expect(JSON.stringify(health.checks.database)).toMatch(/ok|up/);
    expect(JSON.stringify(health.checks.redis)).toMatch(/ok|up/);
    expect(api.exitCode).toBeNull();

    const container = await containerDefinition('api');
    const probe = await exec(process.execPath, container.healthCheck.command.slice(2), { cwd: appDir, env });
    expect(probe.stderr).toBe('');
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
  });

  it('serves the ComfyUI mock under /image-gen under its task definition', async () => {
    const port = String(await findFreePort());
    const env = await taskEnv('image_gen', { MOCK_PORT: port });
    start((await containerDefinition('image_gen')).command, env);
    await waitForStatus(`http://127.0.0.1:${port}/image-gen/health`);
    const container = await containerDefinition('image_gen');
    await exec(process.execPath, container.healthCheck.command.slice(2), { cwd: appDir, env });
  });

  it('runs the worker under its task definition: it stays up and completes a generation on the mock', async () => {
    // What differs from ECS: the ports, the Redis prefix, the mock's address (here, not through Cloud Map,
    // same path) and the bucket's endpoint and credentials (ECS gives the task role's).
    const bucket = await startBucket();
    const mockPort = String(await findFreePort());
    const mock = start(
      (await containerDefinition('image_gen')).command,
      await taskEnv('image_gen', { MOCK_PORT: mockPort }),
    );
    const worker = await containerDefinition('worker');
    const [backend = '', internalUrl = ''] = environmentOf(worker).COMFYUI_URLS?.split('=') ?? [];
    const port = String(await findFreePort());
    const shared = {
      REDIS_KEY_PREFIX: `image-worker-${port}`,
      COMFYUI_URLS: `${backend}=http://127.0.0.1:${mockPort}${new URL(internalUrl).pathname}`,
      S3_ENDPOINT: bucket.url,
      AWS_ACCESS_KEY_ID: 'image-test-key',
      AWS_SECRET_ACCESS_KEY: 'image-test-secret',
    };
    await waitForStatus(`${shared.COMFYUI_URLS.slice(backend.length + 1)}/health`);
    const workerEnv = await taskEnv('worker', shared);
    expect(workerEnv.STORAGE_BACKEND).toBe('s3');
    const workerProcess = start(worker.command, workerEnv);
    await printed(workerProcess, 'Worker running');

    const apiEnv = await taskEnv('api', { ...shared, PORT: port });
    expect((await runToEnd(['migrate', 'up'], apiEnv)).code).toBe(0);
    start((await containerDefinition('api')).command, apiEnv);
    const api = `http://127.0.0.1:${port}`;
    await waitForStatus(`${api}/api/v1/health`);
    const account = { username: `worker_${port}`, password: 'violet kite over the harbour' };
    const created = await runToEnd(
      [
        'user',
        'create',
        ...['--username', account.username, '--email', `${account.username}@example.test`],
        ...['--password', account.password],
      ],
      apiEnv,
    );
    expect(created.code, created.output).toBe(0);
    const login = await fetch(`${api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: account.username, password: account.password }),
    });
    expect(login.status).toBe(200);
    const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', origin: api };
    const submitted = await fetch(`${api}/api/v1/generation-jobs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        prompt: 'a lighthouse on a cliff at dusk',
        checkpoint: 'sd_v1-5-pruned-emaonly.safetensors',
        width: 256,
        height: 256,
        steps: 4,
      }),
    });
    expect(submitted.status, await submitted.clone().text()).toBe(202);
    const { id } = (await submitted.json()) as { id: number };
    let job: { status: string; contentIds: number[]; error: unknown };
    const deadline = Date.now() + 90_000;
    do {
      await new Promise((r) => setTimeout(r, 200));
      job = (await (await fetch(`${api}/api/v1/generation-jobs/${id}`, { headers })).json()) as typeof job;
    } while (!['completed', 'failed'].includes(job.status) && Date.now() < deadline);
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(job.contentIds).toHaveLength(1);

    // The images went to the task definition's bucket, signed with the credentials the SDK found, and the
    // API serves them back from there.
    const bucketName = environmentOf(worker).S3_BUCKET;
    const puts = bucket.requests.filter((r) => r.method === 'PUT');
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts) {
      expect(put.path.startsWith(`/${bucketName}/`), put.path).toBe(true);
      expect(put.signedBy).toBe('image-test-key');
    }
    const image = await fetch(`${api}/api/v1/content/${job.contentIds[0]}/image`, { headers });
    expect(image.status).toBe(200);
    const served = Buffer.from(await image.arrayBuffer());
    expect([...bucket.objects.values()].some((stored) => stored.equals(served))).toBe(true);
    expect(workerProcess.exitCode).toBeNull();
    expect(mock.exitCode).toBeNull();
  }, 180_000);

  it('passes the worker health check under its task definition', async () => {
    const container = await containerDefinition('worker');
    const env = await taskEnv('worker', {});
    await exec(process.execPath, container.healthCheck.command.slice(2), { cwd: appDir, env });
  });
});
