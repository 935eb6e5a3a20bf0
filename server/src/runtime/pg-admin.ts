// Database-level administration (create, drop) through a superuser or CREATEDB connection.
import pg from 'pg';

const DUPLICATE_DATABASE = '42P04';
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function assertSafeName(name: string): void {
  // CREATE/DROP DATABASE cannot take bind parameters; the identifier is also quoted, but a strict name
  // keeps scratch databases easy to spot and clean up by hand.
  if (!SAFE_NAME.test(name))
    throw new Error(`Invalid database name "${name}" (use lower-case letters, digits, _)`);
}

export async function withClient<T>(
  url: string,
  run: (client: pg.Client) => Promise<T>,
  connectTimeoutMs = 5_000,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  // A server shutting down under an open client emits 'error'; without a listener it would crash.
  client.on('error', () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// For log lines: the URL without its password.
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

// The same server and credentials as `url`, pointed at another database.
export function withDatabase(url: string, dbName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(dbName)}`;
  return parsed.toString();
}

export async function ensureDatabase(adminUrl: string, dbName: string): Promise<void> {
  assertSafeName(dbName);
  await withClient(adminUrl, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (found.rowCount) return;
    try {
      await client.query(`create database ${client.escapeIdentifier(dbName)}`);
    } catch (error) {
      // Two processes starting at once may both see it missing; the loser's error is harmless.
      if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
    }
  });
}

export async function createDatabase(adminUrl: string, dbName: string): Promise<string> {
  assertSafeName(dbName);
  await withClient(adminUrl, (client) => client.query(`create database ${client.escapeIdentifier(dbName)}`));
  return withDatabase(adminUrl, dbName);
}

export async function dropDatabase(adminUrl: string, dbName: string): Promise<void> {
  assertSafeName(dbName);
  // FORCE (PostgreSQL 13+) ends sessions a crashed test left open, which would otherwise block the drop.
  await withClient(adminUrl, (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(dbName)} with (force)`),
  );
}
