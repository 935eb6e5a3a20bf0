// Starts the whole product for the browser tests as a user would: the web app built, then
// `genonaut start` from the repository root, with its own ports, database, Redis key prefix, storage
// and ComfyUI mock, so a developer's running instance and ./data are never touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const artifactsDir = path.join(repoRoot, 'e2e/artifacts');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

const log = (message: string) => console.log(`[e2e] ${message}`);

export interface StackOptions {
  port: number;
  mockPort: number;
  demoPassword: string;
}

export interface RunningStack {
  baseUrl: string;
  stop: () => Promise<void>;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Runs a command to completion, failing with its output. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd: repoRoot, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`,
    );
  }
  process.stderr.write(result.stderr);
  return result.stdout;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`genonaut start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${baseUrl}/api/v1/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Ends the process group we started (start's children: embedded servers, if any) and waits. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }, 20_000);
  await exited;
  clearTimeout(timer);
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  for (const port of [options.port, options.mockPort]) {
    if (!(await isPortFree(port))) {
      throw new Error(`Port ${port} is taken; choose others with E2E_PORT and E2E_MOCK_PORT`);
    }
  }
  const baseUrl = `http://localhost:${options.port}`;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'genonaut-e2e-'));
  mkdirSync(artifactsDir, { recursive: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GENONAUT_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PUBLIC_URL: baseUrl,
    MOCK_PORT: String(options.mockPort),
    // Fast enough for a quick run, slow enough that a long job can still be cancelled mid-way.
    MOCK_STEP_MS: process.env.E2E_MOCK_STEP_MS ?? '30',
    REDIS_KEY_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    STORAGE_BACKEND: 'local',
    STORAGE_DIR: path.join(tmp, 'storage'),
    EMBEDDED_PG_DIR: path.join(tmp, 'postgres'),
    WEB_DIST_DIR: path.join(tmp, 'web-dist'),
    GENONAUT_DEMO_PASSWORD: options.demoPassword,
    SEED_DEMO_ON_START: 'true',
    LOG_LEVEL: 'warn',
  };
  // These would point the product at someone else's services; and the CLI's .env (a developer's
  // DATABASE_URL, COMFYUI_URLS, S3 settings) must not fill them back in.
  delete env.DATABASE_URL;
  delete env.COMFYUI_URLS;
  env.DOTENV_CONFIG_PATH = path.join(tmp, 'no-such.env');

  let child: ChildProcess | undefined;
  let database: { adminUrl?: string; databaseUrl?: string } = {};
  const cleanup = async () => {
    if (child) await stopGroup(child);
    try {
      run(tsx, ['e2e/support/scratch-database.ts', 'cleanup'], {
        ...env,
        E2E_ADMIN_URL: database.adminUrl,
        E2E_DATABASE_URL: database.databaseUrl,
      });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  };

  try {
    // Built into the run's own directory, so a developer's web/dist stays as it is.
    log('Building the web app…');
    run('npm', ['run', 'build', '-w', 'web', '--', '--outDir', env.WEB_DIST_DIR!, '--emptyOutDir'], env);
    log('Preparing the database…');
    database = JSON.parse(run(tsx, ['e2e/support/scratch-database.ts', 'prepare'], env)) as {
      adminUrl?: string;
      databaseUrl?: string;
    };
    if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;

    log(`Starting genonaut on ${baseUrl} (log: e2e/artifacts/server.log)…`);
    const logFile = createWriteStream(path.join(artifactsDir, 'server.log'));
    child = spawn(process.execPath, ['server/bin/genonaut.js', 'start'], {
      cwd: repoRoot,
      env,
      // Its own process group, so teardown can end it and whatever it started, by its pid.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(logFile);
    child.stderr?.pipe(logFile);
    // Without its own database `start` seeds the full demo, which takes a few minutes on a slow machine.
    await waitForHealth(baseUrl, child, database.databaseUrl ? 90_000 : 600_000);
    log(`Running (pid ${child.pid})`);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { baseUrl, stop: cleanup };
}
