// Removing files that no row will point to (an upload that failed, outputs of a job cancelled while they
// were stored): at once where possible, and what cannot be removed now is left to the cleanup job.
import type { Database } from '../../db/database';
import type { StorageBackend } from '../../storage/storage';
import { queueStorageDeletions } from './content-items.repository';

export async function removeStoredFiles(
  deps: { db: Database; storage: StorageBackend; warn: (message: string) => void },
  keys: string[],
  what: string,
): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => deps.storage.delete(key)));
  const left = keys.filter((_key, i) => results[i]?.status === 'rejected');
  if (left.length === 0) return;
  deps.warn(`could not remove ${left.length} file(s) of ${what}; queued for cleanup`);
  await queueStorageDeletions(deps.db, left).catch(() => deps.warn('could not queue the files either'));
}
