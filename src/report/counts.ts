/**
 * The one set of counts every channel shows (widget, bot, staff console, CLI report): the result's own `counts`,
 * never recounted by a channel, and the criteria listed under each status, so that a heading saying "已满足 12 项"
 * always sits above twelve conditions. Pure and dependency-free, so the widget's bundle can use it too.
 */
import type { AssessmentResult, CriterionResult } from '../rules/evaluate.js';

/** `counts` as the locale strings take them: met, unmet, unknown, na (not applicable) and their total. */
export interface CountVars {
  [key: string]: number;
  met: number;
  unmet: number;
  unknown: number;
  na: number;
  total: number;
}

/** The result's counts, for `verdict` / `summary` strings. */
export function countVars(result: Pick<AssessmentResult, 'counts'>): CountVars {
  const { met, unmet, unknown, not_applicable: na } = result.counts;
  return { met, unmet, unknown, na, total: met + unmet + unknown + na };
}

/** The criteria of each listed status, required ones first (a stable sort keeps the text's order within each). */
export function criteriaByStatus(result: Pick<AssessmentResult, 'criteria'>): Record<'unmet' | 'unknown' | 'met', CriterionResult[]> {
  const of = (status: CriterionResult['status']) =>
    result.criteria.filter((c) => c.status === status).sort((a, b) => Number(a.severity === 'advisory') - Number(b.severity === 'advisory'));
  return { unmet: of('unmet'), unknown: of('unknown'), met: of('met') };
}
