/**
 * The details of the console's documents: fields the fact vocabulary does not hold (the park's name, address,
 * contact, …), typed in the console. The annex data itself (the Mudanjiang 评估认定审批表's labels and ticks) is
 * in `src/documents/forms.ts`, shared with the Word documents, and re-exported here.
 */
import { CONSTRUCTION_MODES, MUDANJIANG_SERVICES } from '../../documents/forms.js';
import type { DocKind } from '../shared/types.js';

export { CONSTRUCTION_MODES, MUDANJIANG_FORM, MUDANJIANG_SERVICES } from '../../documents/forms.js';

/** A detail the documents print that is not a fact. Labels: `staff:details.<id>`. */
export interface DetailDef {
  id: string;
  kind: 'text' | 'choice' | 'multi';
  /** For choices: values with their verbatim Chinese labels (glossed in English by `staff:details.<id>Options.<value>`). */
  options?: readonly { value: string; label: string }[];
  docs: readonly DocKind[];
  /** The largest accepted length. */
  max: number;
}

/** The details, in the order the console shows them. */
export const DETAILS: readonly DetailDef[] = [
  { id: 'parkName', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 120 },
  { id: 'applicantUnit', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 120 },
  { id: 'city', kind: 'text', docs: ['jilin-form'], max: 60 },
  { id: 'address', kind: 'text', docs: ['mudanjiang-form', 'jilin-form'], max: 200 },
  { id: 'operator', kind: 'text', docs: ['jilin-form'], max: 120 },
  { id: 'contact', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 60 },
  { id: 'phone', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 40 },
  { id: 'ownership', kind: 'text', docs: ['mudanjiang-form'], max: 120 },
  { id: 'registeredOn', kind: 'text', docs: ['mudanjiang-form'], max: 40 },
  { id: 'investment', kind: 'text', docs: ['mudanjiang-form'], max: 40 },
  { id: 'landArea', kind: 'text', docs: ['mudanjiang-form'], max: 40 },
  { id: 'constructionMode', kind: 'choice', options: CONSTRUCTION_MODES, docs: ['mudanjiang-form'], max: 20 },
  { id: 'services', kind: 'multi', options: MUDANJIANG_SERVICES, docs: ['mudanjiang-form'], max: 20 },
  { id: 'fillDate', kind: 'text', docs: ['checklist', 'mudanjiang-form', 'jilin-form'], max: 40 },
];

/** The material of a text that each printable form is a draft of; a jurisdiction offers the forms its materials name. */
export const FORM_MATERIALS: Readonly<Record<Exclude<DocKind, 'checklist'>, string>> = {
  'mudanjiang-form': 'mudanjiang.approval-form',
  'jilin-form': 'jilin.application-form',
};

/** Details as typed, cleaned: known ids only, strings cut to their length, options from their lists. */
export function cleanDetails(raw: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const def of DETAILS) {
    const value = (raw as Record<string, unknown>)[def.id];
    if (def.kind === 'multi') {
      const allowed = new Set(def.options?.map((o) => o.value));
      const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && allowed.has(v)) : [];
      if (list.length) out[def.id] = [...new Set(list)];
    } else if (def.kind === 'choice') {
      if (typeof value === 'string' && def.options?.some((o) => o.value === value)) out[def.id] = value;
    } else if (typeof value === 'string' && value.trim() !== '') {
      out[def.id] = value.trim().slice(0, def.max);
    }
  }
  return out;
}
