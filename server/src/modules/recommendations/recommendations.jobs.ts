// The hourly refresh of recommendations (SPEC §6), in batches of users: active users whose list is a day
// old, and users who did something since their list was computed (usersDueForRefresh).
import { defineJob } from '../../jobs/job-definition';
import { usersDueForRefresh } from './recommendations.repository';
import { refreshUserRecommendations } from './recommendations.service';

const BATCH = 200;

export const recommendationsJob = defineJob({
  name: 'refresh-recommendations',
  queue: 'maintenance',
  description:
    'Recompute recommendations of active users: daily, and within the hour after they rate, bookmark, search or generate',
  schedule: '15 * * * *',
  run: async (ctx) => {
    const deps = {
      db: ctx.db,
      redis: ctx.redis,
      prefix: ctx.config.redisKeyPrefix,
      hideThreshold: ctx.config.moderationHideThreshold,
    };
    const started = Date.now();
    let users = 0;
    let notified = 0;
    let failed = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await usersDueForRefresh(ctx.db, after, BATCH);
      for (const userId of batch) {
        try {
          const result = await refreshUserRecommendations(deps, userId, { notify: true });
          if (result.notified) notified += 1;
          users += 1;
        } catch (error) {
          // One user's failure (say, deleted mid-run) must not stop everyone else's refresh.
          failed += 1;
          ctx.log(`refresh-recommendations: user ${userId} failed: ${String(error)}`);
        }
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1] ?? null;
      ctx.log(`refresh-recommendations: ${users} users refreshed`);
    }
    return { users, notified, failed, ms: Date.now() - started };
  },
});
