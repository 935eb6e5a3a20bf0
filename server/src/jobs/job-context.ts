import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { StorageBackend } from '../storage/storage';

/** What a job processor may use; jobs carry ids, never secrets or connections. */
export interface JobContext {
  config: Config;
  db: Database;
  redis: Redis;
  storage: StorageBackend;
  log: (message: string) => void;
}
