// The one way the app talks to PostgreSQL: a Kysely instance over a pg pool with the API's statement
// timeout. Repositories take this (or a transaction) as their first argument.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types';

export type Database = Kysely<DB>;

// bigint columns (ids, seeds, file sizes) arrive as strings by default; every bigint we store fits in a
// double (ids and sizes are far below 2^53, seeds are kept below 2^53 by the generation service).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'genonaut',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    // JIT compiles queries the planner costs high, such as a gallery page over a million rows that in
    // fact stops after 26: compiling took 15–50 ms of a query that runs in 5 (docs/performance.md).
    options: '-c jit=off',
  });
  // An idle client losing its server (PostgreSQL restarted) emits 'error' on the pool; without a listener
  // that would crash the process. The next query simply opens a new connection.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
