import { backendPoolFor } from '../image-backends/backend-pool';
import type { Config } from '../config';
import { syncModels } from '../modules/models/models.service';
import { seedModelCatalogue } from '../db/seeds/demo/seed-taxonomy';
import { loadFlagWords } from '../db/seeds/catalogue';
import { seedFlagWords } from '../modules/moderation/moderation.repository';
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
  const backends = backendPoolFor(config);
  const host = await startWorkerHost(
    { config, db, redis, storage: createStorage(config), backends, log: (m) => console.log(`[worker] ${m}`) },
    jobRegistry,
  );
  // Learn which models the image servers have before the first job needs to know.
  await seedModelCatalogue(db);
  // A fresh install gets the shipped flag words; a list an admin has edited is left alone.
  await seedFlagWords(db, loadFlagWords());
  await syncModels(db, backends).catch((error: unknown) =>
    console.log(`[worker] model sync failed: ${String(error)}`),
  );
  // Queue again whatever the queue lost (e.g. demo jobs, or a Redis that was emptied).
  await host.recover();
  return {
    recover: () => host.recover(),
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
