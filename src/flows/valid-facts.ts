/**
 * Which sets of facts have already passed `FactsSchema`, so that a conversation turn does not validate the same
 * facts again (the schema with its cross-fact bounds was the costliest part of restoring a conversation). Every
 * answer's new facts are checked when they are made (`checkAnswered`, from the machine) and marked valid by identity
 * (`markValid`): the turn, and the next turn of a live conversation (`LiveConversation`), find them so. Facts restored
 * from a store, once validated, are remembered by content (`rememberValid`), so that the same stored text read
 * again (a conversation another process wrote, shown and then answered here) needs only the shape around them.
 *
 * Nothing unvalidated is trusted: the key is a faithful serialisation of the value, made only of what JSON
 * gives back (plain objects and arrays, strings, finite numbers, booleans, null); anything else (undefined, NaN,
 * -0, a Date, a class instance, a Map) gets no key and is validated every time. (Stored conversations come
 * from JSON.parse, so they always get one.) The schema is pure (its result
 * depends on the value alone), so equal content means an equal verdict. Bounded: the oldest keys go first (`recent.ts`).
 */
import type { z } from 'zod';
import { consistencyIssues, type FactName, type Facts, FactShape, FactsSchema } from '../rules/facts.js';
import { Recent } from './recent.js';

/** Distinct fact sets remembered (a key is a few hundred bytes: about 2 MB at most). */
const LIMIT = 5_000;
const known = new Recent<string, true>(LIMIT);

/** A key that only equal JSON values share, or undefined for a value JSON would not give back unchanged. */
export function contentKey(value: unknown): string | undefined {
  // JSON.stringify (native, several times faster than building the key here) once the value is known to be made
  // only of what JSON gives back, where it is a faithful serialisation.
  return faithful(value) ? JSON.stringify(value) : undefined;
}

/** Whether JSON.stringify writes `value` so that equal output means equal content (see the module's comment). */
function faithful(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) {
          // A hole reads as undefined: not faithful.
          if (!faithful(value[i])) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      // toJSON would let an object write something other than its content.
      if ('toJSON' in value) return false;
      for (const key in value) if (!faithful((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * `contentKey(facts)`, remembered for the last few facts objects by identity: a turn asks for the key of the same
 * facts more than once (restoring, checking the answer, remembering the result), and facts are never changed once
 * made (every answer makes a new object).
 */
export function factsKey(facts: unknown): string | undefined {
  for (const entry of recentKeys) if (entry.facts === facts) return entry.key;
  const key = contentKey(facts);
  recentKeys[nextKey] = { facts, key };
  nextKey = (nextKey + 1) % KEY_SLOTS;
  return key;
}
const KEY_SLOTS = 4;
const recentKeys: { facts: unknown; key: string | undefined }[] = [];
let nextKey = 0;

/** Whether these facts, or facts with exactly this content, passed `FactsSchema` before (no validation is done here). */
export function knownValid(facts: unknown): boolean {
  if (recentValid.includes(facts)) return true;
  const key = factsKey(facts);
  return key !== undefined && known.has(key);
}

/**
 * Records that this very facts object is valid — made by a checked answer, or resumed with a live conversation
 * whose turn checked it — for the next few turns, by identity: no content key to compute (facts are never changed
 * once made). Facts restored from a store are remembered by content instead (`rememberValid`).
 */
export function markValid(facts: Facts): void {
  recentValid[nextValid] = facts;
  nextValid = (nextValid + 1) % VALID_SLOTS;
}
const VALID_SLOTS = 4;
const recentValid: unknown[] = new Array<unknown>(VALID_SLOTS).fill(undefined);
let nextValid = 0;

/** Records that `facts` passed `FactsSchema` (call only after a successful parse of this very value). */
export function rememberValid(facts: unknown): void {
  const key = factsKey(facts);
  if (key !== undefined) known.set(key, true);
}

/** Why facts were refused: the first problem, at its path (a fact, or `branches.<i>.<field>`). */
export interface FactsProblem {
  path: (string | number)[];
  /** The consistency rule and the other fact it involves (absent for a value that is not valid at all). */
  params?: { rule?: string; other?: string };
}

/**
 * Checks `after` — `before` with an answer set, changed or cleared — as `FactsSchema` would, and marks it valid
 * (`markValid`) when it is. When `before` is known valid, only what can have changed is checked: each value that is not
 * `before`'s own (by identity: an answer copies the facts and keeps every other value) against its own schema,
 * then the consistency rules over all the facts — instead of parsing every fact again (that parse was a quarter
 * of a conversation turn). Otherwise, or for a name outside the vocabulary, the whole schema is applied.
 */
export function checkAnswered(before: Facts, after: Facts): FactsProblem | undefined {
  if (!knownValid(before)) return problemOf(checkFacts(after));
  for (const key in after) {
    const value = after[key as FactName];
    if (value === before[key as FactName] || value === undefined) continue;
    if (!Object.hasOwn(FactShape, key)) return problemOf(checkFacts(after));
    const own = FactShape[key as FactName].safeParse(value);
    if (!own.success) return problemOf(own, [key]);
  }
  const broken = consistencyIssues(after)[0];
  if (broken) return { path: broken.path, params: broken.params };
  markValid(after);
  return undefined;
}

/** The first issue of a failed parse (of the facts, or of one fact's value at `at`) as a problem. */
function problemOf(parsed: { success: boolean; error?: z.ZodError } | undefined, at: string[] = []): FactsProblem | undefined {
  if (!parsed || parsed.success) return undefined;
  const issue = parsed.error?.issues[0];
  const path = [...at, ...(issue?.path ?? []).map((k) => k as string | number)];
  return issue && issue.code === 'custom' ? { path, params: issue.params as FactsProblem['params'] } : { path };
}

/** `FactsSchema.safeParse(facts)`, skipped (as a success) when the same content passed before. */
export function checkFacts(facts: unknown): ReturnType<typeof FactsSchema.safeParse> | undefined {
  const key = factsKey(facts);
  if (key !== undefined && known.has(key)) return undefined;
  const parsed = FactsSchema.safeParse(facts);
  if (parsed.success && key !== undefined) known.set(key, true);
  return parsed;
}
