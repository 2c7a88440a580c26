/**
 * The vocabulary of the insights counters: one counter per (day, field), a field naming the jurisdiction, the
 * channel, what is counted and — for criteria, facts and questions — which one. Every part comes from a closed
 * list of the code (jurisdiction ids, channels, criterion ids, fact names, question ids): nothing a user typed,
 * no session id, no address ever becomes part of a counter's name.
 */
import type { JurisdictionId, Status, Verdict } from '../rules/types.js';

/** Where a conversation or a check happened: the three conversation channels, and the staff console apart. */
export const INSIGHTS_CHANNELS = ['web', 'telegram', 'wechat', 'staff'] as const;
export type InsightsChannel = (typeof INSIGHTS_CHANNELS)[number];

/** What one counter counts. */
export type Counted =
  | { kind: 'started' }
  | { kind: 'completed' }
  | { kind: 'verdict'; verdict: Verdict }
  | { kind: 'close' }
  | { kind: 'criterion'; id: string; status: Exclude<Status, 'not_applicable'> }
  | { kind: 'unknown'; fact: string }
  /** Conversations whose last turn left them waiting at this question (moves as they move on). */
  | { kind: 'open'; questionId: string };

const SEP = '|';

/** The hash field of a counter: `jurisdiction|channel|kind[|key[|status]]`. */
export function fieldOf(jurisdiction: JurisdictionId, channel: InsightsChannel, counted: Counted): string {
  const head = [jurisdiction, channel, counted.kind];
  switch (counted.kind) {
    case 'verdict':
      return [...head, counted.verdict].join(SEP);
    case 'criterion':
      return [...head, counted.id, counted.status].join(SEP);
    case 'unknown':
      return [...head, counted.fact].join(SEP);
    case 'open':
      return [...head, counted.questionId].join(SEP);
    default:
      return head.join(SEP);
  }
}

/** A field read back: its parts (undefined for a field this version does not know). */
export interface ParsedField {
  jurisdiction: string;
  channel: string;
  kind: Counted['kind'];
  key: string | undefined;
  status: string | undefined;
}

/** Splits a field written by {@link fieldOf}. */
export function parseField(field: string): ParsedField | undefined {
  const [jurisdiction, channel, kind, key, status] = field.split(SEP);
  if (!jurisdiction || !channel || !kind) return undefined;
  return { jurisdiction, channel, kind: kind as Counted['kind'], key, status };
}

/** Changes to counters, by day and field. */
export class Deltas {
  readonly byDay = new Map<string, Map<string, number>>();

  /** Adds `by` to the counter `field` of `day`. */
  add(day: string, field: string, by = 1): void {
    let fields = this.byDay.get(day);
    if (!fields) this.byDay.set(day, (fields = new Map()));
    const next = (fields.get(field) ?? 0) + by;
    if (next === 0) fields.delete(field);
    else fields.set(field, next);
    if (fields.size === 0) this.byDay.delete(day);
  }
}
