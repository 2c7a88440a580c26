/**
 * Every criterion's outcome for one set of facts, computed once and shared by everything a conversation turn
 * asks of it (the next question, whether the interview is done, a range's follow-up, the feedback on what the
 * last answer broke). A turn used to re-check every criterion four to six times for the same facts.
 *
 * A turn works on two facts objects (before and after the answer), one after the other, so the last few are
 * remembered by identity (facts are never mutated after validation: every answer makes a new object) with the
 * jurisdiction's definition and the date. A handful of slots rather than a WeakMap: a WeakMap entry per
 * short-lived facts object cost the garbage collector more than the checks it saved.
 *
 * Behind them, the outcomes of recent facts by content (the key `valid-facts.ts` makes for validation anyway):
 * the facts a turn starts from are the facts the conversation's previous turn ended with, restored from the store
 * as a new object, so a turn checks the criteria once instead of twice. Bounded: the oldest go first.
 */
import type { Facts } from '../rules/facts.js';
import type { JurisdictionDef, Outcome } from '../rules/types.js';
import { Recent } from './recent.js';
import { factsKey } from './valid-facts.js';

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
  const outcomes = byContent(def, facts, date);
  slots[next] = { facts, def, date, outcomes };
  next = (next + 1) % SLOTS;
  return outcomes;
}

/**
 * Outcomes remembered by content: a conversation's next turn comes after others' (50 at once and more). By the
 * facts' content key itself, not a key built from it: the string keeps the hash V8 computed for it, so a lookup
 * does not hash a kilobyte again. Each key holds the outcomes for the definitions and dates it was checked under.
 */
const recentByContent = new Recent<string, Checked[]>(1_000);

interface Checked {
  def: JurisdictionDef;
  date: string;
  outcomes: readonly Outcome[];
}

function byContent(def: JurisdictionDef, facts: Facts, date: string): readonly Outcome[] {
  const content = factsKey(facts);
  if (content === undefined) return check(def, facts, date);
  const known = recentByContent.get(content) ?? [];
  const hit = known.find((c) => c.def === def && c.date === date);
  if (hit) return hit.outcomes;
  const outcomes = check(def, facts, date);
  // A few at most per content (the same answers under another text or day); the newest first.
  recentByContent.set(content, [{ def, date, outcomes }, ...known.slice(0, 3)]);
  return outcomes;
}

function check(def: JurisdictionDef, facts: Facts, date: string): readonly Outcome[] {
  return def.criteria.map((criterion) => criterion.check(facts, { date }));
}
