/**
 * Where the insights counters live: an interface, and the in-memory implementation for a server without Redis
 * (counts are lost on restart; `redis.ts` keeps them). Each day is its own set of counters and is dropped
 * `retentionDays` after it ended.
 */
import { addPeriod } from '../rules/dates.js';

/** The counters' store. */
export interface InsightsStore {
  /** Adds each delta to its counter of `day` (negative deltas move an open conversation away). */
  add(day: string, deltas: ReadonlyMap<string, number>): Promise<void>;
  /** The counters of each day asked for; days without counters are absent. */
  read(days: readonly string[]): Promise<Map<string, Map<string, number>>>;
}

/** Default days a day's counters are kept after it ended (INSIGHTS_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 400;

/** Counters in this process's memory. */
export class MemoryInsightsStore implements InsightsStore {
  readonly #days = new Map<string, Map<string, number>>();
  readonly #retentionDays: number;
  readonly #today: () => string;

  /** `today` (China, `YYYY-MM-DD`) decides which days have passed their retention. */
  constructor({ retentionDays = DEFAULT_RETENTION_DAYS, today }: { retentionDays?: number; today: () => string }) {
    this.#retentionDays = retentionDays;
    this.#today = today;
  }

  async add(day: string, deltas: ReadonlyMap<string, number>): Promise<void> {
    this.#prune();
    if (this.#expired(day)) return;
    let fields = this.#days.get(day);
    if (!fields) this.#days.set(day, (fields = new Map()));
    for (const [field, by] of deltas) fields.set(field, (fields.get(field) ?? 0) + by);
  }

  async read(days: readonly string[]): Promise<Map<string, Map<string, number>>> {
    this.#prune();
    const out = new Map<string, Map<string, number>>();
    for (const day of days) {
      const fields = this.#days.get(day);
      if (fields) out.set(day, new Map(fields));
    }
    return out;
  }

  /** A day is kept through `retentionDays` days after it; then it is gone, as a Redis key would be. */
  #expired(day: string): boolean {
    return addPeriod(day, { days: this.#retentionDays + 1 }) <= this.#today();
  }

  #prune(): void {
    for (const day of this.#days.keys()) if (this.#expired(day)) this.#days.delete(day);
  }
}
