// One schema for every environment variable: parsed once at start, typed, and failing fast with a message
// that names each bad variable. Only launchers (src/main) pass process.env in; everything else gets Config.
import {
  configVariables,
  type ComfyConcurrency,
  type ConfigVariable,
  type Environment,
} from './config-variables';

export { environments, type ComfyConcurrency, type Environment } from './config-variables';

export interface ComfyBackendConfig {
  name: string;
  url: string;
}

export interface Config {
  env: Environment;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  statementTimeoutMs: number;
  embeddedPgDir: string;
  embeddedPgPort: number;
  redisUrl: string;
  redisKeyPrefix: string;
  comfyuiUrls: ComfyBackendConfig[] | undefined;
  comfyuiConcurrency: ComfyConcurrency;
  generationTimeoutMs: number;
  jobLockMs: number;
  generationMaxAttempts: number;
  maxActiveJobsPerUser: number;
  mockPort: number;
  mockStepMs: number;
  mockBasePath: string;
  storageBackend: 'local' | 's3';
  storageDir: string;
  s3Bucket: string | undefined;
  s3Region: string | undefined;
  s3Endpoint: string | undefined;
  sessionTtlDays: number;
  cookieSecure: boolean;
  registrationEnabled: boolean;
  corsOrigins: string[];
  uploadMaxBytes: number;
  rateLimitGeneralPerMin: number;
  rateLimitGenerationPerMin: number;
  moderationHideThreshold: number;
  responseCacheSeconds: number;
  callerCacheEntries: number;
  analyticsRetentionDays: number;
  analyticsRecordRequests: boolean;
  analyticsStreamMaxLength: number;
  demoPassword: string | undefined;
  seedDemoOnStart: boolean;
  webDistDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n')}\n` +
        'See docs/configuration.md for every variable and its allowed values.',
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses and validates the environment. Throws ConfigError naming every bad variable at once. */
export function loadConfig(env: Env): Config {
  const problems: { variable: string; reason: string }[] = [];
  const rawEnv = env.GENONAUT_ENV ?? 'development';
  const envVar = configVariables.find((v) => v.name === 'GENONAUT_ENV');
  const environment = (envVar?.parse(rawEnv) ?? 'development') as Environment | Error;
  const mode: Environment = environment instanceof Error ? 'development' : environment;
  if (environment instanceof Error) problems.push({ variable: 'GENONAUT_ENV', reason: environment.message });

  const values: Record<string, unknown> = {};
  for (const variable of configVariables) {
    if (variable.name === 'GENONAUT_ENV') continue;
    const value = readVariable(variable, env, mode);
    if (value instanceof Error) problems.push({ variable: variable.name, reason: value.message });
    else values[variable.key] = value;
  }
  const urls = values.comfyuiUrls as ComfyBackendConfig[] | undefined;
  const concurrency = values.comfyuiConcurrency as ComfyConcurrency | undefined;
  const unknown = Object.keys(concurrency?.byBackend ?? {}).filter(
    (name) => urls && !urls.some((b) => b.name === name),
  );
  if (unknown.length > 0) {
    problems.push({
      variable: 'COMFYUI_CONCURRENCY',
      reason: `names ${unknown.map((n) => `"${n}"`).join(', ')}, which COMFYUI_URLS does not`,
    });
  }
  if (values.storageBackend === 's3' && !values.s3Bucket) {
    problems.push({ variable: 'S3_BUCKET', reason: 'is required when STORAGE_BACKEND=s3' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  values.env = mode;
  return values as unknown as Config;
}

function readVariable(variable: ConfigVariable, env: Env, mode: Environment): unknown {
  const raw = env[variable.name];
  if (raw === undefined || raw === '') {
    const fallback = typeof variable.default === 'function' ? variable.default(mode) : variable.default;
    return fallback === undefined ? undefined : variable.parse(fallback);
  }
  return variable.parse(raw.trim());
}
