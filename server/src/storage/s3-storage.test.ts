// The S3 backend against a small S3-speaking HTTP server: the real SDK signs, serialises and parses real
// HTTP, and only the bucket itself (outside the system) is faked.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStorage } from './create-storage';
import { S3Storage } from './s3-storage';
import { InvalidStorageKeyError } from './storage';

interface FakeObject {
  body: Buffer;
  contentType: string;
}

const bucketName = 'genonaut-test-images';
const objects = new Map<string, FakeObject>();
const requests: { method: string; path: string; authorised: boolean }[] = [];
let failNext = 0;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const noSuchKey = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>`;

function startFakeS3(): Server {
  return createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      requests.push({
        method: request.method ?? '',
        path: url.pathname,
        authorised: String(request.headers.authorization ?? '').startsWith(
          'AWS4-HMAC-SHA256 Credential=test-key/',
        ),
      });
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(500, { 'content-type': 'application/xml' });
        response.end('<Error><Code>InternalError</Code><Message>try again</Message></Error>');
        return;
      }
      if (bucket !== bucketName) {
        response.writeHead(404, { 'content-type': 'application/xml' });
        response.end('<Error><Code>NoSuchBucket</Code><Message>no bucket</Message></Error>');
        return;
      }
      const stored = objects.get(key);
      switch (request.method ?? '') {
        case 'PUT':
          objects.set(key, {
            body: await readBody(request),
            contentType: request.headers['content-type'] ?? '',
          });
          response.writeHead(200, { etag: '"x"' });
          response.end();
          return;
        case 'GET':
        case 'HEAD':
          if (!stored) {
            response.writeHead(404, { 'content-type': 'application/xml' });
            response.end(request.method === 'GET' ? noSuchKey : undefined);
            return;
          }
          response.writeHead(200, {
            'content-type': stored.contentType,
            'content-length': stored.body.length,
          });
          response.end(request.method === 'GET' ? stored.body : undefined);
          return;
        case 'DELETE':
          objects.delete(key);
          response.writeHead(204);
          response.end();
          return;
        default:
          response.writeHead(405);
          response.end();
      }
    })();
  });
}

let server: Server;
let endpoint: string;

function storageFor(bucket = bucketName): S3Storage {
  return new S3Storage({
    bucket,
    region: 'eu-west-1',
    endpoint,
    credentials: { accessKeyId: 'test-key', secretAccessKey: 'test-secret' },
  });
}

beforeAll(async () => {
  server = startFakeS3();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  objects.clear();
  requests.length = 0;
  failNext = 0;
});

describe('S3Storage', () => {
  it('round-trips put, get, stream, exists and delete with signed path-style requests', async () => {
    const storage = storageFor();
    const key = 'content/ab/cd/1/original.png';
    const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stream(key)).toBeNull();

    await storage.put(key, data, 'image/png');
    expect(objects.get(key)).toEqual({ body: data, contentType: 'image/png' });
    expect(await storage.exists(key)).toBe(true);
    expect(await storage.get(key)).toEqual(data);
    const streamed = await storage.stream(key);
    expect(streamed?.size).toBe(data.length);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed?.stream ?? []) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks)).toEqual(data);

    await storage.put(key, Buffer.from('replaced'), 'image/png');
    expect((await storage.get(key))?.toString()).toBe('replaced');
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.delete(key);

    expect(requests.every((r) => r.authorised)).toBe(true);
    expect(new Set(requests.map((r) => r.path))).toEqual(new Set([`/${bucketName}/${key}`]));
    storage.close();
  });

  it('refuses keys that would leave the prefix before sending anything', async () => {
    const storage = storageFor();
    for (const key of ['../secret.txt', 'x/../../secret.txt', '/etc/passwd', '..\\secret.txt']) {
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.exists(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.stream(key)).rejects.toThrow(InvalidStorageKeyError);
    }
    expect(requests).toEqual([]);
    storage.close();
  });

  it('retries a transient server error and surfaces errors that are not a missing key', async () => {
    const storage = storageFor();
    failNext = 1;
    await storage.put('a/b.png', Buffer.from('x'), 'image/png');
    expect(objects.has('a/b.png')).toBe(true);

    const wrongBucket = storageFor('no-such-bucket');
    await expect(wrongBucket.put('a/b.png', Buffer.from('x'), 'image/png')).rejects.toThrow(/no bucket/);
    await expect(wrongBucket.get('a/b.png')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    storage.close();
    wrongBucket.close();
  });
});

describe('createStorage', () => {
  it('builds the S3 backend from configuration', () => {
    const storage = createStorage({
      storageBackend: 's3',
      storageDir: './unused',
      s3Bucket: bucketName,
      s3Region: 'eu-west-1',
      s3Endpoint: undefined,
    });
    expect(storage).toBeInstanceOf(S3Storage);
    expect((storage as S3Storage).bucket).toBe(bucketName);
    (storage as S3Storage).close();
  });
});
