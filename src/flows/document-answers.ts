/**
 * Answers found in a document an applicant wrote (申报书, 情况说明, a table of figures): where a line names a fact
 * ("园区总建筑面积1.2万平方米", "入驻人力资源服务机构：35家", a table row "营业收入 | 5.2亿元"), the words after the name
 * are read as if typed into that question. A careful clerk does the same, then checks: what is found is offered as
 * typed text with the line it came from, never assessed unseen.
 *
 * The names of each fact in such documents are data (`locales/<lang>/documentTerms.json`, plus the fact's own label).
 * Where names overlap, the longest one a line names wins (核心园区建筑面积 over 建筑面积, 经营性人力资源服务机构 over
 * 人力资源服务机构). The words read are those up to the next name or the end of the clause (，。；); a name alone on
 * its line (a table's label cell) takes the next line (its value cell). A yes/no or a choice is taken only from a
 * short value ("管理制度：已建立"), never from prose. The first reading of each fact wins; a line that says the same
 * fact again with another value is reported, so that the clerk decides.
 */
import { compiledTranslator, hasKey } from '../i18n/compiled.js';
import { LANGUAGES } from '../i18n/index.js';
import type { Facts } from '../rules/facts.js';
import { typedText } from './parse.js';
import { QUESTION_ORDER, type QuestionSpec, questionById } from './questions.js';
import { readAnswer } from './read.js';

/** One answer found: the question, the words read (as they would be typed), and the line they came from. */
export interface FoundAnswer {
  questionId: string;
  text: string;
  line: string;
}

/** What a document says: answers found, and the questions it gives more than one value for. */
export interface DocumentAnswers {
  found: FoundAnswer[];
  conflicting: string[];
}

/** Sentences read at most: a long report is read in its first part. */
const MAX_SENTENCES = 10_000;
/** The most a sentence holds when read (as much as a typed answer may): longer ones are cut at their commas. */
const MAX_SENTENCE = 200;
/** A yes/no or a choice is read from a value this short at most (a form's cell, not a sentence). */
const SHORT_VALUE = 16;
/** Where a clause ends; a comma between digits groups thousands (12,000) and ends nothing. */
const CLAUSE_END = /[，。；;！!？?\n]|,(?!\d{3})/;
const LEADING = /^[\s:：、,，\-—|]+/;
/** The rest of a name that a document writes after it ("入园企业总数", "人力资源服务机构数量"), and its colon. */
const NAME_TAIL = /^(?:总数|数量|个数|总量|总计|合计)\s*[:：]?\s*/;

interface Term {
  term: string;
  question: QuestionSpec;
}

let terms: readonly Term[] | undefined;

/** Every name of every top-level question's fact, in both languages, longest first. */
function allTerms(): readonly Term[] {
  if (terms) return terms;
  const out: Term[] = [];
  for (const fact of QUESTION_ORDER) {
    const question = questionById(fact);
    if (!question) continue;
    const names = new Set<string>();
    for (const lang of LANGUAGES) {
      if (hasKey(lang, 'documentTerms', fact)) for (const name of compiledTranslator(lang, 'documentTerms')(fact).split('|')) names.add(name);
      if (lang === 'zh-CN') names.add(compiledTranslator(lang, 'facts')(`${fact}.label`));
    }
    for (const name of names) {
      const term = typedText(name);
      if (term && term.length >= 2) out.push({ term, question });
    }
  }
  terms = out.sort((a, b) => b.term.length - a.term.length);
  return terms;
}

interface Named {
  start: number;
  end: number;
  question: QuestionSpec;
}

/** The names a line says, longest first where they overlap, in the order they stand. */
function namesIn(line: string): Named[] {
  const named: Named[] = [];
  for (const { term, question } of allTerms()) {
    for (let at = line.indexOf(term); at >= 0; at = line.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (!named.some((n) => at < n.end && end > n.start)) named.push({ start: at, end, question });
    }
  }
  return named.sort((a, b) => a.start - b.start);
}

/** The words after a name: up to the next name or the end of the clause, without the colon or dash before them. */
function valueAfter(line: string, name: Named, next: Named | undefined): string {
  const rest = line.slice(name.end, next?.start ?? line.length).replace(LEADING, '').replace(NAME_TAIL, '');
  const end = rest.search(CLAUSE_END);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/**
 * A paragraph as sentences (a 申报书's paragraphs run long), each at most as long as a typed answer may be: one
 * longer than that is cut at its commas, and a run without any at the limit.
 */
function sentencesOf(line: string): string[] {
  const out: string[] = [];
  for (const sentence of line.split(/(?<=[。；;！!？?])/u)) {
    let rest = sentence.trim();
    while (rest.length > MAX_SENTENCE) {
      const cut = Math.max(rest.lastIndexOf('，', MAX_SENTENCE - 1), rest.lastIndexOf(', ', MAX_SENTENCE - 1));
      const at = cut > 0 ? cut + 1 : MAX_SENTENCE;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest !== '') out.push(rest);
  }
  return out;
}

/**
 * Words that state a requirement, not the park's own figure: 申报书 quote the conditions they answer ("按照《办法》要求，
 * 园区建筑面积不少于1万平方米，我园区…"), and a limit read as the park's answer would meet it by itself. A value said in
 * the texts' own terms (不少于 / 不低于 / 不超过 …, 达…以上) or a sentence about the rules (办法, 条件, 要求, 应当 …) is
 * passed over. Checked against the five texts themselves, from which nothing is read.
 */
const REQUIREMENT = /^(?:不少于|不低于|不超过|不高于|不多于|不得|至少|最少|原则上|应当?|须|需|必须)|^达到?.*以[上下]$/;
/** 分园 in the clause up to the end of a name (第一分园区建筑面积). */
const BRANCH_BEFORE = /分园[^，。；,;]*$/;
const ABOUT_THE_RULES = /办法|条件|要求|规定|标准|细则|应当|必须/;

/** Whether a value may be read for `question`: figures and dates anywhere, a yes/no or choice only from a short cell. */
function readable(question: QuestionSpec, value: string, sentence: string): boolean {
  if (value === '' || REQUIREMENT.test(value) || ABOUT_THE_RULES.test(sentence)) return false;
  return question.kind === 'number' || question.kind === 'date' || value.length <= SHORT_VALUE;
}

/**
 * The answers `lines` give, each read as the conversation reads typed text (`today` for dates said relative to it).
 * Lines are normalised as the parser normalises typed text (full-width forms, spacing).
 */
export function answersInLines(given: readonly string[], today?: string): DocumentAnswers {
  const lines = given.flatMap(sentencesOf).slice(0, MAX_SENTENCES);
  const text = lines.map((l) => typedText(l) ?? '');
  const found = new Map<string, FoundAnswer & { value: string }>();
  const conflicting = new Set<string>();
  let facts: Facts = {};
  // Each line's names, found once: a label cell looks at the next line's to tell a value cell from another label.
  const names = text.map(namesIn);
  text.forEach((line, i) => {
    const named = names[i]!;
    named.forEach((name, k) => {
      // 分园区建筑面积 / 第一分园区入驻机构: a branch park's figure, not the park's (per-branch figures are not read).
      if (name.question.fact !== 'branchCount' && BRANCH_BEFORE.test(line.slice(Math.max(0, name.start - 8), name.end))) return;
      let value = valueAfter(line, name, named[k + 1]);
      let source = (lines[i] ?? '').trim();
      // A table's label cell: its value is the next cell (the next line), when that one names nothing.
      if (value === '' && k === named.length - 1 && line.slice(name.end).replace(NAME_TAIL, '').trim() === '' && (names[i + 1]?.length ?? 0) === 0) {
        value = (text[i + 1] ?? '').trim();
        source = `${source} ${(lines[i + 1] ?? '').trim()}`;
      }
      if (!readable(name.question, value, line)) return;
      const read = readAnswer(name.question, value, facts, today);
      if (!read.ok || read.value === null) return;
      const id = name.question.id;
      const key = JSON.stringify(read.value);
      const earlier = found.get(id);
      if (earlier) {
        if (earlier.value !== key) conflicting.add(id);
        return;
      }
      found.set(id, { questionId: id, text: value, line: source, value: key });
      facts = { ...facts, [name.question.fact]: read.value };
    });
  });
  return { found: [...found.values()].map(({ value: _value, ...answer }) => answer), conflicting: [...conflicting] };
}
