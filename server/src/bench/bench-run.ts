// Measuring: sequential timed requests for the latency of each query, and autocannon runs for the
// request rate of the gallery against the bare route, one after the other in the same run.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { percentile, round1 } from './bench-stats';
import type { BenchQuery } from './bench-suite';

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
    const res = await fetch(base + q.path, { headers: q.headers });
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

async function rate(url: string, seconds: number, connections: number, onTick?: () => void): Promise<number> {
  const tick = onTick ? setInterval(onTick, 250) : undefined;
  try {
    const result = await autocannon({ url, duration: seconds, connections, pipelining: 1 });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
    return result.requests.average;
  } finally {
    if (tick) clearInterval(tick);
  }
}

export interface RatioResult {
  bareRps: number;
  galleryRps: number;
  ratio: number;
  apiRssMb: number | null;
}

/** Requests per second of the bare route and of the gallery, measured back to back. */
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
    const bareRps = await rate(`${address}/`, seconds, connections);
    let peak = rssMb(apiPid) ?? 0;
    const galleryRps = await rate(galleryUrl, seconds, connections, () => {
      peak = Math.max(peak, rssMb(apiPid) ?? 0);
    });
    return {
      bareRps: Math.round(bareRps),
      galleryRps: Math.round(galleryRps),
      ratio: Math.round((galleryRps / bareRps) * 1000) / 1000,
      apiRssMb: apiPid ? peak : null,
    };
  } finally {
    child.disconnect();
  }
}
