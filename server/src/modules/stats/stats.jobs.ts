import type { JobDefinition } from '../../jobs/registry';
import { refreshGenSourceStats, refreshTagCardinalityStats } from './stats.repository';

export const statsJobs: JobDefinition[] = [
  {
    name: 'refresh-tag-cardinality-stats',
    queue: 'maintenance',
    description: 'Recompute tag_cardinality_stats from content_tags',
    schedule: '0 0 * * *',
    run: async (ctx) => ({
      rows: await refreshTagCardinalityStats(ctx.db, ctx.config.moderationHideThreshold),
    }),
  },
  {
    name: 'refresh-gen-source-stats',
    queue: 'maintenance',
    description: 'Recompute gen_source_stats (the gallery source counts)',
    schedule: '0 * * * *',
    run: async (ctx) => ({ rows: await refreshGenSourceStats(ctx.db, ctx.config.moderationHideThreshold) }),
  },
];
