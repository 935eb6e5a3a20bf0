import { Type, type Static } from 'typebox';

export const CheckStatus = Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]);
export type CheckStatus = Static<typeof CheckStatus>;

export const DependencyCheck = Type.Object({
  status: CheckStatus,
  latencyMs: Type.Optional(Type.Number()),
  message: Type.Optional(Type.String()),
});
export type DependencyCheck = Static<typeof DependencyCheck>;

export const ComfyBackendCheck = Type.Object({
  name: Type.String(),
  status: CheckStatus,
  latencyMs: Type.Optional(Type.Number()),
  message: Type.Optional(Type.String()),
});

export const HealthResponse = Type.Object({
  status: CheckStatus,
  version: Type.String(),
  checks: Type.Object({
    database: DependencyCheck,
    redis: DependencyCheck,
    queue: DependencyCheck,
    comfyui: Type.Array(ComfyBackendCheck),
  }),
});
export type HealthResponse = Static<typeof HealthResponse>;

export const GlobalStatsResponse = Type.Object({
  users: Type.Integer(),
  contentItems: Type.Integer(),
  regularItems: Type.Integer(),
  autoItems: Type.Integer(),
  tags: Type.Integer(),
  generationJobs: Type.Integer(),
});
export type GlobalStatsResponse = Static<typeof GlobalStatsResponse>;
