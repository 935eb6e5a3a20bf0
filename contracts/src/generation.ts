import { Type, type Static } from 'typebox';
import { Page } from './common';
import { LoraUse } from './content';

export const JobStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type JobStatus = Static<typeof JobStatus>;

const Dimension = Type.Integer({ minimum: 64, maximum: 2048, multipleOf: 8 });

export const CreateJobBody = Type.Object(
  {
    prompt: Type.String({ minLength: 1, maxLength: 10_000 }),
    negativePrompt: Type.Optional(Type.String({ maxLength: 10_000 })),
    checkpoint: Type.String({ minLength: 1, maxLength: 255 }),
    loras: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 255 }),
            strengthModel: Type.Number({ minimum: -5, maximum: 5, default: 1 }),
            strengthClip: Type.Number({ minimum: -5, maximum: 5, default: 1 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 8 },
      ),
    ),
    width: Type.Optional(Type.Integer({ ...Dimension, default: 832 })),
    height: Type.Optional(Type.Integer({ ...Dimension, default: 1216 })),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 8, default: 1 })),
    seed: Type.Optional(
      Type.Integer({ minimum: -1, maximum: 2 ** 53 - 1, default: -1, description: '-1 = random' }),
    ),
    steps: Type.Optional(Type.Integer({ minimum: 1, maximum: 150, default: 25 })),
    cfg: Type.Optional(Type.Number({ minimum: 1, maximum: 30, default: 7 })),
    sampler: Type.Optional(Type.String({ minLength: 1, maxLength: 64, default: 'euler' })),
    scheduler: Type.Optional(Type.String({ minLength: 1, maxLength: 64, default: 'normal' })),
    denoise: Type.Optional(Type.Number({ minimum: 0, maximum: 1, default: 1 })),
    backend: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 30 })),
    isPrivate: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateJobBody = Static<typeof CreateJobBody>;

export const GenerationJob = Type.Object({
  id: Type.Integer(),
  status: JobStatus,
  prompt: Type.String(),
  negativePrompt: Type.Union([Type.String(), Type.Null()]),
  checkpoint: Type.String(),
  loras: Type.Array(LoraUse),
  width: Type.Integer(),
  height: Type.Integer(),
  batchSize: Type.Integer(),
  seed: Type.Integer({ description: 'The resolved seed' }),
  steps: Type.Integer(),
  cfg: Type.Number(),
  sampler: Type.String(),
  scheduler: Type.String(),
  denoise: Type.Number(),
  source: Type.Union([Type.Literal('regular'), Type.Literal('auto')]),
  title: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(Type.String()),
  isPrivate: Type.Boolean(),
  backend: Type.Union([Type.String(), Type.Null()]),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  attempts: Type.Integer(),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  contentIds: Type.Array(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
  queuedAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type GenerationJob = Static<typeof GenerationJob>;

export const JobQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 100, description: 'Comma list of statuses' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});
export type JobQuery = Static<typeof JobQuery>;
export const JobPage = Page(GenerationJob);
export type JobPage = Static<typeof JobPage>;
export const JobIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const QueueInfo = Type.Object({
  waiting: Type.Integer(),
  active: Type.Integer(),
  mine: Type.Array(
    Type.Object({
      jobId: Type.Integer(),
      status: JobStatus,
      position: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type QueueInfo = Static<typeof QueueInfo>;

export const Checkpoint = Type.Object({
  filename: Type.String(),
  name: Type.String(),
  architecture: Type.String(),
  family: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([Type.Number(), Type.Null()]),
  tags: Type.Array(Type.String()),
  isAvailable: Type.Boolean(),
  availableOn: Type.Array(Type.String()),
});
export type Checkpoint = Static<typeof Checkpoint>;
export const CheckpointList = Type.Object({ items: Type.Array(Checkpoint) });
export type CheckpointList = Static<typeof CheckpointList>;

export const Lora = Type.Object({
  filename: Type.String(),
  name: Type.String(),
  compatibleArchitectures: Type.Array(Type.String()),
  description: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([Type.Number(), Type.Null()]),
  tags: Type.Array(Type.String()),
  triggerWords: Type.Array(Type.String()),
  optimalCheckpoints: Type.Array(Type.String()),
  recommendedStrength: Type.Number(),
  isAvailable: Type.Boolean(),
  availableOn: Type.Array(Type.String()),
  /** Present when the list was asked for with `checkpoint`. */
  isCompatible: Type.Optional(Type.Boolean()),
  isOptimal: Type.Optional(Type.Boolean()),
});
export type Lora = Static<typeof Lora>;
export const LoraQuery = Type.Object({
  checkpoint: Type.Optional(
    Type.String({
      maxLength: 255,
      description: 'A catalogue checkpoint file name: each LoRA then says whether it fits it',
    }),
  ),
  compatibleOnly: Type.Optional(
    Type.Boolean({
      default: false,
      description: 'Only the LoRAs made for the architecture of `checkpoint` (which it needs)',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or file name' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type LoraQuery = Static<typeof LoraQuery>;
export const LoraPage = Page(Lora);
export type LoraPage = Static<typeof LoraPage>;

export const ModelSyncResult = Type.Object({
  checkpoints: Type.Integer({ description: 'Checkpoint files the servers that answered have' }),
  loras: Type.Integer({ description: 'LoRA files the servers that answered have' }),
  servers: Type.Array(Type.String(), {
    description: 'The servers that answered; with none, the catalogue keeps its last known state',
  }),
});
export type ModelSyncResult = Static<typeof ModelSyncResult>;

export const BackendInfo = Type.Object({
  name: Type.String(),
  url: Type.String(),
  healthy: Type.Boolean(),
  queueLength: Type.Union([Type.Integer(), Type.Null()]),
  activeJobs: Type.Integer({ description: 'Jobs of this backend running or queued in Genonaut' }),
});
export const BackendList = Type.Object({ items: Type.Array(BackendInfo) });
export type BackendList = Static<typeof BackendList>;
