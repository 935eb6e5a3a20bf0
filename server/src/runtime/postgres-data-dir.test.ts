import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isPostgresProcess,
  isProcessAlive,
  parsePostmasterPid,
  relocatedDataDir,
  resolveDataDir,
} from './postgres-data-dir';

describe('parsePostmasterPid', () => {
  it('reads the PID and the port', () => {
    const text = '4242\n/var/lib/pg\n1764259200\n54321\n\n127.0.0.1\n  1234567     0\nready   \n';
    expect(parsePostmasterPid(text)).toEqual({ pid: 4242, port: 54321 });
  });

  it('tolerates a file written before the port line', () => {
    expect(parsePostmasterPid('4242\n/var/lib/pg\n')).toEqual({ pid: 4242, port: null });
  });

  it('rejects garbage', () => {
    expect(parsePostmasterPid('')).toBeNull();
    expect(parsePostmasterPid('abc\n')).toBeNull();
  });
});

describe('process checks', () => {
  it('sees this process alive and not as PostgreSQL', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 17)).toBe(false);
    if (process.platform === 'linux') expect(await isPostgresProcess(process.pid)).toBe(false);
  });
});

describe('relocatedDataDir', () => {
  it('is stable per requested path and differs between paths', () => {
    const a = relocatedDataDir('/var/lib/genonaut', '/home/ann/p/data/postgres');
    expect(a).toMatch(/^\/var\/lib\/genonaut\/postgres-[0-9a-f]{12}$/);
    expect(relocatedDataDir('/var/lib/genonaut', '/home/ann/p/data/postgres')).toBe(a);
    expect(relocatedDataDir('/var/lib/genonaut', '/home/bob/p/data/postgres')).not.toBe(a);
  });
});

describe('resolveDataDir', () => {
  it('keeps the requested directory when not root or when reachable', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'data-dir-'));
    try {
      const logs: string[] = [];
      await fs.chmod(dir, 0o700);
      expect(await resolveDataDir(path.join(dir, 'pg'), false, (m) => logs.push(m))).toBe(
        path.join(dir, 'pg'),
      );
      await fs.chmod(dir, 0o755);
      expect(await resolveDataDir(path.join(dir, 'pg'), true, (m) => logs.push(m))).toBe(
        path.join(dir, 'pg'),
      );
      expect(logs).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
