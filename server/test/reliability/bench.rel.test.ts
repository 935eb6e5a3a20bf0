// `genonaut bench` end to end at a small size: a bulk-seeded dataset of its own, the API listening on a
// real port with the response cache on, and the whole suite run against it. It checks what the bench
// measures and reports, never how fast anything was (that is the bench's own job on the 1M dataset).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate';
import { seedBulk } from '../../src/db/seeds/bulk/bulk-seed';
import { runBench, type BenchReport } from '../../src/main/bench';
import { LocalStorage } from '../../src/storage/local-storage';
import { buildTestApp, scratchDatabase, testConfig } from '../test-context';

const TARGETS: Record<string, number> = {
  'no filter': 50,
  'one common tag': 50,
  'one rare tag': 50,
  'three tags all': 50,
  'three tags any': 50,
  'parent with descendants': 50,
  'word search': 50,
  'phrase search': 50,
  'field search (model + seed)': 50,
  'search + tag + source': 50,
  'page 400 by cursor': 50,
  'top_rated sort': 50,
  'tag autocomplete': 20,
  recommendations: 10,
  'item page': 20,
};

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let dir: string;
let app: FastifyInstance;
let report: BenchReport;

beforeAll(async () => {
  scratch = await scratchDatabase('bench');
  await migrateToLatest(scratch.url);
  dir = await mkdtemp(path.join(os.tmpdir(), 'genonaut-bench-test-'));
  // Page 400 of 25 needs 10 000 visible items.
  await seedBulk(scratch.url, new LocalStorage(dir), {
    items: 11_000,
    users: 60,
    seed: 11,
    password: 'bench-password',
    hideThreshold: 75,
  });
  const env = {
    DATABASE_URL: scratch.url,
    STORAGE_DIR: dir,
    RESPONSE_CACHE_SECONDS: '60',
    RATE_LIMIT_GENERAL_PER_MIN: '1000000',
  };
  app = await buildTestApp(env);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const json = path.join(dir, 'report.json');
  await runBench(testConfig(env), scratch.url, {
    url: base,
    runs: 5,
    duration: 5,
    json,
    apiPid: process.pid,
  });
  report = JSON.parse(await readFile(json, 'utf8')) as BenchReport;
}, 300_000);

afterAll(async () => {
  await app?.close();
  await scratch?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('genonaut bench', () => {
  it('describes the dataset it ran on', () => {
    expect(report.dataset.items).toBe(11_000);
    expect(report.dataset.users).toBe(60);
    expect(report.dataset.tags).toBeGreaterThan(100);
  });

  it('times every query of the suite with its target, the runs it was asked for and p50 ≤ p95', () => {
    expect(report.queries.map((q) => q.name)).toEqual(Object.keys(TARGETS));
    for (const q of report.queries) {
      expect(q.targetMs).toBe(TARGETS[q.name]);
      expect(q.runs).toBe(5);
      expect(q.p50Ms).toBeGreaterThan(0);
      expect(q.p50Ms).toBeLessThanOrEqual(q.p95Ms);
    }
  });

  it('compares the gallery with the bare route round by round, cached and uncached', () => {
    const { rounds, galleryRps, galleryUncachedRps, bareRps } = report.requestRates;
    expect(rounds).toHaveLength(5);
    for (const round of rounds) {
      expect(round.bareRps).toBeGreaterThan(0);
      expect(round.galleryRps).toBeGreaterThan(0);
      expect(round.galleryUncachedRps).toBeGreaterThan(0);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[2];
    expect(bareRps).toBe(median(rounds.map((r) => r.bareRps)));
    expect(galleryRps).toBe(median(rounds.map((r) => r.galleryRps)));
    expect(galleryUncachedRps).toBe(median(rounds.map((r) => r.galleryUncachedRps)));
    const ratios = rounds.map((r) => r.galleryRps / r.bareRps);
    expect(report.ratio).toBeCloseTo(median(ratios) ?? 0, 2);
    // The cached first page never queries PostgreSQL; the uncached one always does.
    expect(report.ratio).toBeGreaterThan(report.ratioUncached);
  });

  it('reports the CPU per answer of both servers, the memory of the API and the cost of analytics', () => {
    // Here the API shares its process with the bench, so only the presence of the numbers is checked.
    for (const round of report.requestRates.rounds) {
      expect(round.bareCpuUs).toBeGreaterThan(0);
      expect(round.galleryCpuUs).toBeGreaterThan(0);
    }
    expect(report.serverCpuUs?.bare).toBeGreaterThan(0);
    expect(report.serverCpuUs?.gallery).toBeGreaterThan(0);
    expect(report.cpuRatio).toBeGreaterThan(0);
    expect(report.apiRssMb).toBeGreaterThan(0);
    expect(report.analyticsRecordUs).toBeGreaterThan(0);
  });

  it('revokes the API token it made for the recommendations user', async () => {
    const { db } = app;
    const tokens = await db
      .selectFrom('api_tokens')
      .select(['name', 'revoked_at'])
      .where('name', '=', 'genonaut bench')
      .execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.revoked_at).not.toBeNull();
  });
});
