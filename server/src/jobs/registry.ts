// Every background job, registered in one place: name → queue, schedule and processor. Boot fails on a
// duplicate name (two features claiming the same job) and on a job of contracts/src/jobs.ts that nothing
// processes (a producer could queue it and it would wait forever).
import { jobNames } from '@genonaut/contracts/jobs';
import { analyticsJobs } from '../modules/analytics/analytics.jobs';
import { cleanupJob } from '../modules/content/content.jobs';
import { generationJobs } from '../modules/generation/generation.jobs';
import { modelsJobs } from '../modules/models/models.jobs';
import { moderationScanJob } from '../modules/moderation/moderation-scan';
import { statsJobs } from '../modules/stats/stats.jobs';
import { recommendationsJob } from '../modules/recommendations/recommendations.jobs';
import type { RegisteredJob } from './job-definition';

export function buildRegistry(
  definitions: RegisteredJob[],
  expected: readonly string[] = jobNames,
): Map<string, RegisteredJob> {
  const registry = new Map<string, RegisteredJob>();
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`job "${definition.name}" is registered twice`);
    registry.set(definition.name, definition);
  }
  const missing = expected.filter((name) => !registry.has(name));
  if (missing.length > 0) {
    throw new Error(`no processor is registered for job(s) ${missing.map((n) => `"${n}"`).join(', ')}`);
  }
  return registry;
}

export const jobRegistry = buildRegistry([
  ...statsJobs,
  cleanupJob,
  ...generationJobs,
  ...modelsJobs,
  moderationScanJob,
  ...analyticsJobs,
  recommendationsJob,
]);
