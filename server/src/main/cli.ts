// `genonaut <command>`: the one entry point of every role. The only module (with the launchers it calls)
// that reads process.env.
import 'dotenv/config';
import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config';
import { version } from '../version';

function config(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

function requireDatabaseUrl(cfg: Config): string {
  if (!cfg.databaseUrl) {
    console.error(
      'DATABASE_URL is not set. Point it at PostgreSQL, or use `genonaut start`, which runs an embedded one.',
    );
    process.exit(2);
  }
  return cfg.databaseUrl;
}

const program = new Command('genonaut')
  .description('Genonaut: generation queue and gallery for AI images')
  .version(version)
  .showHelpAfterError();

program
  .command('start')
  .description(
    'Run everything for a laptop or a demo: database, Redis, migrations, demo data, API, worker, mock',
  )
  .action(async () => (await import('./start')).start(config()));

program
  .command('api')
  .description('Run the HTTP API, WebSocket and web app')
  .action(async () => (await import('./api')).runApi(config(), requireDatabaseUrl(config())));

program
  .command('worker')
  .description('Run the queue workers (generation and scheduled jobs)')
  .action(async () => (await import('./worker')).runWorker(config(), requireDatabaseUrl(config())));

program
  .command('comfyui-mock')
  .description('Run the ComfyUI stand-in on MOCK_PORT')
  .action(async () => (await import('./comfyui-mock')).runComfyMock(config()));

const migrate = program.command('migrate').description('Database migrations');
migrate
  .command('up')
  .description('Apply every pending migration')
  .action(async () => {
    const { migrateToLatest } = await import('../db/migrate');
    const applied = await migrateToLatest(requireDatabaseUrl(config()));
    console.log(applied.length > 0 ? applied.join('\n') : 'Database is up to date.');
  });
migrate
  .command('down')
  .description('Revert the most recent migration')
  .action(async () => {
    const { migrateDown } = await import('../db/migrate');
    const reverted = await migrateDown(requireDatabaseUrl(config()));
    console.log(reverted.length > 0 ? reverted.join('\n') : 'Nothing to revert.');
  });
migrate
  .command('status')
  .description('List migrations and when each was applied')
  .action(async () => {
    const { migrationStatus } = await import('../db/migrate');
    for (const m of await migrationStatus(requireDatabaseUrl(config()))) {
      console.log(`${m.executedAt ? m.executedAt.toISOString() : 'pending'.padEnd(24)}  ${m.name}`);
    }
  });

const seed = program.command('seed').description('Sample data');
seed
  .command('demo')
  .description('Seed the demo data set (idempotent)')
  .action(async () => (await import('./seed-demo')).runSeedDemo(config(), requireDatabaseUrl(config())));

const positiveInt = (name: string) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
};
seed
  .command('bulk')
  .description('Write the benchmark dataset with COPY into an empty database (needs a superuser)')
  .option('--items <n>', 'content items', positiveInt('--items'), 1_000_000)
  .option('--users <n>', 'users (bench_00001 …)', positiveInt('--users'), 10_000)
  .option('--seed <n>', 'random seed: the same seed writes the same data', positiveInt('--seed'), 1)
  .option('--password <password>', 'password of every bench user', 'bench-password')
  .action(async (opts: { items: number; users: number; seed: number; password: string }) =>
    (await import('./seed-bulk')).runSeedBulk(config(), requireDatabaseUrl(config()), opts),
  );

program
  .command('bench')
  .description('Run the gallery query suite (SPEC §12) against a running API and print p50/p95')
  .option('--url <url>', 'base URL of the API', 'http://127.0.0.1:8701')
  .option('--runs <n>', 'measured runs per query', positiveInt('--runs'), 60)
  .option(
    '--duration <s>',
    'seconds of each request-rate measurement, in 3 interleaved rounds',
    positiveInt('--duration'),
    10,
  )
  .option('--json <file>', 'also write the report as JSON')
  .option(
    '--api-pid <pid>',
    'process id of the API, to report its memory under load',
    positiveInt('--api-pid'),
  )
  .action(async (opts: { url: string; runs: number; duration: number; json?: string; apiPid?: number }) =>
    (await import('./bench')).runBench(config(), requireDatabaseUrl(config()), opts),
  );

const jobs = program.command('jobs').description('Background jobs');
jobs
  .command('run <name>')
  .description('Run a job by hand (through the queue when a worker is running)')
  .action(async (name: string) =>
    (await import('./jobs-run')).runJobByHand(config(), requireDatabaseUrl(config()), name),
  );
jobs
  .command('list')
  .description('List the registered jobs and their schedules')
  .action(async () => {
    const { jobRegistry } = await import('../jobs/registry');
    for (const job of jobRegistry.values()) {
      console.log(
        `${job.name.padEnd(32)} ${job.queue.padEnd(12)} ${(job.schedule ?? 'on demand').padEnd(12)} ${job.description}`,
      );
    }
  });

const models = program.command('models').description('The model catalogue');
models
  .command('sync')
  .description('Ask every image server (COMFYUI_URLS) for its models now and mark the catalogue')
  .action(async () => (await import('./models-sync')).runModelsSync(config(), requireDatabaseUrl(config())));

const user = program.command('user').description('Accounts');
user
  .command('create')
  .description('Create an account (non-interactive, for scripts)')
  .requiredOption('--username <username>', '3–50 letters, digits, _ or -')
  .requiredOption('--email <email>', 'email address')
  .requiredOption('--password <password>', 'at least 10 characters')
  .option('--display-name <name>', 'name shown to others')
  .option('--admin', 'give the account the admin role', false)
  .action(
    async (opts: {
      username: string;
      email: string;
      password: string;
      displayName?: string;
      admin: boolean;
    }) => (await import('./user-create')).runUserCreate(config(), requireDatabaseUrl(config()), opts),
  );

const db = program.command('db').description('Database tooling');
db.command('types')
  .description('Regenerate server/src/db/types.ts from a freshly migrated scratch database')
  .action(async () => (await import('./db-types')).regenerateDbTypes(process.env));

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
