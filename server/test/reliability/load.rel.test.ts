// 200 concurrent clients on the gallery and item endpoints for LOAD_SECONDS (default 60) through real
// HTTP. Not a timed assertion: the run fails only on errors or non-2xx answers, and reports its latency
// percentiles for the gallery pages, the item pages and both together (printed, and written as JSON to
// LOAD_REPORT when set).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../factories';
import { buildTestApp } from '../test-context';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const ITEMS = 400;

type PageKind = 'gallery' | 'item';

/** Count and p50/p95/p99/max of a set of response times (ms). */
function percentiles(times: number[]) {
  const sorted = [...times].sort((x, y) => x - y);
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: Math.round(sorted.at(-1) ?? 0) };
}

let app: FastifyInstance | undefined;
afterAll(() => app?.close());

describe('load', () => {
  it(`serves ${CONNECTIONS} concurrent clients on the gallery and item pages without an error`, async () => {
    // The general per-client rate limit would (rightly) refuse one address sending this much.
    app = await buildTestApp({ RATE_LIMIT_GENERAL_PER_MIN: '1000000' });
    const creator = await createUser(app.db);
    const rows = await app.db
      .insertInto('content_items')
      .values(
        Array.from({ length: ITEMS }, (_, i) => ({
          source: i % 4 === 0 ? ('auto' as const) : ('regular' as const),
          creator_id: creator.id,
          title: `Load item ${i}`,
          prompt: `a ${['red', 'blue', 'green'][i % 3]} fox in snow, watercolor, item ${i}`,
          quality_score: (i % 100) / 100,
        })),
      )
      .returning('id')
      .execute();
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const gallery = [
      '/api/v1/content?pageSize=24',
      '/api/v1/content?pageSize=24&page=3&sort=top_rated',
      '/api/v1/content?pageSize=24&q=fox%20watercolor',
    ];
    const itemPages = rows.slice(0, 20).map((r) => `/api/v1/content/${r.id}`);
    // Every response time by page kind, so the percentiles are exact (autocannon's summary has no p95).
    // A request's onResponse runs just before autocannon's 'response' event for it, on the same tick.
    const times: Record<PageKind, number[]> = { gallery: [], item: [] };
    let answered: PageKind = 'gallery';
    const request = (kind: PageKind) => (path: string) => ({
      method: 'GET' as const,
      path,
      onResponse: () => {
        answered = kind;
      },
    });
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests: [...gallery.map(request('gallery')), ...itemPages.map(request('item'))],
        },
        (error: unknown, summary) =>
          error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(summary),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => times[answered].push(responseTime));
    });
    const report = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: {
        all: percentiles([...times.gallery, ...times.item]),
        gallery: percentiles(times.gallery),
        item: percentiles(times.item),
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    };
    const line = (name: string, l: ReturnType<typeof percentiles>) =>
      `  ${name.padEnd(8)} ${String(l.count).padStart(7)} requests  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  max ${l.max} ms`;
    console.log(
      [
        `load run: ${CONNECTIONS} connections for ${SECONDS} s, ${report.requests} requests ` +
          `(${Math.round(report.requestsPerSecond)}/s), ${report.errors} errors, ${report.timeouts} timeouts, ${report.non2xx} non-2xx`,
        line('gallery', report.latencyMs.gallery),
        line('item', report.latencyMs.item),
        line('all', report.latencyMs.all),
        JSON.stringify(report),
      ].join('\n'),
    );
    if (process.env.LOAD_REPORT) {
      await fs.mkdir(path.dirname(process.env.LOAD_REPORT), { recursive: true });
      await fs.writeFile(process.env.LOAD_REPORT, `${JSON.stringify(report, null, 2)}\n`);
    }
    expect(result.requests.total).toBeGreaterThan(0);
    expect(report.latencyMs.gallery.count).toBeGreaterThan(0);
    expect(report.latencyMs.item.count).toBeGreaterThan(0);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
  });
});
