// Picks the storage backend from configuration. Launchers call this once and hand the result down.
import type { Config } from '../config';
import { LocalStorage } from './local-storage';
import type { StorageBackend } from './storage';

export function createStorage(config: Pick<Config, 'storageBackend' | 'storageDir'>): StorageBackend {
  switch (config.storageBackend) {
    case 'local':
      return new LocalStorage(config.storageDir);
    case 's3':
      // Fail at start rather than on the first upload.
      throw new Error('STORAGE_BACKEND=s3 is not available in this build yet; use STORAGE_BACKEND=local');
  }
}
