// The end of a successful run: every output stored with its thumbnails under keys of this attempt's own
// (`jobs/<id>/<attempt>/<index>`), then the content items and the job's completion in one transaction,
// then the analytics event, the live event and the notification. A job that stopped running meanwhile
// (cancelled while its images were stored) gets no items, so the files this attempt wrote are removed;
// keys of its own mean they are never another attempt's.
import type { Database } from '../../db/database';
import type { OutputImage } from '../../image-backends/image-backend';
import { matchPromptTags } from '../../db/seeds/vocabulary/match-prompt-tags';
import type { StorageBackend } from '../../storage/storage';
import { storeImageWithThumbnails, thumbnailSizeNames } from '../../storage/thumbnails';
import { removeStoredFiles } from '../content/stored-files';
import {
  completeJob,
  findJob,
  recordGenerationEvent,
  type JobRow,
  type StoredOutput,
} from './generation.repository';
import { announce, type EventDeps } from './job-events';

export interface CompletionDeps {
  db: Database;
  storage: StorageBackend;
  events: EventDeps;
  warn: (message: string) => void;
}

/** Stores every image; answers the outputs and every file key written. */
async function storeOutputs(deps: CompletionDeps, job: JobRow, images: OutputImage[]) {
  const outputs: StoredOutput[] = [];
  const keys: string[] = [];
  for (const [index, image] of images.entries()) {
    const bytes = await image.fetch();
    const key = `jobs/${job.id}/${job.attempts}/${index}`;
    const stored = await storeImageWithThumbnails(deps.storage, key, bytes, 'image/png');
    keys.push(stored.storageKey, ...thumbnailSizeNames.map((size) => stored.thumbnails[size].key));
    outputs.push({
      outputIndex: index,
      storageKey: stored.storageKey,
      mimeType: stored.mimeType,
      fileSize: stored.fileSize,
      width: stored.width,
      height: stored.height,
      thumbnails: stored.thumbnails,
      seed: job.seed + index,
    });
  }
  return { outputs, keys };
}

/** Completes `job` with `images`; null (and nothing left behind) when it was no longer running. */
export async function storeAndComplete(
  deps: CompletionDeps,
  job: JobRow,
  images: OutputImage[],
  startedAt: number,
): Promise<number[] | null> {
  const { outputs, keys } = await storeOutputs(deps, job, images);
  const tags = [...job.tags, ...matchPromptTags(job.prompt)];
  const contentIds = await completeJob(deps.db, job, outputs, tags);
  if (contentIds === null) {
    await removeStoredFiles(deps, keys, `job ${job.id}, which stopped running while they were stored`);
    return null;
  }
  const done = (await findJob(deps.db, job.id)) ?? job;
  await recordGenerationEvent(deps.db, done, 'completed', {
    durationMs: Date.now() - startedAt,
    imageCount: contentIds.length,
  });
  await announce(deps.events, done, 'completed', { contentIds });
  return contentIds;
}
