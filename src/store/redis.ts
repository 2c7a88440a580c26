/**
 * Sessions in Redis, shared by every process of the deployment.
 *
 * One hash per session (`<keyPrefix><id>` with fields version, schemaVersion, data, updatedAt): a hash lets
 * the compare-and-set script read the version without decoding the payload. Creating and updating are Lua
 * scripts, so each check-then-write is atomic on the server; the TTL is set in the same script, so a session
 * never exists without one.
 *
 * Availability: the connection comes from `connectRedis` (a single Redis, Sentinel or Cluster); it reconnects
 * (and follows failovers) in the background, and while it is disconnected commands fail at once (no offline
 * queue) instead of waiting for a Redis that may not come back; every call is also bounded by a deadline. Both
 * surface as {@link StoreUnavailableError}. With a replica (Sentinel), a write is acknowledged only once one
 * replica has confirmed it (`WAIT`), so that the master's failure cannot lose an answer the caller was given.
 */
import { ErrorReply } from 'redis';
import { type RedisConnection, type RedisTarget, connectRedis, evalScript, luaScript, withDeadline } from './redis-connection.js';
import { type SessionStore, type StoredSession, StoreUnavailableError, checkTtlSeconds, encodePayload, storedFromJson } from './types.js';

/** Options of {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** `redis[s]://[[username][:password]@][host][:port][/db-number]`; or give `target`. */
  url?: string;
  /** Where Redis is: a URL, Sentinel or Cluster (see `connectRedis`); takes precedence over `url`. */
  target?: RedisTarget;
  /** Prepended to every session id to make its key; default `park-advisor:session:`. */
  keyPrefix?: string;
  /** How long a session lives after its last write or touch; default 86400 (24 h). */
  ttlSeconds?: number;
  /** How long a call may take before it fails with StoreUnavailableError; default 2000 ms. */
  commandTimeoutMs?: number;
  /** How long {@link RedisSessionStore.connect} waits for a first connection; default 5000 ms. */
  connectTimeoutMs?: number;
  /**
   * With a replica (Sentinel): how long a write waits for one replica to confirm it (`WAIT 1 <ms>`) before the
   * caller is told that the store is unavailable; default 500 ms. A write is acknowledged only once a replica
   * has it, so that a failover cannot lose it.
   */
  replicaAckTimeoutMs?: number;
  /**
   * Told about connection errors. The client reports one per failed reconnection attempt; the default logs
   * only the first of each outage, and the recovery, to stderr.
   */
  onError?: (error: Error) => void;
}

/** KEYS[1] session; ARGV schemaVersion, data, updatedAt, ttl. 1 if created, 0 if the key exists. */
const CREATE_SESSION = luaScript(`
    if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
    redis.call('HSET', KEYS[1], 'version', '1', 'schemaVersion', ARGV[1], 'data', ARGV[2], 'updatedAt', ARGV[3])
    redis.call('EXPIRE', KEYS[1], ARGV[4])
    return 1`);

/**
 * KEYS[1] session; ARGV expectedVersion, nextVersion, schemaVersion, data, updatedAt, ttl. 1 if written;
 * 0 if the session is gone or its version is no longer the expected one. Versions are compared as the
 * decimal strings this module writes, so Lua never does number conversions.
 */
const UPDATE_SESSION = luaScript(`
    if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
    redis.call('HSET', KEYS[1], 'version', ARGV[2], 'schemaVersion', ARGV[3], 'data', ARGV[4], 'updatedAt', ARGV[5])
    redis.call('EXPIRE', KEYS[1], ARGV[6])
    return 1`);

/** Error replies that mean "not now" rather than "wrong request": the server is loading, busy or failing over. */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\b/;

/** A {@link SessionStore} in Redis. Call {@link RedisSessionStore.connect} before use. */
export class RedisSessionStore implements SessionStore {
  readonly #target: RedisTarget;
  readonly #keyPrefix: string;
  readonly #ttlSeconds: number;
  readonly #commandTimeoutMs: number;
  readonly #connectTimeoutMs: number;
  readonly #replicaAckTimeoutMs: number;
  readonly #onError: ((error: Error) => void) | undefined;
  #connection: RedisConnection | undefined;
  #replicas: { at: number; count: number } | undefined;

  constructor(options: RedisSessionStoreOptions) {
    const target = options.target ?? (options.url !== undefined ? { kind: 'url' as const, url: options.url } : undefined);
    if (target === undefined) throw new TypeError('RedisSessionStore needs a url or a target');
    this.#target = target;
    this.#keyPrefix = options.keyPrefix ?? 'park-advisor:session:';
    this.#ttlSeconds = checkTtlSeconds(options.ttlSeconds ?? 86_400);
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 2000;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    this.#replicaAckTimeoutMs = options.replicaAckTimeoutMs ?? 500;
    this.#onError = options.onError;
  }

  /**
   * Opens the connection, waiting at most `connectTimeoutMs`. Rejects with StoreUnavailableError (and gives
   * up the client) when Redis does not answer in time, so that a misconfigured URL shows at startup.
   */
  async connect(): Promise<this> {
    try {
      this.#connection = await connectRedis(this.#target, {
        label: 'session store',
        required: true,
        connectTimeoutMs: this.#connectTimeoutMs,
        // Every call is bounded by `#run`'s deadline; node-redis's own per-command timer would only repeat it.
        commandTimeoutMs: 0,
        ...(this.#onError ? { onError: this.#onError } : {}),
      });
      return this;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async get<T>(id: string): Promise<StoredSession<T> | undefined> {
    const key = this.#key(id);
    const reply = await this.#run(key, (send) => send(['HGETALL', key]));
    return parseSession<T>(key, asFields(reply));
  }

  async create<T>(id: string, schemaVersion: number, data: T): Promise<boolean> {
    const json = encodePayload(data);
    const updatedAt = new Date().toISOString();
    const key = this.#key(id);
    return this.#write(key, CREATE_SESSION, [String(schemaVersion), json, updatedAt, String(this.#ttlSeconds)]);
  }

  async update<T>(id: string, expectedVersion: number, schemaVersion: number, data: T): Promise<StoredSession<T> | undefined> {
    const json = encodePayload(data);
    const updatedAt = new Date().toISOString();
    const key = this.#key(id);
    const args = [String(expectedVersion), String(expectedVersion + 1), String(schemaVersion), json, updatedAt, String(this.#ttlSeconds)];
    const written = await this.#write(key, UPDATE_SESSION, args);
    if (!written) return undefined;
    // A fresh copy of what was written, parsed only if the caller reads it (a turn does not).
    return storedFromJson<T>(expectedVersion + 1, schemaVersion, json, updatedAt);
  }

  async delete(id: string): Promise<void> {
    const key = this.#key(id);
    await this.#run(key, (send) => send(['DEL', key]));
  }

  async touch(id: string): Promise<void> {
    const key = this.#key(id);
    await this.#run(key, (send) => send(['EXPIRE', key, String(this.#ttlSeconds)]));
  }

  async ping(): Promise<boolean> {
    try {
      const connection = this.#connected();
      return (await withDeadline(connection.send(['PING']), this.#commandTimeoutMs, 'PING timed out')) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Closes gracefully (pending replies are awaited, within the command timeout), then tears down the sockets. */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    await connection?.close(this.#commandTimeoutMs);
  }

  #key(id: string): string {
    return this.#keyPrefix + id;
  }

  #connected(): RedisConnection {
    if (this.#connection === undefined) throw new StoreUnavailableError('The session store is not connected');
    return this.#connection;
  }

  /**
   * Runs a compare-and-set script; true if it wrote. With a replica, the write counts only once a replica has
   * confirmed it (WAIT on the same connection, right after the script): otherwise StoreUnavailableError, so
   * the caller never acknowledges an answer that a failover could lose.
   */
  async #write(key: string, script: ReturnType<typeof luaScript>, args: string[]): Promise<boolean> {
    const replicated = this.#connected().replicated;
    return this.#run(key, async (send) => {
      const written = Number(await evalScript(send, script, [key], args)) === 1;
      if (written && replicated && (await this.#replicasAttached(send)) > 0) {
        const acks = Number(await send(['WAIT', '1', String(this.#replicaAckTimeoutMs)]));
        if (!(acks >= 1)) throw new StoreUnavailableError(`No replica confirmed the write within ${this.#replicaAckTimeoutMs} ms`);
      }
      return written;
    });
  }

  /**
   * How many replicas the master has attached (INFO replication's connected_slaves), asked at most once a second.
   * A master with none — the promoted replica right after a failover, until the old master returns as its
   * replica — has nobody to confirm a write: waiting would refuse every turn, so writes go on unconfirmed there
   * (as Redis itself does with its default `min-replicas-to-write 0`; set that to 1 to refuse them instead, and
   * the caller gets the same 503).
   */
  async #replicasAttached(send: (args: readonly string[]) => Promise<unknown>): Promise<number> {
    const now = Date.now();
    if (this.#replicas === undefined || now - this.#replicas.at > 1000) {
      const info = String(await send(['INFO', 'replication']));
      this.#replicas = { at: now, count: Number(/connected_slaves:(\d+)/.exec(info)?.[1] ?? 0) };
    }
    return this.#replicas.count;
  }

  /** Runs commands on one connection under the deadline, turning connection failures into StoreUnavailableError. */
  async #run<R>(key: string, commands: (send: (args: readonly string[]) => Promise<unknown>) => Promise<R>): Promise<R> {
    try {
      const connection = this.#connected();
      const message = `Redis did not answer within ${this.#commandTimeoutMs} ms`;
      // A command that loses the race may still run on the server later; for a compare-and-set that is
      // harmless: a retry reads the new version and either sees its own write or conflicts.
      return await withDeadline(connection.pinned(key, commands), this.#commandTimeoutMs, message, (m) => new StoreUnavailableError(m));
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

/** HGETALL's reply as an object: a flat [field, value, …] array in RESP2, a map in RESP3. */
function asFields(reply: unknown): Record<string, string> {
  if (Array.isArray(reply)) {
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < reply.length; i += 2) fields[String(reply[i])] = String(reply[i + 1]);
    return fields;
  }
  if (reply instanceof Map) return Object.fromEntries([...reply].map(([k, v]) => [String(k), String(v)]));
  return (reply ?? {}) as Record<string, string>;
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
  // Parsed when first read: a turn that finds its own last write there never reads it.
  return storedFromJson<T>(Number(version), Number(schemaVersion), data, updatedAt);
}
