import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalStorage } from './local-storage';
import { contentKeyPrefix, extensionForMime, InvalidStorageKeyError, storageKeyProblem } from './storage';

describe('storage keys', () => {
  it('accepts relative keys', () => {
    for (const key of ['content/ab/cd/123/original.png', 'a', 'x/y_z-1.webp', 'uploads/.hidden']) {
      expect(storageKeyProblem(key), key).toBeNull();
    }
  });

  it('refuses traversal, absolute paths, backslashes and odd characters', () => {
    const bad = [
      '',
      '../etc/passwd',
      'content/../../x',
      'content/..',
      './a',
      '/etc/passwd',
      'content\\..\\x',
      'C:\\x',
      'a//b',
      'a/',
      'a b',
      'a\0b',
      'caf\u00e9',
      'x'.repeat(513),
    ];
    for (const key of bad) expect(storageKeyProblem(key), JSON.stringify(key)).not.toBeNull();
  });

  it('spreads content ids over hashed directories', () => {
    expect(contentKeyPrefix(123)).toMatch(/^content\/[0-9a-f]{2}\/[0-9a-f]{2}\/123$/);
    expect(contentKeyPrefix(123n)).toBe(contentKeyPrefix('123'));
    expect(contentKeyPrefix(124)).not.toBe(contentKeyPrefix(123).replace('123', '124'));
    expect(() => contentKeyPrefix('1/../2')).toThrow(InvalidStorageKeyError);
  });

  it('maps image MIME types to extensions', () => {
    expect(extensionForMime('image/png')).toBe('png');
    expect(extensionForMime('IMAGE/JPEG; charset=binary')).toBe('jpg');
    expect(extensionForMime('text/html')).toBeUndefined();
  });
});

describe('LocalStorage', () => {
  let root: string;
  let storage: LocalStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'genonaut-storage-'));
    storage = new LocalStorage(join(root, 'store'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('round-trips put, get, stream, exists and delete', async () => {
    const key = 'content/ab/cd/1/original.png';
    const data = Buffer.from('not really a png');
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stream(key)).toBeNull();

    await storage.put(key, data, 'image/png');
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.get(key)).toEqual(data);
    const streamed = await storage.stream(key);
    expect(streamed?.size).toBe(data.length);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed?.stream ?? []) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks)).toEqual(data);

    await storage.put(key, Buffer.from('replaced'), 'image/png');
    expect((await storage.get(key))?.toString()).toBe('replaced');
    // No temp files left behind by the atomic write.
    expect(await readdir(join(root, 'store/content/ab/cd/1'))).toEqual(['original.png']);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key);
  });

  it('treats a directory or a path through a file as missing', async () => {
    await storage.put('a/b', Buffer.from('x'), 'text/plain');
    expect(await storage.exists('a')).toBe(false);
    expect(await storage.stream('a')).toBeNull();
    expect(await storage.get('a/b/c')).toBeNull();
    expect(await storage.exists('a/b/c')).toBe(false);
  });

  it('refuses keys that would leave the root', async () => {
    await writeFile(join(root, 'secret.txt'), 'secret');
    for (const key of ['../secret.txt', 'x/../../secret.txt', join(root, 'secret.txt'), '..\\secret.txt']) {
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.exists(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.stream(key)).rejects.toThrow(InvalidStorageKeyError);
    }
  });
});
