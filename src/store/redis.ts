/**
 * Sessions in Redis, shared by every process of the deployment.
 *
 * One hash per session (`<keyPrefix><id>` with fields version, schemaVersion, data, updatedAt): a hash lets
 * the compare-and-set script read the version without decoding the payload. Creating and updating are Lua
 * scripts, so each check-then-write is atomic on the server; the TTL is set in the same script, so a session
 * never exists without one.
 *
 * Availability: the client reconnects forever in the background, and while it is disconnected commands fail
 * at once (no offline queue) instead of waiting for a Redis that may not come back; every call is also bounded
 * by a deadline. Both surface as {@link StoreUnavailableError}.
 */
import { type CommandParser, createClient, defineScript, ErrorReply } from 'redis';
import { type SessionStore, type StoredSession, StoreUnavailableError, checkTtlSeconds, encodePayload } from './types.js';

/** Options of {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** `redis[s]://[[username][:password]@][host][:port][/db-number]` */
  url: string;
  /** Prepended to every session id to make its key; default `park-advisor:session:`. */
  keyPrefix?: string;
  /** How long a session lives after its last write or touch; default 86400 (24 h). */
  ttlSeconds?: number;
  /** How long a call may take before it fails with StoreUnavailableError; default 2000 ms. */
  commandTimeoutMs?: number;
  /** How long {@link RedisSessionStore.connect} waits for a first connection; default 5000 ms. */
  connectTimeoutMs?: number;
  /**
   * Told about connection errors. The client reports one per failed reconnection attempt; the default logs
   * only the first of each outage, and the recovery, to stderr.
   */
  onError?: (error: Error) => void;
}

/** KEYS[1] session; ARGV schemaVersion, data, updatedAt, ttl. 1 if created, 0 if the key exists. */
const CREATE_SESSION = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
    redis.call('HSET', KEYS[1], 'version', '1', 'schemaVersion', ARGV[1], 'data', ARGV[2], 'updatedAt', ARGV[3])
    redis.call('EXPIRE', KEYS[1], ARGV[4])
    return 1`,
  parseCommand(parser: CommandParser, key: string, schemaVersion: number, data: string, updatedAt: string, ttlSeconds: number) {
    parser.pushKey(key);
    parser.push(String(schemaVersion), data, updatedAt, String(ttlSeconds));
  },
  transformReply: (reply: unknown) => Number(reply) === 1,
});

/**
 * KEYS[1] session; ARGV expectedVersion, nextVersion, schemaVersion, data, updatedAt, ttl. 1 if written;
 * 0 if the session is gone or its version is no longer the expected one. Versions are compared as the
 * decimal strings this module writes, so Lua never does number conversions.
 */
const UPDATE_SESSION = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
    redis.call('HSET', KEYS[1], 'version', ARGV[2], 'schemaVersion', ARGV[3], 'data', ARGV[4], 'updatedAt', ARGV[5])
    redis.call('EXPIRE', KEYS[1], ARGV[6])
    return 1`,
  parseCommand(
    parser: CommandParser,
    key: string,
    expectedVersion: number,
    schemaVersion: number,
    data: string,
    updatedAt: string,
    ttlSeconds: number,
  ) {
    parser.pushKey(key);
    parser.push(String(expectedVersion), String(expectedVersion + 1), String(schemaVersion), data, updatedAt, String(ttlSeconds));
  },
  transformReply: (reply: unknown) => Number(reply) === 1,
});

/** Error replies that mean "not now" rather than "wrong request": the server is loading, busy or failing over. */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN)\b/;

function buildClient(url: string) {
  return createClient({
    url,
    // Fail fast while disconnected: a turn should say "try again later", not hang until Redis returns.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: reconnectDelayMs },
    scripts: { createSession: CREATE_SESSION, updateSession: UPDATE_SESSION },
  });
}
type Client = ReturnType<typeof buildClient>;

/**
 * Never gives up (returning a number keeps it retrying): exponential backoff from 50 ms, capped at 2 s, with
 * jitter so that many processes do not reconnect in lockstep after an outage.
 */
function reconnectDelayMs(retries: number): number {
  return Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
}

/** A {@link SessionStore} in Redis. Call {@link RedisSessionStore.connect} before use. */
export class RedisSessionStore implements SessionStore {
  readonly #client: Client;
  readonly #keyPrefix: string;
  readonly #ttlSeconds: number;
  readonly #commandTimeoutMs: number;
  readonly #connectTimeoutMs: number;

  constructor(options: RedisSessionStoreOptions) {
    this.#keyPrefix = options.keyPrefix ?? 'park-advisor:session:';
    this.#ttlSeconds = checkTtlSeconds(options.ttlSeconds ?? 86_400);
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 2000;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.#client = buildClient(options.url);
    watchConnection(this.#client, options.onError);
  }

  /**
   * Opens the connection, waiting at most `connectTimeoutMs`. Rejects with StoreUnavailableError (and gives
   * up the client) when Redis does not answer in time, so that a misconfigured URL shows at startup.
   */
  async connect(): Promise<this> {
    const connecting = this.#client.connect();
    try {
      await withDeadline(connecting, this.#connectTimeoutMs, `Redis did not answer within ${this.#connectTimeoutMs} ms`);
      return this;
    } catch (error) {
      // destroy() makes the pending connect() reject; that rejection is expected and already reported.
      connecting.catch(() => undefined);
      this.#client.destroy();
      throw toStoreError(error);
    }
  }

  async get<T>(id: string): Promise<StoredSession<T> | undefined> {
    const fields = await this.#run((client) => client.hGetAll(this.#key(id)));
    return parseSession<T>(this.#key(id), fields as Record<string, string>);
  }

  async create<T>(id: string, schemaVersion: number, data: T): Promise<boolean> {
    const json = encodePayload(data);
    const updatedAt = new Date().toISOString();
    return this.#run((client) => client.createSession(this.#key(id), schemaVersion, json, updatedAt, this.#ttlSeconds));
  }

  async update<T>(id: string, expectedVersion: number, schemaVersion: number, data: T): Promise<StoredSession<T> | undefined> {
    const json = encodePayload(data);
    const updatedAt = new Date().toISOString();
    const written = await this.#run((client) =>
      client.updateSession(this.#key(id), expectedVersion, schemaVersion, json, updatedAt, this.#ttlSeconds),
    );
    if (!written) return undefined;
    return { version: expectedVersion + 1, schemaVersion, data: JSON.parse(json) as T, updatedAt };
  }

  async delete(id: string): Promise<void> {
    await this.#run((client) => client.del(this.#key(id)));
  }

  async touch(id: string): Promise<void> {
    await this.#run((client) => client.expire(this.#key(id), this.#ttlSeconds));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.#run((client) => client.ping())) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Closes gracefully (pending replies are awaited, within the command timeout), then tears down the socket. */
  async close(): Promise<void> {
    try {
      if (this.#client.isOpen) await withDeadline(this.#client.close(), this.#commandTimeoutMs, 'close timed out');
    } catch {
      // Closing is best effort: whatever failed, destroy() below releases the socket.
    } finally {
      this.#client.destroy();
    }
  }

  #key(id: string): string {
    return this.#keyPrefix + id;
  }

  /** Runs one command under the deadline, turning connection failures into StoreUnavailableError. */
  async #run<R>(command: (client: Client) => Promise<R>): Promise<R> {
    try {
      return await withDeadline(command(this.#client), this.#commandTimeoutMs, `Redis did not answer within ${this.#commandTimeoutMs} ms`);
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

/**
 * Listens to the client's events. An 'error' listener is mandatory: without one, node-redis's error events
 * would be thrown and crash the process. `onError` hears every error; without it, one line is logged when an
 * outage starts and one when the connection is back, rather than one per reconnection attempt.
 */
function watchConnection(client: Client, onError: ((error: Error) => void) | undefined): void {
  let down = false;
  client.on('error', (error: unknown) => {
    const cause = error instanceof Error ? error : new Error(String(error));
    if (onError !== undefined) onError(cause);
    else if (!down) console.warn(`[session store] Redis connection lost (${cause.message}); reconnecting in the background`);
    down = true;
  });
  client.on('ready', () => {
    if (down && onError === undefined) console.warn('[session store] Redis connection is back');
    down = false;
  });
}

/** Rejects with StoreUnavailableError if `promise` has not settled after `ms`; the timer never keeps Node alive. */
async function withDeadline<R>(promise: Promise<R>, ms: number, message: string): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(message)), ms);
    timer.unref();
  });
  try {
    // A command that loses the race may still run on the server later; for a compare-and-set that is
    // harmless: a retry reads the new version and either sees its own write or conflicts.
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Connection-level failures become StoreUnavailableError; a genuine error reply (a bug) passes unchanged. */
function toStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof ErrorReply && !TRANSIENT_REPLY.test(error.message)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`The session store is unavailable: ${reason}`, { cause: error });
}

/** A stored hash as a StoredSession; an empty hash is an absent (or expired) session. */
function parseSession<T>(key: string, fields: Record<string, string>): StoredSession<T> | undefined {
  if (Object.keys(fields).length === 0) return undefined;
  const { version, schemaVersion, data, updatedAt } = fields;
  if (version === undefined || schemaVersion === undefined || data === undefined || updatedAt === undefined) {
    throw new Error(`Session record ${key} is malformed (fields: ${Object.keys(fields).join(', ')})`);
  }
  return { version: Number(version), schemaVersion: Number(schemaVersion), data: JSON.parse(data) as T, updatedAt };
}
