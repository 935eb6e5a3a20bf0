// Launches a real private redis-server (skipped where the program is not installed).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { findExecutable, isRedisReachable, startPrivateRedis } from './redis-server';

const installed = (await findExecutable('redis-server')) !== null;

describe('startPrivateRedis', () => {
  it.runIf(installed)('starts a working redis-server on a free port and stops it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'private-redis-'));
    const logs: string[] = [];
    try {
      const redis = await startPrivateRedis({ dir, log: (m) => logs.push(m) });
      expect(redis).not.toBeNull();
      if (!redis) return;
      try {
        expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
        expect(logs.join('\n')).toContain(redis.url);
        const client = new Redis(redis.url);
        await client.set('k', 'v');
        expect(await client.get('k')).toBe('v');
        expect(await client.config('GET', 'save')).toEqual(['save', '']);
        client.disconnect();
      } finally {
        await redis.stop();
      }
      expect(await isRedisReachable(redis.url, 500)).toBe(false);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('returns null when redis-server is not on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await startPrivateRedis({ dir: os.tmpdir(), log: () => {} })).toBeNull();
    } finally {
      process.env.PATH = path;
    }
  });
});
