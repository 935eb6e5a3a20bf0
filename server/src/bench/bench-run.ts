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

/** CPU time (user + system) a process has used so far, in µs, or null when it cannot be read. */
export function cpuUs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name: state, ppid, … utime and stime are the 12th and 13th, in USER_HZ (100/s).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

interface Rate {
  rps: number;
  /** CPU the serving process spent per answer (µs), when its pid is known. */
  serverCpuUs: number | null;
}

async function rate(
  url: string,
  seconds: number,
  connections: number,
  options: { onTick?: () => void; headers?: Record<string, string>; serverPid?: number } = {},
): Promise<Rate> {
  const tick = options.onTick ? setInterval(options.onTick, 250) : undefined;
  const cpuBefore = cpuUs(options.serverPid);
  try {
    const result = await autocannon({
      url,
      duration: seconds,
      connections,
      pipelining: 1,
      // What a browser sends: a cached page then goes out compressed (the bare route ignores it).
      headers: { ...BROWSER, ...options.headers },
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
    const cpuAfter = cpuUs(options.serverPid);
    return {
      rps: result.requests.average,
      serverCpuUs:
        cpuBefore === null || cpuAfter === null || result.requests.total === 0
          ? null
          : Math.round(((cpuAfter - cpuBefore) / result.requests.total) * 10) / 10,
    };
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
  /**
   * CPU per answer of the serving process (µs; medians): the bare route's server and the API answering
   * the gallery as served. Unlike the request rates it leaves out the load generator, which shares the
   * machine. Null without the API's pid.
   */
  serverCpuUs: { bare: number; gallery: number } | null;
  /** Bare route's CPU per answer over the gallery's (median of the rounds): the ratio per core. */
  cpuRatio: number | null;
  /** Each round's rates, in order. */
  rounds: {
    bareRps: number;
    galleryRps: number;
    galleryUncachedRps: number;
    bareCpuUs: number | null;
    galleryCpuUs: number | null;
  }[];
}

const ROUNDS = 5;
const median = (values: number[]) => percentile(values, 50);

/**
 * Requests per second of the bare route and of the gallery (as served, and uncached). The three are
 * interleaved in rounds of `seconds / 5` each; each round's gallery rates are compared with the bare
 * rate of the same round and the median of those ratios taken, so a burst of other work on a shared
 * machine weighs on the runs beside it rather than on whichever ran at the time.
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
    const slice = Math.max(1, Math.round(seconds / ROUNDS));
    const bare: Rate[] = [];
    const cached: Rate[] = [];
    const uncached: Rate[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await rate(`${address}/`, slice, connections, { serverPid: child.pid }));
      cached.push(await rate(galleryUrl, slice, connections, { onTick, serverPid: apiPid }));
      uncached.push(await rate(galleryUrl, slice, connections, { onTick, headers: UNCACHED }));
    }
    const byRound = (rates: Rate[], of: (r: Rate, b: Rate) => number | null) => {
      const values = rates.flatMap((r, round) => {
        const b = bare[round];
        const value = b ? of(r, b) : null;
        return value === null ? [] : [value];
      });
      return values.length === ROUNDS ? Math.round(median(values) * 1000) / 1000 : null;
    };
    const ratio = (rates: Rate[]) => byRound(rates, (r, b) => r.rps / b.rps) ?? 0;
    const cpuRatio = byRound(cached, (r, b) =>
      r.serverCpuUs && b.serverCpuUs ? b.serverCpuUs / r.serverCpuUs : null,
    );
    const medianOf = (rates: Rate[], of: (r: Rate) => number | null) => median(rates.map((r) => of(r) ?? 0));
    return {
      bareRps: Math.round(medianOf(bare, (r) => r.rps)),
      galleryRps: Math.round(medianOf(cached, (r) => r.rps)),
      ratio: ratio(cached),
      galleryUncachedRps: Math.round(medianOf(uncached, (r) => r.rps)),
      ratioUncached: ratio(uncached),
      apiRssMb: apiPid ? peak : null,
      serverCpuUs:
        cpuRatio === null
          ? null
          : {
              bare: medianOf(bare, (r) => r.serverCpuUs),
              gallery: medianOf(cached, (r) => r.serverCpuUs),
            },
      cpuRatio,
      rounds: bare.map((b, round) => ({
        bareRps: Math.round(b.rps),
        galleryRps: Math.round(cached[round]?.rps ?? 0),
        galleryUncachedRps: Math.round(uncached[round]?.rps ?? 0),
        bareCpuUs: b.serverCpuUs,
        galleryCpuUs: cached[round]?.serverCpuUs ?? null,
      })),
    };
  } finally {
    child.disconnect();
  }
}
