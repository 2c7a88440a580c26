/**
 * Every criterion's outcome for one set of facts, computed once and shared by everything a conversation turn
 * asks of it (the next question, whether the interview is done, a range's follow-up, the feedback on what the
 * last answer broke). A turn used to re-check every criterion four to six times for the same facts.
 *
 * Keyed by the facts object itself (facts are never mutated after validation: every answer makes a new object),
 * then by the jurisdiction's definition and the date; a WeakMap, so the outcomes go when the facts do.
 */
import type { Facts } from '../rules/facts.js';
import type { JurisdictionDef, Outcome } from '../rules/types.js';

const cache = new WeakMap<Facts, Map<JurisdictionDef, Map<string, readonly Outcome[]>>>();

/** The outcome of each of `def.criteria` (same order) for `facts` on `date`; callers must not mutate them. */
export function outcomesOf(def: JurisdictionDef, facts: Facts, date: string): readonly Outcome[] {
  let byDef = cache.get(facts);
  if (!byDef) {
    byDef = new Map();
    cache.set(facts, byDef);
  }
  let byDate = byDef.get(def);
  if (!byDate) {
    byDate = new Map();
    byDef.set(def, byDate);
  }
  let outcomes = byDate.get(date);
  if (!outcomes) {
    outcomes = def.criteria.map((criterion) => criterion.check(facts, { date }));
    byDate.set(date, outcomes);
  }
  return outcomes;
}
