// The table of every environment variable Genonaut reads: name, parser, default per environment and the
// sentence docs/configuration.md shows. A test keeps that document and this table in step.

export const environments = ['development', 'demo', 'test', 'production'] as const;

export type Environment = (typeof environments)[number];

export interface ConfigVariable {
  name: string;
  key: string;
  description: string;
  /** A raw default (parsed like user input) or one chosen by the environment. */
  default?: string | ((env: Environment) => string | undefined);
  parse: (raw: string) => unknown;
}

const int =
  (min: number, max: number) =>
  (raw: string): number | Error => {
    if (!/^-?\d+$/.test(raw)) return new Error(`must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) return new Error(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };

const bool = (raw: string): boolean | Error => {
  const v = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return new Error(`must be true or false, got "${raw}"`);
};

const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (raw: string): T | Error =>
    (choices as readonly string[]).includes(raw)
      ? (raw as T)
      : new Error(`must be one of ${choices.join(', ')}, got "${raw}"`);

const url =
  (protocols: string[]) =>
  (raw: string): string | Error => {
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        return new Error(`must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
      }
      return raw;
    } catch {
      return new Error('must be a valid URL');
    }
  };

const text = (raw: string): string => raw;

const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `COMFYUI_URLS`: `name=url` pairs separated by commas; a bare URL gets the name `default`/`comfyuiN`. */
export function parseComfyUrls(raw: string): { name: string; url: string }[] | Error {
  const backends: { name: string; url: string }[] = [];
  for (const [i, part] of list(raw).entries()) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : i === 0 ? 'default' : `comfyui${i + 1}`;
    const address = eq > 0 ? part.slice(eq + 1).trim() : part;
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(name))
      return new Error(`backend name "${name}" must match [A-Za-z0-9_-]`);
    const checked = url(['http:', 'https:'])(address);
    if (checked instanceof Error) return new Error(`backend "${name}": ${checked.message}`);
    if (backends.some((b) => b.name === name)) return new Error(`backend name "${name}" appears twice`);
    backends.push({ name, url: address.replace(/\/+$/, '') });
  }
  return backends.length > 0 ? backends : new Error('must name at least one backend');
}

/** Jobs each backend runs at once: `byBackend[name]`, else `default`. */
export interface ComfyConcurrency {
  default: number;
  byBackend: Record<string, number>;
}

/**
 * `COMFYUI_CONCURRENCY`: how many jobs each backend runs at once. A bare number applies to every backend;
 * `name=n` entries set one backend's (e.g. `2` or `gpu1=4,gpu2=1` or `1,gpu1=4`). Without a bare number
 * the other backends run one job at a time.
 */
export function parseComfyConcurrency(raw: string): ComfyConcurrency | Error {
  const count = int(1, 64);
  const parsed: ComfyConcurrency = { default: 1, byBackend: {} };
  let bare = false;
  for (const part of list(raw)) {
    const eq = part.indexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : undefined;
    const value = count(eq > 0 ? part.slice(eq + 1).trim() : part);
    if (value instanceof Error)
      return new Error(name ? `backend "${name}": ${value.message}` : value.message);
    if (name === undefined) {
      if (bare) return new Error('has more than one number for every backend');
      bare = true;
      parsed.default = value;
    } else if (Object.hasOwn(parsed.byBackend, name)) {
      return new Error(`backend name "${name}" appears twice`);
    } else {
      parsed.byBackend[name] = value;
    }
  }
  return parsed;
}

const byEnv =
  (values: Partial<Record<Environment, string>>, otherwise: string) =>
  (env: Environment): string =>
    values[env] ?? otherwise;

export const configVariables: ConfigVariable[] = [
  {
    name: 'GENONAUT_ENV',
    key: 'env',
    description: 'Picks defaults: `development`, `demo`, `test` or `production`.',
    default: 'development',
    parse: oneOf(environments),
  },
  { name: 'HOST', key: 'host', description: 'Address the API binds to.', default: '0.0.0.0', parse: text },
  {
    name: 'PORT',
    key: 'port',
    description: 'Port of the API, WebSocket and web app.',
    default: '8001',
    parse: int(1, 65535),
  },
  {
    name: 'PUBLIC_URL',
    key: 'publicUrl',
    description: 'Address users reach the app at; used for links and the same-origin check.',
    default: 'http://localhost:8001',
    parse: url(['http:', 'https:']),
  },
  {
    name: 'LOG_LEVEL',
    key: 'logLevel',
    description: 'pino log level.',
    default: byEnv({ test: 'warn', production: 'info' }, 'info'),
    parse: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  },
  {
    name: 'DATABASE_URL',
    key: 'databaseUrl',
    description: 'PostgreSQL connection string. Unset: `genonaut start` runs an embedded PostgreSQL.',
    parse: url(['postgres:', 'postgresql:']),
  },
  {
    name: 'DATABASE_POOL_SIZE',
    key: 'databasePoolSize',
    description: 'Connections per process.',
    default: '10',
    parse: int(1, 200),
  },
  {
    name: 'DATABASE_STATEMENT_TIMEOUT_MS',
    key: 'statementTimeoutMs',
    description: 'Statement timeout of API queries; past it the API answers 504 `query_timeout`.',
    default: '3000',
    parse: int(100, 600_000),
  },
  {
    name: 'EMBEDDED_PG_DIR',
    key: 'embeddedPgDir',
    description: 'Data directory of the embedded PostgreSQL.',
    default: './data/postgres',
    parse: text,
  },
  {
    name: 'EMBEDDED_PG_PORT',
    key: 'embeddedPgPort',
    description: 'Port of the embedded PostgreSQL.',
    default: '54329',
    parse: int(1, 65535),
  },
  {
    name: 'REDIS_URL',
    key: 'redisUrl',
    description:
      'Redis for sessions, cache, queues and pub/sub. Unreachable: `start` launches a private `redis-server`.',
    default: 'redis://127.0.0.1:6379',
    parse: url(['redis:', 'rediss:']),
  },
  {
    name: 'REDIS_KEY_PREFIX',
    key: 'redisKeyPrefix',
    description: 'Prefix of every Redis key and queue, so several installs can share one Redis.',
    default: 'genonaut',
    parse: (raw) =>
      /^[A-Za-z0-9_:-]{1,40}$/.test(raw) ? raw : new Error('must match [A-Za-z0-9_:-], 1–40 characters'),
  },
  {
    name: 'COMFYUI_URLS',
    key: 'comfyuiUrls',
    description:
      'ComfyUI servers as `name=url` pairs separated by commas. Unset: `start` runs the built-in mock.',
    parse: parseComfyUrls,
  },
  {
    name: 'COMFYUI_CONCURRENCY',
    key: 'comfyuiConcurrency',
    description:
      'Jobs a ComfyUI backend runs at once, counted across every worker: a number for every backend, and/or `name=n` entries for one backend each (e.g. `2` or `1,gpu1=4`).',
    default: '1',
    parse: parseComfyConcurrency,
  },
  {
    name: 'GENERATION_TIMEOUT_MS',
    key: 'generationTimeoutMs',
    description: 'An attempt of a job running longer fails with `timeout`.',
    default: '900000',
    parse: int(1000, 86_400_000),
  },
  {
    name: 'JOB_LOCK_MS',
    key: 'jobLockMs',
    description:
      'A running job stays locked to its worker this long between heartbeats; the jobs of a worker that died are taken over, and its backend slots freed, after about this time.',
    default: '30000',
    parse: int(1000, 600_000),
  },
  {
    name: 'GENERATION_MAX_ATTEMPTS',
    key: 'generationMaxAttempts',
    description: 'Attempts for connection errors and 5xx answers before a job fails.',
    default: '3',
    parse: int(1, 20),
  },
  {
    name: 'GENERATION_MAX_ACTIVE_JOBS',
    key: 'maxActiveJobsPerUser',
    description: 'Queued plus running jobs one user may have; more is 429.',
    default: '20',
    parse: int(1, 10_000),
  },
  {
    name: 'MOCK_PORT',
    key: 'mockPort',
    description: 'Port of `genonaut comfyui-mock`.',
    default: '8189',
    parse: int(1, 65535),
  },
  {
    name: 'MOCK_STEP_MS',
    key: 'mockStepMs',
    description: 'Time the mock spends per sampler step.',
    default: '50',
    parse: int(0, 60_000),
  },
  {
    name: 'MOCK_BASE_PATH',
    key: 'mockBasePath',
    description: 'Path prefix the mock serves under (e.g. `/image-gen` behind a load balancer).',
    default: '',
    parse: (raw) =>
      raw === '' || /^\/[A-Za-z0-9/_-]*[^/]$/.test(raw)
        ? raw
        : new Error('must start with / and not end with /'),
  },
  {
    name: 'STORAGE_BACKEND',
    key: 'storageBackend',
    description: 'Where images go: `local` directory or `s3`.',
    default: 'local',
    parse: oneOf(['local', 's3'] as const),
  },
  {
    name: 'STORAGE_DIR',
    key: 'storageDir',
    description: 'Directory of the local storage backend.',
    default: './data/storage',
    parse: text,
  },
  { name: 'S3_BUCKET', key: 's3Bucket', description: 'Bucket of the S3 storage backend.', parse: text },
  { name: 'S3_REGION', key: 's3Region', description: 'Region of the S3 bucket.', parse: text },
  {
    name: 'S3_ENDPOINT',
    key: 's3Endpoint',
    description: 'Custom S3 endpoint (MinIO and similar).',
    parse: url(['http:', 'https:']),
  },
  {
    name: 'SESSION_TTL_DAYS',
    key: 'sessionTtlDays',
    description: 'Sliding session expiry.',
    default: '30',
    parse: int(1, 365),
  },
  {
    name: 'COOKIE_SECURE',
    key: 'cookieSecure',
    description: 'Send the session cookie only over HTTPS. Default: on in production, off otherwise.',
    default: byEnv({ production: 'true' }, 'false'),
    parse: bool,
  },
  {
    name: 'REGISTRATION_ENABLED',
    key: 'registrationEnabled',
    description: 'Whether anyone may sign up.',
    default: 'true',
    parse: bool,
  },
  {
    name: 'CORS_ORIGINS',
    key: 'corsOrigins',
    description: 'Origins allowed by CORS, separated by commas (empty: same origin only).',
    default: '',
    parse: (raw) => {
      const origins = list(raw);
      const bad = origins.find((o) => url(['http:', 'https:'])(o) instanceof Error);
      return bad ? new Error(`"${bad}" is not an http(s) origin`) : origins;
    },
  },
  {
    name: 'UPLOAD_MAX_BYTES',
    key: 'uploadMaxBytes',
    description: 'Largest image upload.',
    default: '26214400',
    parse: int(1024, 1_073_741_824),
  },
  {
    name: 'RATE_LIMIT_GENERAL_PER_MIN',
    key: 'rateLimitGeneralPerMin',
    description: 'API requests per minute per client.',
    default: '1200',
    parse: int(1, 1_000_000),
  },
  {
    name: 'RATE_LIMIT_GENERATION_PER_MIN',
    key: 'rateLimitGenerationPerMin',
    description: 'Generation submissions per minute per user.',
    default: '30',
    parse: int(1, 100_000),
  },
  {
    name: 'MODERATION_HIDE_THRESHOLD',
    key: 'moderationHideThreshold',
    description: 'Risk score above which a flagged item is hidden from others until approved.',
    default: '75',
    parse: int(0, 100),
  },
  {
    name: 'RESPONSE_CACHE_SECONDS',
    key: 'responseCacheSeconds',
    description:
      'How long shareable anonymous responses (gallery first pages, stats, tag hierarchy) are cached; 0 turns the cache off.',
    default: byEnv({ test: '0' }, '60'),
    parse: int(0, 86_400),
  },
  {
    name: 'CALLER_CACHE_ENTRIES',
    key: 'callerCacheEntries',
    description:
      'How many callers (API token or session user) each API process keeps in memory, dropped when a token is revoked or a user changes; 0 turns it off.',
    default: byEnv({ test: '0' }, '10000'),
    parse: int(0, 1_000_000),
  },
  {
    name: 'ANALYTICS_RETENTION_DAYS',
    key: 'analyticsRetentionDays',
    description:
      'How long analytics are kept: hourly route and generation rows, their per-user sets and the raw generation events (the daily `cleanup` job prunes older ones).',
    default: '90',
    parse: int(1, 3650),
  },
  {
    name: 'ANALYTICS_RECORD_REQUESTS',
    key: 'analyticsRecordRequests',
    description:
      'Record every API request (route template, method, status, duration, user) to the Redis stream the route analytics roll up.',
    default: byEnv({ test: 'false' }, 'true'),
    parse: bool,
  },
  {
    name: 'ANALYTICS_STREAM_MAX_LENGTH',
    key: 'analyticsStreamMaxLength',
    description:
      'Approximate cap on request records waiting in the stream for the rollup (older ones are trimmed).',
    default: '1000000',
    parse: int(1_000, 100_000_000),
  },
  {
    name: 'GENONAUT_DEMO_PASSWORD',
    key: 'demoPassword',
    description:
      'Password of the demo users `admin` and `demo`; unset: `start` makes one and prints it once.',
    parse: (raw) => (raw.length >= 10 ? raw : new Error('must be at least 10 characters')),
  },
  {
    name: 'SEED_DEMO_ON_START',
    key: 'seedDemoOnStart',
    description: '`genonaut start` seeds the demo data into an empty database.',
    default: byEnv({ production: 'false', test: 'false' }, 'true'),
    parse: bool,
  },
  {
    name: 'WEB_DIST_DIR',
    key: 'webDistDir',
    description: 'Built web app the API serves.',
    default: './web/dist',
    parse: text,
  },
];
