// Migrations apply, revert and re-apply cleanly, and the committed table types match the schema.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateReset, migrateToLatest, migrationStatus } from '../src/db/migrate';
import { scratchDatabase } from './test-context';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  scratch = await scratchDatabase('migrations');
});
afterAll(() => scratch.drop());

describe('migrations', () => {
  it('apply from nothing, revert to nothing and apply again', async () => {
    const scratchUrl = scratch.url;
    const applied = await migrateToLatest(scratchUrl);
    expect(applied.length).toBeGreaterThanOrEqual(6);
    expect((await migrationStatus(scratchUrl)).every((m) => m.executedAt)).toBe(true);

    const reverted = await migrateReset(scratchUrl);
    expect(reverted).toHaveLength(applied.length);
    expect((await migrationStatus(scratchUrl)).every((m) => !m.executedAt)).toBe(true);

    expect(await migrateToLatest(scratchUrl)).toEqual(applied);
  });

  it('leave the committed table types in step with the schema (regenerate with `npm run db:types`)', async () => {
    const bin = path.join(root, 'node_modules/.bin/kysely-codegen');
    const run = promisify(execFile)(bin, ['--verify', '--url', inject('databaseUrl')], { cwd: root });
    await expect(run).resolves.toBeDefined();
  });
});
