/**
 * The gap of an unmet condition in a few words, for the comparison's cells and the console's lists
 * ("还差 1 平方米", "short by 3 institutions"), from the structured findings of `evaluate()`.
 */
import type { Lang } from '../../i18n/index.js';
import { factLabel, gapText, valueLabel } from '../../rules/explain.js';
import { formatQuantity } from '../../rules/format.js';
import { prepared } from '../../rules/prepared.js';
import type { CriterionResult } from '../../rules/evaluate.js';
import type { Finding, JurisdictionDef } from '../../rules/types.js';
import { FACT_UNITS } from '../../rules/units.js';
import { staffT } from './text.js';

/** The gap of one finding. */
export function findingGap(finding: Finding, def: JurisdictionDef, lang: Lang): string {
  const ctx = prepared(def, lang).ctx;
  const t = staffT(lang);
  const site = (f: { scope?: { site: 'core' } | { site: 'branch'; index: number } }) =>
    f.scope ? (f.scope.site === 'core' ? ctx.t('site.core') : ctx.t('site.branch', { n: f.scope.index + 1 })) : '';
  switch (finding.kind) {
    case 'threshold': {
      const qty = (n: number) => formatQuantity(n, FACT_UNITS[finding.fact], lang, ctx.t);
      const fact = factLabel(finding.fact, ctx);
      if (finding.op === 'gte') return t('gap.short', { site: site(finding), fact, gap: gapText(finding, ctx) });
      if (finding.op === 'gt') return t('gap.moreThan', { site: site(finding), fact, required: qty(finding.required), actual: qty(finding.actual) });
      return t('gap.over', { site: site(finding), fact, excess: qty(finding.actual - finding.required) });
    }
    case 'share':
      return t('gap.short', { site: site(finding), fact: factLabel(finding.part, ctx), gap: gapText(finding, ctx) });
    case 'boolean':
      return t(finding.expected ? 'gap.needYes' : 'gap.needNo', { fact: factLabel(finding.fact, ctx) });
    case 'missingValues':
      return t('gap.missing', {
        fact: factLabel(finding.fact, ctx),
        missing: finding.missing.map((v) => valueLabel(finding.fact, v, ctx)).join(ctx.t('list.separator')),
      });
    case 'notOneOf':
      return t('gap.notOneOf', { fact: factLabel(finding.fact, ctx), answer: valueLabel(finding.fact, finding.actual, ctx) });
    case 'waiting':
      return t('gap.waiting', { from: finding.from });
    case 'notInForce':
      return t('gap.notInForce', { from: finding.from });
    case 'alternatives':
      return finding.options.map((option) => option.map((f) => findingGap(f, def, lang)).join(t('gap.and'))).join(t('gap.or'));
  }
}

/** The gap of a criterion: its findings' gaps, or '' unless it is unmet. */
export function criterionGap(criterion: Pick<CriterionResult, 'status' | 'findings'>, def: JurisdictionDef, lang: Lang): string {
  if (criterion.status !== 'unmet') return '';
  return criterion.findings.map((f) => findingGap(f, def, lang)).join(staffT(lang)('gap.separator'));
}
