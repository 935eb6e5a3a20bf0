import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeBlocked,
  directoryChain,
  findBlockedDirectory,
  openUpTree,
  type StatMode,
} from './path-access';

function fakeStat(modes: Record<string, number>): StatMode {
  return (dir) => Promise.resolve(modes[dir] ?? null);
}

describe('directoryChain', () => {
  it('lists every directory from the root down', () => {
    expect(directoryChain('/home/ann/project/data')).toEqual([
      '/',
      '/home',
      '/home/ann',
      '/home/ann/project',
      '/home/ann/project/data',
    ]);
    expect(directoryChain('/')).toEqual(['/']);
  });
});

describe('findBlockedDirectory', () => {
  it('finds the first directory others cannot traverse', async () => {
    const stat = fakeStat({ '/': 0o40755, '/home': 0o40755, '/home/ann': 0o40700, '/home/ann/p': 0o40755 });
    const blocked = await findBlockedDirectory('/home/ann/p', stat);
    expect(blocked).toEqual({ dir: '/home/ann', mode: 0o700 });
    expect(describeBlocked(blocked!)).toBe('/home/ann (mode 0700) is not traversable by other users');
  });

  it('accepts execute-only directories and skips ones that do not exist yet', async () => {
    const stat = fakeStat({ '/': 0o40755, '/srv': 0o40711 });
    expect(await findBlockedDirectory('/srv/app/data', stat)).toBeNull();
  });

  it('checks the real file system by default', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'path-access-'));
    try {
      await fs.mkdir(path.join(dir, 'inner'));
      await fs.chmod(dir, 0o700);
      expect((await findBlockedDirectory(path.join(dir, 'inner')))?.dir).toBe(dir);
      await fs.chmod(dir, 0o755);
      expect(await findBlockedDirectory(path.join(dir, 'inner'))).toBeNull();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('openUpTree', () => {
  it('gives others read access to files and search access to directories', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'open-up-'));
    try {
      await fs.mkdir(path.join(dir, 'bin'), { mode: 0o700 });
      await fs.writeFile(path.join(dir, 'bin', 'tool'), '', { mode: 0o700 });
      await fs.writeFile(path.join(dir, 'data'), '', { mode: 0o600 });
      await fs.symlink('data', path.join(dir, 'link'));
      await openUpTree(dir);
      const mode = async (p: string): Promise<number> => (await fs.stat(path.join(dir, p))).mode & 0o777;
      expect(await mode('.')).toBe(0o755);
      expect(await mode('bin')).toBe(0o755);
      expect(await mode('bin/tool')).toBe(0o755);
      expect(await mode('data')).toBe(0o644);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
