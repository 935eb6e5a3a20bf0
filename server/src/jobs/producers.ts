// The API's side of the job queues: one BullMQ producer per queue, made on first use (an app that never
// enqueues opens no extra Redis connection) and closed with the app.
import { Queue } from 'bullmq';
import type { JobName, JobPayload } from '@genonaut/contracts/jobs';
import type { Config } from '../config';
import { parseJobPayload } from './job-definition';
import { bullConnection, bullPrefix, type QueueName } from './queues';

/** Long enough for a healthy Redis, short enough that a request never hangs on a dead one. */
const ENQUEUE_TIMEOUT_MS = 2_000;

export class QueueProducers {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly config: Config,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.config, false),
        prefix: bullPrefix(this.config),
      });
      // Without a listener a Redis outage would surface as an unhandled 'error' event.
      queue.on('error', (error) => this.onError(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds a job, or gives up after a short wait when Redis is down. For jobs that are a nudge (work a
   * scheduled run would also do), so a caller can carry on either way: resolves to whether it was queued.
   * A payload that does not match the job's schema throws at once: that is a bug, not an outage.
   */
  async nudge<N extends JobName>(queueName: QueueName, jobName: N, data: JobPayload<N>): Promise<boolean> {
    const payload = parseJobPayload(jobName, data);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => {
        this.onError(`gave up queueing ${jobName}: Redis did not answer`);
        resolve(false);
      }, ENQUEUE_TIMEOUT_MS);
    });
    // The rejection is handled here even when the timeout won the race, so it never goes unhandled.
    const added = this.get(queueName)
      .add(jobName, payload, { removeOnComplete: 100, removeOnFail: 500 })
      .then(
        () => true,
        (error: unknown) => {
          this.onError(
            `could not queue ${jobName}: ${error instanceof Error ? error.message : String(error)}`,
          );
          return false;
        },
      );
    try {
      return await Promise.race([added, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
