// After a job changes: the live event to its owner's sockets, the notification, and the analytics event.
import type { Redis } from 'ioredis';
import type { JobStatus } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { publishJobEvent } from '../../realtime/event-bus';
import { createNotification } from '../notifications/notifications.service';
import type { JobRow } from './generation.repository';

export interface EventDeps {
  db: Database;
  redis: Redis;
  prefix: string;
}

export async function announce(
  deps: EventDeps,
  job: JobRow,
  status: JobStatus,
  extra: { progress?: number; contentIds?: number[]; error?: { code: string; message: string } } = {},
): Promise<void> {
  await publishJobEvent(deps.redis, deps.prefix, job.user_id, {
    type: 'job',
    jobId: job.id,
    status,
    progress: extra.progress ?? (status === 'completed' ? 1 : job.progress),
    ...(extra.contentIds ? { contentIds: extra.contentIds } : {}),
    ...(extra.error ? { error: extra.error } : {}),
  });
  const title = job.title ?? job.prompt.slice(0, 60);
  const note =
    status === 'completed'
      ? {
          type: 'job_completed' as const,
          title: 'Your images are ready',
          message: `${title}: ${extra.contentIds?.length ?? 0} image(s)`,
        }
      : status === 'failed'
        ? {
            type: 'job_failed' as const,
            title: 'Generation failed',
            message: `${title}: ${extra.error?.message ?? 'failed'}`,
          }
        : status === 'cancelled'
          ? {
              type: 'job_cancelled' as const,
              title: 'Generation cancelled',
              message: `${title} was cancelled`,
            }
          : null;
  if (note) {
    await createNotification(deps, job.user_id, {
      ...note,
      message: note.message.slice(0, 2000),
      relatedJobId: job.id,
      relatedContentId: extra.contentIds?.[0] ?? null,
    });
  }
}
