// `genonaut jobs run <name>`: runs a registered job by hand. With a worker running, the job goes through
// the queue (so the dashboard shows the run and its outcome); without one, it runs in this process.
import { Queue, QueueEvents } from 'bullmq';
import type { Config } from '../config';
import { createDatabase } from '../db/database';
import { addJob } from '../jobs/job-definition';
import { bullConnection, bullPrefix } from '../jobs/queues';
import { jobRegistry } from '../jobs/registry';
import { createRedis } from '../lib/redis';
import { createStorage } from '../storage/create-storage';
import { backendPoolFor } from '../image-backends/backend-pool';

const WAIT_MS = 10 * 60_000;

export async function runJobByHand(config: Config, databaseUrl: string, name: string): Promise<void> {
  const definition = jobRegistry.get(name);
  if (!definition) {
    console.error(`Unknown job "${name}". Jobs: ${[...jobRegistry.keys()].join(', ')}`);
    process.exit(2);
  }
  const queue = new Queue(definition.queue, {
    connection: bullConnection(config, false),
    prefix: bullPrefix(config),
  });
  try {
    if ((await queue.getWorkersCount()) > 0) {
      const events = new QueueEvents(definition.queue, {
        connection: bullConnection(config, true),
        prefix: bullPrefix(config),
      });
      try {
        await events.waitUntilReady();
        const job = await addJob(queue, definition.name, {}, { removeOnComplete: 100, removeOnFail: 500 });
        console.log(`Queued ${name} as job ${job.id ?? ''}; waiting for a worker…`);
        console.log(JSON.stringify(await job.waitUntilFinished(events, WAIT_MS)));
      } finally {
        await events.close();
      }
      return;
    }
  } finally {
    await queue.close();
  }
  console.log(`No worker is running: running ${name} here.`);
  const db = createDatabase({ url: databaseUrl, poolSize: 2, applicationName: 'genonaut-jobs' });
  const redis = createRedis(config.redisUrl, { blocking: true });
  try {
    const result = await definition.run(
      {
        config: { ...config, databaseUrl },
        db,
        redis,
        storage: createStorage(config),
        backends: backendPoolFor(config),
        log: console.log,
      },
      {},
    );
    console.log(JSON.stringify(result));
  } finally {
    redis.disconnect();
    await db.destroy();
  }
}
