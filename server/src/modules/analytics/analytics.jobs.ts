import { defineJob } from '../../jobs/job-definition';
import { rollupGenerationMetrics } from './generation-rollup.repository';
import { requestStreamKey } from './request-stream';
import { runRouteRollup } from './route-rollup';

export const analyticsJobs = [
  defineJob({
    name: 'rollup-route-analytics',
    queue: 'maintenance',
    description: 'Roll the request stream up into route_analytics_hourly (consumer group, exactly once)',
    schedule: '*/5 * * * *',
    run: async (ctx) => {
      const result = await runRouteRollup({
        db: ctx.db,
        redis: ctx.redis,
        streamKey: requestStreamKey(ctx.config.redisKeyPrefix),
      });
      return { ...result };
    },
  }),
  defineJob({
    name: 'rollup-generation-metrics',
    queue: 'maintenance',
    description: 'Recompute generation_metrics_hourly for the hours new generation events touched',
    schedule: '*/5 * * * *',
    run: async (ctx) => ({ ...(await rollupGenerationMetrics(ctx.db)) }),
  }),
];
