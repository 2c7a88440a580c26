/**
 * Rate limiting of the API per client IP (express-rate-limit): standard `RateLimit` / `RateLimit-Policy`
 * headers (IETF draft 8), `Retry-After` and a 429 in the API's error shape once the limit is passed.
 *
 * With Redis configured the counters live there (rate-limit-redis), so every process of a deployment counts
 * against one limit. The limiter has its own connection (from the same factory as the session store's, so a
 * single Redis, Sentinel or Cluster alike), separate from the session store's: connected
 * at start-up, closed on shutdown. The limit protects the service but is not worth an outage: with Redis down,
 * requests pass unlimited (fail open) rather than fail, and counting resumes by itself when Redis is back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { ipKeyGenerator, type Options, rateLimit } from 'express-rate-limit';
import { type RedisReply, RedisStore } from 'rate-limit-redis';
import { connectRedis, type RedisTarget, withDeadline } from '../store/redis-connection.js';
import { sendError } from './errors.js';
import type { NodeMiddleware } from './node-http.js';

/** A Redis connection for the limiter's counters. */
export interface RateLimitRedis {
  /**
   * Sends one raw command, routed by `key` in a cluster; rejects at once while disconnected and after
   * `commandTimeoutMs`.
   */
  sendCommand(args: string[], key?: string): Promise<RedisReply>;
  /** Whether the connection is up right now. */
  readonly isReady: boolean;
  /** Closes the connection (gracefully, within the command timeout); the client must not be used afterwards. */
  close(): Promise<void>;
}

/** Options of {@link connectRateLimitRedis}. */
export interface RateLimitRedisOptions {
  /** How long start-up waits for a first connection before going on without one; default 5000 ms. */
  connectTimeoutMs?: number;
  /** How long a counter update may take before the request passes unlimited; default 500 ms. */
  commandTimeoutMs?: number;
  /** Told about connection errors; the default logs one line when an outage starts and one when it ends. */
  onError?: (error: Error) => void;
}

/**
 * Connects the limiter's Redis client (a URL, Sentinel or Cluster, through the one factory `connectRedis`).
 * Never throws for an unreachable Redis: the client goes on reconnecting in the background (exponential
 * backoff, capped) and the limiter fails open until it succeeds.
 */
export async function connectRateLimitRedis(target: string | RedisTarget, options: RateLimitRedisOptions = {}): Promise<RateLimitRedis> {
  const commandTimeoutMs = options.commandTimeoutMs ?? 500;
  let down = false;
  const connection = await connectRedis(typeof target === 'string' ? { kind: 'url', url: target } : target, {
    label: 'rate limit',
    required: false,
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    // Each call is bounded below (withDeadline); node-redis's own per-command timer would only repeat it.
    commandTimeoutMs: 0,
    onError:
      options.onError ??
      (() => {
        // The default lines below say what it means for requests; the connection's own lines would repeat them.
        if (!down) console.warn('[rate limit] Redis unreachable; API requests pass without rate limiting until it is back');
        down = true;
      }),
  });
  const noteReady = () => {
    if (down && connection.isReady && !options.onError) {
      console.warn('[rate limit] Redis connection is back; rate limiting resumes');
      down = false;
    }
  };

  return {
    sendCommand: async (args, key) => {
      const reply = await withDeadline(connection.send(args, key), commandTimeoutMs, `Redis did not answer within ${commandTimeoutMs} ms`);
      noteReady();
      return reply as RedisReply;
    },
    get isReady() {
      return connection.isReady;
    },
    close: () => connection.close(commandTimeoutMs),
  };
}

/**
 * rate-limit-redis loads its Lua scripts once, when the limiter is created, and keeps the promise: if Redis
 * was unreachable then (or went away later), every call would go on failing with that same rejection even
 * after Redis came back. This store loads them again before the first call after any failure, so counting
 * resumes with the first request Redis can answer.
 */
class RecoveringRedisStore extends RedisStore {
  #stale = false;

  override async init(options: Options): Promise<void> {
    try {
      await super.init(options);
    } catch (error) {
      this.#stale = true;
      throw error;
    }
  }

  override async increment(key: string) {
    return this.#recovering(() => super.increment(key));
  }

  override async get(key: string) {
    return this.#recovering(() => super.get(key));
  }

  async #recovering<R>(call: () => Promise<R>): Promise<R> {
    if (this.#stale) {
      this.#stale = false;
      this.incrementScriptSha = this.loadIncrementScript();
      this.getScriptSha = this.loadGetScript();
      // Observed here (no unhandled rejection); the call below awaits them and sees any failure.
      this.incrementScriptSha.catch(() => undefined);
      this.getScriptSha.catch(() => undefined);
    }
    try {
      return await call();
    } catch (error) {
      this.#stale = true;
      throw error;
    }
  }
}

/** Options of {@link apiRateLimit}. */
export interface ApiRateLimitOptions {
  /** Requests per client IP per window; 0 turns limiting off. */
  limit: number;
  /** The window; default one minute. */
  windowMs?: number;
  /** Counters in this Redis (shared by every process); absent: in this process's memory. */
  redis?: RateLimitRedis | undefined;
  /** Redis key prefix of the counters; default `park-advisor:rate-limit:`. */
  prefix?: string;
  /**
   * The client's address (`clientAddress(trust proxy)`); default the socket's peer. The API is served without
   * express's application layer, so express's `req.ip` is not there to read.
   */
  clientIp?: (req: IncomingMessage) => string | undefined;
}

/** The limiter for `/api`. */
export function apiRateLimit({ limit, windowMs = 60_000, redis, prefix = 'park-advisor:rate-limit:', clientIp = (req) => req.socket.remoteAddress }: ApiRateLimitOptions): NodeMiddleware {
  if (limit === 0) return (_req, _res, next) => next();
  let lastError = 0;
  const options: Partial<Options> = {
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    identifier: 'api',
    legacyHeaders: false,
    // Fail open: a broken counter store lets requests through instead of turning them into 500s.
    passOnStoreError: true,
    logger: {
      warn: (error, message) => console.warn(`[rate limit] ${message ?? ''}`, error),
      // While Redis is known to be down the outage has been reported once already; don't repeat it per request.
      // Otherwise (a failover in progress, a slow server) one line a minute at most, without a stack.
      error: (error, message) => {
        if (redis && !redis.isReady) return;
        const now = Date.now();
        if (now - lastError < 60_000) return;
        lastError = now;
        console.error(`[rate limit] ${message ?? ''} (${error instanceof Error ? error.message : String(error)})`);
      },
    },
    // As the library's own key (IPv6 clients by their /56), from the address the trust-proxy setting gives.
    keyGenerator: (req) => ipKeyGenerator(clientIp(req) ?? 'unknown', 56),
    handler: (req, res) => {
      const retryAfterSeconds = Number(res.getHeader('Retry-After') ?? Math.ceil(windowMs / 1000));
      sendError(req, res, 'rate_limited', { limit, windowSeconds: Math.ceil(windowMs / 1000), retryAfterSeconds });
    },
  };
  // The cluster form of the call: each command comes with its key, so that a cluster routes it to the key's node.
  if (redis) options.store = new RecoveringRedisStore({ prefix, sendCommandCluster: ({ key, command }) => redis.sendCommand(command, key) });
  // The library's types name express's request and response. Of express's methods it calls only `append` (for the
  // draft-8 headers; its `status` and `send` are in the default handler, replaced above), given here as Node's own.
  const limiter = rateLimit(options);
  return (req, res, next) => {
    const response = res as ServerResponse & { append?: unknown };
    if (typeof response.append !== 'function') response.append = appendHeader;
    void limiter(req as Request, response as Response, next);
  };
}

/** express's `res.append`, as Node's `appendHeader` (a second value of a header is sent as a second line). */
function appendHeader(this: ServerResponse, name: string, value: string | string[]): ServerResponse {
  return this.appendHeader(name, value);
}
