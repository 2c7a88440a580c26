/**
 * Turns what conversations do into counter changes: a {@link SessionObserver} for the conversation channels and
 * one call for each result the staff console shows. It sees no answer and no id — only jurisdictions, channels,
 * days, question ids, fact names, verdicts and statuses (see `TurnInfo`) — so nothing personal can be counted.
 *
 * Where conversations stop: each conversation waiting at a question adds 1 to `open` of that question on the day
 * of its last turn; its next turn takes the 1 back and adds it where it waits then. A conversation that never
 * moves again leaves its 1 where it stopped, which the report counts as abandoned once the session has expired.
 *
 * Writes happen in the background (observers must return at once) and are coalesced: changes add up in memory
 * and go to the store at most once per `coalesceMs` (default 1 s), one write per day however many turns there
 * were — a turn's three or four counter commands to Redis cost a conversation turn about a seventh of the
 * server's time before (README, Performance). A crash loses at most that second of counters; `flush()` (graceful
 * shutdown, the staff report) writes at once. A failing store is reported — the first failure of a run of them,
 * so an outage makes one log line rather than one per turn — and never thrown; the changes it refused are
 * dropped, as before, rather than piling up while the store is away.
 */
import type { CreatedInfo, ResultSummary, SessionObserver, TurnInfo } from '../flows/sessions.js';
import { todayInChina } from '../rules/dates.js';
import type { JurisdictionId } from '../rules/types.js';
import { Deltas, fieldOf, type InsightsChannel } from './counters.js';
import type { InsightsStore } from './store.js';

/** The recorder of one app. */
export interface InsightsRecorder {
  /** Give it to `ConversationSessions` (combined with the metrics' observer). */
  readonly observer: SessionObserver;
  /** Counts one result shown in the staff console (channel `staff`), on today's counters. */
  staffCheck(result: ResultSummary): void;
  /** Resolves once every change so far has been written (tests; graceful shutdown). */
  flush(): Promise<void>;
}

/** How a recorder runs. */
export interface RecorderOptions {
  /** Today in China (`YYYY-MM-DD`), for staff checks; conversations bring their own day. Default: the clock. */
  today?: () => string;
  /** Hears about the first write that failed after one that succeeded (default: stderr). */
  onError?: (error: unknown) => void;
  /** How long changes may wait in memory before they are written, in ms (default 1000; 0 writes each at once). */
  coalesceMs?: number;
}

/** Creates a recorder writing to `store`. */
export function createRecorder(
  store: InsightsStore,
  { today = todayInChina, onError = (e) => console.error('[insights] a counter could not be written', e), coalesceMs = 1000 }: RecorderOptions = {},
): InsightsRecorder {
  const pending = new Set<Promise<void>>();
  let failing = false;
  /** Changes not yet handed to the store. */
  let waiting = new Deltas();
  let timer: NodeJS.Timeout | undefined;

  const drain = () => {
    clearTimeout(timer);
    timer = undefined;
    const deltas = waiting;
    waiting = new Deltas();
    for (const [day, fields] of deltas.byDay) {
      const done = store
        .add(day, fields)
        .then(
          () => {
            failing = false;
          },
          (error: unknown) => {
            if (!failing) onError(error);
            failing = true;
          },
        )
        .finally(() => pending.delete(done));
      pending.add(done);
    }
  };

  /** Every observer's changes go through here: added to what waits, written within `coalesceMs`. */
  const write = (deltas: Deltas) => {
    for (const [day, fields] of deltas.byDay) for (const [field, by] of fields) waiting.add(day, field, by);
    if (coalesceMs <= 0) drain();
    else if (timer === undefined && waiting.byDay.size > 0) timer = setTimeout(drain, coalesceMs).unref();
  };

  const countResult = (deltas: Deltas, day: string, channel: InsightsChannel, result: ResultSummary) => {
    const j = result.jurisdiction;
    deltas.add(day, fieldOf(j, channel, { kind: 'completed' }));
    deltas.add(day, fieldOf(j, channel, { kind: 'verdict', verdict: result.verdict }));
    if (result.closeToEligible) deltas.add(day, fieldOf(j, channel, { kind: 'close' }));
    for (const c of result.criteria) {
      if (c.status !== 'not_applicable') deltas.add(day, fieldOf(j, channel, { kind: 'criterion', id: c.id, status: c.status }));
    }
  };

  const started = (deltas: Deltas, day: string, channel: InsightsChannel, jurisdiction: JurisdictionId | undefined) => {
    if (jurisdiction) deltas.add(day, fieldOf(jurisdiction, channel, { kind: 'started' }));
  };

  const observer: SessionObserver = {
    created: (info: CreatedInfo) => {
      const deltas = new Deltas();
      started(deltas, info.day, info.channel, info.started);
      if (info.waiting) deltas.add(info.day, fieldOf(info.waiting.jurisdiction, info.channel, { kind: 'open', questionId: info.waiting.questionId }));
      write(deltas);
    },
    turn: (info: TurnInfo) => {
      const deltas = new Deltas();
      const { day, channel } = info;
      started(deltas, day, channel, info.started);
      if (info.firstResult) countResult(deltas, day, channel, info.firstResult);
      if (info.jurisdiction) {
        for (const fact of info.unknownFacts) deltas.add(day, fieldOf(info.jurisdiction, channel, { kind: 'unknown', fact }));
      }
      // Moving the open conversation: the same question on the same day cancels out (Deltas drops zeros).
      if (info.waitedBefore) {
        const { at, day: since } = info.waitedBefore;
        deltas.add(since, fieldOf(at.jurisdiction, channel, { kind: 'open', questionId: at.questionId }), -1);
      }
      if (info.waiting) deltas.add(day, fieldOf(info.waiting.jurisdiction, channel, { kind: 'open', questionId: info.waiting.questionId }));
      write(deltas);
    },
  };

  return {
    observer,
    staffCheck: (result) => {
      const day = today();
      const deltas = new Deltas();
      started(deltas, day, 'staff', result.jurisdiction);
      countResult(deltas, day, 'staff', result);
      write(deltas);
    },
    flush: async () => {
      drain();
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
