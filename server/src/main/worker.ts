import type { Config } from '../config';
import { createDatabase } from '../db/database';
import { jobRegistry } from '../jobs/registry';
import { startWorkerHost, type WorkerHost } from '../jobs/worker-host';
import { createRedis } from '../lib/redis';
import { createStorage } from '../storage/create-storage';
import { onShutdown } from './shutdown';

export async function startWorker(config: Config): Promise<WorkerHost> {
  const db = createDatabase({
    url: config.databaseUrl ?? '',
    poolSize: 4,
    applicationName: 'genonaut-worker',
  });
  const redis = createRedis(config.redisUrl, { blocking: true, name: 'genonaut-worker' });
  const host = await startWorkerHost(
    { config, db, redis, storage: createStorage(config), log: (m) => console.log(`[worker] ${m}`) },
    jobRegistry,
  );
  return {
    close: async () => {
      await host.close();
      redis.disconnect();
      await db.destroy();
    },
  };
}

export async function runWorker(config: Config, databaseUrl: string): Promise<void> {
  const worker = await startWorker({ ...config, databaseUrl });
  console.log(`Worker running: ${[...jobRegistry.keys()].join(', ')}`);
  onShutdown(() => worker.close());
}
