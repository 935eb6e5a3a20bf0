import { defineJob } from '../../jobs/job-definition';
import { refreshGenSourceStats, refreshTagCardinalityStats } from './stats.repository';

export const statsJobs = [
  defineJob({
    name: 'refresh-tag-cardinality-stats',
    queue: 'maintenance',
    description: 'Recompute tag_cardinality_stats from content_tags',
    schedule: '0 0 * * *',
    run: async (ctx) => ({
      rows: await refreshTagCardinalityStats(ctx.db, ctx.config.moderationHideThreshold),
    }),
  }),
  defineJob({
    name: 'refresh-gen-source-stats',
    queue: 'maintenance',
    description: 'Recompute gen_source_stats (the gallery source counts)',
    schedule: '0 * * * *',
    run: async (ctx) => ({ rows: await refreshGenSourceStats(ctx.db, ctx.config.moderationHideThreshold) }),
  }),
];
