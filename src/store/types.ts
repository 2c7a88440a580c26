/**
 * The session store contract: where conversations keep their state between turns.
 *
 * A store knows nothing about conversations. It keeps an opaque JSON payload per session id, with a version
 * for optimistic concurrency (two turns of one session may run at once, on different processes) and a
 * schema version so that a reader never feeds a payload of an older shape to code that expects a newer one.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** What a store keeps per session: an opaque JSON-serialisable payload plus bookkeeping. */
export interface StoredSession<T = unknown> {
  /** Bumped on every successful write; writers pass the version they read (optimistic concurrency). */
  version: number;
  /** The payload's schema version; a reader that expects another one treats the session as incompatible. */
  schemaVersion: number;
  /** The payload, as JSON gives it back (a fresh copy on every read). */
  data: T;
  /**
   * The payload as stored: its JSON text, when the store has it (both stores do). A caller that remembers the text
   * it wrote can tell, by comparing, that the session is still exactly as it left it.
   */
  json?: string;
  /** When the session was last written, as an ISO timestamp. */
  updatedAt: string;
}

/** Where sessions live: in this process (memory) or shared between processes (Redis). */
export interface SessionStore {
  /** undefined when absent or expired. Reading refreshes nothing. */
  get<T>(id: string): Promise<StoredSession<T> | undefined>;
  /** Creates a session at version 1; returns false if the id already exists. */
  create<T>(id: string, schemaVersion: number, data: T): Promise<boolean>;
  /**
   * Writes only if the stored version is still `expectedVersion` (compare-and-set); returns the new
   * StoredSession, or undefined on a conflict (someone else wrote first) or if the session is gone.
   * Refreshes the TTL.
   */
  update<T>(id: string, expectedVersion: number, schemaVersion: number, data: T): Promise<StoredSession<T> | undefined>;
  /** Removes the session; removing an absent one is not an error. */
  delete(id: string): Promise<void>;
  /** Refreshes the TTL on activity without writing. */
  touch(id: string): Promise<void>;
  /** Whether the backing service answers (for /readyz). Never throws. */
  ping(): Promise<boolean>;
  /** Releases connections; the store must not be used afterwards. */
  close(): Promise<void>;
}

/** Thrown when the backing service (Redis) cannot be reached, so that channels can say so instead of failing. */
export class StoreUnavailableError extends Error {
  constructor(message = 'The session store is unavailable', options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Thrown by {@link updateWithRetry} when other writers won every attempt. */
export class SessionConflictError extends Error {
  /** The session that could not be written. */
  readonly sessionId: string;
  constructor(sessionId: string, attempts: number) {
    super(`Session ${sessionId} was changed by someone else on each of ${attempts} attempts`);
    this.name = 'SessionConflictError';
    this.sessionId = sessionId;
  }
}

/**
 * Reads, applies `change` and writes back, retrying on conflicts (up to `attempts`, default 5, with a short
 * jittered backoff); `change` must be pure (it may run more than once). Throws SessionConflictError when
 * attempts run out.
 *
 * `last`: the session as this caller last wrote it (what `update` returned). The first attempt then applies the
 * change to it without reading the store: the compare-and-set writes only if nobody wrote since, which is the read's
 * whole purpose; if somebody did (or the session is gone), the store is read as usual, at once.
 *
 * Returns undefined, without calling `change`, when the session is absent or stored under another
 * `schemaVersion`: applying a change written for one payload shape to another would corrupt it, so an
 * incompatible session is treated like a missing one (`get` tells the two apart).
 */
export async function updateWithRetry<T>(
  store: SessionStore,
  id: string,
  schemaVersion: number,
  change: (current: StoredSession<T>) => T,
  attempts = 5,
  last?: StoredSession<T>,
): Promise<StoredSession<T> | undefined> {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  if (last !== undefined && last.schemaVersion === schemaVersion) {
    const written = await store.update(id, last.version, schemaVersion, change(last));
    if (written !== undefined) return written;
  }
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const current = await store.get<T>(id);
    if (current === undefined || current.schemaVersion !== schemaVersion) return undefined;
    const written = await store.update(id, current.version, schemaVersion, change(current));
    if (written !== undefined) return written;
    // A conflict (or the session vanished: the next read says which). Wait before re-reading so that
    // writers who collided do not collide again in lockstep.
    if (attempt < attempts) await sleep(retryDelayMs(attempt));
  }
  throw new SessionConflictError(id, attempts);
}

/** "Full jitter" backoff: a random wait below a ceiling that doubles per attempt, capped at 100 ms. */
function retryDelayMs(attempt: number): number {
  return Math.random() * Math.min(100, 5 * 2 ** attempt);
}

/**
 * The payload as stored. Both stores keep JSON, so that the memory store behaves exactly like Redis (what
 * JSON drops, such as `undefined` fields, is dropped by both) and callers never share objects with it.
 * @internal for the store implementations.
 */
export function encodePayload(data: unknown): string {
  const json = JSON.stringify(data);
  // JSON.stringify returns undefined for undefined, functions and symbols: nothing that could be read back.
  if (typeof json !== 'string') throw new TypeError('A session payload must be JSON-serialisable');
  return json;
}

/**
 * A StoredSession whose `data` is parsed from `json` when first read, then kept: a caller that recognises the text
 * as its own last write never reads it (see `ConversationSessions`), and every read still gets a copy of its own.
 * @internal for the store implementations.
 */
export function storedFromJson<T>(version: number, schemaVersion: number, json: string, updatedAt: string): StoredSession<T> {
  let data: { value: T } | undefined;
  return {
    version,
    schemaVersion,
    get data(): T {
      data ??= { value: JSON.parse(json) as T };
      return data.value;
    },
    json,
    updatedAt,
  };
}

/** Checks a TTL given to a store: whole seconds, because Redis `EXPIRE` takes nothing else. @internal */
export function checkTtlSeconds(ttlSeconds: number): number {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  return ttlSeconds;
}
