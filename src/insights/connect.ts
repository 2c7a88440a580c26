/**
 * The insights' own Redis connection for the composition root (a plain `REDIS_URL`, like the rate limiter's).
 * The store itself only needs a connected client (`RedisInsightsStore`), so a shared Redis factory can replace
 * this function without touching the store.
 */
import { createClient } from 'redis';
import type { InsightsRedisClient } from './redis.js';

/** A connected client and how to close it. */
export interface InsightsConnection {
  client: InsightsRedisClient;
  close(): Promise<void>;
}

/**
 * Connects to `url`; `onError` hears about the first error of each outage. Commands fail at once while disconnected (no offline queue): a counter that cannot be
 * written is reported and dropped, never delaying a conversation. Reconnects in the background forever.
 */
export async function connectInsightsRedis(url: string, onError: (error: Error) => void = () => undefined): Promise<InsightsConnection> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100) },
  });
  // The client reports every failed reconnection attempt: pass on the first of each outage only.
  let down = false;
  client.on('error', (error: unknown) => {
    if (!down) onError(error instanceof Error ? error : new Error(String(error)));
    down = true;
  });
  client.on('ready', () => {
    down = false;
  });
  await client.connect();
  return {
    client,
    close: async () => {
      client.destroy();
    },
  };
}
