// The OpenAPI document is complete: every registered API route is in it, with its parameters and a
// response schema for its success status, so the document (and the clients made from it) cannot drift.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './test-context';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; description?: string }>;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  summary?: string;
}

let app: FastifyInstance;
let paths: Record<string, Record<string, Operation>>;
beforeAll(async () => {
  app = await buildTestApp();
  paths = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: typeof paths }>().paths;
});
afterAll(() => app.close());

const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('lists every API route with a summary and a success response schema', () => {
    const routes = new Map(app.routeAccess.map((r) => [`${r.method} ${r.url.replace(/\/$/, '')}`, r]));
    for (const route of routes.values()) {
      const operation = paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect({ route: `${route.method} ${route.url}`, documented: Boolean(operation) }).toEqual({
        route: `${route.method} ${route.url}`,
        documented: true,
      });
      expect(operation?.summary, `${route.method} ${route.url} summary`).toBeTruthy();
      // A WebSocket route succeeds with 101 Switching Protocols, which has no body to describe.
      const success = Object.entries(operation?.responses ?? {}).find(
        ([status]) => status.startsWith('2') || status === '101',
      );
      expect(success, `${route.method} ${route.url} success response`).toBeDefined();
      const [status, response] = success ?? ['', {}];
      // JSON for most routes; the image route documents its bytes under the image media type.
      if (status !== '204' && status !== '101') {
        const documented = Object.values(response.content ?? {}).some((media) => media.schema);
        expect(documented, `${route.method} ${route.url}`).toBe(true);
      }
    }
  });

  it('declares no 500 (a bug, never an answer), and on every route the answers the framework gives', () => {
    for (const [route, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const statuses = Object.keys(operation.responses ?? {});
        expect(statuses, `${method} ${route}`).not.toContain('500');
        if (!route.startsWith('/api/')) continue;
        expect(statuses, `${method} ${route}`).toEqual(expect.arrayContaining(['401', '429']));
        if (method !== 'get') expect(statuses, `${method} ${route}`).toContain('403');
      }
    }
  });

  it('has one path template per route shape (strict OpenAPI validators reject /a/{x} beside /a/{y})', () => {
    const shapes = Object.keys(paths).map((p) => p.replace(/\{[^}]+\}/g, '{}'));
    expect(shapes.filter((shape, i) => shapes.indexOf(shape) !== i)).toEqual([]);
  });

  it('documents path parameters and request bodies', () => {
    for (const route of app.routeAccess) {
      const operation = paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      for (const name of [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])) {
        expect(
          operation?.parameters?.some((p) => p.in === 'path' && p.name === name),
          `${route.method} ${route.url} :${name}`,
        ).toBe(true);
      }
    }
    expect(paths['/api/v1/auth/register']?.post?.requestBody).toBeDefined();
  });
});
