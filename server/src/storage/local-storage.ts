// Storage in a local directory: the default for a laptop or a single server.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  assertValidStorageKey,
  InvalidStorageKeyError,
  type StorageBackend,
  type StoredStream,
} from './storage';

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  // ENOTDIR: a path segment is a file, so the key cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class LocalStorage implements StorageBackend {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a key; validated twice (syntax, then containment) so no key escapes the root. */
  pathOf(key: string): string {
    assertValidStorageKey(key);
    const full = join(this.root, key);
    const rel = relative(this.root, full);
    if (rel === '' || rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(full) !== full) {
      throw new InvalidStorageKeyError(key, 'resolves outside the storage root');
    }
    return full;
  }

  // contentType is not kept: files are served with a type derived from their extension.
  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Write beside the target and rename over it: rename is atomic, so readers see old or new, never half.
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data);
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async stream(key: string): Promise<StoredStream | null> {
    const path = this.pathOf(key);
    // Open first, then stat the open file: the size always matches the bytes streamed even if the key is
    // replaced or deleted meanwhile.
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      return { stream: handle.createReadStream(), size: info.size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}
