// Storage in an S3 bucket: for deployments where the API and workers run on several machines. Credentials
// come from the SDK's default chain (environment, shared profile, or the ECS task role).
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { assertValidStorageKey, type StorageBackend, type StoredStream } from './storage';

export interface S3StorageOptions {
  bucket: string;
  region?: string | undefined;
  /** An S3-compatible endpoint (MinIO and similar); addressed path-style. */
  endpoint?: string | undefined;
  credentials?: S3ClientConfig['credentials'];
}

function isMissing(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  // GET names the missing key (NoSuchKey, unlike NoSuchBucket, which must not read as "no such image");
  // HEAD has no body, so the SDK can only call its 404 NotFound.
  return err.name === 'NoSuchKey' || err.name === 'NotFound';
}

export class S3Storage implements StorageBackend {
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Images are written once and read many times; a failed attempt is retried by the SDK, then by the job.
      maxAttempts: 3,
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertValidStorageKey(key);
    // A PUT replaces the object atomically: readers see the old or the new version, never half of one.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: data,
        ContentType: contentType,
        ContentLength: data.length,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    assertValidStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return Buffer.alloc(0);
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async stream(key: string): Promise<StoredStream | null> {
    assertValidStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      // In Node the SDK's body is an http.IncomingMessage, a Readable.
      const body = object.Body as Readable | undefined;
      if (!body || object.ContentLength === undefined) {
        body?.destroy();
        return null;
      }
      return { stream: body, size: object.ContentLength };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    // S3 answers 204 for a key that does not exist, which is what the interface asks for.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertValidStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
