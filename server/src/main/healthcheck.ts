// Container health probe (Docker HEALTHCHECK, compose, ECS): exits 0 when the role in this container
// answers. Its own small entry point so a probe every few seconds does not load the whole CLI.
//   healthcheck [api]        GET /api/v1/health on PORT (200 = ok or degraded)
//   healthcheck comfyui-mock GET <MOCK_BASE_PATH>/health on MOCK_PORT
//   healthcheck worker       PING the Redis the worker takes its jobs from
import { Redis } from 'ioredis';

const TIMEOUT_MS = 4_000;

async function probeHttp(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  return response.status === 200;
}

async function probeRedis(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } finally {
    redis.disconnect();
  }
}

function probe(role: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  switch (role) {
    case 'api':
      return probeHttp(`http://127.0.0.1:${env.PORT || '8001'}/api/v1/health`);
    case 'comfyui-mock':
      return probeHttp(`http://127.0.0.1:${env.MOCK_PORT || '8189'}${env.MOCK_BASE_PATH ?? ''}/health`);
    case 'worker':
      return probeRedis(env.REDIS_URL || 'redis://127.0.0.1:6379');
    default:
      throw new Error(`unknown role "${role}": use api, comfyui-mock or worker`);
  }
}

const role = process.argv[2] ?? 'api';
probe(role, process.env).then(
  (healthy) => process.exit(healthy ? 0 : 1),
  (error: unknown) => {
    console.error(`${role} health check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
