import { describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase, ensureDatabase, redactUrl, withDatabase } from './pg-admin';

describe('withDatabase', () => {
  it('keeps server and credentials and swaps the database', () => {
    expect(withDatabase('postgres://u:p%40ss@127.0.0.1:5433/postgres?sslmode=disable', 'genonaut')).toBe(
      'postgres://u:p%40ss@127.0.0.1:5433/genonaut?sslmode=disable',
    );
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://u:secret@db:5432/app')).toBe('postgres://u:***@db:5432/app');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe('database names', () => {
  it('are checked before anything connects', async () => {
    const nowhere = 'postgres://u@127.0.0.1:1/postgres';
    await expect(ensureDatabase(nowhere, 'Bad-Name')).rejects.toThrow(/Invalid database name/);
    await expect(createDatabase(nowhere, 'x; drop')).rejects.toThrow(/Invalid database name/);
    await expect(dropDatabase(nowhere, '')).rejects.toThrow(/Invalid database name/);
  });
});
