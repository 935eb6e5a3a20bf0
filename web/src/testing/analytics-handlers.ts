// Answers of the analytics endpoints for the admin analytics page, typed by the contracts, recording
// the query strings the page sent. Install with server.use(...analytics.handlers).
import { http, HttpResponse, type DefaultBodyType } from 'msw';
import type {
  GenerationFailures,
  GenerationModels,
  GenerationOverview,
  GenerationTrends,
  PeakHours,
  RouteRanking,
  RouteStats,
  RouteTrends,
  TagAnalytics,
} from '@genonaut/contracts';
import { API } from './handlers';

const HOUR = 3_600_000;
const start = Date.parse('2026-03-01T00:00:00.000Z');

export function makeRouteStats(overrides: Partial<RouteStats> = {}): RouteStats {
  return {
    route: '/api/v1/content',
    method: 'GET',
    requests: 1200,
    status2xx: 1190,
    status3xx: 0,
    status4xx: 4,
    status5xx: 6,
    errorRate: 0.005,
    avgMs: 21.5,
    p50Ms: 18,
    p95Ms: 48,
    p99Ms: 120,
    uniqueUsers: 37,
    cacheScore: 57.6,
    ...overrides,
  };
}

export const sampleAnalytics = {
  ranking: (): RouteRanking => ({
    days: 7,
    items: [
      makeRouteStats(),
      makeRouteStats({ route: '/api/v1/content/:id', requests: 300, p95Ms: 20, cacheScore: 6 }),
      makeRouteStats({
        route: '/api/v1/generation-jobs',
        method: 'POST',
        requests: 40,
        p95Ms: 90,
        cacheScore: 0.4,
      }),
    ],
  }),
  trends: (): RouteTrends => ({
    days: 7,
    interval: 'day',
    series: [
      {
        route: '/api/v1/content',
        method: 'GET',
        points: Array.from({ length: 7 }, (_, i) => ({
          at: new Date(start + i * 24 * HOUR).toISOString(),
          requests: 100 + i,
          errors: 0,
          p50Ms: 18,
          p95Ms: 45,
        })),
      },
    ],
  }),
  peak: (): PeakHours => ({
    days: 28,
    cells: Array.from({ length: 168 }, (_, i) => ({
      weekday: Math.floor(i / 24),
      hour: i % 24,
      requests: i === 24 + 14 ? 900 : 10,
    })),
  }),
  overview: (): GenerationOverview => ({
    days: 7,
    requests: 64,
    successes: 50,
    failures: 6,
    cancellations: 4,
    images: 120,
    successRate: 0.8333,
    p50DurationMs: 4200,
    p95DurationMs: 12_500,
    avgQueueWaitMs: 800,
  }),
  generationTrends: (): GenerationTrends => ({
    days: 7,
    interval: 'day',
    points: Array.from({ length: 7 }, (_, i) => ({
      at: new Date(start + i * 24 * HOUR).toISOString(),
      requests: 9,
      successes: 7,
      failures: 1,
      cancellations: 1,
      images: 14,
      p50DurationMs: 4000,
      p95DurationMs: 12_000,
    })),
  }),
  models: (): GenerationModels => ({
    days: 7,
    items: [
      {
        checkpoint: 'sd_xl_base_1.0.safetensors',
        requests: 40,
        successes: 36,
        failures: 2,
        cancellations: 2,
        images: 90,
        successRate: 0.9,
        p50DurationMs: 3900,
        p95DurationMs: 9000,
      },
    ],
  }),
  failures: (): GenerationFailures => ({
    days: 7,
    groups: [
      {
        errorCode: 'comfyui_timeout',
        count: 5,
        lastAt: '2026-03-06T10:00:00.000Z',
        checkpoints: ['sd_xl_base_1.0.safetensors'],
      },
    ],
    recent: [
      {
        jobId: 77,
        errorCode: 'comfyui_timeout',
        errorMessage: 'No answer from the image server in 600 s',
        checkpoint: 'sd_xl_base_1.0.safetensors',
        backend: 'local',
        at: '2026-03-06T10:00:00.000Z',
      },
    ],
  }),
  tags: (): TagAnalytics => ({
    source: 'all',
    totalTags: 120,
    tagsWithContent: 100,
    totalTaggings: 5400,
    buckets: [
      { label: '0', min: 0, max: 0, tags: 20 },
      { label: '1–9', min: 1, max: 9, tags: 30 },
      { label: '10–99', min: 10, max: 99, tags: 50 },
      { label: '100–999', min: 100, max: 999, tags: 20 },
      { label: '1 000–9 999', min: 1000, max: 9999, tags: 0 },
      { label: '10 000–99 999', min: 10_000, max: 99_999, tags: 0 },
      { label: '100 000+', min: 100_000, max: null, tags: 0 },
    ],
    top: [
      { id: '00000000-0000-4000-8000-0000000000a1', slug: 'landscape', name: 'Landscape', contentCount: 812 },
    ],
    updatedAt: '2026-03-07T00:00:00.000Z',
  }),
};

type Answer = HttpResponse<DefaultBodyType>;
export type AnalyticsOverrides = Partial<Record<keyof typeof sampleAnalytics, () => Answer>>;

/** Every analytics endpoint, answering the samples unless `overrides` says otherwise. */
export function analyticsHandlers(overrides: AnalyticsOverrides = {}) {
  const calls: Record<string, URLSearchParams[]> = {};
  const endpoint = <K extends keyof typeof sampleAnalytics>(path: string, key: K) =>
    http.get(`${API}${path}`, ({ request }) => {
      (calls[path] ??= []).push(new URL(request.url).searchParams);
      return overrides[key]?.() ?? HttpResponse.json(sampleAnalytics[key]());
    });
  return {
    calls,
    handlers: [
      endpoint('/analytics/routes', 'ranking'),
      endpoint('/analytics/routes/trends', 'trends'),
      endpoint('/analytics/routes/peak-hours', 'peak'),
      endpoint('/analytics/generation/overview', 'overview'),
      endpoint('/analytics/generation/trends', 'generationTrends'),
      endpoint('/analytics/generation/models', 'models'),
      endpoint('/analytics/generation/failures', 'failures'),
      endpoint('/analytics/tags', 'tags'),
    ],
  };
}
