/**
 * Turns a criterion's outcome into words: what the article requires, what was answered, the gap in the
 * user's units, and what would close it; for an unknown, which facts are missing. Every sentence comes from
 * `locales/<lang>/rules.json`; titles and criterion-specific remedies from the jurisdiction's namespace.
 */
import type { Translate } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { DateBounds, FactName } from './facts.js';
import { formatDateSpan, formatNumber, formatPercent, formatQuantity, formatRange, formatRef } from './format.js';
import { isPastYear } from './periods.js';
import type { CriterionDef, Finding, KnownRange, Outcome, Scope, Settle } from './types.js';
import { FACT_UNITS } from './units.js';

/** What explaining needs: the language, the generic (`rules`) and jurisdiction translators. */
export interface ExplainContext {
  lang: Lang;
  /** `rules` namespace. */
  t: Translate;
  /** The jurisdiction's namespace. */
  tj: Translate;
  /** `facts` namespace. */
  tf: Translate;
  /** Whether a key exists in the jurisdiction's namespace. */
  hasKey: (key: string) => boolean;
  /**
   * The slug of the criterion being explained, if any: its text may name a fact in its own words
   * (`<jurisdiction>:factLabels.<slug>.<fact>`, e.g. 园区总面积 for a multi-site total).
   */
  criterion?: string;
}

/** The localized short title of a criterion (`<jurisdiction>:criteria.<slug>`). */
export function criterionTitle(def: CriterionDef, ctx: ExplainContext): string {
  return ctx.tj(`criteria.${slug(def.id)}`);
}

/** A criterion's texts that never change: its title, its reference, its own remedy (or ''). */
export interface CriterionTexts {
  title: string;
  refText: string;
  remedy: string;
}

/** Renders a criterion's fixed texts (done once per jurisdiction and language, see `prepared.ts`). */
export function criterionTexts(def: CriterionDef, ctx: ExplainContext): CriterionTexts {
  const remedyKey = `remedies.${slug(def.id)}`;
  return {
    title: criterionTitle(def, ctx),
    refText: formatRef(def.ref, ctx.lang, ctx.t),
    remedy: ctx.hasKey(remedyKey) ? ctx.tj(remedyKey) : '',
  };
}

/** The full explanation of one criterion's outcome. */
export function explain(def: CriterionDef, outcome: Outcome, outer: ExplainContext, texts = criterionTexts(def, outer)): string {
  const ctx: ExplainContext = { ...outer, criterion: slug(def.id) };
  // English titles follow "Article 5(3): " / "requires: ", so they start in lower case there.
  const vars = { ref: texts.refText, title: afterColon(texts.title, ctx) };
  switch (outcome.status) {
    case 'met':
      return ctx.t('explain.met', vars);
    case 'unknown':
      if (outcome.settle) return ctx.t('explain.unknownSettle', { ...vars, ...settleTexts(outcome.settle, ctx) });
      return ctx.t('explain.unknown', { ...vars, missing: listOf(outcome.missing.map((f) => afterColon(factLabel(f, ctx), ctx)), ctx) });
    case 'not_applicable': {
      const why = outcome.inapplicable;
      if (!why) return ctx.t('explain.notApplicable', vars);
      return ctx.t('explain.notApplicableBecause', { ...vars, fact: factLabel(why.fact, ctx), value: valueLabel(why.fact, why.value, ctx) });
    }
    case 'unmet': {
      // A text may name its in-principle marker itself (广西 says 原则, not 原则上).
      const headKey = def.inPrinciple ? 'explain.unmetInPrinciple' : 'explain.unmet';
      const head = ctx.hasKey(headKey) ? ctx.tj(headKey, vars) : ctx.t(headKey, vars);
      // A criterion's own remedy replaces the generic one of its yes/no fact rather than repeating it.
      const body = outcome.findings.map((f) => describeFinding(f, ctx, texts.remedy === '')).join(joiner(ctx));
      const advisory = def.severity === 'advisory' ? ctx.t('explain.advisory') : '';
      return [head, body, texts.remedy, advisory].filter(Boolean).join(joiner(ctx));
    }
  }
}

/** Chinese sentences follow each other without a space; English ones with one. */
function joiner(ctx: ExplainContext): string {
  return ctx.lang === 'zh-CN' ? '' : ' ';
}

/** One finding as sentences: answered, gap, remedy. */
export function describeFinding(finding: Finding, ctx: ExplainContext, genericRemedy = true): string {
  // A text may state a finding in its own words (牡丹江 实施 rather than 施行; 山东 不予重新认定 rather than 申报).
  const own = `finding.${finding.kind}`;
  if (finding.kind === 'waiting') {
    const key = waitingKey(finding);
    return ctx.hasKey(key) ? ctx.tj(key, waitingVars(finding, ctx)) : ctx.t(key, waitingVars(finding, ctx));
  }
  if (finding.kind === 'notInForce' && ctx.hasKey(own)) return ctx.tj(own, { from: finding.from });
  switch (finding.kind) {
    case 'threshold':
      return describeThreshold(finding, ctx);
    case 'share':
      return describeShare(finding, ctx);
    case 'boolean':
      return ctx
        .t('finding.boolean', {
          fact: factLabel(finding.fact, ctx),
          answer: ctx.t(finding.expected ? 'answer.no' : 'answer.yes'),
          remedy: genericRemedy ? ctx.tf(`${finding.fact}.remedy`) : '',
        })
        .trimEnd();
    case 'missingValues':
      return ctx.t('finding.missingValues', {
        fact: factLabel(finding.fact, ctx),
        missing: listOf(finding.missing.map((v) => afterColon(valueLabel(finding.fact, v, ctx), ctx)), ctx),
      });
    case 'notOneOf':
      return ctx.t('finding.notOneOf', {
        fact: factLabel(finding.fact, ctx),
        answer: valueLabel(finding.fact, finding.actual, ctx),
        accepted: listOf(finding.accepted.map((v) => afterColon(valueLabel(finding.fact, v, ctx), ctx)), ctx),
      });
    case 'notInForce':
      return ctx.t('finding.notInForce', { from: finding.from });
    case 'alternatives':
      return ctx.t('finding.alternatives', {
        options: finding.options
          .map((option, i) => ctx.t('finding.option', { n: i + 1, text: option.map((f) => describeFinding(f, ctx, genericRemedy)).join(joiner(ctx)) }))
          .join(joiner(ctx)),
      });
  }
}

type ThresholdFinding = Extract<Finding, { kind: 'threshold' }>;
type ShareFinding = Extract<Finding, { kind: 'share' }>;
type WaitingFinding = Extract<Finding, { kind: 'waiting' }>;

/** The finding's key: a day given as bounds gives the earliest and latest day a new application is possible. */
function waitingKey(f: WaitingFinding): string {
  if (typeof f.since === 'string') return 'finding.waiting';
  return f.until === undefined ? 'finding.waitingRangeOpen' : 'finding.waitingRange';
}

function waitingVars(f: WaitingFinding, ctx: ExplainContext): Record<string, string> {
  const since = typeof f.since === 'string' ? f.since : formatDateSpan(f.since, ctx.t);
  return { since, outcome: ctx.t(`outcome.${f.outcome}`), period: describePeriod(f.period, ctx), from: f.from, until: f.until ?? '' };
}

function describeThreshold(f: ThresholdFinding, ctx: ExplainContext): string {
  const unit = FACT_UNITS[f.fact];
  const qty = (n: number) => formatQuantity(n, unit, ctx.lang, ctx.t);
  const site = siteLabel(f.scope, ctx);
  const vars = {
    site,
    fact: site === '' ? factLabel(f.fact, ctx) : afterColon(factLabel(f.fact, ctx), ctx),
    answered: answeredText(f.fact, f.range ?? { min: f.actual, max: f.actual }, f, ctx),
    required: qty(f.required),
  };
  if (f.op === 'lte') return ctx.t(f.range ? 'finding.atMostRange' : 'finding.atMost', { ...vars, excess: excessText(f, ctx) });
  if (f.op === 'gt') return ctx.t('finding.moreThan', vars);
  // A past year's figure cannot be raised: the gap is stated, and the remedy is the next application.
  if (isPastYear(f.fact)) return ctx.t('finding.atLeastPastYear', { ...vars, gap: shortfallText(f, ctx) });
  // Over a range, adding its least shortfall meets the limit only at the range's top: the remedy names the limit.
  return ctx.t(f.range ? 'finding.atLeastRange' : 'finding.atLeast', { ...vars, gap: shortfallText(f, ctx) });
}

/**
 * How much is missing below an "at least" limit: one figure for an exact answer; over a range, from its most
 * favourable value to its least ("还差 1,001–4,999 平方米" for 5,001–8,999 against 10,000), or "至少" the least when
 * the range has no lower side but zero (不到 1 万平方米: anything up to the whole limit may be missing).
 */
/**
 * How much is missing below an "at least" limit: one figure for an exact answer; over a range, from its most
 * favourable value to its least ("还差 1,001–4,999 平方米" for 5,001–8,999 against 10,000), or "至少" the least when
 * the range has no lower side but zero (不到 1 万平方米: anything up to the whole limit may be missing).
 */
function shortfallText(f: ThresholdFinding, ctx: ExplainContext): string {
  const count = FACT_UNITS[f.fact].kind === 'count';
  const most = f.range && f.range.min > 0 ? roundUp(f.required - f.range.min, count) : undefined;
  return marginText(f, roundUp(f.required - f.actual, count), most, ctx);
}

/** How far over an "at most" limit: likewise, from the range's most favourable value (its bottom) to its top. */
function excessText(f: ThresholdFinding, ctx: ExplainContext): string {
  return marginText(f, f.actual - f.required, f.range?.max === undefined ? undefined : f.range.max - f.required, ctx);
}

/** A margin from a limit: one figure for an exact answer; over a range, `least`–`most`, or at least `least`. */
function marginText(f: ThresholdFinding, least: number, most: number | undefined, ctx: ExplainContext): string {
  const unit = FACT_UNITS[f.fact];
  if (!f.range) return formatQuantity(least, unit, ctx.lang, ctx.t);
  if (most === undefined) return ctx.t('gap.atLeast', { gap: formatQuantity(least, unit, ctx.lang, ctx.t) });
  return formatRange({ min: least, max: most }, unit, ctx.lang, ctx.t);
}

function describeShare(f: ShareFinding, ctx: ExplainContext): string {
  const unit = FACT_UNITS[f.part];
  const isCount = unit.kind === 'count';
  const requiredPart = roundUp((f.actualWhole * f.percent) / 100, isCount);
  const qty = (n: number) => formatQuantity(n, unit, ctx.lang, ctx.t);
  const ranged = f.partRange !== undefined || f.wholeRange !== undefined;
  const percent = formatPercent(f.actualWhole === 0 ? 0 : (f.actualPart * 100) / f.actualWhole, ctx.lang, f.percent);
  const gap = qty(roundUp(requiredPart - f.actualPart, isCount));
  const site = siteLabel(f.scope, ctx);
  const whole = ctx.lang === 'zh-CN' ? factLabel(f.whole, ctx) : lowerFirst(factLabel(f.whole, ctx));
  const wholeFigure = f.wholeRange ? formatRange(f.wholeRange, FACT_UNITS[f.whole], ctx.lang, ctx.t) : formatQuantity(f.actualWhole, FACT_UNITS[f.whole], ctx.lang, ctx.t);
  // Over ranges, adding the least shortfall meets the share only at the most favourable figures: the remedy names it.
  const key = isPastYear(f.part) || isPastYear(f.whole) ? 'finding.sharePastYear' : ranged ? 'finding.shareRange' : 'finding.share';
  return ctx.t(key, {
    site,
    whole,
    part: site === '' ? factLabel(f.part, ctx) : afterColon(factLabel(f.part, ctx), ctx),
    // "园区营业收入（含代收代付，5.2 亿元）", never "（含代收代付）（5.2 亿元）".
    wholeWithFigure: withFigure(whole, wholeFigure, ctx),
    actualPart: f.partRange ? formatRange(f.partRange, unit, ctx.lang, ctx.t) : qty(f.actualPart),
    // Over ranges, the greatest share the figures allow, and the least that is missing.
    actualPercent: ranged ? ctx.t('percent.atMost', { p: percent }) : percent,
    percent: `${f.percent}%`,
    requiredPart: qty(requiredPart),
    gap: ranged ? ctx.t('gap.atLeast', { gap }) : gap,
  });
}

/**
 * What the facts say of a figure: "您的回答为 12,001–12,999 平方米", "counted from each institution's revenue,
 * 5 institutions", "derived from commercial HR service institutions: at least 30 institutions".
 */
function answeredText(fact: FactName, range: KnownRange, marks: { derived?: boolean; from?: readonly string[] }, ctx: ExplainContext): string {
  const unit = FACT_UNITS[fact];
  const text = formatRange(range, unit, ctx.lang, ctx.t, !marks.derived);
  const from = marks.from ?? [];
  if (!marks.derived) return ctx.t(range.min === range.max ? 'answered.given' : 'answered.bounded', { actual: text, range: text });
  if (from.length === 1 && from[0] === 'institutionRevenues' && range.min === range.max) return ctx.t('answered.derived', { actual: text });
  return ctx.t('answered.derivedFrom', { from: listOf(from.map((key) => sourceLabel(key, ctx)), ctx), range: text });
}

/** A relation's source as words: a fact's label, or a branch park's figure ("分园区 2：园区建筑面积"). */
export function sourceLabel(key: string, ctx: ExplainContext): string {
  const [head, index, field] = key.split('.');
  if (head === 'branches' && index !== undefined && field !== undefined) {
    return `${ctx.t('site.branch', { n: formatNumber(Number(index) + 1, ctx.lang) })}${lowerFirst(factLabel(field as FactName, ctx))}`;
  }
  return ctx.lang === 'zh-CN' ? factLabel(key as FactName, ctx) : lowerFirst(factLabel(key as FactName, ctx));
}

/** The words of an unknown's settling question: what is known of the figure, and the one question to ask. */
function settleTexts(settle: Settle, ctx: ExplainContext): { known: string; question: string } {
  const unit = FACT_UNITS[settle.fact];
  if (typeof settle.value === 'string') return dateSettleTexts(settle.fact, settle.value, settle.knownDays ?? {}, ctx);
  const range = settle.known ?? { min: 0 };
  const answered = answeredText(settle.fact, range, range, ctx);
  return {
    known: `${siteLabel(settle.scope, ctx)}${factLabel(settle.fact, ctx)}${ctx.lang === 'zh-CN' ? '：' : ': '}${answered}`,
    question: ctx.t(`settle.${settle.op}`, { value: formatQuantity(settle.value, unit, ctx.lang, ctx.t) }),
  };
}

/** A date's settling question: "是否在 2023-11-15 或之前？", after what is known of the day ("2023年11月"). */
function dateSettleTexts(fact: FactName, day: string, known: DateBounds, ctx: ExplainContext): { known: string; question: string } {
  return {
    known: `${factLabel(fact, ctx)}${ctx.lang === 'zh-CN' ? '：' : ': '}${formatDateSpan(known, ctx.t)}`,
    question: ctx.t('settle.onOrBefore', { value: day }),
  };
}

/** Counts round up to whole units; areas and money to the cent or hundredth of a m². */
function roundUp(value: number, whole: boolean): number {
  return whole ? Math.ceil(value - 1e-9) : Math.ceil(value * 100 - 1e-6) / 100;
}

function describePeriod(period: { years?: number; months?: number }, ctx: ExplainContext): string {
  if (period.years) return ctx.t('period.years', { count: period.years, n: period.years });
  return ctx.t('period.months', { count: period.months ?? 0, n: period.months ?? 0 });
}

function siteLabel(scope: Scope | undefined, ctx: ExplainContext): string {
  if (!scope) return '';
  return scope.site === 'core' ? ctx.t('site.core') : ctx.t('site.branch', { n: formatNumber(scope.index + 1, ctx.lang) });
}

/**
 * The localized name of a fact, in the words of the text being applied: a criterion's own name for it
 * (`<jurisdiction>:factLabels.<slug>.<fact>`: 园区总面积, 该分园区建筑面积), else the jurisdiction's
 * (`<jurisdiction>:factLabels.<fact>`: 山东 园区年营业收入, without 上一年度/含代收代付), else the vocabulary's.
 */
export function factLabel(fact: FactName, ctx: ExplainContext): string {
  if (ctx.criterion !== undefined) {
    const own = `factLabels.${ctx.criterion}.${fact}`;
    if (ctx.hasKey(own)) return ctx.tj(own);
  }
  const jurisdiction = `factLabels.${fact}`;
  if (ctx.hasKey(jurisdiction)) return ctx.tj(jurisdiction);
  return ctx.tf(`${fact}.label`);
}

/** The localized label of one value of a choice or list fact (a yes/no fact's values are 是 / 否). */
export function valueLabel(fact: FactName, value: string, ctx: ExplainContext): string {
  if (FACT_UNITS[fact].kind === 'boolean') return ctx.t(value === 'true' ? 'answer.yes' : 'answer.no');
  return ctx.tf(`${fact}.values.${value}`);
}

/** A label followed by a figure in brackets; a label that already ends in a bracket takes the figure inside it. */
function withFigure(label: string, figure: string, ctx: ExplainContext): string {
  const close = label.endsWith('）') ? '）' : label.endsWith(')') ? ')' : '';
  if (close === '') return ctx.t('figure.appended', { label, figure });
  return ctx.t('figure.inside', { label: label.slice(0, -1), figure, close });
}

/** English text after a colon starts in lower case ("Core park: floor area"); Chinese is unchanged. */
function afterColon(text: string, ctx: ExplainContext): string {
  return ctx.lang === 'zh-CN' ? text : lowerFirst(text);
}

function listOf(items: string[], ctx: ExplainContext): string {
  return items.join(ctx.t('list.separator'));
}

/** "Floor area" → "floor area"; acronyms ("HR institutions") and proper names' capitals after the first stay. */
function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second !== '' && second !== second.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `shandong.floor-area` → `floor-area`. */
export function slug(id: string): string {
  return id.slice(id.indexOf('.') + 1);
}

/** Just the gap of a finding in the user's units ("2,000 平方米"), or '' when it has no single figure. */
export function gapText(finding: Finding, ctx: ExplainContext): string {
  if (finding.kind === 'threshold' && finding.op === 'gte') return shortfallText(finding, ctx);
  if (finding.kind === 'share') {
    const unit = FACT_UNITS[finding.part];
    const isCount = unit.kind === 'count';
    const requiredPart = roundUp((finding.actualWhole * finding.percent) / 100, isCount);
    const gap = formatQuantity(roundUp(requiredPart - finding.actualPart, isCount), unit, ctx.lang, ctx.t);
    return finding.partRange || finding.wholeRange ? ctx.t('gap.atLeast', { gap }) : gap;
  }
  return '';
}
