/**
 * The one reading of a typed answer, for the conversation and the staff console: the parser's (`parse.ts`), else,
 * for a part of a known whole, a share of it (`shares.ts`: 一半左右, 60%); a layout said with its branch count
 * carries that count along (`implied.ts`: 一核两园).
 */
import type { Facts } from '../rules/facts.js';
import { type Implied, layoutWithBranches } from './implied.js';
import { parseAnswer, type ParseResult, typedText } from './parse.js';
import { answerSpec } from './prompts.js';
import type { QuestionSpec } from './questions.js';
import { shareOfWhole } from './shares.js';

/** A reading, with the answers given along with it (taken by the conversation as if each had been asked). */
export type Read = ParseResult & { implied?: readonly Implied[] };

/** `value` read as the answer to `question`, given the facts so far; `today` reads dates said relative to it (去年5月10日). */
export function readAnswer(question: QuestionSpec, value: unknown, facts: Facts, today?: string): Read {
  const spec = today === undefined || question.kind !== 'date' ? answerSpec(question) : { ...answerSpec(question), today };
  const parsed = parseAnswer(value, spec);
  if (parsed.ok || typeof value !== 'string') return parsed;
  if (question.fact === 'layout' && question.branch === undefined) {
    const text = typedText(value);
    const withBranches = text === undefined ? undefined : layoutWithBranches(text);
    if (withBranches) return { ok: true, value: withBranches.value, implied: withBranches.implied };
  }
  return shareOfWhole(question, value, facts, spec) ?? parsed;
}
