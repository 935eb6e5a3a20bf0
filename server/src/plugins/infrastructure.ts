// Decorates the app with its config, database, Redis, storage and queue producers, and closes what it
// opened.
import { backendPoolFor, type BackendPool } from '../image-backends/backend-pool';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { createDatabase, type Database } from '../db/database';
import { QueueProducers } from '../jobs/producers';
import { connectRedis, createRedis } from '../lib/redis';
import { createStorage } from '../storage/create-storage';
import type { StorageBackend } from '../storage/storage';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    redis: Redis;
    storage: StorageBackend;
    /** Producers for the job queues (made on first use). */
    queues: QueueProducers;
    /** The image servers (COMFYUI_URLS). */
    backends: BackendPool;
    /** Genonaut's release (Fastify's own `version` is the framework's). */
    appVersion: string;
  }
}

export interface InfrastructureOptions {
  config: Config;
  version: string;
  /** Tests and `start` may hand in existing connections; the app then does not close them. */
  db?: Database;
  redis?: Redis;
  storage?: StorageBackend;
}

export const infrastructurePlugin = fp(async (app: FastifyInstance, opts: InfrastructureOptions) => {
  const { config } = opts;
  if (!opts.db && !config.databaseUrl) throw new Error('DATABASE_URL is required to run the API');
  const db =
    opts.db ??
    createDatabase({
      url: config.databaseUrl ?? '',
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      applicationName: 'genonaut-api',
    });
  const redis = opts.redis ?? createRedis(config.redisUrl, { name: 'genonaut-api', autoPipelining: true });
  if (!opts.redis && !(await connectRedis(redis)))
    app.log.warn('Redis is not reachable; retrying in the background');

  app.decorate('config', config);
  app.decorate('appVersion', opts.version);
  app.decorate('db', db);
  app.decorate('redis', redis);
  app.decorate('storage', opts.storage ?? createStorage(config));
  const queues = new QueueProducers(config, (message) => app.log.warn(message));
  app.decorate('queues', queues);
  app.decorate('backends', backendPoolFor(config));

  app.addHook('onClose', async () => {
    await queues.close();
    if (!opts.db) await db.destroy();
    if (!opts.redis) redis.disconnect();
  });
});
