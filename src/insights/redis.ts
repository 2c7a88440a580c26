/**
 * Insights counters in Redis: one hash per day (`<prefix><YYYY-MM-DD>`), one field per counter, each change an
 * `HINCRBY`, and the hash set to expire `retentionDays` days after its day ended (China time) — set again with
 * every write, because `HINCRBY` on a key that has gone would create it without an expiry.
 *
 * It takes a connected node-redis client (or anything with these three commands), so the composition root
 * decides how to connect (a plain URL today, Sentinel or Cluster through the project's Redis factory later).
 */
import { DEFAULT_RETENTION_DAYS, type InsightsStore } from './store.js';

/** The commands the store uses; a node-redis client has them. */
export interface InsightsRedisClient {
  hIncrBy(key: string, field: string, increment: number): Promise<unknown>;
  expireAt(key: string, timestamp: number): Promise<unknown>;
  hGetAll(key: string): Promise<Record<string, string>>;
}

/** Options of {@link RedisInsightsStore}. */
export interface RedisInsightsStoreOptions {
  /** Default `park-advisor:insights:`. */
  keyPrefix?: string;
  /** Days a day's counters are kept after the day ended; default 400. */
  retentionDays?: number;
}

const DAY_SECONDS = 86_400;
/** China Standard Time is UTC+8 all year. */
const CHINA_OFFSET_SECONDS = 8 * 3600;

/** The Unix time (seconds) at which a day's counters expire: its end in China plus `retentionDays` days. */
export function expiryOf(day: string, retentionDays: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, m - 1, d) / 1000 - CHINA_OFFSET_SECONDS;
  return start + (retentionDays + 1) * DAY_SECONDS;
}

/** Counters in Redis hashes, one per day. */
export class RedisInsightsStore implements InsightsStore {
  readonly #client: InsightsRedisClient;
  readonly #prefix: string;
  readonly #retentionDays: number;

  constructor(client: InsightsRedisClient, options: RedisInsightsStoreOptions = {}) {
    this.#client = client;
    this.#prefix = options.keyPrefix ?? 'park-advisor:insights:';
    this.#retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  }

  /** The key of a day's hash. */
  keyOf(day: string): string {
    return `${this.#prefix}${day}`;
  }

  async add(day: string, deltas: ReadonlyMap<string, number>): Promise<void> {
    if (deltas.size === 0) return;
    const key = this.keyOf(day);
    // Issued together, node-redis sends them in one round trip; the expiry goes last, after the key exists.
    await Promise.all([...deltas].map(([field, by]) => this.#client.hIncrBy(key, field, by)));
    await this.#client.expireAt(key, expiryOf(day, this.#retentionDays));
  }

  async read(days: readonly string[]): Promise<Map<string, Map<string, number>>> {
    const hashes = await Promise.all(days.map((day) => this.#client.hGetAll(this.keyOf(day))));
    const out = new Map<string, Map<string, number>>();
    days.forEach((day, i) => {
      const fields = Object.entries(hashes[i] ?? {});
      if (fields.length > 0) out.set(day, new Map(fields.map(([field, value]) => [field, Number(value)])));
    });
    return out;
  }
}
