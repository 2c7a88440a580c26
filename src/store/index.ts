/**
 * The session stores and the factory that picks one from configuration.
 */
import { MemorySessionStore } from './memory.js';
import { RedisSessionStore } from './redis.js';
import type { RedisTarget } from './redis-connection.js';
import type { SessionStore } from './types.js';

export { MemorySessionStore, type MemorySessionStoreOptions } from './memory.js';
export { RedisSessionStore, type RedisSessionStoreOptions } from './redis.js';
export { connectRedis, describeTarget, type RedisConnection, type RedisNode, type RedisTarget } from './redis-connection.js';
export {
  SessionConflictError,
  type SessionStore,
  StoreUnavailableError,
  type StoredSession,
  updateWithRetry,
} from './types.js';

/** What {@link createSessionStore} needs to know; all optional. */
export interface SessionStoreConfig {
  /** Use Redis at this URL; absent or empty means keep sessions in memory (unless `redis` is given). */
  redisUrl?: string;
  /** Use this Redis (a URL, Sentinel or Cluster); takes precedence over `redisUrl`. */
  redis?: RedisTarget;
  /** Redis key prefix; default `park-advisor:session:`. Ignored by the memory store. */
  keyPrefix?: string;
  /** Session lifetime after the last write or touch; default 86400 (24 h). */
  ttlSeconds?: number;
}

/**
 * Redis when a URL is given (connected before it is returned, so that a wrong URL or a Redis that is down
 * fails at startup with StoreUnavailableError), memory otherwise.
 */
export async function createSessionStore(config: SessionStoreConfig = {}): Promise<SessionStore> {
  const { redisUrl, redis, keyPrefix, ttlSeconds } = config;
  if (redis !== undefined) return new RedisSessionStore({ target: redis, keyPrefix, ttlSeconds }).connect();
  // An empty URL counts as none: `REDIS_URL=` in an env file should not mean "connect to localhost".
  if (redisUrl === undefined || redisUrl === '') return new MemorySessionStore({ ttlSeconds });
  return new RedisSessionStore({ url: redisUrl, keyPrefix, ttlSeconds }).connect();
}
