/**
 * Turns what a person types into a fact value: "1.2万平方米" → 12000, "有" → true, "综合" → 'comprehensive',
 * "会议、培训" → ['meeting', 'training'], "2024年1月10日" → '2024-01-10', "不清楚" → null.
 *
 * Decisions on ambiguous input (each also pinned by a test):
 * - Text is NFKC-normalised first, which turns full-width ＡＢ１２３，：．％ into ASCII and also ㎡ / m² into m2
 *   and ① into 1; case and runs of spaces stop mattering. Inputs over 200 characters, or with control characters,
 *   are unreadable, so no input is slow.
 * - Thousands separators must group by three (12,000); "1,2000" and "1 2000" are unreadable, never guessed.
 * - A bare number is in the question's base unit (m², yuan, count, percentage points). For a percent question
 *   0.6 means 0.6 %, not 60 %: the number is taken as typed and never rescaled.
 * - 约 / 大约 / 左右 / about are ignored (an approximate figure is still the figure given), but 多 / 余 / 以上
 *   ("more than 5000") are unreadable: they state a bound, not a figure.
 * - Colloquial shortening is read as people mean it: 一万五 = 15000, 两千三 = 2300, 1万5 = 15000, 3个亿 = 3亿.
 * - For a boolean question 1 means yes and 0 means no (as in forms and spreadsheets).
 * - JSON null means "I don't know", like 不清楚; a JSON number for a choice is its 1-based position.
 * - A multi answer lists option values in the options' order, without duplicates; 无 / none → [], 全部 / all →
 *   every option; a trailing 等 / etc. is dropped.
 * - Choice labels match exactly, or by a unique substring of at least two characters (Latin text only at a word
 *   start, so "no" does not match "technological"); two matching options are unknownOption, never a guess.
 * - Dates must name a day of a year between 1900 and 2100 that exists; a month alone is invalidDate.
 */
import { compiledTranslator, type Translate } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { formatNumber } from '../rules/format.js';
import { parseNumeral, readNumeral, toNumber } from './numerals.js';

/** The shape of answer a question expects. */
export type AnswerKind = 'choice' | 'multi' | 'boolean' | 'number' | 'date';
/** What a number answer measures: m², yuan, a whole count, or percentage points. */
export type NumberUnit = 'area' | 'money' | 'count' | 'percent';

/** One option of a choice: the value stored, and every label or synonym a person might type (zh first, then en). */
export interface ChoiceOption {
  value: string;
  labels: readonly string[];
}

/** What a question accepts. */
export interface AnswerSpec {
  kind: AnswerKind;
  /** For kind 'number'; without it the number is plain and any unit typed is wrongUnit. */
  unit?: NumberUnit;
  /** For 'choice' and 'multi'. */
  options?: readonly ChoiceOption[];
  /** Larger values are rejected as tooLarge; defaults: 10,000,000 m², 1e13 yuan, 1,000,000, 100 %. */
  max?: number;
}

/** Why an answer could not be read. */
export type ParseErrorCode =
  | 'empty'
  | 'unreadable'
  | 'wrongUnit'
  | 'negative'
  | 'tooLarge'
  | 'notInteger'
  | 'unknownOption'
  | 'invalidDate';

/** A fact value (null = "I don't know"), or why there is none; wrongUnit says which unit was recognised. */
export type ParseResult =
  | { ok: true; value: string | number | boolean | string[] | null }
  | { ok: false; code: ParseErrorCode; detectedUnit?: NumberUnit };

type Failure = Extract<ParseResult, { ok: false }>;

const MAX_RAW = 2_000;
const MAX_TEXT = 200;
const MAX_ITEMS = 30;
const DEFAULT_MAX: Readonly<Record<NumberUnit | 'plain', number>> = {
  area: 10_000_000,
  money: 1e13,
  count: 1_000_000,
  percent: 100,
  plain: 1e15,
};

const ok = (value: string | number | boolean | string[] | null): ParseResult => ({ ok: true, value });
const fail = (code: ParseErrorCode, detectedUnit?: NumberUnit): Failure =>
  detectedUnit ? { ok: false, code, detectedUnit } : { ok: false, code };

/**
 * Reads one answer. `input` is either a JSON value of the right type (validated as typed text would be) or the
 * text a person typed. Never throws: anything unexpected is an error result.
 */
export function parseAnswer(input: unknown, spec: AnswerSpec): ParseResult {
  try {
    return parseInput(input, spec);
  } catch {
    // Defence in depth: a malformed spec from a caller must not take the conversation down.
    return fail('unreadable');
  }
}

function parseInput(input: unknown, spec: AnswerSpec): ParseResult {
  if (input === null) return ok(null);
  if (Array.isArray(input)) return spec.kind === 'multi' ? parseList(input, spec.options ?? []) : fail('unreadable');
  if (typeof input === 'boolean') return spec.kind === 'boolean' ? ok(input) : fail('unreadable');
  if (typeof input === 'number' && spec.kind === 'number') return checkNumber(input, spec);
  if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'bigint') return fail('unreadable');
  const text = normalise(String(input));
  if (text === undefined) return fail('unreadable');
  if (text === '') return fail('empty');
  const body = text.replace(/[。!.]+$/, '').trim();
  if (body === '') return fail('unreadable');
  return DONT_KNOW.has(body) ? ok(null) : parseText(body, spec);
}

/** Dispatches typed text by the kind of question. */
function parseText(text: string, spec: AnswerSpec): ParseResult {
  switch (spec.kind) {
    case 'number':
      return parseNumber(text, spec);
    case 'boolean':
      return YES.has(text) ? ok(true) : NO.has(text) ? ok(false) : fail('unreadable');
    case 'choice':
      return parseChoice(text, spec.options ?? []);
    case 'multi':
      return parseMulti(text, spec.options ?? []);
    case 'date':
      return parseDate(text);
    default:
      return fail('unreadable');
  }
}

/** NFKC makes full-width forms ASCII; case, zero-width characters and spacing stop mattering. */
function normalise(raw: string): string | undefined {
  if (raw.length > MAX_RAW) return undefined;
  const text = raw
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u2018\u2019\u2032]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return text.length > MAX_TEXT || /\p{C}/u.test(text) ? undefined : text;
}

/** "I don't know" in either language, for any question. */
const DONT_KNOW = new Set([
  '不清楚', '不太清楚', '不知道', '不确定', '不太确定', '不晓得', '不了解', '说不清', '不好说', '不详', '未知', '跳过', '略过',
  'skip', 'unknown', 'not sure', 'unsure', 'idk', 'dont know', "don't know", 'do not know', "i don't know",
  'i dont know', 'i do not know', '?', '??', '???',
]);

const YES = new Set([
  '是', '是的', '对', '对的', '有', '有的', '具备', '已具备', '已', '已有', '已经', '符合', '有的是',
  'yes', 'y', 'yeah', 'yep', 'true', '1', '√', '✓', '✔',
]);
const NO = new Set([
  '否', '不是', '不对', '没有', '没', '无', '未', '未有', '不具备', '不', '不符合', '没有的', '还没有',
  'no', 'n', 'nope', 'false', '0', '×', '✗', '✘',
]);

// ── numbers ──────────────────────────────────────────────────────────────────────────────────────────────

interface Quantity {
  value: number;
  negative: boolean;
  unit: NumberUnit | undefined;
}

const APPROX = /^(?:约|大约|大概|approximately|approx\.?|about|around|~)\s*|\s*左右$/g;
const NEGATIVE = /^(?:-|−|负|minus\s)\s*/;
const CURRENCY_PREFIX = /^(?:¥|rmb|cny|人民币)\s*/;
const PERCENT_PREFIX = /^百分之\s*/;
const SCALE = /^(thousand|million|mn|billion|bn)(?![a-z])\s*/;
const SCALE_EXP: Readonly<Record<string, number>> = { thousand: 3, million: 6, mn: 6, billion: 9, bn: 9 };

/** Unit spellings after NFKC and lower-casing (so ㎡ and m² arrive as m2, ％ as %). */
const UNIT_WORDS = new Map<string, NumberUnit>([
  ...['平方米', '平米', '平方', '平', '平方公尺', 'm2', 'm^2', 'sqm', 'sq m', 'sq.m', 'sq. m', 'sq.m.', 'square metre',
    'square metres', 'square meter', 'square meters', 'sq metres', 'sq meters'].map((w) => [w, 'area'] as const),
  ...['元', '块', '块钱', '元人民币', '人民币', '元整', 'rmb', 'cny', 'yuan', 'yuan rmb'].map((w) => [w, 'money'] as const),
  ...['%', 'percent', 'per cent', 'pct'].map((w) => [w, 'percent'] as const),
]);
/** Any measure word for a count (家, 个, 人, …), optionally with its noun (个机构, 所高校), or an English noun. */
const COUNT_WORDS =
  /^(?:(?:家|个|人|名|所|座|处|站|位|户|间|项)(?:机构|企业|公司|单位|人|员工|站点|驿站|园区|分园|分园区|高校|院校|学校)?|institutions?|organi[sz]ations?|compan(?:y|ies)|enterprises?|firms?|people|persons?|staff|employees?|stations?|(?:branch )?parks?|branch(?:es)?|colleges?|universit(?:y|ies)|sites?)$/;

/** Removes a leading pattern, telling whether it was there. */
function strip(text: string, pattern: RegExp): [boolean, string] {
  const m = pattern.exec(text);
  return m ? [true, text.slice(m[0].length)] : [false, text];
}

/** The unit and power of ten named after the number: "万平方米" has been read as a numeral, "平方米" is left. */
function readSuffix(rest: string): { unit?: NumberUnit; shift: number } | undefined {
  const scale = SCALE.exec(rest);
  const word = scale ? rest.slice(scale[0].length) : rest;
  const shift = scale ? (SCALE_EXP[scale[1] ?? ''] ?? 0) : 0;
  if (word === '') return { shift };
  if (word === '成') return { unit: 'percent', shift: shift + 1 };
  const unit = UNIT_WORDS.get(word) ?? (COUNT_WORDS.test(word) ? 'count' : undefined);
  return unit && { unit, shift };
}

/** A typed quantity: its value, whether it was negative, and the unit it was typed in, if any. */
function readQuantity(text: string): Quantity | undefined {
  const [negative, unsigned] = strip(text.replace(APPROX, '').replace(/个(?=\s*[亿万])/g, ''), NEGATIVE);
  const [money, afterCurrency] = strip(unsigned, CURRENCY_PREFIX);
  const [percent, amount] = strip(afterCurrency, PERCENT_PREFIX);
  const read = readNumeral(amount);
  const suffix = read && readSuffix(read.rest);
  if (!read || !suffix) return undefined;
  const units = [money ? 'money' : undefined, percent ? 'percent' : undefined, suffix.unit].filter((u): u is NumberUnit => u !== undefined);
  if (units.some((u) => u !== units[0])) return undefined;
  return { value: toNumber(read.value, suffix.shift), negative, unit: units[0] };
}

function parseNumber(text: string, spec: AnswerSpec): ParseResult {
  const q = readQuantity(text);
  if (!q) return fail('unreadable');
  if (q.unit && q.unit !== spec.unit) return fail('wrongUnit', q.unit);
  return checkNumber(q.negative ? -q.value : q.value, spec);
}

/** The largest value the question accepts. */
function maxOf(spec: AnswerSpec): number {
  return spec.max ?? DEFAULT_MAX[spec.unit ?? 'plain'];
}

/** The range checks every number goes through, typed or sent as JSON. */
function checkNumber(n: number, spec: AnswerSpec): ParseResult {
  if (Number.isNaN(n)) return fail('unreadable');
  if (n < 0) return fail('negative');
  if (n > maxOf(spec)) return fail('tooLarge');
  if (spec.unit === 'count' && !Number.isInteger(n)) return fail('notInteger');
  return ok(n + 0); // -0 → 0
}

// ── choices ──────────────────────────────────────────────────────────────────────────────────────────────

const POSITION = /^(?:第|no\.?|#|option|选项|选)?\s*\(?(.+?)\)?\s*(?:个|项|种|条|号|[.)、:])?$/;
const NONE = new Set(['无', '没有', '都没有', '都没', '均无', '全无', '没', '否', '都不是', 'none', 'none of them', 'nothing', 'no', 'nil']);
const ALL = new Set(['全部', '都有', '全都有', '以上都有', '以上全部', '均有', 'all', 'all of them', 'all of the above', 'everything']);
const SEPARATOR = /\s*(?:[,;、/+&]|以及|和|及|与|\band\b)\s*|\s+/g;

/** "2", "第2个", "2.", "(2)", "option 2", "第二项" → the second option's value. */
function byPosition(text: string, options: readonly ChoiceOption[]): string | undefined {
  const numeral = POSITION.exec(text)?.[1];
  const n = numeral === undefined ? undefined : parseNumeral(numeral);
  return n !== undefined && Number.isInteger(n) && n >= 1 ? options[n - 1]?.value : undefined;
}

const labelsOf = (o: ChoiceOption) => [o.value, ...o.labels].map((l) => normalise(l) ?? '');

/** Latin text matches at a word start ("spec" in "specialized park"), Chinese text anywhere (综合 in 综合性园区). */
function contains(label: string, text: string): boolean {
  if (!/^[a-z0-9]/.test(text)) return label.includes(text);
  return ` ${label.replace(/[^\p{L}\p{N}]+/gu, ' ')}`.includes(` ${text}`);
}

/** The one option whose value or label matches; undefined when none, or more than one, does. */
function byLabel(text: string, options: readonly ChoiceOption[], loose: boolean): string | undefined {
  const exact = options.filter((o) => labelsOf(o).includes(text));
  if (exact.length > 0 || !loose || [...text].length < 2) return exact.length === 1 ? exact[0]?.value : undefined;
  const partial = options.filter((o) => labelsOf(o).some((l) => contains(l, text)));
  return partial.length === 1 ? partial[0]?.value : undefined;
}

/** One item of a choice, by position, value or label; `loose` also allows a unique partial label. */
function resolveItem(text: string, options: readonly ChoiceOption[], loose = true): string | undefined {
  return byPosition(text, options) ?? byLabel(text, options, loose);
}

function parseChoice(text: string, options: readonly ChoiceOption[]): ParseResult {
  const value = resolveItem(text, options);
  return value === undefined ? fail('unknownOption') : ok(value);
}

/** The chosen values in the options' order, once each. */
function inOrder(values: readonly string[], options: readonly ChoiceOption[]): ParseResult {
  const chosen = new Set(values);
  return ok(options.filter((o) => chosen.has(o.value)).map((o) => o.value));
}

/** A JSON list: each item an option value (or a label or position, as typed text would be). */
function parseList(items: readonly unknown[], options: readonly ChoiceOption[]): ParseResult {
  if (items.length > MAX_ITEMS) return fail('unreadable');
  const values: string[] = [];
  for (const item of items) {
    const text = typeof item === 'string' || typeof item === 'number' ? normalise(String(item)) : undefined;
    if (!text) return fail('unreadable');
    const value = resolveItem(text, options);
    if (value === undefined) return fail('unknownOption');
    values.push(value);
  }
  return inOrder(values, options);
}

/** Where the words between separators start and end. */
function wordSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index > at) spans.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (at < text.length) spans.push({ start: at, end: text.length });
  return spans;
}

/**
 * Splits a list at separators, joining neighbouring words back where together they name one option (labels
 * such as "finance and investment" contain a separator): from each word on, the longest run that matches wins.
 */
function splitItems(text: string, options: readonly ChoiceOption[]): string[] | undefined {
  const spans = wordSpans(text);
  if (spans.length > MAX_ITEMS) return undefined;
  const values: string[] = [];
  let i = 0;
  next: while (i < spans.length) {
    for (let j = spans.length; j > i; j--) {
      const value = resolveItem(text.slice(spans[i]?.start, spans[j - 1]?.end), options);
      if (value === undefined) continue;
      values.push(value);
      i = j;
      continue next;
    }
    return undefined;
  }
  return values;
}

function parseMulti(text: string, options: readonly ChoiceOption[]): ParseResult {
  const exact = resolveItem(text, options, false);
  if (exact !== undefined) return ok([exact]);
  if (NONE.has(text)) return ok([]);
  if (ALL.has(text)) return ok(options.map((o) => o.value));
  const list = text.replace(/^(?:有|包括|包含|including|includes)\s*/, '').replace(/\s*(?:等|etc\.?)$/, '');
  const values = list ? splitItems(list, options) : undefined;
  return values ? inOrder(values, options) : fail('unknownOption');
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────────────────

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ORDINAL = '(?:st|nd|rd|th)?';
/** Each form with the order of its year, month and day groups. */
const DATE_FORMS: readonly [RegExp, readonly [number, number, number]][] = [
  [/^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/, [1, 2, 3]],
  [/^(\d{4})(\d{2})(\d{2})$/, [1, 2, 3]],
  [/^(\S+?)\s*年\s*(\S+?)\s*月\s*(\S+?)\s*[日号]?$/, [1, 2, 3]],
  [new RegExp(`^([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`), [3, 1, 2]],
  [new RegExp(`^(\\d{1,2})${ORDINAL}\\s+([a-z]+)\\.?,?\\s+(\\d{4})$`), [3, 2, 1]],
];
/** A year and month without a day (2024年1月, 2024-01, January 2024): a date, but not a whole one. */
const MONTH_ONLY = /^(?:\d{4}\s*(?:[-/.]|年)\s*\d{0,2}\s*月?|[〇零一二三四五六七八九]{4}年.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})$/;

/** 1 for "jan" / "january" / "sept", else a numeral (一, 10, 十二). */
function datePart(text: string): number | undefined {
  const month = text.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(text)) : -1;
  return month >= 0 ? month + 1 : parseNumeral(text);
}

/** 'YYYY-MM-DD' when the day exists (1900–2100), else undefined. */
function isoDate(y: number, m: number, d: number): string | undefined {
  if (![y, m, d].every(Number.isInteger) || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseDate(text: string): ParseResult {
  for (const [pattern, [yi, mi, di]] of DATE_FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = [m[yi], m[mi], m[di]].map((p) => datePart(p ?? ''));
    const iso = isoDate(y ?? NaN, mo ?? NaN, d ?? NaN);
    return iso ? ok(iso) : fail('invalidDate');
  }
  return fail(MONTH_ONLY.test(text) ? 'invalidDate' : 'unreadable');
}

// ── hints ────────────────────────────────────────────────────────────────────────────────────────────────

/** The options as "1. 综合性园区；2. 专业性园区", each in the hint's language (labels[0] zh, labels[1] en). */
function optionList(options: readonly ChoiceOption[], lang: Lang, t: Translate): string {
  const label = (o: ChoiceOption) => (lang === 'en' ? o.labels[1] : undefined) ?? o.labels[0] ?? o.value;
  return options.map((o, i) => t('option', { n: i + 1, label: label(o) })).join(t('optionSeparator'));
}

/** What the question asks for, with an example. */
function askFor(spec: AnswerSpec, lang: Lang, t: Translate): string {
  if (spec.kind === 'number') return t(`ask.${spec.unit ?? 'number'}`);
  return t(`ask.${spec.kind}`, { options: optionList(spec.options ?? [], lang, t) });
}

/** A localized one-line hint for a failed parse, e.g. "请输入面积，例如 12000 或 1.2万平方米". */
export function parseHint(result: Extract<ParseResult, { ok: false }>, spec: AnswerSpec, lang: 'zh-CN' | 'en'): string {
  const t = compiledTranslator(lang, 'parse');
  const unitKey = spec.unit ?? 'number';
  return t(`error.${result.code}`, {
    ask: askFor(spec, lang, t),
    detected: t(`unit.${result.detectedUnit ?? 'other'}`),
    asked: t(`unit.${unitKey}`),
    max: t(`max.${unitKey}`, { n: formatNumber(maxOf(spec), lang) }),
  });
}
