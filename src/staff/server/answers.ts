/**
 * Typed answers ⇄ facts, on the server, with the conversation's own parser: each field of the console is read
 * by `parseAnswer` with the question's `answerSpec` (so "1.2万", "五亿", "是" mean what they mean in the chat), and
 * facts imported as JSON are turned back into text the same parser reads to the same values.
 */
import { compiledTranslator } from '../../i18n/compiled.js';
import type { Lang } from '../../i18n/index.js';
import { isRange, rangeInput, rangeText } from '../../flows/ranges.js';
import { readAnswer } from '../../flows/read.js';
import { answerSpec } from '../../flows/prompts.js';
import { parseAnswer, parseHint } from '../../flows/parse.js';
import { BRANCH_FIELDS, QUESTION_ORDER, type QuestionSpec, questionById, withAnswer } from '../../flows/questions.js';
import { describeIssues } from '../../rules/errors.js';
import { exactOf, type FactName, type Facts, FactsSchema } from '../../rules/facts.js';
import { formatQuantity } from '../../rules/format.js';
import { factLabelIn } from '../../rules/labels.js';
import type { JurisdictionId } from '../../rules/types.js';
import { FACT_UNITS } from '../../rules/units.js';
import type { FieldState } from '../shared/types.js';
import { staffT } from './text.js';

/** The console shows at most this many branch parks' figures. */
export const MAX_BRANCHES = 10;

/** The position of a question id in asking order: facts by QUESTION_ORDER, branch figures after `branches`. */
function orderOf(id: string): number {
  const branch = /^branches\.(\d+)\.(\w+)$/.exec(id);
  if (branch) {
    const base = QUESTION_ORDER.indexOf('branches');
    return base + (Number(branch[1]) * BRANCH_FIELDS.length + BRANCH_FIELDS.indexOf(branch[2] as never) + 1) / 1000;
  }
  const i = QUESTION_ORDER.indexOf(id as FactName);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** The value as the console shows it back: "12,000 平方米", "是", "综合性园区". */
export function displayValue(question: QuestionSpec, value: unknown, lang: Lang): string {
  const rules = compiledTranslator(lang, 'rules');
  const facts = compiledTranslator(lang, 'facts');
  if (typeof value === 'number') return formatQuantity(value, FACT_UNITS[question.fact], lang, rules);
  if ((question.kind === 'number' || question.kind === 'date') && isRange(value)) return rangeText(value, question.fact, lang);
  if (typeof value === 'boolean') return rules(value ? 'answer.yes' : 'answer.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return staffT(lang)('field.noneOf');
    return value.map((v) => facts(`${question.fact}.values.${String(v)}`)).join(rules('list.separator'));
  }
  if (question.kind === 'choice') return facts(`${question.fact}.values.${String(value)}`);
  return String(value);
}

/** A fact's value as the documents print it, or '' when it is unknown. */
export function displayValueOfFact(fact: FactName, facts: Facts, lang: Lang): string {
  const value = facts[fact];
  const question = questionById(fact);
  return value === undefined || !question ? '' : displayValue(question, value, lang);
}

/** Typed answers read into facts, with how each field was read. */
export interface ReadAnswers {
  facts: Facts;
  fields: Record<string, FieldState>;
  /**
   * Answers said along with another field's (园区布局 "一核两园" also says 分园区数量 2), for fields left empty: taken
   * into the facts as the conversation takes them, and given back as text for the console to fill in.
   */
  implied: ImpliedAnswer[];
}

/**
 * Reads every typed answer. Empty fields and "不清楚" leave the fact unknown; unreadable ones are reported with
 * the chat's hint; answers that contradict each other (入驻面积 larger than 建筑面积) are reported on the field
 * and left out, so that the rest can still be assessed. `today` (the assessment's date) reads 去年5月10日.
 */
export function readAnswers(answers: Readonly<Record<string, string>>, lang: Lang, jurisdiction?: JurisdictionId, today?: string): ReadAnswers {
  const t = staffT(lang);
  const fields: Record<string, FieldState> = {};
  const questions = new Map<string, QuestionSpec>();
  const implied: ImpliedAnswer[] = [];
  let facts: Facts = {};
  const ids = Object.keys(answers).sort((a, b) => orderOf(a) - orderOf(b));
  for (const id of ids) {
    const raw = answers[id] ?? '';
    const question = questionById(id);
    if (!question) {
      fields[id] = { state: 'error', message: t('field.unknownQuestion') };
      continue;
    }
    questions.set(id, question);
    if (raw.trim() === '') {
      // Unless another field's answer said it along (its state is set there).
      if (!implied.some((a) => a.questionId === id)) fields[id] = { state: 'unknown' };
      continue;
    }
    if (question.branch !== undefined && (question.branch >= Math.min(exactOf(facts.branchCount) ?? 0, MAX_BRANCHES) || facts.layout === 'single')) {
      // A figure of a branch the park does not (or no longer) have: kept in the form, not assessed.
      fields[id] = { state: 'unknown', message: t('field.branchBeyondCount') };
      continue;
    }
    const spec = answerSpec(question);
    // As in the chat: a part may be given as a share of its whole typed above (入驻面积 "60%").
    const parsed = readAnswer(question, raw, facts, today);
    if (!parsed.ok) {
      fields[id] = { state: 'error', message: parseHint(parsed, spec, lang) };
      continue;
    }
    if (parsed.value === null) {
      fields[id] = { state: 'unknown', display: compiledTranslator(lang, 'rules')('answer.unknown') };
      continue;
    }
    facts = withAnswer(facts, question, parsed.value);
    fields[id] = { state: 'answered', display: displayValue(question, parsed.value, lang) };
    for (const along of parsed.implied ?? []) {
      const alongQuestion = questionById(along.questionId);
      // A field typed in is the clerk's answer: what another field implies never replaces it.
      if (!alongQuestion || (answers[along.questionId] ?? '').trim() !== '') continue;
      facts = withAnswer(facts, alongQuestion, along.value);
      questions.set(along.questionId, alongQuestion);
      const display = displayValue(alongQuestion, along.value, lang);
      fields[along.questionId] = { state: 'answered', display: `${display}${t('field.impliedBy', { label: factLabelIn(question.fact, lang, jurisdiction) })}` };
      implied.push({ questionId: along.questionId, text: textFor(alongQuestion, along.value, lang), from: id });
    }
  }
  return { facts: consistent(facts, fields, questions, lang, jurisdiction), fields, implied };
}

/** An answer said along with another field's: the field it answers, the text to fill in, and the field that said it. */
export interface ImpliedAnswer {
  questionId: string;
  text: string;
  from: string;
}

/** Drops answers the vocabulary's consistency rules reject, saying why on their field. */
function consistent(facts: Facts, fields: Record<string, FieldState>, questions: Map<string, QuestionSpec>, lang: Lang, jurisdiction?: JurisdictionId): Facts {
  const t = staffT(lang);
  let current = facts;
  for (let round = 0; round < 8; round++) {
    const parsed = FactsSchema.safeParse(current);
    if (parsed.success) return parsed.data;
    const problems = describeIssues(parsed.error.issues, lang);
    let changed = false;
    parsed.error.issues.forEach((issue, i) => {
      const field = issue.path.map(String).join('.');
      const question = questions.get(field);
      const params = (issue as { params?: { rule?: string; other?: string } }).params;
      const message =
        params?.rule === 'exceeds' && params.other
          ? t('field.exceeds', { other: factLabelIn(params.other as FactName, lang, jurisdiction) })
          : params?.rule === 'singleWithBranches'
            ? t('field.singleWithBranches')
            : (problems[i]?.message ?? t('field.invalid'));
      if (question) {
        fields[field] = { state: 'error', message };
        current = withAnswer(current, question, undefined);
        changed = true;
      }
    });
    if (!changed) return {};
  }
  return FactsSchema.safeParse(current).success ? current : {};
}

/** Facts turned into the typed answers of the console's fields. */
export interface FactsAsAnswers {
  answers: Record<string, string>;
  dropped: string[];
}

/**
 * The text for each fact that the parser reads back to the same value: figures as plain numbers, yes/no and
 * options by their labels in `lang` (by their values where a label would not read back uniquely), lists joined.
 */
export function answersFromFacts(facts: Facts, lang: Lang): FactsAsAnswers {
  const answers: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(facts) as [FactName, unknown][]) {
    if (value === undefined) continue;
    if (name === 'branches') {
      (value as Facts['branches'] & object).slice(0, MAX_BRANCHES).forEach((branch, i) => {
        for (const field of BRANCH_FIELDS) {
          const figure = branch[field];
          if (figure !== undefined) answers[`branches.${i}.${field}`] = String(figure);
        }
      });
      continue;
    }
    const question = questionById(name);
    if (!question) {
      dropped.push(name);
      continue;
    }
    answers[name] = textFor(question, value, lang);
  }
  return { answers, dropped };
}

function textFor(question: QuestionSpec, value: unknown, lang: Lang): string {
  const rules = compiledTranslator(lang, 'rules');
  const facts = compiledTranslator(lang, 'facts');
  const readsBack = (text: string) => {
    const parsed = parseAnswer(text, answerSpec(question));
    return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(value);
  };
  let text: string;
  if (typeof value === 'number') return String(value);
  if (question.kind === 'number' && isRange(value)) return rangeInput(value);
  // A day known roughly, as shown ("2023年5月", "2023-05-01 至 2023-05-20 之间"), which the parser reads back.
  if (question.kind === 'date' && isRange(value)) text = rangeText(value, question.fact, lang);
  else if (typeof value === 'boolean') text = rules(value ? 'answer.yes' : 'answer.no');
  else if (Array.isArray(value)) {
    text = value.length === 0 ? staffT(lang)('field.noneTyped') : value.map((v) => facts(`${question.fact}.values.${String(v)}`)).join(lang === 'zh-CN' ? '、' : ', ');
    if (!readsBack(text)) text = value.length === 0 ? 'none' : value.join(', ');
    return text;
  } else if (question.kind === 'choice') text = facts(`${question.fact}.values.${String(value)}`);
  else return String(value);
  return readsBack(text) ? text : String(value);
}
