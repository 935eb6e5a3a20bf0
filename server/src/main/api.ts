import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import type { Config } from '../config';
import { onShutdown } from './shutdown';

export async function listenApi(config: Config): Promise<FastifyInstance> {
  const app = await buildApp({ config });
  await app.listen({ host: config.host, port: config.port });
  return app;
}

export async function runApi(config: Config, databaseUrl: string): Promise<void> {
  const app = await listenApi({ ...config, databaseUrl });
  onShutdown(() => app.close());
}
