/**
 * Questions as channel-neutral prompts: `questionId`, `kind`, localized `text` and `help`, `options` with
 * `value` and `label`, and progress ("第 5 题，共约 18 题"). Every channel renders these; none invents its own text.
 */
import { compiledTranslator, hasKey } from '../i18n/compiled.js';
import { LANGUAGES, type Lang } from '../i18n/index.js';
import { formatQuantity } from '../rules/format.js';
import { factLabelIn } from '../rules/labels.js';
import type { FactName } from '../rules/facts.js';
import { JURISDICTIONS } from '../rules/registry.js';
import type { JurisdictionId } from '../rules/types.js';
import { FACT_UNITS } from '../rules/units.js';
import type { AnswerKind, AnswerSpec, NumberUnit } from './parse.js';
import { answerExample } from './hints.js';
import { PerText } from './per-text.js';
import type { QuestionSpec } from './questions.js';
import { spacedIn } from './ranges.js';

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

/**
 * Facts whose text asks for something done 经常 / 广泛 / 积极 (Wenzhou 第八条（五）经常组织开展, Shandong and Mudanjiang
 * 广泛组织开展 公益活动; Mudanjiang 积极配合 … 举办招聘会): 经常 / 定期 are a yes there, and 偶尔 is asked once more.
 */
export const FREQUENCY_FACTS: ReadonlySet<string> = new Set(['holdsPublicWelfareActivities', 'organizesRecruitmentEvents']);

/** Figures that must be answered exactly (see `buildSpec`). */
const EXACT_FACTS: ReadonlySet<string> = new Set(['branchCount']);

/** Other words for an option (`answers:<fact>.<value>`, "|"-separated), in every language. */
function synonymsOf(fact: string, value: string): string[] {
  return LANGUAGES.flatMap((lang) => {
    const key = `${fact}.${value}`;
    const text = compiledTranslator(lang, 'answers')(key);
    return text === key || text === '' ? [] : text.split('|').map((w) => w.trim()).filter((w) => w !== '');
  });
}

/**
 * How the parser reads answers to `question`: the option labels in every language first (zh, en: hints use
 * them), then the synonyms from `locales/<lang>/answers.json`, so that any of them may be typed.
 */
export function answerSpec(question: QuestionSpec): AnswerSpec {
  // The same for every question with this fact and kind (the locales do not change at run time): built once.
  const key = `${question.fact}|${question.kind}`;
  const known = specs.get(key);
  if (known) return known;
  const spec = buildSpec(question);
  specs.set(key, spec);
  return spec;
}
const specs = new Map<string, AnswerSpec>();

function buildSpec(question: QuestionSpec): AnswerSpec {
  const spec: AnswerSpec = { kind: question.kind, unit: question.unit };
  if (question.options) {
    spec.options = question.options.map((value) => ({
      value,
      labels: [...LANGUAGES.map((lang) => compiledTranslator(lang, 'facts')(`${question.fact}.values.${value}`)), ...synonymsOf(question.fact, value)],
    }));
  }
  if (question.kind === 'boolean' && FREQUENCY_FACTS.has(question.fact)) spec.frequency = true;
  // How many branch parks decides which branch figures are asked, one branch at a time: it must be one number
  // (an applicant always knows it), so 两三个 gets a hint rather than a range.
  if (EXACT_FACTS.has(question.fact)) spec.exactOnly = true;
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
  // The text depends on nothing else, and the answers summary asks for every answered question on every turn.
  const key = `${lang}|${jurisdiction ?? ''}|${question.fact}|${question.branch ?? ''}`;
  let text = questionTexts.get(key);
  if (text === undefined) {
    const tq = compiledTranslator(lang, 'questions');
    text = question.branch === undefined ? tq(questionKey(question.fact, 'text', lang, jurisdiction)) : tq(`branchField.${question.fact}`, { n: question.branch + 1 });
    questionTexts.set(key, text);
  }
  return text;
}
/** Bounded: languages × jurisdictions × questions (branches 0–99). */
const questionTexts = new Map<string, string>();

/** The prompt for `question` as `jurisdiction` words it, with progress. */
export function questionPrompt(question: QuestionSpec, lang: Lang, answered: number, open: number, jurisdiction?: JurisdictionId | null): Prompt {
  const worded = promptTexts.remembered(lang, jurisdiction, question, () => wordPrompt(question, lang, jurisdiction));
  return { ...worded, progress: progress(answered, open, lang) };
}
/** A question's prompt but its progress, frozen (every conversation shares it). */
const promptTexts = new PerText<Readonly<Omit<Prompt, 'progress'>>>();

function wordPrompt(question: QuestionSpec, lang: Lang, jurisdiction?: JurisdictionId | null): Readonly<Omit<Prompt, 'progress'>> {
  const tq = compiledTranslator(lang, 'questions');
  const example = answerExample(question, lang);
  const options = optionsOf(question, lang);
  return Object.freeze({
    questionId: question.id,
    kind: question.kind,
    text: questionText(question, lang, jurisdiction),
    help: tq(questionKey(question.fact, 'help', lang, jurisdiction)),
    ...(question.unit ? { unit: question.unit } : {}),
    ...(example ? { example } : {}),
    ...(options ? { options: Object.freeze(options.map((o) => Object.freeze(o))) as PromptOption[] } : {}),
  });
}

/**
 * The one follow-up after a range that straddles a limit: "园区建筑面积是否不少于 10,000 平方米？" with 是 / 否 /
 * 不清楚 (its value `unknown` reads as "I don't know" in every channel). `range` is the answer as shown.
 */
export function settlePrompt(
  settling: { questionId: string; fact: FactName; op: 'gte' | 'gt' | 'lte' | 'lt'; value: number | string },
  range: string,
  lang: Lang,
  answered: number,
  open: number,
  jurisdiction?: JurisdictionId | null,
): Prompt {
  const t = compiledTranslator(lang, 'flow');
  // A day (a waiting period): "是否在 2023-11-22 或之前？"; a figure: "是否不少于 10,000 平方米？".
  const day = typeof settling.value === 'string';
  const limit = day ? String(settling.value) : formatQuantity(Number(settling.value), FACT_UNITS[settling.fact], lang, compiledTranslator(lang, 'rules'));
  const branch = /^branches\.(\d+)\./.exec(settling.questionId);
  // Named as the applied text names it (山东's 园区年营业收入, not 上一年度…（含代收代付）).
  const label = factLabelIn(settling.fact, lang, jurisdiction);
  const subject = branch ? t('settle.branchSubject', { n: Number(branch[1]) + 1, label }) : label;
  return {
    questionId: `settle.${settling.questionId}`,
    kind: 'boolean',
    text: day ? t('settle.dayText', { subject, limit }) : t('settle.text', { subject, op: t(`settle.op.${settling.op}`), limit }),
    help: t(day ? 'settle.dayHelp' : 'settle.help', { value: spacedIn(lang, range), limit }),
    options: [
      { value: true, label: t('answer.yes') },
      { value: false, label: t('answer.no') },
      { value: 'unknown', label: t('answer.skipped') },
    ],
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
