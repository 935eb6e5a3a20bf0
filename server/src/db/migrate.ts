// Applies the ordered migrations of ./migrations. Migrations are frozen in time: they import only kysely.
import { Kysely, Migrator, NO_MIGRATIONS, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index';

export interface MigrationStatus {
  name: string;
  executedAt: Date | undefined;
}

function withMigrator<T>(databaseUrl: string, run: (migrator: Migrator) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  return run(migrator).finally(() => db.destroy());
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (result.results ?? []).map(
    (r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`,
  );
}

export function migrateToLatest(databaseUrl: string): Promise<string[]> {
  return withMigrator(databaseUrl, async (m) => unwrap(await m.migrateToLatest()));
}

export function migrateDown(databaseUrl: string): Promise<string[]> {
  return withMigrator(databaseUrl, async (m) => unwrap(await m.migrateDown()));
}

export function migrateReset(databaseUrl: string): Promise<string[]> {
  return withMigrator(databaseUrl, async (m) => unwrap(await m.migrateTo(NO_MIGRATIONS)));
}

export function migrationStatus(databaseUrl: string): Promise<MigrationStatus[]> {
  return withMigrator(databaseUrl, async (m) =>
    (await m.getMigrations()).map((info) => ({ name: info.name, executedAt: info.executedAt })),
  );
}
