// Picks the storage backend from configuration. Launchers call this once and hand the result down.
import type { Config } from '../config';
import { LocalStorage } from './local-storage';
import { S3Storage } from './s3-storage';
import type { StorageBackend } from './storage';

export function createStorage(
  config: Pick<Config, 'storageBackend' | 'storageDir' | 's3Bucket' | 's3Region' | 's3Endpoint'>,
): StorageBackend {
  switch (config.storageBackend) {
    case 'local':
      return new LocalStorage(config.storageDir);
    case 's3':
      // Config validation already refuses STORAGE_BACKEND=s3 without S3_BUCKET; this guards other callers.
      if (!config.s3Bucket) throw new Error('STORAGE_BACKEND=s3 needs S3_BUCKET');
      return new S3Storage({ bucket: config.s3Bucket, region: config.s3Region, endpoint: config.s3Endpoint });
  }
}
