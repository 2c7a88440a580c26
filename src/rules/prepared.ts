/**
 * The parts of a result that depend only on the jurisdiction and the language — titles, references, the
 * materials, the procedure, the notices — rendered once and reused by every assessment, so that the hot path
 * only runs the checks and explains what the facts changed. Everything here is frozen: results share it.
 */
import { compiledTranslator, hasKey } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { type CriterionTexts, criterionTexts, type ExplainContext, slug } from './explain.js';
import { formatMoney, formatRef } from './format.js';
import type { JurisdictionDef, MaterialDef, Ref, StepParams, StepTopic } from './types.js';

/** One checklist item: an application material or a piece of supporting evidence. */
export interface ChecklistItem {
  id: string;
  title: string;
  ref: Ref;
  // Extensions:
  refText: string;
  quote: string;
  /** `material` is named by the procedure article; `evidence` is called for by the applicant's answers. */
  kind: 'material' | 'evidence';
}

/** One step of the procedure or of life after designation. */
export interface ProcedureItem {
  id: string;
  title: string;
  ref: Ref;
  // Extensions:
  refText: string;
  quote: string;
  topic: StepTopic;
  params: StepParams;
}

/** A jurisdiction's static texts in one language. */
export interface Prepared {
  ctx: ExplainContext;
  name: string;
  /** By criterion id. */
  criteria: ReadonlyMap<string, CriterionTexts>;
  materials: readonly ChecklistItem[];
  /** By evidence id. */
  evidence: ReadonlyMap<string, ChecklistItem>;
  procedure: readonly ProcedureItem[];
  notices: readonly string[];
  /** Explanations that depend only on the outcome's status and missing facts, filled as they are met. */
  explanations: Map<string, string>;
}

const cache = new Map<string, Prepared>();

/** The prepared texts of `def` in `lang` (built on first use). */
export function prepared(def: JurisdictionDef, lang: Lang): Prepared {
  const key = `${def.id}/${def.text.version}/${lang}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = prepare(def, lang);
    cache.set(key, entry);
  }
  return entry;
}

function prepare(def: JurisdictionDef, lang: Lang): Prepared {
  const ctx: ExplainContext = {
    lang,
    t: compiledTranslator(lang, 'rules'),
    tj: compiledTranslator(lang, def.id),
    tf: compiledTranslator(lang, 'facts'),
    hasKey: memoKeys((k) => hasKey(lang, def.id, k)),
  };
  const refText = (ref: Ref) => formatRef(ref, lang, ctx.t);
  const item = (m: MaterialDef, kind: ChecklistItem['kind']): ChecklistItem =>
    Object.freeze({
      id: m.id,
      title: ctx.tj(`${kind === 'material' ? 'materials' : 'evidence'}.${slug(m.id)}`),
      ref: m.ref,
      refText: refText(m.ref),
      quote: m.quote,
      kind,
    });
  return {
    ctx,
    name: ctx.tj('name'),
    criteria: new Map(def.criteria.map((c) => [c.id, Object.freeze(criterionTexts(c, ctx))])),
    materials: Object.freeze(def.materials.map((m) => item(m, 'material'))),
    evidence: new Map(def.evidence.map((e) => [e.id, item(e, 'evidence')])),
    procedure: Object.freeze(
      def.procedure.map((step) =>
        Object.freeze({
          id: step.id,
          title: ctx.tj(`procedure.${slug(step.id)}`, stepVars(step.params, ctx)),
          ref: step.ref,
          refText: refText(step.ref),
          quote: step.quote,
          topic: step.topic,
          params: Object.freeze({ ...step.params }),
        }),
      ),
    ),
    notices: Object.freeze([...def.notices.map((n) => ctx.tj(`notices.${n.id}`)), ...notEncodedNotice(def, ctx)]),
    explanations: new Map(),
  };
}

/** A step's figures for its title; money also preformatted as `amount` ("100 万元" / "CNY 1 million"). */
function stepVars(params: StepParams | undefined, ctx: ExplainContext): Record<string, unknown> {
  if (params?.amountYuan === undefined) return { ...params };
  return { ...params, amount: formatMoney(params.amountYuan, ctx.lang, ctx.t) };
}

/** The notice naming the wording Park Advisor does not check, built from the definition's `notEncoded` list. */
function notEncodedNotice(def: JurisdictionDef, ctx: ExplainContext): string[] {
  if (def.notEncoded.length === 0) return [];
  const items = def.notEncoded.map((n) => ctx.t('notices.notEncodedItem', { ref: formatRef(n.ref, ctx.lang, ctx.t), quote: n.quote }));
  return [ctx.t('notices.notEncoded', { items: items.join(ctx.t('list.itemSeparator')) })];
}

/**
 * Remembers which keys exist: explanations ask for a criterion's or jurisdiction's own fact labels on every
 * figure, and i18next's resource lookup costs more than the rest of the sentence.
 */
function memoKeys(lookup: (key: string) => boolean): (key: string) => boolean {
  const known = new Map<string, boolean>();
  return (key) => {
    let found = known.get(key);
    if (found === undefined) {
      found = lookup(key);
      known.set(key, found);
    }
    return found;
  };
}
