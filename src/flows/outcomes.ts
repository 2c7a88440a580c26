/**
 * Every criterion's outcome for one set of facts, computed once and shared by everything a conversation turn
 * asks of it (the next question, whether the interview is done, a range's follow-up, the feedback on what the
 * last answer broke). A turn used to re-check every criterion four to six times for the same facts.
 *
 * A turn works on two facts objects (before and after the answer), one after the other, so the last few are
 * remembered by identity (facts are never mutated after validation: every answer makes a new object) with the
 * jurisdiction's definition and the date. A handful of slots rather than a WeakMap: a WeakMap entry per
 * short-lived facts object cost the garbage collector more than the checks it saved.
 */
import type { Facts } from '../rules/facts.js';
import type { JurisdictionDef, Outcome } from '../rules/types.js';

interface Slot {
  facts: Facts;
  def: JurisdictionDef;
  date: string;
  outcomes: readonly Outcome[];
}

const SLOTS = 4;
const slots: (Slot | undefined)[] = new Array<Slot | undefined>(SLOTS).fill(undefined);
let next = 0;

/** The outcome of each of `def.criteria` (same order) for `facts` on `date`; callers must not mutate them. */
export function outcomesOf(def: JurisdictionDef, facts: Facts, date: string): readonly Outcome[] {
  for (const slot of slots) {
    if (slot !== undefined && slot.facts === facts && slot.def === def && slot.date === date) return slot.outcomes;
  }
  const outcomes = def.criteria.map((criterion) => criterion.check(facts, { date }));
  rememberOutcomes(def, facts, date, outcomes);
  return outcomes;
}

/**
 * Puts outcomes computed earlier for these very facts back among the remembered ones: a conversation kept alive
 * between its turns (`LiveConversation`) brings what its last turn computed, which other conversations' turns have
 * since pushed out of the slots.
 */
export function rememberOutcomes(def: JurisdictionDef, facts: Facts, date: string, outcomes: readonly Outcome[]): void {
  slots[next] = { facts, def, date, outcomes };
  next = (next + 1) % SLOTS;
}
