import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migration index', () => {
  it('lists every migration file of the folder, in timestamp order', () => {
    const folder = path.dirname(fileURLToPath(import.meta.url));
    const files = readdirSync(folder)
      .filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
