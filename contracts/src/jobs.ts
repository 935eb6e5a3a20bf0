// Every background job's name and payload. Producers check a payload against its schema before it goes
// into a queue and workers check it again when they take the job, so a job never runs on data it was not
// written for. Payloads carry ids, never secrets or connections.
import { Type, type Static } from 'typebox';

/** One run of a generation job (SPEC §5.3): only the row's id; the worker reads the rest. */
export const GeneratePayload = Type.Object(
  { jobId: Type.Integer({ minimum: 1, description: 'generation_jobs.id' }) },
  { additionalProperties: false },
);
export type GeneratePayload = Static<typeof GeneratePayload>;

/** Scheduled and hand-run jobs: they read what they need from the database. */
export const NoPayload = Type.Object({}, { additionalProperties: false });

export const jobPayloads = {
  generate: GeneratePayload,
  'sync-models': NoPayload,
  'refresh-tag-cardinality-stats': NoPayload,
  'refresh-gen-source-stats': NoPayload,
  'refresh-recommendations': NoPayload,
  'rollup-route-analytics': NoPayload,
  'rollup-generation-metrics': NoPayload,
  cleanup: NoPayload,
  'moderation-scan': NoPayload,
} as const;

export type JobName = keyof typeof jobPayloads;
export type JobPayload<N extends JobName> = Static<(typeof jobPayloads)[N]>;

export const jobNames = Object.keys(jobPayloads) as JobName[];
