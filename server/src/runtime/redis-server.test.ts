import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from './free-port';
import { findExecutable, isRedisReachable, REDIS_MISSING_MESSAGE } from './redis-server';

describe('findExecutable', () => {
  it('returns the first executable file of that name on the search path', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'find-exe-'));
    try {
      const [a, b, c] = ['a', 'b', 'c'].map((d) => path.join(root, d)) as [string, string, string];
      await Promise.all([a, b, c].map((d) => fs.mkdir(d)));
      await fs.writeFile(path.join(a, 'tool'), '', { mode: 0o644 });
      await fs.mkdir(path.join(b, 'tool'));
      await fs.writeFile(path.join(c, 'tool'), '', { mode: 0o755 });
      const searchPath = ['', a, b, c].join(path.delimiter);
      // a/tool is not executable and b/tool is a directory: neither counts.
      expect(await findExecutable('tool', searchPath)).toBe(path.join(c, 'tool'));
      expect(await findExecutable('missing', searchPath)).toBeNull();
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe('isRedisReachable', () => {
  it('is false, and quick, when nothing listens', async () => {
    const started = Date.now();
    expect(await isRedisReachable(`redis://127.0.0.1:${await findFreePort()}`, 1_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('REDIS_MISSING_MESSAGE', () => {
  it('says how to install Redis or where to point', () => {
    expect(REDIS_MISSING_MESSAGE).toMatch(/apt install redis-server/);
    expect(REDIS_MISSING_MESSAGE).toMatch(/brew install redis/);
    expect(REDIS_MISSING_MESSAGE).toMatch(/REDIS_URL/);
    expect(REDIS_MISSING_MESSAGE).not.toMatch(/\n/);
  });
});
