/**
 * Which sets of facts have already passed `FactsSchema`, remembered by content, so that a conversation turn does
 * not validate the same stored facts again (the schema with its cross-fact bounds was the costliest part of
 * restoring a conversation). Every answer's new facts are validated when they are made (`inconsistency` in the
 * machine); the next turn restores exactly those facts from the store, and finds them here.
 *
 * Nothing unvalidated is trusted: the key is a faithful serialisation of the value, made only of what JSON
 * gives back (plain objects and arrays, strings, finite numbers, booleans, null); anything else (undefined, NaN,
 * -0, a Date, a class instance, a Map) gets no key and is validated every time. (Stored conversations come
 * from JSON.parse, so they always get one.) The schema is pure (its result
 * depends on the value alone), so equal content means an equal verdict. Bounded: the oldest keys go first.
 */
import { FactsSchema } from '../rules/facts.js';

/** Distinct fact sets remembered (a key is a few hundred bytes: about 2 MB at most). */
const LIMIT = 5_000;
const known = new Set<string>();

/** A key that only equal JSON values share, or undefined for a value JSON would not give back unchanged. */
export function contentKey(value: unknown): string | undefined {
  const parts: string[] = [];
  return write(value, parts) ? parts.join('') : undefined;
}

function write(value: unknown, out: string[]): boolean {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return true;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return true;
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
      out.push(String(value));
      return true;
    case 'object': {
      if (value === null) {
        out.push('null');
        return true;
      }
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        out.push('[');
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out.push(',');
          // A hole reads as undefined: no key.
          if (!write(value[i], out)) return false;
        }
        out.push(']');
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      out.push('{');
      let first = true;
      for (const key of Object.keys(value)) {
        out.push(first ? '' : ',', JSON.stringify(key), ':');
        first = false;
        if (!write((value as Record<string, unknown>)[key], out)) return false;
      }
      out.push('}');
      return true;
    }
    default:
      return false;
  }
}

/** Whether facts with exactly this content passed `FactsSchema` before (no validation is done here). */
export function knownValid(facts: unknown): boolean {
  const key = contentKey(facts);
  return key !== undefined && known.has(key);
}

/** Records that `facts` passed `FactsSchema` (call only after a successful parse of this very value). */
export function rememberValid(facts: unknown): void {
  const key = contentKey(facts);
  if (key !== undefined) remember(key);
}

function remember(key: string): void {
  if (known.has(key)) return;
  if (known.size >= LIMIT) known.delete(known.values().next().value as string);
  known.add(key);
}

/** `FactsSchema.safeParse(facts)`, skipped (as a success) when the same content passed before. */
export function checkFacts(facts: unknown): ReturnType<typeof FactsSchema.safeParse> | undefined {
  const key = contentKey(facts);
  if (key !== undefined && known.has(key)) return undefined;
  const parsed = FactsSchema.safeParse(facts);
  if (parsed.success && key !== undefined) remember(key);
  return parsed;
}
