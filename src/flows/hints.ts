/**
 * What to type, with the right counter: an example answer for each number question (25 家 for institutions,
 * 12 人 for staff, 2 个 for branch parks, 1.2万平方米, 5亿元), and the parser's hint for a rejected answer with the
 * count example made specific to the question. The parser's own hint (`parse.ts`) knows only "a count"; which
 * noun a fact counts is the rules' knowledge (`FACT_UNITS`), so it is joined here.
 */
import { compiledTranslator, hasKey } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { FACT_UNITS } from '../rules/units.js';
import { type ParseResult, parseHint } from './parse.js';
import { answerSpec } from './prompts.js';
import type { QuestionSpec } from './questions.js';

/** An example answer to a number question in `lang` ("12人", "12 people"); undefined for other kinds. */
export function answerExample(question: Pick<QuestionSpec, 'fact' | 'kind'>, lang: Lang): string | undefined {
  if (question.kind !== 'number') return undefined;
  const unit = FACT_UNITS[question.fact];
  const key = unit.kind === 'count' ? `examples.count.${unit.noun}` : `examples.${unit.kind}`;
  return hasKey(lang, 'flow', key) ? compiledTranslator(lang, 'flow')(key) : undefined;
}

/** The hint for an answer to `question` that could not be read, its example using the question's counter. */
export function answerHint(question: QuestionSpec, failure: Extract<ParseResult, { ok: false }>, lang: Lang): string {
  const hint = parseHint(failure, answerSpec(question), lang);
  const example = FACT_UNITS[question.fact].kind === 'count' ? answerExample(question, lang) : undefined;
  if (!example) return hint;
  // The parser's generic count line ("例如 25 或 25家") becomes this question's own ("例如 12人").
  const generic = compiledTranslator(lang, 'parse')('ask.count');
  return hint.replace(generic, compiledTranslator(lang, 'flow')('askCount', { example }));
}
