// Measuring: sequential timed requests for the latency of each query, and autocannon runs for the
// request rate of the gallery against the bare route, one after the other in the same run. Latencies
// are uncached (`Cache-Control: no-cache` passes the response cache by, SPEC §12); the request rate is
// measured both as served (the anonymous first page comes from the cache) and uncached.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { percentile, round1 } from './bench-stats';
import type { BenchQuery } from './bench-suite';

const UNCACHED = { 'cache-control': 'no-cache' };
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

export interface QueryResult {
  name: string;
  path: string;
  p50Ms: number;
  p95Ms: number;
  targetMs: number;
  runs: number;
  met: boolean;
}

export async function timeQuery(base: string, q: BenchQuery, runs: number, warmup = 5): Promise<QueryResult> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(base + q.path, { headers: { ...UNCACHED, ...q.headers } });
    await res.arrayBuffer();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${q.name}: ${q.path} answered ${res.status}`);
    return ms;
  };
  for (let i = 0; i < warmup; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const p95 = percentile(samples, 95);
  return {
    name: q.name,
    path: q.path,
    p50Ms: round1(percentile(samples, 50)),
    p95Ms: round1(p95),
    targetMs: q.targetMs,
    runs,
    met: p95 <= q.targetMs,
  };
}

/** Resident memory of a process in MB (Linux), or null when it cannot be read. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function rate(
  url: string,
  seconds: number,
  connections: number,
  options: { onTick?: () => void; headers?: Record<string, string> } = {},
): Promise<number> {
  const tick = options.onTick ? setInterval(options.onTick, 250) : undefined;
  try {
    const result = await autocannon({
      url,
      duration: seconds,
      connections,
      pipelining: 1,
      // What a browser sends: a cached page then goes out gzipped (the bare route ignores it).
      headers: { ...BROWSER, ...options.headers },
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
    return result.requests.average;
  } finally {
    if (tick) clearInterval(tick);
  }
}

export interface RatioResult {
  bareRps: number;
  /** The gallery as served: the anonymous first page comes from the response cache. */
  galleryRps: number;
  ratio: number;
  /** The same page with the cache bypassed: every request queries PostgreSQL. */
  galleryUncachedRps: number;
  ratioUncached: number;
  /** Peak over both gallery runs. */
  apiRssMb: number | null;
}

const ROUNDS = 3;
const median = (values: number[]) => percentile(values, 50);

/**
 * Requests per second of the bare route and of the gallery (as served, and uncached). The three are
 * interleaved in rounds of `seconds / 3` each and the medians compared, so a burst of other work on a
 * shared machine weighs on all of them rather than on whichever ran at the time.
 */
export async function measureRatio(
  galleryUrl: string,
  seconds: number,
  apiPid: number | undefined,
  connections = 20,
): Promise<RatioResult> {
  const child = fork(fileURLToPath(new URL('./hello-server.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { address: string }).address));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`hello server exited with ${code}`)));
    });
    let peak = rssMb(apiPid) ?? 0;
    const onTick = () => {
      peak = Math.max(peak, rssMb(apiPid) ?? 0);
    };
    const slice = Math.max(2, Math.round(seconds / ROUNDS));
    const bare: number[] = [];
    const cached: number[] = [];
    const uncached: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await rate(`${address}/`, slice, connections));
      cached.push(await rate(galleryUrl, slice, connections, { onTick }));
      uncached.push(await rate(galleryUrl, slice, connections, { onTick, headers: UNCACHED }));
    }
    const bareRps = median(bare);
    const ratio = (rps: number) => Math.round((rps / bareRps) * 1000) / 1000;
    return {
      bareRps: Math.round(bareRps),
      galleryRps: Math.round(median(cached)),
      ratio: ratio(median(cached)),
      galleryUncachedRps: Math.round(median(uncached)),
      ratioUncached: ratio(median(uncached)),
      apiRssMb: apiPid ? peak : null,
    };
  } finally {
    child.disconnect();
  }
}
