// The test-database fallbacks against real servers: the local one when it answers, else embedded.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withClient } from './pg-admin';
import { createScratchDatabase, dropDatabase, probeAdmin, resolveTestPostgres } from './test-database';

const localUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const localAnswers = (await probeAdmin(localUrl)) === null;

async function exerciseScratch(adminUrl: string): Promise<void> {
  const name = `genonaut_scratch_${process.pid}`;
  const url = await createScratchDatabase(adminUrl, name);
  try {
    // An open session must not block the drop (WITH FORCE).
    await withClient(url, async (client) => {
      expect((await client.query('select current_database() as db')).rows).toEqual([{ db: name }]);
      await dropDatabase(adminUrl, name);
    });
  } finally {
    await dropDatabase(adminUrl, name);
  }
  const left = await withClient(adminUrl, (c) =>
    c.query('select 1 from pg_database where datname = $1', [name]),
  );
  expect(left.rowCount).toBe(0);
}

describe('resolveTestPostgres', () => {
  it.runIf(localAnswers)('uses the local server on 5432 when it answers', async () => {
    const resolved = await resolveTestPostgres({}, () => {}, [localUrl]);
    expect(resolved).toEqual({ adminUrl: localUrl });
    await exerciseScratch(resolved.adminUrl);
  });

  it('falls back to a throwaway embedded server and removes it afterwards', async () => {
    const logs: string[] = [];
    const resolved = await resolveTestPostgres({}, (m) => logs.push(m), []);
    const dataLine = logs.find((l) => l.startsWith('PostgreSQL is running'));
    const dataDir = /with data in (\S+)/.exec(dataLine ?? '')?.[1] ?? '';
    try {
      expect(resolved.stop).toBeDefined();
      expect(existsSync(dataDir)).toBe(true);
      await exerciseScratch(resolved.adminUrl);
    } finally {
      await resolved.stop?.();
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});
