// Where originals and thumbnails live. The API and workers only see this interface and relative keys, so
// a local directory (the default) and S3 are interchangeable.
import { createHash } from 'node:crypto';

export interface StoredStream {
  stream: NodeJS.ReadableStream;
  size: number;
}

export interface StorageBackend {
  /** Writes the whole object; readers never see a partial one. Overwrites an existing key. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Null when the key does not exist. */
  get(key: string): Promise<Buffer | null>;
  stream(key: string): Promise<StoredStream | null>;
  /** Succeeds when the key does not exist, so cleanup can be retried. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string, reason: string) {
    super(`invalid storage key ${JSON.stringify(key.slice(0, 200))}: ${reason}`);
    this.name = 'InvalidStorageKeyError';
  }
}

const maxKeyLength = 512;
// Letters, digits and a few punctuation marks: safe as a file path on every OS and as an S3 key unescaped.
const keyCharacters = /^[A-Za-z0-9._\-/]+$/;

/** Why `key` is not acceptable, or null when it is. */
export function storageKeyProblem(key: string): string | null {
  if (key.length === 0) return 'empty';
  if (key.length > maxKeyLength) return `longer than ${maxKeyLength} characters`;
  if (key.includes('\\')) return 'contains a backslash';
  if (key.startsWith('/')) return 'absolute';
  if (!keyCharacters.test(key)) return 'contains characters other than letters, digits and ._-/';
  for (const segment of key.split('/')) {
    if (segment === '') return 'has an empty path segment';
    if (segment === '.' || segment === '..') return 'has a . or .. segment';
  }
  return null;
}

export function assertValidStorageKey(key: string): void {
  const problem = storageKeyProblem(key);
  if (problem !== null) throw new InvalidStorageKeyError(key, problem);
}

/**
 * Key prefix of one content item, e.g. `content/3f/a2/123`. Two hashed levels spread items over 65 536
 * directories so no single directory (or S3 prefix) grows to millions of entries.
 */
export function contentKeyPrefix(contentId: number | bigint | string): string {
  const id = String(contentId);
  if (!/^[0-9]+$/.test(id)) throw new InvalidStorageKeyError(id, 'content id must be a non-negative integer');
  const hash = createHash('sha1').update(id).digest('hex');
  return `content/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${id}`;
}

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};

/** File extension for an image MIME type, or undefined for one we do not store. */
export function extensionForMime(mime: string): string | undefined {
  return extensions[mime.toLowerCase().split(';')[0]?.trim() ?? ''];
}
