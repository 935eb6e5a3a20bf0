// Queue names and the BullMQ options every producer and worker shares.
import type { ConnectionOptions } from 'bullmq';
import type { Config } from '../config';

export const queueNames = ['generation', 'maintenance', 'moderation'] as const;
export type QueueName = (typeof queueNames)[number];

export function bullConnection(config: Config, blocking: boolean): ConnectionOptions {
  const url = new URL(config.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers wait forever for Redis to come back (BullMQ's requirement); producers fail fast.
    maxRetriesPerRequest: blocking ? null : 1,
    enableOfflineQueue: blocking,
  };
}

export const bullPrefix = (config: Config) => `${config.redisKeyPrefix}:bull`;
