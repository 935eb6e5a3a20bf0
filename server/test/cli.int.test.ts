// The genonaut command as a script would run it: a real process against the test database.
import { backendPoolFor } from '../src/image-backends/backend-pool';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import os from 'node:os';
import { jobRegistry } from '../src/jobs/registry';
import { startWorkerHost } from '../src/jobs/worker-host';
import { verifyPassword } from '../src/lib/password';
import { createRedis } from '../src/lib/redis';
import { LocalStorage } from '../src/storage/local-storage';
import { testConfig, testDatabase } from './test-context';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'node_modules/.bin/genonaut');
const db = testDatabase();
afterAll(() => db.destroy());

async function genonaut(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return genonautWith({}, ...args);
}

async function genonautWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), GENONAUT_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('genonaut user create', () => {
  it('creates an admin that can sign in, and refuses a duplicate and bad input', async () => {
    const username = `script_admin_${Date.now()}`;
    const created = await genonaut(
      'user',
      'create',
      '--username',
      username,
      '--email',
      `${username}@example.test`,
      '--password',
      'violet kite harbour',
      '--admin',
    );
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining(`Created admin ${username}`) });
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('admin');
    expect(await verifyPassword(row.password_hash, 'violet kite harbour')).toBe(true);

    const duplicate = await genonaut(
      'user',
      'create',
      '--username',
      username.toUpperCase(),
      '--email',
      'other@example.test',
      '--password',
      'violet kite harbour',
    );
    expect(duplicate).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--username is already taken'),
    });

    const bad = await genonaut('user', 'create', '--username', 'x', '--email', 'nope', '--password', 'short');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--password must be at least 10 characters');
  });
});

describe('genonaut migrate status', () => {
  it('lists every migration as applied', async () => {
    const status = await genonaut('migrate', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('20261127000100_users');
    expect(status.stdout).not.toContain('pending');
  });
});

describe('genonaut jobs run', () => {
  it('runs a job in the command’s own process when no worker is running', async () => {
    const result = await genonautWith(
      { REDIS_KEY_PREFIX: `gcli-${Date.now()}` },
      'jobs',
      'run',
      'refresh-tag-cardinality-stats',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No worker is running');
    expect(result.stdout).toMatch(/"rows":\d+/);
  });

  it('goes through the queue when a worker is running', async () => {
    const config = testConfig();
    const redis = createRedis(config.redisUrl, { blocking: true });
    const host = await startWorkerHost(
      {
        config,
        db,
        redis,
        storage: new LocalStorage(os.tmpdir()),
        backends: backendPoolFor(config),
        log: () => {},
      },
      jobRegistry,
    );
    try {
      const result = await genonautWith(
        { REDIS_KEY_PREFIX: config.redisKeyPrefix },
        'jobs',
        'run',
        'refresh-gen-source-stats',
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('waiting for a worker');
      expect(result.stdout).toMatch(/"rows":\d+/);
    } finally {
      await host.close();
      redis.disconnect();
    }
  });

  it('refuses an unknown job, listing the known ones', async () => {
    const result = await genonaut('jobs', 'run', 'no-such-job');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refresh-tag-cardinality-stats');
  });
});

describe('configuration errors', () => {
  it('stop the command with a message naming the bad variable', async () => {
    const { stderr, code } = await promisify(execFile)(bin, ['migrate', 'status'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: inject('databaseUrl') },
    }).then(
      () => ({ stderr: '', code: 0 }),
      (e: { stderr: string; code: number }) => e,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('PORT: must be a whole number');
  });
});
