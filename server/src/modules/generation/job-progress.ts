// A running job's progress: written to its row and pushed to its owner at most every 250 ms, only while
// the job is still running (a late report must not follow `completed` or `cancelled`), and always in
// the order the reports came. The caller waits for what is in flight before announcing the end.
import type { JobRow } from './generation.repository';
import { announce, type EventDeps } from './job-events';

const PROGRESS_INTERVAL_MS = 250;

export interface ProgressReporter {
  /** A fraction in [0, 1]; kept monotone and below 1 (completion is 1). */
  report(fraction: number): void;
  /** Resolves once every report made so far is written and pushed (or dropped). */
  settled(): Promise<void>;
}

export function progressReporter(events: EventDeps, job: JobRow): ProgressReporter {
  let last = 0;
  let latest = 0;
  let chain: Promise<void> = Promise.resolve();
  return {
    report(fraction) {
      latest = Math.min(0.99, Math.max(latest, fraction));
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const progress = latest;
      chain = chain
        .then(async () => {
          const result = await events.db
            .updateTable('generation_jobs')
            .set({ progress })
            .where('id', '=', job.id)
            .where('status', '=', 'running')
            .executeTakeFirst();
          if (result.numUpdatedRows > 0n) await announce(events, job, 'running', { progress });
        })
        .catch(() => {});
    },
    settled: () => chain,
  };
}
