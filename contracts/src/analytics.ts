// Analytics (SPEC §9.7): route rankings, trends and peak hours from route_analytics_hourly, generation
// metrics from generation_metrics_hourly and generation_events, and the tag-cardinality distribution.
// Times are UTC; `days` counts back from now.
import { Type, type Static } from 'typebox';

const Days = (defaultDays: number) =>
  Type.Integer({ minimum: 1, maximum: 90, default: defaultDays, description: 'Days back from now (1–90)' });
const Interval = Type.Union([Type.Literal('hour'), Type.Literal('day')], {
  description: 'Width of one point; default: hour for up to 2 days, else day',
});
export type AnalyticsInterval = Static<typeof Interval>;
const HttpMethod = Type.Union([
  Type.Literal('GET'),
  Type.Literal('HEAD'),
  Type.Literal('POST'),
  Type.Literal('PUT'),
  Type.Literal('PATCH'),
  Type.Literal('DELETE'),
  Type.Literal('OPTIONS'),
]);
const Ms = Type.Union([Type.Number(), Type.Null()], { description: 'Milliseconds; null without data' });
const At = Type.String({ format: 'date-time', description: 'Start of the hour or day (UTC)' });

export const AnalyticsDaysQuery = Type.Object({ days: Type.Optional(Days(7)) });
export type AnalyticsDaysQuery = Static<typeof AnalyticsDaysQuery>;

export const RouteRankingQuery = Type.Object({
  days: Type.Optional(Days(7)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  method: Type.Optional(HttpMethod),
});
export type RouteRankingQuery = Static<typeof RouteRankingQuery>;

export const RouteStats = Type.Object({
  route: Type.String({ description: 'Route template, or `(unmatched)` for paths no route matched' }),
  method: Type.String(),
  requests: Type.Integer(),
  status2xx: Type.Integer(),
  status3xx: Type.Integer(),
  status4xx: Type.Integer(),
  status5xx: Type.Integer(),
  errorRate: Type.Number({ description: 'Share of 5xx answers' }),
  avgMs: Ms,
  p50Ms: Ms,
  p95Ms: Ms,
  p99Ms: Ms,
  uniqueUsers: Type.Integer({ description: 'Distinct signed-in callers over the whole range' }),
  cacheScore: Type.Number({
    description:
      'Cache priority: requests × p95 seconds, × 1 for GET/HEAD and × 0.1 for writes (caching serves reads)',
  }),
});
export type RouteStats = Static<typeof RouteStats>;

export const RouteRanking = Type.Object({ days: Type.Integer(), items: Type.Array(RouteStats) });
export type RouteRanking = Static<typeof RouteRanking>;

export const RouteTrendsQuery = Type.Object({
  days: Type.Optional(Days(7)),
  interval: Type.Optional(Interval),
  route: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'One route template' })),
  method: Type.Optional(HttpMethod),
  top: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10, default: 5, description: 'Without `route`: the top routes' }),
  ),
});
export type RouteTrendsQuery = Static<typeof RouteTrendsQuery>;

export const RouteTrendPoint = Type.Object({
  at: At,
  requests: Type.Integer(),
  errors: Type.Integer({ description: '5xx answers' }),
  p50Ms: Ms,
  p95Ms: Ms,
});
export const RouteTrendSeries = Type.Object({
  route: Type.String(),
  method: Type.String(),
  points: Type.Array(RouteTrendPoint),
});
export type RouteTrendSeries = Static<typeof RouteTrendSeries>;
export const RouteTrends = Type.Object({
  days: Type.Integer(),
  interval: Interval,
  series: Type.Array(RouteTrendSeries),
});
export type RouteTrends = Static<typeof RouteTrends>;

export const PeakHoursQuery = Type.Object({ days: Type.Optional(Days(28)) });
export type PeakHoursQuery = Static<typeof PeakHoursQuery>;
export const PeakHourCell = Type.Object({
  weekday: Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday (UTC)' }),
  hour: Type.Integer({ minimum: 0, maximum: 23 }),
  requests: Type.Integer(),
});
export const PeakHours = Type.Object({
  days: Type.Integer(),
  cells: Type.Array(PeakHourCell, { description: 'All 168 weekday × hour cells' }),
});
export type PeakHours = Static<typeof PeakHours>;

const GenerationCounts = {
  requests: Type.Integer({ description: 'Jobs submitted or retried' }),
  successes: Type.Integer(),
  failures: Type.Integer(),
  cancellations: Type.Integer(),
  images: Type.Integer(),
  successRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'successes / finished jobs; null when none finished',
  }),
};

export const GenerationOverview = Type.Object({
  days: Type.Integer(),
  ...GenerationCounts,
  p50DurationMs: Ms,
  p95DurationMs: Ms,
  avgQueueWaitMs: Ms,
});
export type GenerationOverview = Static<typeof GenerationOverview>;

export const GenerationTrendsQuery = Type.Object({
  days: Type.Optional(Days(7)),
  interval: Type.Optional(Interval),
});
export type GenerationTrendsQuery = Static<typeof GenerationTrendsQuery>;
export const GenerationTrendPoint = Type.Object({
  at: At,
  requests: Type.Integer(),
  successes: Type.Integer(),
  failures: Type.Integer(),
  cancellations: Type.Integer(),
  images: Type.Integer(),
  p50DurationMs: Ms,
  p95DurationMs: Ms,
});
export type GenerationTrendPoint = Static<typeof GenerationTrendPoint>;
export const GenerationTrends = Type.Object({
  days: Type.Integer(),
  interval: Interval,
  points: Type.Array(GenerationTrendPoint),
});
export type GenerationTrends = Static<typeof GenerationTrends>;

export const GenerationModelStats = Type.Object({
  checkpoint: Type.String(),
  ...GenerationCounts,
  p50DurationMs: Ms,
  p95DurationMs: Ms,
});
export type GenerationModelStats = Static<typeof GenerationModelStats>;
export const GenerationModels = Type.Object({
  days: Type.Integer(),
  items: Type.Array(GenerationModelStats),
});
export type GenerationModels = Static<typeof GenerationModels>;

export const GenerationFailuresQuery = Type.Object({
  days: Type.Optional(Days(7)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export type GenerationFailuresQuery = Static<typeof GenerationFailuresQuery>;
export const GenerationFailureGroup = Type.Object({
  errorCode: Type.String(),
  count: Type.Integer(),
  lastAt: Type.String({ format: 'date-time' }),
  checkpoints: Type.Array(Type.String()),
});
export const RecentGenerationFailure = Type.Object({
  jobId: Type.Union([Type.Integer(), Type.Null()], { description: 'Null once the job was deleted' }),
  errorCode: Type.String(),
  errorMessage: Type.Union([Type.String(), Type.Null()]),
  checkpoint: Type.Union([Type.String(), Type.Null()]),
  backend: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});
export const GenerationFailures = Type.Object({
  days: Type.Integer(),
  groups: Type.Array(GenerationFailureGroup),
  recent: Type.Array(RecentGenerationFailure),
});
export type GenerationFailures = Static<typeof GenerationFailures>;

export const MyGenerationStatsQuery = Type.Object({ days: Type.Optional(Days(30)) });
export type MyGenerationStatsQuery = Static<typeof MyGenerationStatsQuery>;
export const MyGenerationStats = Type.Object({
  days: Type.Integer(),
  ...GenerationCounts,
  averageDurationMs: Ms,
});
export type MyGenerationStats = Static<typeof MyGenerationStats>;

export const TagAnalyticsQuery = Type.Object({
  source: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('regular'), Type.Literal('auto')], { default: 'all' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type TagAnalyticsQuery = Static<typeof TagAnalyticsQuery>;
export const TagCardinalityBucket = Type.Object({
  label: Type.String({ description: 'e.g. `10–99`' }),
  min: Type.Integer(),
  max: Type.Union([Type.Integer(), Type.Null()], { description: 'Null: no upper bound' }),
  tags: Type.Integer({ description: 'Tags with that many items' }),
});
export const TopTag = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  contentCount: Type.Integer(),
});
export const TagAnalytics = Type.Object({
  source: Type.String(),
  totalTags: Type.Integer(),
  tagsWithContent: Type.Integer(),
  totalTaggings: Type.Integer({ description: 'Sum of items per tag (an item counts once per tag)' }),
  buckets: Type.Array(TagCardinalityBucket),
  top: Type.Array(TopTag),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the stats job last refreshed the counts',
  }),
});
export type TagAnalytics = Static<typeof TagAnalytics>;
