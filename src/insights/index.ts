/**
 * Anonymous enquiry insights for the bureau (issue 14): counters of what conversations and staff checks come to —
 * started, results, verdicts, each criterion's status, facts not known, where people stop, close to eligible —
 * per jurisdiction, channel and day, and nothing else. `createInsights` ties the recorder and the report to one
 * store; `src/main.ts` wires the recorder into the sessions and the report into the staff console.
 */
import type { Lang } from '../i18n/index.js';
import { todayInChina } from '../rules/dates.js';
import { createRecorder, type InsightsRecorder } from './recorder.js';
import { buildReport, daysOf, type InsightsReport, parseInsightsQuery } from './report.js';
import type { InsightsStore } from './store.js';

export { INSIGHTS_CHANNELS, type InsightsChannel } from './counters.js';
export { createRecorder, type InsightsRecorder } from './recorder.js';
export { RedisInsightsStore, type InsightsRedisClient } from './redis.js';
export { InsightsQueryError, MAX_RANGE_DAYS, PRIVACY_THRESHOLD, type InsightsReport } from './report.js';
export { DEFAULT_RETENTION_DAYS, type InsightsStore, MemoryInsightsStore } from './store.js';

/** The insights of one app: record, and report. */
export interface Insights extends InsightsRecorder {
  /** The figures for a query string (`from`, `to`, `jurisdiction`, `channels`, `includeStaff`); throws InsightsQueryError. */
  report(query: Record<string, unknown>, lang: Lang): Promise<InsightsReport>;
}

/** Insights over `store`; `today` (China, `YYYY-MM-DD`) is the clock of the report (tests fix it). */
export function createInsights(
  store: InsightsStore,
  { today = todayInChina, onError, coalesceMs }: { today?: () => string; onError?: (error: unknown) => void; coalesceMs?: number } = {},
): Insights {
  const recorder = createRecorder(store, { today, ...(onError ? { onError } : {}), ...(coalesceMs !== undefined ? { coalesceMs } : {}) });
  return {
    ...recorder,
    report: async (query, lang) => {
      const now = today();
      const parsed = parseInsightsQuery(query, now);
      // What this process has counted is in the figures it shows (other processes' within their coalescing delay).
      await recorder.flush();
      const counters = await store.read(daysOf(parsed.from, parsed.to));
      return buildReport(counters, parsed, now, lang);
    },
  };
}
