import type { Redis } from 'ioredis';
import type { BackendPool } from '../image-backends/backend-pool';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { StorageBackend } from '../storage/storage';

/** What a job processor may use; jobs carry ids, never secrets or connections. */
export interface JobContext {
  config: Config;
  db: Database;
  redis: Redis;
  storage: StorageBackend;
  /** The image servers (COMFYUI_URLS). */
  backends: BackendPool;
  log: (message: string) => void;
}

/** Where a run stands in BullMQ's attempts (for jobs that retry on their own terms). */
export interface RunMeta {
  attemptsMade: number;
  maxAttempts: number;
}
