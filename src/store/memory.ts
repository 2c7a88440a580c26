/**
 * Sessions in this process's memory: for development, tests and single-process deployments. Lost on restart
 * and not shared between processes; use the Redis store when either matters.
 */
import { type SessionStore, type StoredSession, checkTtlSeconds, encodePayload, storedFromJson } from './types.js';

/** Options of {@link MemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** How long a session lives after its last write or touch; default 86400 (24 h). */
  ttlSeconds?: number;
  /** How many sessions are kept; creating one more evicts the least recently used. Default 10000. */
  maxSessions?: number;
  /** The clock, in epoch milliseconds; injectable so tests can let time pass. */
  now?: () => number;
}

/** One stored session; the payload is kept as JSON so that nobody outside can mutate it. */
interface Entry {
  version: number;
  schemaVersion: number;
  json: string;
  updatedAt: string;
  expiresAt: number;
}

/**
 * A {@link SessionStore} in a Map. Expired sessions are dropped when they are next looked at, so no timer runs
 * (nothing keeps the process alive); the Map's insertion order doubles as the recency order for eviction.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxSessions: number;
  readonly #now: () => number;

  constructor({ ttlSeconds = 86_400, maxSessions = 10_000, now = () => Date.now() }: MemorySessionStoreOptions = {}) {
    if (!Number.isInteger(maxSessions) || maxSessions < 1) throw new RangeError(`maxSessions must be a positive integer, got ${maxSessions}`);
    this.#ttlMs = checkTtlSeconds(ttlSeconds) * 1000;
    this.#maxSessions = maxSessions;
    this.#now = now;
  }

  /** Reading counts as use for eviction, but does not extend the TTL. */
  async get<T>(id: string): Promise<StoredSession<T> | undefined> {
    const entry = this.#live(id);
    if (entry === undefined) return undefined;
    this.#markUsed(id, entry);
    return toSession<T>(entry);
  }

  async create<T>(id: string, schemaVersion: number, data: T): Promise<boolean> {
    if (this.#live(id) !== undefined) return false;
    const json = encodePayload(data);
    this.#makeRoom();
    this.#entries.set(id, this.#entry(1, schemaVersion, json));
    return true;
  }

  async update<T>(id: string, expectedVersion: number, schemaVersion: number, data: T): Promise<StoredSession<T> | undefined> {
    const current = this.#live(id);
    if (current === undefined || current.version !== expectedVersion) return undefined;
    const entry = this.#entry(expectedVersion + 1, schemaVersion, encodePayload(data));
    this.#markUsed(id, entry);
    // As Redis's: a fresh copy of what was written, parsed only if the caller reads it (a turn does not).
    return toSession<T>(entry);
  }

  async delete(id: string): Promise<void> {
    this.#entries.delete(id);
  }

  async touch(id: string): Promise<void> {
    const entry = this.#live(id);
    if (entry !== undefined) this.#markUsed(id, { ...entry, expiresAt: this.#now() + this.#ttlMs });
  }

  /** Memory is always there. */
  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  /** The entry if present and not expired; an expired one is dropped on the way. */
  #live(id: string): Entry | undefined {
    const entry = this.#entries.get(id);
    if (entry !== undefined && entry.expiresAt <= this.#now()) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry;
  }

  #entry(version: number, schemaVersion: number, json: string): Entry {
    const now = this.#now();
    return { version, schemaVersion, json, updatedAt: new Date(now).toISOString(), expiresAt: now + this.#ttlMs };
  }

  /** Re-inserting moves the id to the end of the Map: the most recently used. */
  #markUsed(id: string, entry: Entry): void {
    this.#entries.delete(id);
    this.#entries.set(id, entry);
  }

  /** Evicts from the front of the Map (least recently used) until one more session fits. */
  #makeRoom(): void {
    for (const id of this.#entries.keys()) {
      if (this.#entries.size < this.#maxSessions) return;
      this.#entries.delete(id);
    }
  }
}

function toSession<T>(entry: Entry): StoredSession<T> {
  return storedFromJson<T>(entry.version, entry.schemaVersion, entry.json, entry.updatedAt);
}
