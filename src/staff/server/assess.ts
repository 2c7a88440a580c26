/**
 * The console's assessments: typed answers read by the chat's parser, then `evaluate()` for one jurisdiction
 * (`POST /staff/api/assess`) or for all five side by side, topic by topic (`POST /staff/api/compare`).
 */
import type { Lang } from '../../i18n/index.js';
import { type AssessmentResult, evaluate } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts.js';
import { factLabelIn } from '../../rules/labels.js';
import { JURISDICTIONS, jurisdictionOn } from '../../rules/registry.js';
import type { JurisdictionId, Status } from '../../rules/types.js';
import { type AssessResponse, type CompareCell, type CompareResponse, COMPARE_TOPICS } from '../shared/types.js';
import { readAnswers } from './answers.js';
import { criterionGap } from './gaps.js';
import { staffT } from './text.js';
import { criterionTopic } from './topics.js';

/** When and in which language. */
export interface AssessOptions {
  lang: Lang;
  date: string;
}

/** The gaps of a result's unmet criteria, by id. */
export function gapsOf(result: AssessmentResult, lang: Lang): Record<string, string> {
  // The version the result applied (the one in force on its date), not merely the latest.
  const def = jurisdictionOn(result.jurisdiction, result.date);
  return Object.fromEntries(result.criteria.filter((c) => c.status === 'unmet').map((c) => [c.id, criterionGap(c, def, lang)]));
}

/** Reads the answers and assesses them under one jurisdiction. */
export function assessAnswers(jurisdiction: JurisdictionId, answers: Record<string, string>, options: AssessOptions): AssessResponse {
  const { facts, fields, implied } = readAnswers(answers, options.lang, jurisdiction, options.date);
  const result = evaluate(jurisdiction, facts, options);
  return { facts, fields, result, gaps: gapsOf(result, options.lang), ...stillToFindOut(result, options.lang), ...(implied.length ? { implied } : {}) };
}

/** What a result still needs, named as its own text names it (never another text's 上一年度…（含代收代付）). */
export function stillToFindOut(result: AssessmentResult, lang: Lang): Pick<AssessResponse, 'missing' | 'needs'> {
  const j = result.jurisdiction;
  return {
    missing: Object.fromEntries(result.missingFacts.map((f) => [f, factLabelIn(f, lang, j)])),
    needs: Object.fromEntries(
      result.criteria.filter((c) => c.status === 'unknown' && c.missing.length > 0).map((c) => [c.id, c.missing.map((f) => factLabelIn(f, lang, j, c.id))]),
    ),
  };
}

const SEVERITY_ORDER: readonly Status[] = ['unmet', 'unknown', 'met', 'not_applicable'];

/** The status of a cell: the worst of its required criteria, or of its advisory ones when it has none. */
export function cellStatus(criteria: readonly { status: Status; severity: string }[]): CompareCell['status'] {
  if (criteria.length === 0) return 'none';
  const required = criteria.filter((c) => c.severity === 'required');
  const counted = required.length > 0 ? required : criteria;
  return SEVERITY_ORDER.find((s) => counted.some((c) => c.status === s)) ?? 'not_applicable';
}

/** The same facts under every jurisdiction, row by topic. */
export function compareFacts(facts: Facts, options: AssessOptions): Omit<CompareResponse, 'facts' | 'fields'> {
  const t = staffT(options.lang);
  const results = JURISDICTIONS.map((def) => ({ def, result: evaluate(def.id, facts, options) }));
  const topicOf = new Map(JURISDICTIONS.flatMap((def) => def.criteria.map((c) => [c.id, criterionTopic(c)] as const)));
  return {
    jurisdictions: results.map(({ result }) => ({
      id: result.jurisdiction,
      name: result.jurisdictionName,
      verdict: result.verdict,
      verdictText: t(`verdictShort.${result.verdict}`),
      counts: result.counts,
    })),
    rows: COMPARE_TOPICS.map((topic) => ({
      topic,
      label: t(`topics.${topic}`),
      cells: results.map(({ def, result }) => {
        const criteria = result.criteria
          .filter((c) => topicOf.get(c.id) === topic)
          .map((c) => ({
            id: c.id,
            title: c.title,
            refText: c.refText,
            status: c.status,
            severity: c.severity,
            gap: criterionGap(c, def, options.lang),
            explanation: c.explanation,
          }));
        return { jurisdiction: def.id, status: cellStatus(criteria), criteria };
      }),
    })),
  };
}

/** Reads the answers and compares them under every jurisdiction. */
export function compareAnswers(answers: Record<string, string>, options: AssessOptions): CompareResponse {
  const { facts, fields } = readAnswers(answers, options.lang, undefined, options.date);
  return { facts, fields, ...compareFacts(facts, options) };
}
