/**
 * The ONE place that builds Redis connections. Every Redis user (the session store, the rate limiter's counters,
 * anything added later such as a channel's token cache) gets its connection from {@link connectRedis}, so that a
 * deployment switches between a single Redis, Sentinel and Cluster by configuration alone.
 *
 *   - `url`: node-redis `createClient` (the simple case; a managed Redis with failover behind one address too).
 *   - `sentinel`: node-redis `createSentinel`: asks the sentinels which node is the master, follows failovers
 *     (their `switch-master` notices, `READONLY` replies, lost connections) and reconnects by itself.
 *   - `cluster`: node-redis `createCluster`: routes every command by its key's slot and follows `MOVED`/`ASK`.
 *
 * Failover itself is node-redis's: nothing here retries against another node. What this module adds is the same
 * surface for all three (raw commands, optionally routed by a key, and a way to run several commands on one
 * connection, which `WAIT` needs), fail-fast behaviour while disconnected (no offline queue, so a request gets
 * "try again later" rather than hanging), and one log line when a connection is lost and one when it is back.
 */
import { createHash } from 'node:crypto';
import { createClient, createCluster, createSentinel } from 'redis';

/** A Redis node's address. */
export interface RedisNode {
  host: string;
  port: number;
}

/** Where Redis is, from configuration (REDIS_URL, or REDIS_SENTINELS + REDIS_SENTINEL_NAME, or REDIS_CLUSTER_NODES). */
export type RedisTarget =
  | { kind: 'url'; url: string }
  | {
      kind: 'sentinel';
      /** Some of the sentinels (three are enough to learn the rest). */
      sentinels: RedisNode[];
      /** The master's name in the sentinels' configuration (`sentinel monitor <name> …`). */
      name: string;
      /** Password of the sentinels themselves (`requirepass` in sentinel.conf), if any. */
      sentinelPassword?: string | undefined;
      /** Password of the master and replicas, if any. */
      password?: string | undefined;
    }
  | {
      kind: 'cluster';
      /** Some of the cluster's nodes (any one is enough to learn the slots). */
      nodes: RedisNode[];
      /** Password of the nodes, if any. */
      password?: string | undefined;
    };

/** The reply of a raw command, as node-redis gives it. */
export type RedisReply = unknown;

/** Sends one raw command, e.g. `['HGETALL', key]`. */
export type SendCommand = (args: readonly string[]) => Promise<RedisReply>;

/** A connection from {@link connectRedis}, the same for a single Redis, Sentinel and Cluster. */
export interface RedisConnection {
  /** Which kind of deployment this is. */
  readonly mode: RedisTarget['kind'];
  /**
   * Whether the deployment is expected to have a replica of the master (Sentinel): then an acknowledged write
   * should wait until a replica has it (`WAIT`), so that a failover cannot lose it.
   */
  readonly replicated: boolean;
  /** Whether commands can be sent right now. */
  readonly isReady: boolean;
  /**
   * Sends one command to the master, routed by `key` in a cluster (a command without a key goes to any node).
   * Rejects at once while disconnected.
   */
  send(args: readonly string[], key?: string): Promise<RedisReply>;
  /**
   * Runs `fn` with every command on ONE connection to the master holding `key`: `WAIT` counts the writes of
   * the connection it is sent on, so a write and its `WAIT` must share one.
   */
  pinned<R>(key: string, fn: (send: SendCommand) => Promise<R>): Promise<R>;
  /** Closes gracefully within `ms` (pending replies are awaited), then tears down whatever is left. */
  close(ms?: number): Promise<void>;
}

/** Options of {@link connectRedis}. */
export interface ConnectRedisOptions {
  /** Who this connection is for, in log lines ("session store", "rate limit"). */
  label: string;
  /**
   * How long to wait for the first connection. With `required`, a Redis that does not answer in time makes
   * connectRedis reject (and gives the connection up); without, it resolves anyway and keeps trying.
   */
  connectTimeoutMs?: number;
  required?: boolean;
  /**
   * Told about every connection error. Without it, one line goes to stderr when a connection is lost and one
   * when it is back, rather than one per reconnection attempt.
   */
  onError?: (error: Error) => void;
  /**
   * node-redis's own deadline per command, in ms; `0` turns it off. Default: node-redis's (5 s). Callers that
   * bound each call themselves (`withDeadline`: the session store, the rate limiter) turn it off: node-redis arms
   * an `AbortSignal.timeout` per command, which the profile of a conversation turn showed costing about 5 % of the
   * server's time, for a deadline those callers already enforce.
   */
  commandTimeoutMs?: number;
}

/**
 * Never gives up (returning a number keeps node-redis retrying): exponential backoff from 50 ms, capped at 2 s,
 * with jitter so that many processes do not reconnect in lockstep after an outage.
 */
export function reconnectDelayMs(retries: number): number {
  return Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
}

/** A short description for log lines and errors: never a password. */
export function describeTarget(target: RedisTarget): string {
  if (target.kind === 'sentinel') return `Redis Sentinel (master "${target.name}", ${target.sentinels.length} sentinels)`;
  if (target.kind === 'cluster') return `Redis Cluster (${target.nodes.length} seed nodes)`;
  return 'Redis (REDIS_URL)';
}

/** Builds the node-redis client for `target` and wraps it in the common surface. */
function build(target: RedisTarget, commandTimeoutMs: number | undefined) {
  const socket = { reconnectStrategy: reconnectDelayMs, connectTimeout: 2000 };
  const commandOptions = commandTimeoutMs === undefined ? {} : { commandOptions: { timeout: commandTimeoutMs } };
  if (target.kind === 'url') {
    const client = createClient({ url: target.url, disableOfflineQueue: true, socket, ...commandOptions });
    const send: SendCommand = (args) => client.sendCommand([...args]);
    return {
      emitter: client,
      connect: () => client.connect().then(() => undefined),
      isReady: () => client.isReady,
      isOpen: () => client.isOpen,
      send: (args: readonly string[]) => send(args),
      // One connection: every command of this process already shares it, in order.
      pinned: <R>(_key: string, fn: (send: SendCommand) => Promise<R>) => fn(send),
      close: () => client.close(),
      destroy: () => void client.destroy(),
    };
  }
  if (target.kind === 'sentinel') {
    const sentinel = createSentinel({
      name: target.name,
      sentinelRootNodes: target.sentinels,
      // One master connection shared by every command (pipelined), as with a single Redis: the commands of one
      // caller go out in order on it, so a WAIT follows its write on the same connection. (Leasing connections
      // from a pool per write instead starves during a failover: leases stay held by calls whose deadline has
      // passed.)
      masterPoolSize: 1,
      nodeClientOptions: { disableOfflineQueue: true, socket, ...commandOptions, ...(target.password ? { password: target.password } : {}) },
      sentinelClientOptions: { socket, ...(target.sentinelPassword ? { password: target.sentinelPassword } : {}) },
    });
    return {
      emitter: sentinel,
      connect: () => sentinel.connect().then(() => undefined),
      isReady: () => sentinel.isReady,
      isOpen: () => sentinel.isOpen,
      send: (args: readonly string[]) => sentinel.sendCommand(false, [...args]),
      // The one master connection (see masterPoolSize).
      pinned: <R>(_key: string, fn: (send: SendCommand) => Promise<R>) => fn((args) => sentinel.sendCommand(false, [...args])),
      close: () => sentinel.close(),
      destroy: () => void sentinel.destroy().catch(() => undefined),
    };
  }
  const cluster = createCluster({
    rootNodes: target.nodes.map((node) => ({ socket: { host: node.host, port: node.port } })),
    defaults: { disableOfflineQueue: true, socket, ...commandOptions, ...(target.password ? { password: target.password } : {}) },
  });
  const send = (args: readonly string[], key?: string) => cluster.sendCommand(key, false, [...args]);
  return {
    emitter: cluster,
    connect: () => cluster.connect().then(() => undefined),
    isReady: () => cluster.isReady,
    isOpen: () => cluster.isOpen,
    send,
    // Commands with the same key go to the same master over the same connection.
    pinned: <R>(key: string, fn: (send: SendCommand) => Promise<R>) => fn((args) => send(args, key)),
    close: () => cluster.close(),
    destroy: () => void cluster.destroy(),
  };
}

/**
 * Connects to `target`. See {@link ConnectRedisOptions} for what happens when Redis does not answer at first.
 * Rejects only with `required` (with the underlying error, or one saying that the deadline passed).
 */
export async function connectRedis(target: RedisTarget, options: ConnectRedisOptions): Promise<RedisConnection> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const built = build(target, options.commandTimeoutMs);
  let closed = false;
  watch(built.emitter, target, options);

  // node-redis's single client retries its first connection forever; Sentinel and Cluster give up after a
  // while, so for a connection that need not be there at start-up, ask them again (capped backoff) until it is.
  const connectInBackground = async (): Promise<void> => {
    for (let attempt = 0; !closed; attempt++) {
      try {
        await built.connect();
        return;
      } catch {
        if (closed || target.kind === 'url') return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 10_000)).unref());
      }
    }
  };
  const connecting = options.required ? built.connect() : connectInBackground();
  connecting.catch(() => undefined); // a failure is reported through the error events (or below)
  try {
    await withDeadline(connecting, connectTimeoutMs, `${describeTarget(target)} did not answer within ${connectTimeoutMs} ms`);
  } catch (error) {
    if (options.required) {
      closed = true;
      built.destroy();
      throw error;
    }
  }

  return {
    mode: target.kind,
    replicated: target.kind === 'sentinel',
    get isReady() {
      return built.isReady();
    },
    send: (args, key) => built.send(args, key),
    pinned: (key, fn) => built.pinned(key, fn),
    async close(ms = 2000) {
      closed = true;
      try {
        if (built.isOpen()) await withDeadline(built.close(), ms, 'close timed out');
      } catch {
        // Best effort: destroy() below releases the sockets whatever happened.
      } finally {
        built.destroy();
      }
    },
  };
}

/**
 * Listens to the client's events. An 'error' listener is mandatory (node-redis would otherwise throw the event
 * and crash the process). Sentinel reports its nodes' errors as 'client-error' and a new master as a
 * 'topology-change'; Cluster reports its nodes' errors as 'node-error'.
 */
function watch(emitter: NodeJS.EventEmitter, target: RedisTarget, options: ConnectRedisOptions): void {
  let down = false;
  const lost = (error: unknown) => {
    const cause = error instanceof Error ? error : new Error(String((error as { error?: unknown })?.error ?? error));
    if (options.onError) options.onError(cause);
    else if (!down) console.warn(`[${options.label}] ${describeTarget(target)}: connection lost (${cause.message}); reconnecting in the background`);
    down = true;
  };
  const back = () => {
    if (down && !options.onError) console.warn(`[${options.label}] ${describeTarget(target)}: connection is back`);
    down = false;
  };
  emitter.on('error', lost);
  emitter.on('client-error', (event: { error?: unknown }) => lost(event.error ?? event));
  emitter.on('node-error', lost);
  emitter.on('ready', back);
  emitter.on('node-ready', () => {
    if (target.kind === 'cluster') back();
  });
  emitter.on('topology-change', (event: { type?: string }) => {
    if (event.type === 'MASTER_CHANGE') back();
  });
}

/** Rejects if `promise` has not settled after `ms`; the timer never keeps Node alive. */
export async function withDeadline<R>(promise: Promise<R>, ms: number, message: string, makeError: (message: string) => Error = (m) => new Error(m)): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(makeError(message)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A Lua script run with EVALSHA, and EVAL when the server does not know it yet (a new master after a failover). */
export interface LuaScript {
  source: string;
  sha1: string;
}

/** Prepares a script for {@link evalScript}. */
export function luaScript(source: string): LuaScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/** Runs `script` with its keys and arguments over `send`. */
export async function evalScript(send: SendCommand, script: LuaScript, keys: readonly string[], args: readonly string[]): Promise<RedisReply> {
  const tail = [String(keys.length), ...keys, ...args];
  try {
    return await send(['EVALSHA', script.sha1, ...tail]);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return send(['EVAL', script.source, ...tail]);
  }
}
