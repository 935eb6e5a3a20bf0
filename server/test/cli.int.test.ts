// The genonaut command as a script would run it: a real process against the test database.
import { backendPoolFor } from '../src/image-backends/backend-pool';
import { afterAll, describe, expect, it } from 'vitest';
import os from 'node:os';
import { jobRegistry } from '../src/jobs/registry';
import { startWorkerHost } from '../src/jobs/worker-host';
import { verifyPassword } from '../src/lib/password';
import { createRedis } from '../src/lib/redis';
import { LocalStorage } from '../src/storage/local-storage';
import { genonaut, genonautWith } from './cli-helpers';
import { testConfig, testDatabase } from './test-context';

const db = testDatabase();
afterAll(() => db.destroy());

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

  it('refuses a job whose payload it cannot make, saying why', async () => {
    const result = await genonautWith({ REDIS_KEY_PREFIX: `gcli-${Date.now()}` }, 'jobs', 'run', 'generate');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('job "generate" has a malformed payload: jobId is required');
  });

  it('refuses an unknown job, listing the known ones', async () => {
    const result = await genonaut('jobs', 'run', 'no-such-job');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refresh-tag-cardinality-stats');
  });
});

describe('configuration errors', () => {
  it('stop the command with a message naming the bad variable', async () => {
    const { stderr, code } = await genonautWith({ PORT: 'eighty' }, 'migrate', 'status');
    expect(code).toBe(2);
    expect(stderr).toContain('PORT: must be a whole number');
  });
});
