/**
 * Bad input, described fact by fact in the user's language, so that every channel can say which answer is
 * wrong and why ("floorArea: 必须是不小于 0 的数字").
 */
import type { z } from 'zod';
import { type Lang, translator } from '../i18n/index.js';

/** One problem with one input field. `field` is the fact's name (or a path into it, `branches.1.floorArea`). */
export interface InputProblem {
  field: string;
  code: string;
  message: string;
}

/** Thrown when the facts, the jurisdiction, the date or the language cannot be used. */
export class AssessmentInputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'AssessmentInputError';
    this.problems = problems;
  }
}

/** The rule name of a zod issue, ours (custom `params.rule`) or zod's own code. */
function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return String((issue.params as { rule?: string } | undefined)?.rule ?? 'invalid');
  if (issue.code === 'too_small' && issue.minimum === 0) return 'negative';
  // Inside a fact (bounds, a branch, an institution): a key that is not one of its fields, not a fact name.
  if (issue.code === 'unrecognized_keys' && issue.path.length > 0) return 'unknownField';
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'required' : `type.${issue.expected}`;
  // A numeric fact is a number or bounds: a value that is neither (a string, a list) fails both alternatives.
  if (issue.code === 'invalid_union') return 'type.numberOrBounds';
  if (issue.code === 'invalid_format' && issue.format === 'date') return 'date';
  return issue.code;
}

/** Describes zod issues as localized problems, one per issue. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], lang: Lang): InputProblem[] {
  const t = translator(lang, 'errors');
  return issues.flatMap(unwrapUnion).map((issue) => {
    const field = issue.path.map(String).join('.') || '(input)';
    const code = ruleOf(issue);
    const vars = {
      field,
      keys: 'keys' in issue ? issue.keys.join(', ') : '',
      options: 'values' in issue ? (issue.values as unknown[]).map(String).join(', ') : '',
      other: issue.code === 'custom' ? String((issue.params as { other?: string } | undefined)?.other ?? '') : '',
      received: 'input' in issue ? JSON.stringify(issue.input) : '',
    };
    const key = `facts.${code}`;
    const message = getKeyOrFallback(t, key, 'facts.invalid', vars);
    const fieldOut = code === 'unrecognized_keys' ? vars.keys : code === 'unknownField' ? `${field}.${vars.keys}` : field;
    return { field: fieldOut, code, message: code === 'unknownField' ? t('facts.unknownField', { ...vars, field: fieldOut }) : message };
  });
}

function getKeyOrFallback(t: ReturnType<typeof translator>, key: string, fallback: string, vars: Record<string, string>): string {
  const text = t(key, { ...vars, defaultValue: '' });
  return text === '' ? t(fallback, vars) : text;
}

/**
 * A number-or-bounds fact that fails both alternatives: when the value has the shape of one of them (an object
 * for bounds, a number), that alternative's own issues say what is wrong ("floorArea.min: must not be
 * negative"); otherwise the union issue stands ("must be a number or bounds").
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const wrongShape = (i: z.core.$ZodIssue) => i.code === 'invalid_type' && i.path.length === 0 && (i.expected === 'number' || i.expected === 'object');
  const shaped = issue.errors.filter((branch) => !branch.every(wrongShape));
  if (shaped.length !== 1) return [issue];
  return (shaped[0] ?? []).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue);
}
