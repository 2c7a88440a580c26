/**
 * The insights' own Redis connection for the composition root, built by the one Redis factory
 * (`connectRedis`: a URL, Sentinel or Cluster), and the small client the store needs on top of it.
 */
import { connectRedis, type RedisConnection, type RedisTarget } from '../store/redis-connection.js';
import type { InsightsRedisClient } from './redis.js';

/** A connected client and how to close it. */
export interface InsightsConnection {
  client: InsightsRedisClient;
  close(): Promise<void>;
}

/** HGETALL's reply as an object: RESP2 gives a flat list of fields and values, RESP3 a map. */
function hashOf(reply: unknown): Record<string, string> {
  if (reply instanceof Map) return Object.fromEntries([...reply].map(([k, v]) => [String(k), String(v)]));
  if (!Array.isArray(reply)) return {};
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) out[String(reply[i])] = String(reply[i + 1]);
  return out;
}

/** The store's three commands over a factory connection, each routed by its key (a cluster spreads the days). */
export function insightsClientOf(connection: RedisConnection): InsightsRedisClient {
  return {
    hIncrBy: (key, field, increment) => connection.send(['HINCRBY', key, field, String(increment)], key),
    expireAt: (key, timestamp) => connection.send(['EXPIREAT', key, String(timestamp)], key),
    hGetAll: async (key) => hashOf(await connection.send(['HGETALL', key], key)),
  };
}

/**
 * Connects to `target` (a `redis://` URL is taken as one); `onError` hears about connection errors. Commands fail
 * at once while disconnected: a counter that cannot be written is reported and dropped, never delaying a
 * conversation. Not required at start-up: it keeps trying in the background.
 */
export async function connectInsightsRedis(target: string | RedisTarget, onError?: (error: Error) => void): Promise<InsightsConnection> {
  const connection = await connectRedis(typeof target === 'string' ? { kind: 'url', url: target } : target, {
    label: 'insights',
    required: false,
    ...(onError ? { onError } : {}),
  });
  return { client: insightsClientOf(connection), close: () => connection.close() };
}
