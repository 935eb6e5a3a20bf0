// The system endpoints over the real app: health reflects the real database and Redis, the OpenAPI
// document is served, errors have the one shape, and trailing slashes need no redirect.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '@genonaut/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './test-context';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('GET /api/v1/health', () => {
  it('reports database, Redis and queue ok, with the version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<HealthResponse>();
    expect(body).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      checks: { database: { status: 'ok' }, redis: { status: 'ok' }, queue: { status: 'ok' }, comfyui: [] },
    });
  });

  it('answers the same with a trailing slash, without a redirect', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health/' });
    expect(response.statusCode).toBe(200);
  });

  it('reports a configured ComfyUI backend that does not answer as down, and the whole as degraded', async () => {
    const degraded = await buildTestApp({ COMFYUI_URLS: 'gpu=http://127.0.0.1:9' });
    try {
      const body = (await degraded.inject({ method: 'GET', url: '/api/v1/health' })).json<HealthResponse>();
      expect(body.status).toBe('degraded');
      expect(body.checks.comfyui).toEqual([expect.objectContaining({ name: 'gpu', status: 'down' })]);
    } finally {
      await degraded.close();
    }
  });
});

describe('API conventions', () => {
  it('serves the OpenAPI document with the system endpoints', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health', '/api/v1/stats/global']),
    );
  });

  it('serves the interactive docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/html/);
  });

  it('answers unknown API routes with the error shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/v1/no-such-thing') },
    });
  });

  it('refuses numbers that only look valid (1e400, Infinity) on every route with 400', async () => {
    for (const url of [
      '/api/v1/content?page=1e400',
      '/api/v1/tags?pageSize=Infinity',
      '/api/v1/content/1e400',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
    }
  });

  it('counts site-wide totals', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/stats/global' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ users: expect.any(Number), contentItems: expect.any(Number) });
  });
});

describe('web app serving', () => {
  it('redirects / to the API docs while no web build exists', async () => {
    const bare = await buildTestApp({ WEB_DIST_DIR: '/nonexistent-web-dist' });
    try {
      const response = await bare.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/docs');
    } finally {
      await bare.close();
    }
  });

  it('serves a built app with a history fallback, and keeps API 404s as JSON', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'genonaut-web-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Genonaut</title>');
    await writeFile(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const web = await buildTestApp({ WEB_DIST_DIR: dist });
    try {
      for (const url of ['/', '/gallery', '/content/42?x=1']) {
        const page = await web.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<title>Genonaut</title>');
        expect(page.headers['cache-control']).toBe('no-cache');
      }
      const asset = await web.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      const api = await web.inject({
        method: 'GET',
        url: '/api/v1/nothing-here',
        headers: { accept: 'text/html' },
      });
      expect(api.statusCode).toBe(404);
      expect(api.json<{ error: { code: string } }>().error.code).toBe('not_found');
    } finally {
      await web.close();
      await rm(dist, { recursive: true, force: true });
    }
  });
});
