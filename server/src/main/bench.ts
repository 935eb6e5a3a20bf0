// `genonaut bench`: the SPEC §12 query suite through the real HTTP API of a running server, p50/p95
// per query, and the gallery-vs-bare-route request rate measured in the same run.
import { writeFileSync } from 'node:fs';
import type { Config } from '../config';
import { createDatabase } from '../db/database';
import { measureRatio, timeQuery, type QueryResult, type RatioResult } from '../bench/bench-run';
import { measureAnalyticsRecording } from '../bench/bench-analytics';
import { buildSuite, datasetFacts, type DatasetFacts } from '../bench/bench-suite';
import { createBenchUser, type BenchUser } from '../bench/bench-user';

/** What `--json` writes. */
export interface BenchReport {
  dataset: DatasetFacts;
  queries: Pick<QueryResult, 'name' | 'p50Ms' | 'p95Ms' | 'targetMs' | 'runs'>[];
  ratio: number;
  ratioUncached: number;
  cpuRatio: number | null;
  serverCpuUs: RatioResult['serverCpuUs'];
  requestRates: Pick<RatioResult, 'galleryRps' | 'galleryUncachedRps' | 'bareRps' | 'rounds'>;
  apiRssMb: number | null;
  analyticsRecordUs: number;
  measuredAt: string;
}

export interface BenchArgs {
  url: string;
  runs: number;
  duration: number;
  json?: string;
  apiPid?: number;
}

async function page400Cursor(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/content?page=399&pageSize=25`);
  const body = (await res.json()) as { pagination?: { nextCursor?: string | null } };
  const cursor = body.pagination?.nextCursor;
  if (!cursor) throw new Error('could not reach page 399 to take the cursor of page 400');
  return cursor;
}

/** The user's list is computed once (as the hourly job would have), so the timed reads only read it. */
async function computeRecommendations(base: string, user: BenchUser): Promise<void> {
  const res = await fetch(`${base}/api/v1/recommendations/refresh`, {
    method: 'POST',
    headers: user.headers,
  });
  const body = (await res.json()) as { items?: unknown[] };
  if (res.status !== 200)
    throw new Error(`refreshing the recommendations of ${user.username} answered ${res.status}`);
  console.log(`Recommendations timed as ${user.username}: ${body.items?.length ?? 0} items computed`);
}

export async function runBench(config: Config, databaseUrl: string, args: BenchArgs): Promise<void> {
  const db = createDatabase({ url: databaseUrl, poolSize: 1, applicationName: 'genonaut-bench' });
  const base = args.url.replace(/\/$/, '');
  let user: BenchUser | undefined;
  try {
    const dataset = await datasetFacts(db);
    user = await createBenchUser(db);
    await computeRecommendations(base, user);
    const suite = await buildSuite(db, dataset, user.headers);
    const cursor = await page400Cursor(base);
    console.log(`Dataset: ${JSON.stringify(dataset)}`);
    console.log(
      `${'query'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'target'.padStart(7)}  runs`,
    );
    const queries: QueryResult[] = [];
    for (const q of suite) {
      const r = await timeQuery(base, { ...q, path: q.path.replace('PAGE400', cursor) }, args.runs);
      queries.push(r);
      console.log(
        `${r.name.padEnd(34)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p95Ms.toFixed(1).padStart(8)} ${`≤${r.targetMs}`.padStart(7)}  ${r.runs}${r.met ? '' : '  MISSED'}`,
      );
    }
    const ratio = await measureRatio(`${base}/api/v1/content?pageSize=25`, args.duration, args.apiPid);
    console.log(
      `Request rate: gallery ${ratio.galleryRps}/s as served (cached first page), ` +
        `${ratio.galleryUncachedRps}/s uncached, bare route ${ratio.bareRps}/s; ` +
        `ratio ${ratio.ratio} (target ≥ 0.5), uncached ${ratio.ratioUncached}` +
        (ratio.apiRssMb !== null ? `; API RSS peak ${ratio.apiRssMb} MB (target ≤ 300)` : ''),
    );
    const roundRatios = ratio.rounds.map((r) => (r.galleryRps / r.bareRps).toFixed(3));
    console.log(`  ratio by round (gallery as served / bare, run side by side): ${roundRatios.join(', ')}`);
    if (ratio.serverCpuUs) {
      console.log(
        `  server CPU per answer: bare route ${ratio.serverCpuUs.bare} µs, gallery as served ` +
          `${ratio.serverCpuUs.gallery} µs (API process); per-core ratio ${ratio.cpuRatio}`,
      );
    }
    const analytics = await measureAnalyticsRecording(config.redisUrl, config.redisKeyPrefix);
    console.log(
      `Request analytics: ${analytics.usPerRequest} µs per request on the request path ` +
        `(${analytics.requests} synthetic requests; ${analytics.written} written, ${analytics.dropped} dropped)`,
    );
    const missed = queries.filter((q) => !q.met).map((q) => q.name);
    if (ratio.ratio < 0.5) missed.push('request-rate ratio');
    if (ratio.apiRssMb !== null && ratio.apiRssMb > 300) missed.push('API memory');
    console.log(missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.join(', ')}`);
    if (args.json) {
      const report: BenchReport = {
        dataset,
        queries: queries.map(({ name, p50Ms, p95Ms, targetMs, runs }) => ({
          name,
          p50Ms,
          p95Ms,
          targetMs,
          runs,
        })),
        ratio: ratio.ratio,
        ratioUncached: ratio.ratioUncached,
        cpuRatio: ratio.cpuRatio,
        serverCpuUs: ratio.serverCpuUs,
        requestRates: {
          galleryRps: ratio.galleryRps,
          galleryUncachedRps: ratio.galleryUncachedRps,
          bareRps: ratio.bareRps,
          rounds: ratio.rounds,
        },
        apiRssMb: ratio.apiRssMb,
        analyticsRecordUs: analytics.usPerRequest,
        measuredAt: new Date().toISOString(),
      };
      writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Report written to ${args.json}`);
    }
  } finally {
    await user?.revoke();
    await db.destroy();
  }
}
