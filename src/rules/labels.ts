/**
 * The one way a fact's name becomes words, for every channel: in the words of the text being applied (山东's
 * 园区年营业收入, not 温州's 上一年度园区营业收入（含代收代付）), and of the criterion when one is at hand (园区总面积).
 * It is the very lookup the explanations use (`factLabel` in explain.ts), so a console, a document or a chat never
 * names a fact differently from the result beside it.
 */
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { type ExplainContext, factLabel, slug, sourceLabel } from './explain.js';
import type { FactName } from './facts.js';
import { prepared } from './prepared.js';
import { getJurisdiction } from './registry.js';
import type { JurisdictionId } from './types.js';

const generic = new Map<Lang, ExplainContext>();

/** The context fact labels are looked up in: the jurisdiction's, or the vocabulary's alone without one. */
export function labelContext(jurisdiction: JurisdictionId | null | undefined, lang: Lang): ExplainContext {
  // A jurisdiction's own labels live in its namespace, which every version of its text shares.
  if (jurisdiction) return prepared(getJurisdiction(jurisdiction), lang).ctx;
  let ctx = generic.get(lang);
  if (!ctx) {
    const tf = compiledTranslator(lang, 'facts');
    ctx = { lang, t: compiledTranslator(lang, 'rules'), tj: tf, tf, hasKey: () => false };
    generic.set(lang, ctx);
  }
  return ctx;
}

/**
 * The name of `fact` in `lang` as the text of `jurisdiction` words it; with `criterion` (an id such as
 * `guangxi.branch-agglomeration`, or its slug), as that criterion words it. Without a jurisdiction (nothing
 * chosen yet), the vocabulary's neutral label.
 */
export function factLabelIn(fact: FactName, lang: Lang, jurisdiction?: JurisdictionId | null, criterion?: string): string {
  const ctx = labelContext(jurisdiction, lang);
  return factLabel(fact, criterion === undefined ? ctx : { ...ctx, criterion: slug(criterion) });
}

/**
 * The name of what a question asks, as `jurisdiction`'s text words it: its fact's label, or for a branch park's
 * figure (`branches.1.floorArea`) the branch and the figure ("分园区 2：园区建筑面积").
 */
export function questionLabelIn(questionId: string, lang: Lang, jurisdiction?: JurisdictionId | null): string {
  if (questionId.startsWith('branches.')) return sourceLabel(questionId, labelContext(jurisdiction, lang));
  return factLabelIn(questionId as FactName, lang, jurisdiction);
}
