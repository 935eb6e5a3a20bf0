// 200 concurrent clients on the gallery and item endpoints for LOAD_SECONDS (default 60) through real
// HTTP. Not a timed assertion: the run fails only on errors or non-2xx answers, and reports its latency
// percentiles (printed, and written as JSON to LOAD_REPORT when set).
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
    const requests = [
      { path: '/api/v1/content?pageSize=24' },
      { path: '/api/v1/content?pageSize=24&page=3&sort=top_rated' },
      { path: '/api/v1/content?pageSize=24&q=fox%20watercolor' },
      ...rows.slice(0, 20).map((r) => ({ path: `/api/v1/content/${r.id}` })),
    ];
    // Every response time, so the percentiles are exact (autocannon's summary has no p95).
    const times: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests: requests.map((r) => ({ method: 'GET' as const, path: r.path })),
        },
        (error: unknown, summary) =>
          error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(summary),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    });
    times.sort((x, y) => x - y);
    const percentile = (p: number) =>
      Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0);
    const report = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: {
        p50: percentile(50),
        p95: percentile(95),
        p99: percentile(99),
        max: result.latency.max,
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    };
    console.log(`load run: ${JSON.stringify(report)}`);
    if (process.env.LOAD_REPORT) {
      await fs.mkdir(path.dirname(process.env.LOAD_REPORT), { recursive: true });
      await fs.writeFile(process.env.LOAD_REPORT, `${JSON.stringify(report, null, 2)}\n`);
    }
    expect(result.requests.total).toBeGreaterThan(0);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
  });
});
