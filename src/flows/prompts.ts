/**
 * Questions as channel-neutral prompts: `questionId`, `kind`, localized `text` and `help`, `options` with
 * `value` and `label`, and progress ("第 5 题，共约 18 题"). Every channel renders these; none invents its own text.
 */
import { compiledTranslator, hasKey } from '../i18n/compiled.js';
import { LANGUAGES, type Lang } from '../i18n/index.js';
import { JURISDICTIONS } from '../rules/registry.js';
import type { JurisdictionId } from '../rules/types.js';
import type { AnswerKind, AnswerSpec, NumberUnit } from './parse.js';
import { answerExample } from './hints.js';
import type { QuestionSpec } from './questions.js';

/** One choice a prompt offers. */
export interface PromptOption {
  value: string | boolean;
  label: string;
}

/** Where the conversation stands. */
export interface Progress {
  /** The number of this question (answered so far + 1). */
  current: number;
  /** The expected number of questions: answered + still open (it shrinks as answers rule questions out). */
  total: number;
  text: string;
}

/** A question as every channel shows it. */
export interface Prompt {
  /** The fact's name, `branches.<i>.<field>` for a branch figure, or `jurisdiction` for the opening. */
  questionId: string;
  kind: AnswerKind;
  text: string;
  help: string;
  options?: PromptOption[];
  unit?: NumberUnit;
  /** For a number question: an answer as one might type it, with the right counter ("12人", "1.2万平方米"). */
  example?: string;
  progress?: Progress;
}

/** The id of the opening question. */
export const JURISDICTION_QUESTION = 'jurisdiction';

/** How the parser reads answers to `question`: option labels in every language, so either may be typed. */
export function answerSpec(question: QuestionSpec): AnswerSpec {
  const spec: AnswerSpec = { kind: question.kind, unit: question.unit };
  if (question.options) {
    spec.options = question.options.map((value) => ({
      value,
      labels: LANGUAGES.map((lang) => compiledTranslator(lang, 'facts')(`${question.fact}.values.${value}`)),
    }));
  }
  return spec;
}

/**
 * The key of a question's `text` or `help` in `questions`: the jurisdiction's own wording
 * (`<fact>.byJurisdiction.<id>.<field>`, e.g. Wenzhou's 县（市、区） where Jilin says 市（州）) when the locale has
 * one, else the wording shared by every text. So a Wenzhou applicant never reads "（吉林：…；温州：…）".
 */
function questionKey(fact: string, field: 'text' | 'help', lang: Lang, jurisdiction: JurisdictionId | null | undefined): string {
  if (jurisdiction) {
    const own = `${fact}.byJurisdiction.${jurisdiction}.${field}`;
    if (hasKey(lang, 'questions', own)) return own;
  }
  return `${fact}.${field}`;
}

/** A question's text for `jurisdiction` (its own wording where the locale has one). */
export function questionText(question: QuestionSpec, lang: Lang, jurisdiction?: JurisdictionId | null): string {
  const tq = compiledTranslator(lang, 'questions');
  return question.branch === undefined
    ? tq(questionKey(question.fact, 'text', lang, jurisdiction))
    : tq(`branchField.${question.fact}`, { n: question.branch + 1 });
}

/** The prompt for `question` as `jurisdiction` words it, with progress. */
export function questionPrompt(question: QuestionSpec, lang: Lang, answered: number, open: number, jurisdiction?: JurisdictionId | null): Prompt {
  const tq = compiledTranslator(lang, 'questions');
  const example = answerExample(question, lang);
  return {
    questionId: question.id,
    kind: question.kind,
    text: questionText(question, lang, jurisdiction),
    help: tq(questionKey(question.fact, 'help', lang, jurisdiction)),
    ...(question.unit ? { unit: question.unit } : {}),
    ...(example ? { example } : {}),
    ...(optionsOf(question, lang) ? { options: optionsOf(question, lang) } : {}),
    progress: progress(answered, open, lang),
  };
}

function optionsOf(question: QuestionSpec, lang: Lang): PromptOption[] | undefined {
  if (question.kind === 'boolean') {
    const t = compiledTranslator(lang, 'flow');
    return [
      { value: true, label: t('answer.yes') },
      { value: false, label: t('answer.no') },
    ];
  }
  const tf = compiledTranslator(lang, 'facts');
  return question.options?.map((value) => ({ value, label: tf(`${question.fact}.values.${value}`) }));
}

function progress(answered: number, open: number, lang: Lang): Progress {
  const current = answered + 1;
  const total = answered + Math.max(open, 1);
  return { current, total, text: compiledTranslator(lang, 'flow')('progress', { current, total }) };
}

/** The opening question: which jurisdiction. */
export function jurisdictionPrompt(lang: Lang): Prompt {
  const t = compiledTranslator(lang, 'flow');
  const options = JURISDICTIONS.map((def) => ({ value: def.id, label: compiledTranslator(lang, def.id)('name') }));
  return {
    questionId: JURISDICTION_QUESTION,
    kind: 'choice',
    text: t('choose.text'),
    help: t('choose.help', { list: jurisdictionList(lang) }),
    options,
  };
}

/** The five jurisdictions' names as a list in `lang`. */
export function jurisdictionList(lang: Lang): string {
  return JURISDICTIONS.map((def) => compiledTranslator(lang, def.id)('name')).join(lang === 'zh-CN' ? '、' : ', ');
}
