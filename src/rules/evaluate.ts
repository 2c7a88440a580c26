/**
 * `evaluate(jurisdictionId, facts, { date, lang })`: the one entry point every channel uses to learn what a
 * park's facts mean under a jurisdiction's text. The result has the shape of `shared/spec/assessment.md`,
 * extended (never renamed) with titles, structured gaps and the missing facts.
 */
import { z } from 'zod';
import { DEFAULT_LANG, isLang, type Lang, translator } from '../i18n/index.js';
import { RangeTable } from './bounds.js';
import { todayInChina } from './dates.js';
import { AssessmentInputError, describeIssues } from './errors.js';
import { type CriterionTexts, criterionTexts, explain } from './explain.js';
import { FACT_NAMES, type FactName, type Facts, FactsSchema } from './facts.js';
import { type ChecklistItem, type Prepared, prepared, type ProcedureItem } from './prepared.js';
import { isJurisdictionId, versionOn, versionsOf } from './registry.js';
import { type AppliedText, appliedText, type NewerText, newerTexts } from './versions.js';
import type {
  CriterionDef,
  Finding,
  JurisdictionDef,
  JurisdictionId,
  Outcome,
  Ref,
  Settle,
  Severity,
  Status,
  Verdict,
} from './types.js';

/** One criterion as the result reports it. */
export interface CriterionResult {
  id: string;
  ref: Ref;
  quote: string;
  severity: Severity;
  status: Status;
  facts: FactName[];
  explanation: string;
  // Extensions of the contract:
  /** Short localized statement of the requirement. */
  title: string;
  /** The article, localized ("第十二条第（二）项"). */
  refText: string;
  inPrinciple: boolean;
  /** Facts that would settle an `unknown`. */
  missing: FactName[];
  /** Structured gaps behind an `unmet`. */
  findings: Finding[];
  /** For an `unknown` only because a known range straddles the limit: the one question that settles it. */
  settle?: Settle;
}

/** The result of an assessment. */
export type { ChecklistItem, ProcedureItem };

/** The result of an assessment. */
export interface AssessmentResult {
  jurisdiction: JurisdictionId;
  date: string;
  verdict: Verdict;
  criteria: CriterionResult[];
  checklist: ChecklistItem[];
  procedure: ProcedureItem[];
  notices: string[];
  // Extensions:
  lang: Lang;
  /** The jurisdiction's localized name. */
  jurisdictionName: string;
  /** How many criteria ended in each status. */
  counts: Record<Status, number>;
  /** Facts whose answer would settle at least one unknown criterion, in vocabulary order. */
  missingFacts: FactName[];
  /** The version of the text applied: the one in force on `date`. */
  text: AppliedText;
  /** Versions that replace the one applied, each with what changed (empty when it is the latest). */
  newerTexts: NewerText[];
}

/** When and in which language to assess. */
export interface EvaluateOptions {
  /** `YYYY-MM-DD`; default: today in China. */
  date?: string;
  /** Default: zh-CN. */
  lang?: Lang;
}

const DateSchema = z.iso.date();

/**
 * Validates `facts` and assesses them under `jurisdictionId`'s text.
 * @throws AssessmentInputError naming each offending field, in `lang`.
 */
export function evaluate(jurisdictionId: string, facts: unknown, options: EvaluateOptions = {}): AssessmentResult {
  const lang = options.lang ?? DEFAULT_LANG;
  if (!isLang(lang)) throw inputError('lang', 'lang', DEFAULT_LANG, { value: String(lang) });
  if (!isJurisdictionId(jurisdictionId)) throw inputError('jurisdiction', 'jurisdiction', lang, { value: jurisdictionId });
  const date = options.date ?? todayInChina();
  if (!DateSchema.safeParse(date).success) throw inputError('date', 'date', lang, { value: date });
  const parsed = FactsSchema.safeParse(facts, { reportInput: true });
  if (!parsed.success) throw new AssessmentInputError(describeIssues(parsed.error.issues, lang));
  return assessOn(versionsOf(jurisdictionId), parsed.data, { date, lang });
}

/**
 * Assesses validated facts under the version of a text in force on `options.date`, among `versions` (the
 * registered versions of one jurisdiction; tests pass a fixture version beside them).
 */
export function assessOn(versions: readonly JurisdictionDef[], facts: Facts, options: Required<EvaluateOptions>): AssessmentResult {
  return assess(versionOn(versions, options.date), facts, options, versions);
}

function inputError(field: string, code: string, lang: Lang, vars: Record<string, string>): AssessmentInputError {
  return new AssessmentInputError([{ field, code, message: translator(lang, 'errors')(`input.${code}`, vars) }]);
}

/** Assesses already-validated facts (the hot path of the conversation flows). */
export function assess(
  def: JurisdictionDef,
  facts: Facts,
  options: Required<EvaluateOptions>,
  versions: readonly JurisdictionDef[] = versionsOf(def.id),
): AssessmentResult {
  const texts = prepared(def, options.lang);
  // Every figure's range, narrowed by the relations between facts, derived once for all the criteria.
  const ranges = RangeTable.for(facts);
  const criteria = def.criteria.map((c) => assessCriterion(c, facts, options.date, texts, ranges));
  const newer = newerTexts(def, versions);
  const notices = [
    ...(options.date < def.inForceFrom ? [notYetInForce(def, texts)] : []),
    ...newer.map((n) => texts.ctx.t('notices.newerText', { version: n.version, from: n.inForceFrom, changes: n.changes.length })),
    ...texts.notices,
  ];
  return {
    jurisdiction: def.id,
    date: options.date,
    verdict: verdictOf(criteria),
    criteria,
    checklist: checklistOf(def, criteria, texts),
    procedure: [...texts.procedure],
    notices,
    lang: options.lang,
    jurisdictionName: texts.name,
    counts: countStatuses(criteria),
    missingFacts: missingFactsOf(criteria),
    text: appliedText(def),
    newerTexts: newer,
  };
}

/** "Not yet in force", in the text's own word for it where it has one (牡丹江 实施). */
function notYetInForce(def: JurisdictionDef, texts: Prepared): string {
  const { ctx } = texts;
  return ctx.hasKey('notYetInForce') ? ctx.tj('notYetInForce', { from: def.inForceFrom }) : ctx.t('notices.notYetInForce', { from: def.inForceFrom });
}

/** Evaluates one criterion: its outcome and the words for it. */
export function assessCriterion(
  def: CriterionDef,
  facts: Facts,
  date: string,
  texts: Prepared,
  ranges: RangeTable = RangeTable.for(facts),
): CriterionResult {
  const outcome = def.check(facts, { date, ranges });
  const fixed = texts.criteria.get(def.id) ?? criterionTexts(def, texts.ctx);
  const result: CriterionResult = {
    id: def.id,
    ref: def.ref,
    quote: def.quote,
    severity: def.severity,
    status: outcome.status,
    facts: [...def.facts],
    explanation: explanationOf(def, outcome, texts, fixed),
    title: fixed.title,
    refText: fixed.refText,
    inPrinciple: def.inPrinciple ?? false,
    missing: outcome.missing,
    findings: outcome.findings,
  };
  // Assigned rather than spread into the literal: a conditional spread puts every result on V8's slow path.
  if (outcome.settle) result.settle = outcome.settle;
  return result;
}

/**
 * Explanations that do not depend on figures (met, unknown, not applicable) are rendered once and reused. A
 * settling question depends on the known range, which a conversation re-assesses unchanged turn after turn: those
 * are kept too, up to a bound, so that many applicants' ranges cannot grow the cache without limit.
 */
function explanationOf(def: CriterionDef, outcome: Outcome, texts: Prepared, fixed: CriterionTexts): string {
  if (outcome.status === 'unmet') return explain(def, outcome, texts.ctx, fixed);
  const key = outcome.settle
    ? settleKey(def.id, outcome.settle)
    : outcome.status === 'met'
      ? def.id
      : `${def.id}|${outcome.status}|${outcome.missing.join(',')}|${outcome.inapplicable?.fact ?? ''}=${outcome.inapplicable?.value ?? ''}`;
  let text = texts.explanations.get(key);
  if (text === undefined) {
    text = explain(def, outcome, texts.ctx, fixed);
    if (!outcome.settle || texts.explanations.size < SETTLE_CACHE_LIMIT) texts.explanations.set(key, text);
  }
  return text;
}

/** How many explanations (mostly settling questions) one jurisdiction and language keeps at most. */
const SETTLE_CACHE_LIMIT = 10_000;

function settleKey(id: string, s: Settle): string {
  const k = s.known;
  const site = s.scope ? (s.scope.site === 'core' ? 'core' : `b${s.scope.index}`) : '';
  const days = s.knownDays ? `|${s.knownDays.min ?? ''}~${s.knownDays.max ?? ''}` : '';
  return `${id}|?${s.fact}|${s.op}|${s.value}|${site}|${k?.min ?? ''}|${k?.max ?? ''}|${k?.derived ? 'd' : ''}|${k?.from?.join(',') ?? ''}${days}`;
}

/**
 * `ineligible` when any required criterion is unmet; otherwise `incomplete` when any required criterion is
 * unknown; otherwise `eligible`. Advisory criteria never change the verdict.
 */
export function verdictOf(criteria: readonly Pick<CriterionResult, 'severity' | 'status'>[]): Verdict {
  const required = criteria.filter((c) => c.severity === 'required');
  if (required.some((c) => c.status === 'unmet')) return 'ineligible';
  if (required.some((c) => c.status === 'unknown')) return 'incomplete';
  return 'eligible';
}

function checklistOf(def: JurisdictionDef, criteria: readonly CriterionResult[], texts: Prepared): ChecklistItem[] {
  const applicable = new Set(criteria.filter((c) => c.status !== 'not_applicable').map((c) => c.id));
  const wanted = new Set(def.criteria.filter((c) => applicable.has(c.id)).flatMap((c) => c.evidence ?? []));
  const evidence = [...texts.evidence.values()].filter((e) => wanted.has(e.id));
  return [...texts.materials, ...evidence];
}

function countStatuses(criteria: readonly CriterionResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { met: 0, unmet: 0, unknown: 0, not_applicable: 0 };
  for (const c of criteria) counts[c.status] += 1;
  return counts;
}

function missingFactsOf(criteria: readonly CriterionResult[]): FactName[] {
  const missing = new Set(criteria.filter((c) => c.status === 'unknown').flatMap((c) => c.missing));
  return FACT_NAMES.filter((f) => missing.has(f));
}
