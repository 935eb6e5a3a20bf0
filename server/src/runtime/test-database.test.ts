import { describe, expect, it } from 'vitest';
import { findFreePort } from './free-port';
import { localServerCandidates, probeAdmin, resolveTestPostgres } from './test-database';

describe('localServerCandidates', () => {
  it('tries the postgres role first, then the OS user', () => {
    expect(localServerCandidates('ann')).toEqual([
      'postgres://postgres@127.0.0.1:5432/postgres',
      'postgres://ann@127.0.0.1:5432/postgres',
    ]);
    expect(localServerCandidates('postgres')).toEqual(['postgres://postgres@127.0.0.1:5432/postgres']);
  });
});

describe('probeAdmin', () => {
  it('explains why a server cannot be used', async () => {
    const problem = await probeAdmin(`postgres://postgres@127.0.0.1:${await findFreePort()}/postgres`);
    expect(problem).toMatch(/ECONNREFUSED/);
  });
});

describe('resolveTestPostgres', () => {
  it('uses TEST_DATABASE_URL without probing anything else', async () => {
    const logs: string[] = [];
    const url = 'postgres://ci:secret@db.example:5432/ci';
    const resolved = await resolveTestPostgres({ TEST_DATABASE_URL: url }, (m) => logs.push(m), []);
    expect(resolved).toEqual({ adminUrl: url });
    expect(logs.join('\n')).not.toContain('secret');
  });
});
