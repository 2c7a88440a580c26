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
 * - An approximate figure is a range `{ min?, max? }` (inclusive), never silently one figure: 30多 / 30余 /
 *   二十几 / 30-something → 31–39, 21–29 (above the figure, below the next value at its last digit: 5亿多 → 500,000,001–
 *   599,999,999, 1.2万多 → 12,000.01–12,999.99 m²); 几十 / 几千 / 几个亿 → 20–99, 2,000–9,999, 2亿 up to just under
 *   10亿 (at least two of the place, fewer than ten; several thousand / a few hundred / tens of thousands alike);
 *   二三十 / 20-30 / 20到30 / between 20 and 30 → 20–30;
 *   约 / 左右 / 上下 / 来 / about / around → ±10 % (at least one step); 近 / nearly → from 90 % to just under;
 *   不到 / less than / under → just under; 超过 / over / more than → just over; 以上 / 至少 / at least → from the
 *   figure (以上 includes it, as in the texts); 以下 / 以内 / 最多 / up to → up to it. "Just" is one step of the
 *   unit: 1 for counts and yuan, 0.01 for m² and percentages (see `stepDigits`). Ends that meet are one figure.
 * - Colloquial shortening is read as people mean it: 一万五 = 15000, 两千三 = 2300, 1万5 = 15000, 3个亿 = 3亿; words
 *   before the figure that say nothing about it are dropped (有30多家, 一共有20家, 共25家, 大约有三十家, and the
 *   question's words said back: 建筑面积1.2万平方米); the 一 people leave out is read (过亿, 上万, 近亿, 百来家), 把 is
 *   about (万把平米) and 出头 a little over, read as 多 (三十家出头 → 31–39); English number words are digits
 *   (twenty-five, thirty-something, about a dozen, half a million, 5m yuan).
 * - For a boolean question 1 means yes and 0 means no (as in forms and spreadsheets); 暂无 / 尚无 / 正在筹建 /
 *   not yet are no, with `reading: 'notYet'` so that the conversation can say "按尚未具备计"; for a question on
 *   something done 经常 (spec.frequency) 经常 / 定期 / 每年都办 are yes and 偶尔 is `occasional`. A reply in
 *   clauses is read when the clauses agree (有，已经制定; 没有，正在制定 is not yet), never when they disagree or one
 *   turns against the first (有，但还没…). Particles that end a spoken reply (吧, 啊, 呢 …) are dropped everywhere.
 * - Choice synonyms come with the options (from `locales/<lang>/answers.json`, see `prompts.answerSpec`); a text
 *   that fits several options is ambiguousOption, one that fits none unknownOption.
 * - JSON null means "I don't know", like 不清楚; a JSON number for a choice is its 1-based position.
 * - A multi answer lists option values in the options' order, without duplicates; 无 / none → [], 全部 / all →
 *   every option, 除了住宿都有 / all except X → every option but those named; a trailing 等 / etc. is dropped.
 * - A choice said in a sentence (在市区, 综合性的, 被撤销了) matches once the words around it are dropped, exactly.
 * - Choice labels match exactly, or by a unique substring of at least two characters (Latin text only at a word
 *   start, so "no" does not match "technological"); two matching options are ambiguousOption, never a guess.
 * - Dates (`dates.ts`) name a day of a year between 1900 and 2100 that exists, or bounds on one (2023年5月 is
 *   2023-05-01 to 2023-05-31). A two-digit year is read only with 年 (23年5月10日 is 2023-05-10).
 */
import { compiledTranslator, hasKey, type Translate } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { formatNumber } from '../rules/format.js';
import { parseDate, parseDayBoundsObject } from './dates.js';
import { type Decimal, fromSteps, inSteps, lastPlace, parseNumeral, plus, readNumeral, shifted, toNumber } from './numerals.js';
import { type AnswerValue, fail, type Failure, type NumberBounds, type NumberUnit, ok, type ParseErrorCode, type ParseResult, type Reading } from './parse-result.js';

export type { AnswerValue, NumberBounds, NumberUnit, ParseErrorCode, ParseResult, Reading } from './parse-result.js';

/** The shape of answer a question expects. */
export type AnswerKind = 'choice' | 'multi' | 'boolean' | 'number' | 'date';

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
  /** For 'number': the fact takes one figure only, so a range (30多, 约8000) is needExact. */
  exactOnly?: boolean;
  /**
   * For 'boolean': the question asks whether something is done 经常 / 广泛 / 积极 (often, widely): 经常, 定期,
   * 每年都办 mean yes, and 偶尔 is `occasional` (asked once more, see the conversation).
   */
  frequency?: boolean;
  /**
   * For 'date': today (YYYY-MM-DD), so that 去年5月10日 / 上个月10号 / 5月10日 can be read; without it those stay
   * unreadable. A date without a year is the latest such day up to today, and a day after today is `futureDate`
   * (the questions ask about the past).
   */
  today?: string;
}

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
  if (typeof input === 'object' && input !== null && spec.kind === 'number') return parseBoundsObject(input, spec);
  if (typeof input === 'object' && input !== null && spec.kind === 'date') return parseDayBoundsObject(input);
  if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'bigint') return fail('unreadable');
  const text = normalise(String(input));
  if (text === undefined) return fail('unreadable');
  if (text === '') return fail('empty');
  // The full stop, and the particles that end a spoken reply (30家左右吧, 没呢, 有啊): they say nothing of the answer.
  const body = text.replace(TRAILING, '').trim();
  if (body === '') return fail('unreadable');
  return DONT_KNOW.has(body) ? ok(null) : parseText(body, spec);
}

const TRAILING = /(?:\s*(?:[。!.]|(?<=\p{Script=Han}|\d)[吧啊呀呢哦哈嘛啦]))+$/u;

/** Typed text as the parser reads it (normalised, the particles that end a spoken reply dropped), for readers beside it. */
export function typedText(raw: string): string | undefined {
  return normalise(raw)?.replace(TRAILING, '').trim();
}

/** Dispatches typed text by the kind of question. */
function parseText(text: string, spec: AnswerSpec): ParseResult {
  switch (spec.kind) {
    case 'number':
      return parseNumber(text, spec);
    case 'boolean':
      return parseBoolean(text, spec);
    case 'choice':
      return parseChoice(text, spec.options ?? []);
    case 'multi':
      return parseMulti(text, spec.options ?? []);
    case 'date':
      return parseDate(text, spec.today);
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
  '是', '是的', '对', '对的', '有', '有的', '具备', '已具备', '已', '已有', '已经', '符合', '有的是', '嗯', '嗯嗯', '恩', '是滴', '是啊',
  '是呀', '对啊', '对呀', '有啊', '有滴', '没错', '当然', '当然有', '有了', '已经有了', '是有的', '确实有', '都有', '有一个', '有一支',
  '有一家', '已建立', '已成立', '已设立', '已制定', '已出台', '已经建立', '已经成立', '已经设立', '已经制定', '已经出台',
  '肯定有', '肯定是', '一定有', '的确有', '有制定', '有建立', '有设立', '有成立', '有出台', '搞了', '办了', '有搞', '有办',
  'yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'of course', 'we do', 'yes we do', 'true', '1', '√', '✓', '✔', 'we have', 'we have one',
  'yes we have', 'yes we have one', 'we do have', 'absolutely', 'definitely', 'certainly', 'indeed',
]);
const NO = new Set([
  '否', '不是', '不对', '没有', '没', '无', '未', '未有', '不具备', '不', '不符合', '没有的', '没有呢', '未建立', '未成立', '未设立',
  '未制定', '没建立', '没成立', '没设立', '没制定', '没有建立', '没有成立', '没有设立', '没有制定', '木有', '没搞', '没办', '没有搞',
  '没有办', '肯定没有', '确实没有',
  'no', 'n', 'nope', 'false', '0', '×', '✗', '✘', 'we do not', "we don't", "no we don't", 'no we do not', 'not really', 'none',
  "we don't have one", 'we do not have one', 'no we have not', "no we haven't",
]);
/** Not yet, or being set up: a no today (the text asks what exists), which the conversation says ("按尚未具备计"). */
const NOT_YET = new Set([
  '暂无', '尚无', '还没有', '还没', '暂时没有', '目前没有', '目前还没有', '尚未', '尚未具备', '暂未', '暂不具备', '正在筹建', '筹建中',
  '在筹建', '正在建设', '建设中', '在建', '正在建', '正在申请', '申请中', '计划中', '准备中', '正在准备', '正在制定', '制定中',
  '还在筹建', '正在筹备', '还在筹备', '在筹备', '筹备中', '还在建', '还在建设', '还在准备', '还在申请', '还在制定', '正在制定中',
  '正在办', '正在办理', '办理中', '还在办', '还在办理',
  'none yet', 'not yet', 'no, not yet', 'in preparation', 'being set up', 'planned', 'in progress', 'under construction',
  'working on it', 'not at the moment', 'not at present', 'currently no', 'currently not', 'not currently', 'being drafted',
]);
/** For questions about doing something 经常 / 广泛 / 积极: these mean yes … */
const FREQUENT = new Set([
  '经常', '定期', '每年都办', '每年都有', '每年都搞', '每年都组织', '每年都举办', '每年', '常年', '长期', '广泛', '频繁', '多次', '每月',
  '每季度', '经常开展', '定期开展', '经常组织', '定期组织', '经常举办', '定期举办',
  'often', 'regularly', 'frequently', 'every year', 'annually', 'yearly', 'monthly', 'routinely', 'on a regular basis',
]);
/** … and these are not enough to say yes or no: the text asks for 经常 / 广泛, so the question is asked once more. */
const OCCASIONAL = new Set([
  '偶尔', '有时', '有时候', '很少', '不定期', '偶尔开展', '偶尔组织', '偶尔举办', '办过一次', '办过', '一两次', '一次', '不多',
  'occasionally', 'sometimes', 'rarely', 'seldom', 'once', 'once or twice', 'now and then',
]);

function parseBoolean(text: string, spec: AnswerSpec): ParseResult {
  const whole = booleanOf(text, spec);
  if (whole.ok || whole.code !== 'unreadable') return whole;
  return clausesOf(text, spec) ?? whole;
}

function booleanOf(text: string, spec: AnswerSpec): ParseResult {
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  if (NOT_YET.has(text)) return ok(false, 'notYet');
  if (spec.frequency && FREQUENT.has(text)) return ok(true);
  if (spec.frequency && OCCASIONAL.has(text)) return fail('occasional');
  return hedgedOf(text, spec);
}

/** 好像 / 应该 / 可能 / 我记得 … before a yes or a no: the person is not sure. */
const HEDGE = /^(?:我)?(?:好像|好象|似乎|貌似|应该|应当|大概|大约|可能|估计|也许|或许|兴许|觉得|感觉|记得|印象中|印象里|听说|猜)\s*/;
/** The same in English, whole replies. */
const HEDGED = new Set([
  'i think so', 'i believe so', 'i guess so', 'i suppose so', 'probably', 'probably yes', 'probably not', 'maybe', 'maybe not',
  'perhaps', 'perhaps not', 'i think not', "i don't think so", 'i do not think so', 'not sure but yes', 'not sure but no',
  'i think we do', "i think we don't", 'i think we have one', 'likely', 'unlikely', 'possibly',
]);

/**
 * 好像有 / 应该没有 / probably: a yes or no the person is not sure of. Not taken as either (the verdict would rest on
 * a guess): the conversation asks once whether they can say for sure, and takes a second hedge as 不清楚.
 */
/** Whether a clause says yes or no, surely or not. */
function hedgeOrSure(clause: string, spec: AnswerSpec): boolean {
  const read = booleanOf(clause, spec);
  return read.ok || read.code === 'hedged';
}

function hedgedOf(text: string, spec: AnswerSpec): ParseResult {
  if (HEDGED.has(text)) return fail('hedged');
  const rest = text.replace(HEDGE, '');
  if (rest === text || rest === '') return fail('unreadable');
  const read = booleanOf(rest, spec);
  return read.ok || read.code === 'occasional' ? fail('hedged') : fail('unreadable');
}

const CLAUSE_BREAK = /\s*[,，;；、]\s*/;
const TURNS_AGAINST = /^(?:但|不过|可是|只是|but\b|however\b)/;

/**
 * A reply in clauses (有，已经制定 / 没有，正在制定): read when every clause that can be read says the same, the first
 * one among them; 没有 and 正在制定 together are not yet. Clauses that say yes and no are too muddled to read.
 */
function clausesOf(text: string, spec: AnswerSpec): ParseResult | undefined {
  const clauses = text.split(CLAUSE_BREAK).filter((c) => c !== '');
  if (clauses.length < 2) return undefined;
  // 应该有，但不确定 / 有吧，不太确定: a yes or no with the person's own doubt beside it is a hedge.
  const doubted = clauses.some((c) => DONT_KNOW.has(c.replace(TURNS_AGAINST, '').replace(TRAILING, '').trim().replace(/^我/, '')));
  if (doubted && clauses.some((c) => hedgeOrSure(c.replace(TRAILING, ''), spec))) return fail('hedged');
  // 有，但还没制定完: a clause that turns against the first makes the reply one to ask about again.
  if (clauses.some((c) => TURNS_AGAINST.test(c))) return undefined;
  const read = clauses.map((c) => booleanOf(c.replace(TRAILING, ''), spec)).filter((r) => r.ok);
  const [first] = read;
  if (!first?.ok) return undefined;
  const values = new Set(read.map((r) => (r.ok ? r.value : undefined)));
  if (values.size > 1) return undefined;
  return read.find((r) => r.ok && r.reading === 'notYet') ?? first;
}

// ── numbers ──────────────────────────────────────────────────────────────────────────────────────────────

interface Quantity {
  /** The figure, in the base unit (万 and million applied). */
  value: Decimal;
  negative: boolean;
  unit: NumberUnit | undefined;
  /** 30多 / 30余 / 30-something: more than `value`, less than `value + place`. 三十来: about `value`. */
  inner?: { kind: 'more'; place: Decimal } | { kind: 'about' };
}

/**
 * How a figure was qualified. 以上/不少于/at least include the figure and 超过/over/多 exclude it, as in the
 * texts themselves (README "What the assistant understands"); 不到/less than exclude it and 以下/以内/at most
 * include it.
 */
type Qualifier = 'about' | 'near' | 'below' | 'over' | 'atLeast' | 'atMost';

/** 约 / about before a figure; before a figure already vague (几十, 五六十, 20-30) it adds nothing to it. */
const ABOUT = /^(?:大约|大概|大致|约莫|约|估计|差不多|approximately|approx\.?|about|around|roughly|circa|some|~)\s*/;
const PREFIXES: readonly (readonly [RegExp, Qualifier])[] = [
  [ABOUT, 'about'],
  [/^(?:将近|接近|近|快|nearly|almost|close to|just under|not quite)\s*/, 'near'],
  [/^(?:不到|不足|少于|低于|小于|未满|不满|未达到|未达|less than|fewer than|under|below)\s*/, 'below'],
  [/^(?:超过|多于|高于|大于|逾|more than|(?:just |slightly |a little |a bit )?over|above|upwards of|in excess of)\s*/, 'over'],
  [/^(?:至少|不少于|不低于|最少|起码|at least|no less than|no fewer than|not less than|minimum)\s*/, 'atLeast'],
  [/^(?:最多|至多|不超过|不高于|顶多|at most|up to|no more than|not more than|maximum)\s*/, 'atMost'],
];
const SUFFIXES: readonly (readonly [RegExp, Qualifier])[] = [
  [/\s*(?:左右|上下|or so|-?ish)$/, 'about'],
  [/\s*(?:及以上|或以上|以上|or more|and above|and over|and up|\+)$/, 'atLeast'],
  [/\s*(?:及以下|或以下|以下|以内|之内|or less|or fewer|and below|and under)$/, 'atMost'],
];
/**
 * 多 / 余 / 几 / 来 right after the numeral (30多家, 二十几家, 十几家, 三十来家, 30-something); a Chinese multiplier
 * may follow (3千多万, 十几万). 几 there is the unknown last digit, so 二十几 reads as 二十多 (21–29); after 几 only
 * 万 or 亿 may follow (十几万), since 三千几百万 names an unknown digit of its own place, not the next.
 */
const INNER = /^(?:(多|余|几)|(来)|-?\s*something(?![a-z])|-?\s*odd(?![a-z]))\s*/;
/** What may follow 几 after a numeral: a multiplier of the whole figure (十几万), never a place within it. */
const AFTER_JI = /^(?:万|亿|万亿)?(?![十百千])/;
const INNER_MULTIPLIER = /^([十百千万亿]+)\s*/;
/** Two neighbouring digits for a span: 二三十 (20–30), 一两万 (1–2万), 三五家 (3–5). */
const DIGIT_PAIR = /^([一二两三四五六七八])([二两三四五六七八九])(?![一二两三四五六七八九〇零])(.*)$/;
const DIGIT_VALUE: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A span: 20-30家, 20到30, 1.2万至1.5万平方米, between 20 and 30, 介于20和30之间. */
const SPAN = /^((?:between|from|介于|在)\s*)?(.+?)\s*(-|~|到|至|—|–|\bto\b|\band\b|和)\s*(.+?)\s*(?:之间)?$/;
/** A multiplier on the right of a span applies to a bare number on the left too (20-30万 = 20万–30万). */
const SPAN_MULTIPLIER = /^[\d.,]+\s*((?:[十百千万亿]|[kw](?![a-z])|(?:thousand|million|mn|billion|bn)(?![a-z]))+)/;

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

/** The power of ten a run of Chinese multipliers stands for (万 → 4, 千万 → 7), if it is one. */
function multiplierExp(text: string): number | undefined {
  const value = parseNumeral(`1${text}`);
  if (value === undefined) return undefined;
  const exp = Math.round(Math.log10(value));
  return 10 ** exp === value ? exp : undefined;
}

/** A typed quantity: its value, whether it was negative, the unit it was typed in, and 多/来 after the numeral. */
function readQuantity(text: string): Quantity | undefined {
  const [negative, unsigned] = strip(text, NEGATIVE);
  const [money, afterCurrency] = strip(unsigned, CURRENCY_PREFIX);
  const [percent, amount] = strip(afterCurrency, PERCENT_PREFIX);
  const read = readNumeral(amount);
  if (!read) return undefined;
  let rest = read.rest;
  let shift = 0;
  let inner: Quantity['inner'];
  const marker = INNER.exec(rest);
  if (marker) {
    rest = rest.slice(marker[0].length);
    if (marker[1] === '几' && !AFTER_JI.test(rest)) return undefined;
    const multiplier = INNER_MULTIPLIER.exec(rest);
    if (multiplier) {
      const exp = multiplierExp(multiplier[1] ?? '');
      if (exp === undefined) return undefined;
      shift = exp;
      rest = rest.slice(multiplier[0].length);
    }
    const place = lastPlace(read.value);
    if (marker[2]) inner = { kind: 'about' };
    else if (place) inner = { kind: 'more', place };
    else return undefined; // 0多
  }
  const suffix = readSuffix(rest);
  if (!suffix) return undefined;
  const units = [money ? 'money' : undefined, percent ? 'percent' : undefined, suffix.unit].filter((u): u is NumberUnit => u !== undefined);
  if (units.some((u) => u !== units[0])) return undefined;
  shift += suffix.shift;
  if (inner?.kind === 'more') inner = { kind: 'more', place: shifted(inner.place, shift) };
  return { value: shifted(read.value, shift), negative, unit: units[0], ...(inner ? { inner } : {}) };
}

/** The qualifier around a figure and the figure's text; undefined when two qualifiers contradict each other. */
function readQualifier(text: string): { qualifier?: Qualifier; body: string } | undefined {
  let body = text;
  const found: Qualifier[] = [];
  for (const [pattern, q] of PREFIXES) {
    const m = pattern.exec(body);
    if (m && m[0].length < body.length) {
      found.push(q);
      body = body.slice(m[0].length);
      break;
    }
  }
  for (const [pattern, q] of SUFFIXES) {
    const m = pattern.exec(body);
    if (m && m.index > 0) {
      found.push(q);
      body = body.slice(0, m.index);
      break;
    }
  }
  const [first, second] = found;
  if (first === undefined) return { body };
  if (second === undefined || second === first) return { qualifier: first, body };
  // 超过1万以上 / 不到1万以下: a redundant pair people use; the stricter word decides.
  if (first === 'over' && second === 'atLeast') return { qualifier: 'over', body };
  if (first === 'below' && second === 'atMost') return { qualifier: 'below', body };
  return undefined;
}

/**
 * Decimal places a bound is rounded to: whole yuan and whole counts; areas and percentages to 0.01 (a property
 * certificate states areas to the hundredth of a square metre). So 不到1万平方米 is at most 9,999.99 m² and
 * 不到1万元 at most 9,999 yuan.
 */
export function stepDigits(spec: AnswerSpec): number {
  return spec.unit === 'count' || spec.unit === 'money' ? 0 : 2;
}

/**
 * The range a qualified figure stands for, in whole steps (see `stepDigits`). 约 / 左右 / 来 / about widen a
 * figure by 10 % each way (at least one step): people who say 约8000 have rounded, usually to one or two
 * significant digits, and ±10 % covers any figure rounded to two significant digits while staying narrow
 * enough to decide a limit that is clearly away from it; a limit inside the range is settled by one short
 * question instead of a guess. 近 / nearly is the lower half of that (90 % up to just under the figure).
 */
function rangeOf(kind: Qualifier | 'more', q: Quantity, digits: number): { lo?: bigint; hi?: bigint } | undefined {
  const n = q.value;
  const floor = inSteps(n, digits, 'floor');
  const ceil = inSteps(n, digits, 'ceil');
  switch (kind) {
    case 'about': {
      if (n.units === 0n) return { lo: 0n, hi: 0n };
      const lo = inSteps(n, digits, 'ceil', 9n, 10n);
      const hi = inSteps(n, digits, 'floor', 11n, 10n);
      // At least one step each way (约5家 is 4–6, not 5), never below zero.
      const oneBelow = ceil > 1n ? ceil - 1n : 0n;
      return { lo: lo < oneBelow ? lo : oneBelow, hi: hi > floor + 1n ? hi : floor + 1n };
    }
    case 'near':
      return n.units === 0n ? undefined : { lo: inSteps(n, digits, 'ceil', 9n, 10n), hi: ceil - 1n };
    case 'below':
      return ceil === 0n ? undefined : { hi: ceil - 1n };
    case 'over':
      return { lo: floor + 1n };
    case 'atLeast':
      return { lo: ceil };
    case 'atMost':
      return { hi: floor };
    case 'more': {
      if (q.inner?.kind !== 'more') return undefined;
      return { lo: floor + 1n, hi: inSteps(plus(n, q.inner.place), digits, 'ceil') - 1n };
    }
  }
}

/** Bounds in steps → the answer: a number when both ends meet, `{ min?, max? }` otherwise, checked like figures. */
function boundsResult(lo: bigint | undefined, hi: bigint | undefined, digits: number, spec: AnswerSpec): ParseResult {
  if (lo !== undefined && hi !== undefined && lo > hi) return fail('unreadable');
  const min = lo === undefined || lo <= 0n ? undefined : fromSteps(lo, digits);
  const max = hi === undefined ? undefined : fromSteps(hi, digits);
  if (max === 0 || (min !== undefined && min === max)) return checkNumber(max ?? 0, spec);
  if (spec.exactOnly) return fail('needExact');
  // 0以上 / at least 0 holds for every figure: it is no answer, and `{}` would read back as nothing.
  if (min === undefined && max === undefined) return fail('noBound');
  return checkBounds({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }, spec);
}

/** 二三十家 / 一两万元 / 三五个: the span between two neighbouring digits, the rest of the figure shared. */
function digitPair(text: string): [string, string] | undefined {
  const m = DIGIT_PAIR.exec(text);
  if (!m) return undefined;
  const [, a = '', b = '', rest = ''] = m;
  const [x, y] = [DIGIT_VALUE[a] ?? 0, DIGIT_VALUE[b] ?? 0];
  return y === x + 1 || (x === 3 && y === 5) ? [`${a}${rest}`, `${b}${rest}`] : undefined;
}

/** The two ends of a span as typed, or undefined when the text is not one. */
function spanEnds(text: string): [string, string] | undefined {
  const pair = digitPair(text);
  if (pair) return pair;
  const m = SPAN.exec(text);
  if (!m) return undefined;
  const [, prefix = '', left = '', separator = '', right = ''] = m;
  // "20 and 30" is a span only after between / 介于 (otherwise it may be a list).
  if ((separator === 'and' || separator === '和') && !/^(?:between|介于)/.test(prefix)) return undefined;
  const multiplier = SPAN_MULTIPLIER.exec(right)?.[1];
  return [multiplier && /^[\d.,]+$/.test(left) ? `${left}${multiplier}` : left, right];
}

/** A span (20-30家, 二三十家): both ends inclusive; undefined when the text is not a span of two figures. */
function readSpan(text: string): { lo: Quantity; hi: Quantity; unit: NumberUnit | undefined } | undefined {
  const ends = spanEnds(text);
  if (!ends) return undefined;
  const [lo, hi] = ends.map(readQuantity);
  if (!lo || !hi || lo.inner || hi.inner || lo.negative || hi.negative) return undefined;
  if (lo.unit && hi.unit && lo.unit !== hi.unit) return undefined;
  return { lo, hi, unit: hi.unit ?? lo.unit };
}

/**
 * One reading for a qualifier and a marker after the numeral together: 约30多家 is still 30多家 and 约三十来家 still
 * about 30; any other pair (超过30多家, 不到三十来家) is too muddled to read.
 */
function combined(kinds: readonly (Qualifier | 'more')[]): Qualifier | 'more' | undefined {
  if (kinds.length === 1) return kinds[0];
  if (kinds.every((k) => k === 'more' || k === 'about')) return kinds.includes('more') ? 'more' : 'about';
  return undefined;
}

/**
 * 几十家 / 好几百万元 / 几千平方米 / 几个亿: some number of that place, at least two of it (one would be said as
 * 一), so from twice the place up to just under ten times it: 几十 → 20–99, 几千平方米 → 2,000–9,999.99 m².
 */
const SEVERAL = /^好?几\s*([十百千万亿]+)\s*(.*)$/;

function readSeveral(text: string, digits: number): { lo: bigint; hi: bigint; unit: NumberUnit | undefined } | undefined {
  const m = SEVERAL.exec(text);
  const exp = m && multiplierExp(m[1] ?? '');
  const suffix = m && readSuffix(m[2] ?? '');
  if (!m || exp === undefined || exp === null || !suffix) return undefined;
  const place = shifted({ units: 1n, scale: 0 }, exp + suffix.shift);
  return { lo: inSteps(place, digits, 'ceil', 2n), hi: inSteps(place, digits, 'ceil', 10n) - 1n, unit: suffix.unit };
}

function parseNumber(typed: string, spec: AnswerSpec): ParseResult {
  const text = withoutFiller(typed);
  const digits = stepDigits(spec);
  const vague = text.replace(ABOUT, '');
  const several = readSeveral(vague, digits);
  if (several) {
    if (several.unit && several.unit !== spec.unit) return fail('wrongUnit', several.unit);
    return boundsResult(several.lo, several.hi, digits, spec);
  }
  const span = readSpan(vague);
  if (span) {
    if (span.unit && span.unit !== spec.unit) return fail('wrongUnit', span.unit);
    return boundsResult(inSteps(span.lo.value, digits, 'ceil'), inSteps(span.hi.value, digits, 'floor'), digits, spec);
  }
  const qualified = readQualifier(text);
  const q = qualified && readQuantity(qualified.body);
  if (!qualified || !q) return fail('unreadable');
  if (q.unit && q.unit !== spec.unit) return fail('wrongUnit', q.unit);
  const kinds = [qualified.qualifier, q.inner?.kind].filter((k) => k !== undefined);
  if (kinds.length === 0) return checkNumber(q.negative ? -toNumber(q.value) : toNumber(q.value), spec);
  if (q.negative) return fail('negative');
  const kind = combined(kinds);
  const range = kind && rangeOf(kind, q, digits);
  return range ? boundsResult(range.lo, range.hi, digits, spec) : fail('unreadable');
}

/**
 * Words before a figure that say nothing about it: fillers (一共有30多家, 目前, 共25家) and the question's own words
 * said back (建筑面积1.2万平方米, 去年营业收入5亿多, 入驻机构30多家), then 为 / 是 / 达到 (面积为8000, 约为8000).
 */
const FILLER =
  /^(?:我们|目前|现在|现|一共|总共|总计|共计|合计|共|过去一年|去年|上年|上一年度|上一年|全年|园区|总|核心|建筑|使用|入驻|占用|面积|营业|年|收入|营收|机构|企业|人力资源服务|经营性|专业性|专职|工作|人员|员工|数量|家数|个数)+\s*/;
const LINK = /^(大约|大概|约)?\s*(?:为|是|达到|达)\s*(?=[\d〇零一二两三四五六七八九十百千万亿几近超不])/;
/** 有 before the figure (有30多家), also after a qualifier (大约有三十家). */
const HAS = /^((?:大约|大概|大致|约莫|约|估计|差不多|超过|不到|将近|接近|近)?)\s*有\s*(?=[\d一二两三四五六七八九十几])/;

/**
 * Colloquial figures rewritten into the forms read below: the 一 people leave out (过亿 = 超过1亿, 上万 = 1万以上,
 * 近亿 = 近1亿, 百来家 = 一百来家), 把 for "about" (万把平米 = 约1万平米) and 出头 for "a little over" (三十家出头 =
 * 三十多家, 一亿出头 = 一亿多: above the figure, below the next value at its last digit, as 多 reads).
 */
const COLLOQUIAL: readonly (readonly [RegExp, string])[] = [
  // 3个亿, 五个多亿: 个 between the numeral and 亿 / 万.
  [/个(?=\s*多?\s*[亿万])/g, ''],
  [/^(?:过|破)([百千万亿])/, '超过1$1'],
  [/^上([百千万亿])/, '至少1$1'],
  [/^近([百千万亿])/, '近1$1'],
  [/^([百千万亿])(?=来|多|余|几)/, '一$1'],
  [/^一?([十百千万])把/, '约1$1'],
  [/^(.*?[\d〇零一二两三四五六七八九十百千万亿]+)(\D*?)\s*出头$/, '$1多$2'],
  // 1亿多点 / 三十多点儿: 多 with a shrug.
  [/多点儿?$/, '多'],
];

/** English number words up to ninety-nine, and the round ones people say with "a" (a dozen, half a million). */
const ENGLISH_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ENGLISH_WORDS = new RegExp(`\\b(${ENGLISH_TENS.slice(2).join('|')})(?:[- ](${ENGLISH_UNITS.slice(1, 10).join('|')}))?\\b|\\b(${ENGLISH_UNITS.join('|')})\\b`, 'g');
/** Vague English figures as their Chinese counterparts read above (several thousand = 几千 = 2,000–9,999). */
const ENGLISH_SEVERAL: readonly (readonly [RegExp, string])[] = [
  [/\bhundreds of thousands(?: of)?\b/g, '几十万'],
  [/\bhundreds of millions(?: of)?\b/g, '几亿'],
  [/\btens of thousands(?: of)?\b/g, '几万'],
  [/\btens of millions(?: of)?\b/g, '几千万'],
  [/\b(?:several|a few) hundred\b/g, '几百'],
  [/\b(?:several|a few) thousand\b/g, '几千'],
  [/\b(?:several|a few) million\b/g, '几百万'],
  [/\b(?:several|a few) billion\b/g, '几十亿'],
];
const ENGLISH_ROUND: readonly (readonly [RegExp, string])[] = [
  [/\b(?:a |one )?dozen\b/g, '12'],
  [/\bhalf a million\b/g, '500000'],
  [/\bhalf a billion\b/g, '500000000'],
  [/\ba (hundred|thousand|million|billion)\b/g, '1 $1'],
  // 5m yuan: m for million after a figure (m2, the area, is left alone).
  [/(\d)\s*m(?=\s*(?:yuan|rmb|cny)?$)/, '$1 million'],
];

/** English number words as digits: twenty-five → 25, thirty-something → 30-something, a dozen → 12. */
function englishNumerals(text: string): string {
  if (!/[a-z]/.test(text)) return text;
  const vague = ENGLISH_SEVERAL.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
  const round = ENGLISH_ROUND.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), vague);
  return round.replace(ENGLISH_WORDS, (_m, tens: string | undefined, unit: string | undefined, alone: string | undefined) =>
    alone !== undefined ? String(ENGLISH_UNITS.indexOf(alone)) : String(ENGLISH_TENS.indexOf(tens ?? '') * 10 + (unit ? ENGLISH_UNITS.indexOf(unit) : 0)),
  );
}

/** The figure without the filler words people put before it, in the forms the reader knows. */
function withoutFiller(text: string): string {
  const bare = text.replace(FILLER, '').replace(LINK, '$1');
  const stripped = bare.replace(HAS, '$1');
  const plain = COLLOQUIAL.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), englishNumerals(stripped));
  return plain === '' ? text : plain;
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

/** Bounds go through the same checks at each end, and must not be reversed. */
function checkBounds(bounds: NumberBounds, spec: AnswerSpec): ParseResult {
  for (const end of [bounds.min, bounds.max]) {
    if (end === undefined) continue;
    const checked = checkNumber(end, spec);
    if (!checked.ok) return checked;
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) return fail('unreadable');
  return ok(bounds);
}

/** Bounds sent as JSON (`{ "min": 31, "max": 39 }`), as the API and a value the parser returned. */
function parseBoundsObject(input: object, spec: AnswerSpec): ParseResult {
  const entries = Object.entries(input);
  if (entries.length === 0 || entries.some(([k, v]) => (k !== 'min' && k !== 'max') || typeof v !== 'number')) return fail('unreadable');
  const { min, max } = input as NumberBounds;
  if (min !== undefined && min === max) return checkNumber(min, spec);
  if (spec.exactOnly) return fail('needExact');
  return checkBounds({ ...(min !== undefined ? { min: min + 0 } : {}), ...(max !== undefined ? { max: max + 0 } : {}) }, spec);
}

// ── choices ──────────────────────────────────────────────────────────────────────────────────────────────

const POSITION = /^(?:第|no\.?|#|option|选项|选)?\s*\(?(.+?)\)?\s*(?:个|项|种|条|号|[.)、:])?$/;
const NONE = new Set(['无', '没有', '都没有', '都没', '均无', '全无', '没', '否', '都不是', 'none', 'none of them', 'nothing', 'no', 'nil']);
const ALL = new Set(['全部', '都有', '全都有', '全部都有', '以上都有', '以上全部', '均有', '都是', '全选', 'all', 'all of them', 'all of the above', 'everything']);
const SEPARATOR = /\s*(?:[,;、/+&]|以及|和|及|与|\band\b)\s*|\s+/g;
/** Every option but those named: 除了住宿都有, 除住宿以外其他都有, all except accommodation, everything but X. */
const ALL_EXCEPT = /^(?:除了?\s*(.+?)\s*(?:以外|之外)?\s*[,，]?\s*(?:其他|其它|其余)?(?:都有|全有|均有)|(?:all|everything|all of them) (?:except|but) (.+))$/;

/** "2", "第2个", "2.", "(2)", "option 2", "第二项" → the second option's value. */
function byPosition(text: string, options: readonly ChoiceOption[]): string | undefined {
  const numeral = POSITION.exec(text)?.[1];
  const n = numeral === undefined ? undefined : parseNumeral(numeral);
  return n !== undefined && Number.isInteger(n) && n >= 1 ? options[n - 1]?.value : undefined;
}

/** An option's value and labels as the parser compares them; options are built once per question, so once each. */
function labelsOf(o: ChoiceOption): string[] {
  let labels = normalisedLabels.get(o);
  if (!labels) {
    labels = [o.value, ...o.labels].map((l) => normalise(l) ?? '');
    normalisedLabels.set(o, labels);
  }
  return labels;
}
const normalisedLabels = new WeakMap<ChoiceOption, string[]>();

/** Latin text matches at a word start ("spec" in "specialized park"), Chinese text anywhere (综合 in 综合性园区). */
function contains(label: string, text: string): boolean {
  if (!LATIN_START.test(text)) return label.includes(text);
  return ` ${label.replace(NOT_WORD, ' ')}`.includes(` ${text}`);
}
// Module-level: a regex literal in a function makes a new RegExp object each time it runs.
const LATIN_START = /^[a-z0-9]/;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** The one option whose value or label matches; undefined when none, or more than one, does. */
function byLabel(text: string, options: readonly ChoiceOption[], loose: boolean): string | undefined {
  const exact = exactLabels(options).get(text);
  if (exact !== undefined || !loose || [...text].length < 2) return exact ?? undefined;
  const partial = options.filter((o) => labelsOf(o).some((l) => contains(l, text)));
  return partial.length === 1 ? partial[0]?.value : undefined;
}

/**
 * Each normalised label (and value) of a list of options, with the option it names: null for a label two options
 * share (ambiguous). Made once per list: every item of every answer is looked up in it.
 */
function exactLabels(options: readonly ChoiceOption[]): Map<string, string | null> {
  let index = labelIndexes.get(options);
  if (!index) {
    index = new Map();
    for (const o of options) {
      for (const label of new Set(labelsOf(o))) index.set(label, index.has(label) ? null : o.value);
    }
    labelIndexes.set(options, index);
  }
  return index;
}
const labelIndexes = new WeakMap<readonly ChoiceOption[], Map<string, string | null>>();

/** One item of a choice, by position, value or label; `loose` also allows a unique partial label. */
function resolveItem(text: string, options: readonly ChoiceOption[], loose = true): string | undefined {
  return byPosition(text, options) ?? byLabel(text, options, loose);
}

/** How many options a text could mean (by exact or partial label): more than one is ambiguousOption. */
function candidates(text: string, options: readonly ChoiceOption[]): number {
  const exact = exactLabels(options).get(text);
  if (exact !== undefined) return exact === null ? 2 : 1;
  return [...text].length < 2 ? 0 : options.filter((o) => labelsOf(o).some((l) => contains(l, text))).length;
}

function parseChoice(text: string, options: readonly ChoiceOption[]): ParseResult {
  const value = resolveItem(text, options) ?? resolveItem(bareChoice(text), options, false);
  if (value !== undefined) return ok(value);
  return fail(candidates(text, options) > 1 ? 'ambiguousOption' : 'unknownOption');
}

/** Words around a choice said in a sentence: 在市区, 高新区里, 综合性的, 被撤销了, 之前没报过 (matched exactly after). */
const AROUND_CHOICE: readonly RegExp[] = [/^(?:我们|园区)?(?:在|是|属于|位于|之前|以前|上次|曾经)\s*/, /\s*(?:的|了|里|内|那边|那种|这种)$/];

function bareChoice(text: string): string {
  return AROUND_CHOICE.reduce((t, pattern) => t.replace(pattern, ''), text);
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
  const except = ALL_EXCEPT.exec(text);
  if (except) {
    const left = splitItems(except[1] ?? except[2] ?? '', options);
    return left ? inOrder(options.map((o) => o.value).filter((v) => !left.includes(v)), options) : fail('unknownOption');
  }
  const list = text.replace(/^(?:有|包括|包含|including|includes)\s*/, '').replace(/\s*(?:等|etc\.?)$/, '');
  const values = list ? splitItems(list, options) : undefined;
  return values ? inOrder(values, options) : fail('unknownOption');
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

/**
 * For a figure that could not be read, where a range would do: that an approximate answer is welcome (30多, 约8000
 * 平方米), so that someone who does not know the exact figure says what they know instead of giving up.
 */
function approxFor(result: Extract<ParseResult, { ok: false }>, spec: AnswerSpec, lang: Lang, t: Translate): string {
  if ((result.code !== 'unreadable' && result.code !== 'noBound') || spec.kind !== 'number' || spec.exactOnly || !spec.unit) return '';
  const key = `approx.${spec.unit}`;
  return hasKey(lang, 'parse', key) ? `${lang === 'en' ? ' ' : ''}${t(key)}` : '';
}

/** A localized one-line hint for a failed parse, e.g. "请输入面积，例如 12000 或 1.2万平方米". */
export function parseHint(result: Extract<ParseResult, { ok: false }>, spec: AnswerSpec, lang: 'zh-CN' | 'en'): string {
  const t = compiledTranslator(lang, 'parse');
  const unitKey = spec.unit ?? 'number';
  return t(`error.${result.code}`, {
    ask: askFor(spec, lang, t) + approxFor(result, spec, lang, t),
    detected: t(`unit.${result.detectedUnit ?? 'other'}`),
    asked: t(`unit.${unitKey}`),
    max: t(`max.${unitKey}`, { n: formatNumber(maxOf(spec), lang) }),
  });
}
