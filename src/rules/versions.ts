/**
 * What a result says about the text it applied: which version, its status and dates, and — when a newer
 * version of the same text exists — what changed, criterion by criterion. Computed from the definitions
 * themselves, so adding a version needs no hand-written list of changes.
 */
import { newerThan } from './registry.js';
import type { CriterionDef, JurisdictionDef, Ref, TextLifecycle, TextStatus } from './types.js';

/** The text a result applied. Extends the contract's result under `text`. */
export interface AppliedText {
  title: string;
  version: string;
  status: TextStatus;
  lifecycle: TextLifecycle;
  inForceFrom: string;
  inForceUntil: string | null;
  supersedes: string | null;
  /** The file of `regulations/`. */
  source: string;
  sourceUrl?: string;
  lastVerifiedOn: string;
}

/** One difference between two versions of a text, by criterion id. */
export interface TextChange {
  kind: 'added' | 'removed' | 'changed';
  criterion: string;
  ref: Ref;
  /** The wording in the newer version (added, changed). */
  quote?: string;
  /** The wording in the version applied (removed, changed). */
  previousQuote?: string;
  /** What changed for `changed`: the wording, the severity, 原则上, the reference, or the limits. */
  fields?: ('quote' | 'severity' | 'inPrinciple' | 'ref' | 'limits')[];
}

/** A newer version than the one applied, and how it differs from it. */
export interface NewerText {
  title: string;
  version: string;
  lifecycle: TextLifecycle;
  inForceFrom: string;
  changes: TextChange[];
}

const applied = new WeakMap<JurisdictionDef, AppliedText>();

/** The metadata of the version `def` (built once per definition). */
export function appliedText(def: JurisdictionDef): AppliedText {
  let text = applied.get(def);
  if (!text) {
    text = Object.freeze({
      title: def.title,
      version: def.text.version,
      status: def.status,
      lifecycle: def.text.lifecycle,
      inForceFrom: def.inForceFrom,
      inForceUntil: def.text.inForceUntil,
      supersedes: def.text.supersedes,
      source: def.source,
      ...(def.text.sourceUrl === undefined ? {} : { sourceUrl: def.text.sourceUrl }),
      lastVerifiedOn: def.text.lastVerifiedOn,
    });
    applied.set(def, text);
  }
  return text;
}

const newerCache = new WeakMap<JurisdictionDef, WeakMap<readonly JurisdictionDef[], NewerText[]>>();

/** The versions among `versions` that replace `def`, each with its changes against `def` (cached). */
export function newerTexts(def: JurisdictionDef, versions: readonly JurisdictionDef[]): NewerText[] {
  let byList = newerCache.get(def);
  if (!byList) {
    byList = new WeakMap();
    newerCache.set(def, byList);
  }
  let list = byList.get(versions);
  if (!list) {
    list = newerThan(versions, def).map((newer) => ({
      title: newer.title,
      version: newer.text.version,
      lifecycle: newer.text.lifecycle,
      inForceFrom: newer.inForceFrom,
      changes: changesBetween(def, newer),
    }));
    byList.set(versions, list);
  }
  return list;
}

/** The criteria added, removed or changed from `older` to `newer`, in the newer text's order. */
export function changesBetween(older: JurisdictionDef, newer: JurisdictionDef): TextChange[] {
  const before = new Map(older.criteria.map((c) => [c.id, c]));
  const after = new Map(newer.criteria.map((c) => [c.id, c]));
  const changes: TextChange[] = [];
  for (const c of newer.criteria) {
    const old = before.get(c.id);
    if (!old) {
      changes.push({ kind: 'added', criterion: c.id, ref: c.ref, quote: c.quote });
      continue;
    }
    const fields = differences(old, c);
    if (fields.length > 0) changes.push({ kind: 'changed', criterion: c.id, ref: c.ref, quote: c.quote, previousQuote: old.quote, fields });
  }
  for (const c of older.criteria) {
    if (!after.has(c.id)) changes.push({ kind: 'removed', criterion: c.id, ref: c.ref, previousQuote: c.quote });
  }
  return changes;
}

function differences(a: CriterionDef, b: CriterionDef): NonNullable<TextChange['fields']> {
  const fields: NonNullable<TextChange['fields']> = [];
  if (a.quote !== b.quote) fields.push('quote');
  if (a.severity !== b.severity) fields.push('severity');
  if ((a.inPrinciple ?? false) !== (b.inPrinciple ?? false)) fields.push('inPrinciple');
  if (JSON.stringify(a.ref) !== JSON.stringify(b.ref)) fields.push('ref');
  if (JSON.stringify(a.check.limits ?? []) !== JSON.stringify(b.check.limits ?? [])) fields.push('limits');
  return fields;
}
