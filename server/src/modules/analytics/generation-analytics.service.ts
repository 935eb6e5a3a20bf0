// Generation analytics (admins: overview, trends, per model, failures; everyone: their own numbers)
// and the tag-cardinality distribution.
//
// Counts come from the hourly rollup (up to one rollup interval behind); percentiles over a range come
// from the events themselves, since percentiles of hours cannot be combined. A daily trend point's
// p50/p95 are the hours' values weighted by their successes, an approximation good enough for a chart.
import type {
  AnalyticsDaysQuery,
  GenerationFailures,
  GenerationFailuresQuery,
  GenerationModels,
  GenerationOverview,
  GenerationTrends,
  GenerationTrendsQuery,
  MyGenerationStats,
  MyGenerationStatsQuery,
  TagAnalytics,
  TagAnalyticsQuery,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import type { AuthUser } from '../../plugins/auth';
import { bucketOfTime, bucketStarts, intervalFor, rangeStart, rate, roundMs } from './analytics-time';
import {
  failureGroups,
  generationDurations,
  generationHours,
  generationModelTotals,
  generationTotals,
  recentFailures,
  tagCardinality,
  topTags,
  userGenerationStats,
  type GenerationCountsRow,
} from './generation-analytics.repository';

function counts(row: GenerationCountsRow | undefined) {
  const c = {
    requests: Number(row?.requests ?? 0),
    successes: Number(row?.successes ?? 0),
    failures: Number(row?.failures ?? 0),
    cancellations: Number(row?.cancellations ?? 0),
    images: Number(row?.images ?? 0),
  };
  return { ...c, successRate: rate(c.successes, c.successes + c.failures + c.cancellations) };
}

export async function getGenerationOverview(
  db: Database,
  query: AnalyticsDaysQuery,
): Promise<GenerationOverview> {
  const days = query.days ?? 7;
  const since = rangeStart(days);
  const [totals, durations] = await Promise.all([
    generationTotals(db, since),
    generationDurations(db, since),
  ]);
  const all = durations.find((d) => d.checkpoint === '');
  return {
    days,
    ...counts(totals),
    p50DurationMs: roundMs(all?.p50),
    p95DurationMs: roundMs(all?.p95),
    avgQueueWaitMs: roundMs(all?.avg_queue_wait),
  };
}

const weighted = (values: { value: number | null; weight: number }[]): number | null => {
  const known = values.filter((v) => v.value !== null && v.weight > 0);
  const total = known.reduce((sum, v) => sum + v.weight, 0);
  return total > 0 ? roundMs(known.reduce((sum, v) => sum + (v.value ?? 0) * v.weight, 0) / total) : null;
};

export async function getGenerationTrends(
  db: Database,
  query: GenerationTrendsQuery,
): Promise<GenerationTrends> {
  const days = query.days ?? 7;
  const interval = intervalFor(days, query.interval);
  const since = rangeStart(days);
  const rows = await generationHours(db, since);
  const byBucket = new Map<number, typeof rows>();
  for (const row of rows) {
    const at = bucketOfTime(row.hour, interval);
    byBucket.set(at, [...(byBucket.get(at) ?? []), row]);
  }
  const points = bucketStarts(since, interval).map((at) => {
    const hours = byBucket.get(at) ?? [];
    const sum = (pick: (r: (typeof rows)[number]) => number) =>
      hours.reduce((s, r) => s + Number(pick(r)), 0);
    return {
      at: new Date(at).toISOString(),
      requests: sum((r) => r.requests),
      successes: sum((r) => r.successes),
      failures: sum((r) => r.failures),
      cancellations: sum((r) => r.cancellations),
      images: sum((r) => r.images),
      p50DurationMs: weighted(hours.map((r) => ({ value: r.p50_duration_ms, weight: r.successes }))),
      p95DurationMs: weighted(hours.map((r) => ({ value: r.p95_duration_ms, weight: r.successes }))),
    };
  });
  return { days, interval, points };
}

export async function getGenerationModels(
  db: Database,
  query: AnalyticsDaysQuery,
): Promise<GenerationModels> {
  const days = query.days ?? 7;
  const since = rangeStart(days);
  const [totals, durations] = await Promise.all([
    generationModelTotals(db, since),
    generationDurations(db, since),
  ]);
  const durationOf = new Map(durations.map((d) => [d.checkpoint, d]));
  return {
    days,
    items: totals.map((t) => ({
      checkpoint: t.checkpoint,
      ...counts(t),
      p50DurationMs: roundMs(durationOf.get(t.checkpoint)?.p50),
      p95DurationMs: roundMs(durationOf.get(t.checkpoint)?.p95),
    })),
  };
}

export async function getGenerationFailures(
  db: Database,
  query: GenerationFailuresQuery,
): Promise<GenerationFailures> {
  const days = query.days ?? 7;
  const since = rangeStart(days);
  const [groups, recent] = await Promise.all([
    failureGroups(db, since),
    recentFailures(db, since, query.limit ?? 10),
  ]);
  return {
    days,
    groups: groups.map((g) => ({
      errorCode: g.error_code,
      count: Number(g.count),
      lastAt: g.last_at.toISOString(),
      checkpoints: g.checkpoints,
    })),
    recent: recent.map((r) => ({
      jobId: r.job_id,
      errorCode: r.error_code ?? 'unknown',
      errorMessage: r.error_message,
      checkpoint: r.checkpoint,
      backend: r.backend,
      at: r.created_at.toISOString(),
    })),
  };
}

/** The caller's own numbers only: the user id comes from the session, never from the request. */
export async function getMyGenerationStats(
  db: Database,
  caller: AuthUser,
  query: MyGenerationStatsQuery,
): Promise<MyGenerationStats> {
  const days = query.days ?? 30;
  const row = await userGenerationStats(db, caller.id, rangeStart(days));
  return { days, ...counts(row), averageDurationMs: roundMs(row?.average_duration) };
}

const BUCKET_LABELS = ['0', '1–9', '10–99', '100–999', '1 000–9 999', '10 000–99 999', '100 000+'];

export async function getTagAnalytics(db: Database, query: TagAnalyticsQuery): Promise<TagAnalytics> {
  const source = query.source ?? 'all';
  const [rows, top] = await Promise.all([tagCardinality(db, source), topTags(db, source, query.limit ?? 20)]);
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  const updated = rows.map((r) => r.updated_at).filter((d): d is Date => d !== null);
  return {
    source,
    totalTags: rows.reduce((sum, r) => sum + Number(r.tags), 0),
    tagsWithContent: rows.filter((r) => Number(r.bucket) > 0).reduce((sum, r) => sum + Number(r.tags), 0),
    totalTaggings: rows.reduce((sum, r) => sum + Number(r.taggings), 0),
    buckets: BUCKET_LABELS.map((label, i) => ({
      label,
      min: i === 0 ? 0 : 10 ** (i - 1),
      max: i === 0 ? 0 : i === BUCKET_LABELS.length - 1 ? null : 10 ** i - 1,
      tags: Number(byBucket.get(i)?.tags ?? 0),
    })),
    top: top.map((t) => ({ id: t.id, slug: t.slug, name: t.name, contentCount: Number(t.content_count) })),
    updatedAt:
      updated.length > 0 ? new Date(Math.max(...updated.map((d) => d.getTime()))).toISOString() : null,
  };
}
