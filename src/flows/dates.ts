/**
 * Dates as people give them, for the day of an earlier refusal or revocation: a day written out in any common form
 * (2024-01-10, 2024年1月10日, 23年5月10日, 10 January 2024), said relative to today (去年5月10日, 上个月10号, 昨天), or
 * known only roughly — a month, a year, a half year, a span, 两年多前 — read as bounds on the day, never one day
 * guessed within them. Read against today, a day after it is `futureDate` and bounds reaching past it end with it:
 * what is asked about has happened.
 */
import { addPeriod } from '../rules/dates.js';
import type { DateBounds } from '../rules/facts.js';
import { parseNumeral } from './numerals.js';
import { fail, ok, type ParseResult } from './parse-result.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ORDINAL = '(?:st|nd|rd|th)?';
/**
 * Each form with the order of its year, month and day groups, and whether a two-digit year may be read (23年5月10日
 * as people write it is 2023; 23-05-10 stays unreadable: which part is the year is not clear).
 */
const DATE_FORMS: readonly [RegExp, readonly [number, number, number], boolean?][] = [
  [/^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/, [1, 2, 3]],
  [/^(\d{4})(\d{2})(\d{2})$/, [1, 2, 3]],
  [/^(\S+?)\s*年\s*(\S+?)\s*月\s*(\S+?)\s*[日号]?$/, [1, 2, 3], true],
  [new RegExp(`^([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`), [3, 1, 2]],
  [new RegExp(`^(\\d{1,2})${ORDINAL}\\s+([a-z]+)\\.?,?\\s+(\\d{4})$`), [3, 2, 1]],
];
/** A year written with two digits (23, 二三). */
const TWO_DIGIT_YEAR = /^(?:\d{2}|[〇零一二三四五六七八九]{2})$/;
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

/** Years said relative to this one. */
const YEARS_AGO: Record<string, number> = { 今年: 0, 本年: 0, 去年: 1, 上年: 1, 前年: 2, 大前年: 3, 'this year': 0, 'last year': 1 };
/** Months said relative to this one. */
const MONTHS_AGO: Record<string, number> = { 这个月: 0, 这月: 0, 本月: 0, 上个月: 1, 上月: 1, 'this month': 0, 'last month': 1 };
const RELATIVE_YEAR = /^(今年|本年|去年|上年|前年|大前年)\s*的?\s*(\S+?)\s*月\s*(\S+?)\s*[日号]?$/;
const RELATIVE_MONTH = /^(这个月|这月|本月|上个月|上月)\s*的?\s*(\S+?)\s*[日号]$/;
const NO_YEAR = /^([^年\s]+?)\s*月\s*(\S+?)\s*[日号]$/;
const RELATIVE_YEAR_EN = new RegExp(`^(?:([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL}|(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?([a-z]+)\\.?),?\\s+(this year|last year)$`);
/** The year and month `n` months before `y`-`m` (上个月 in January is December of last year). */
function monthsBefore(y: number, m: number, n: number): [number, number] {
  const index = y * 12 + (m - 1) - n;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** Days said relative to today. */
const DAYS_AGO: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2, 大前天: 3, today: 0, yesterday: 1 };
/** A relative year or month without its day: a date, but not a whole one (as MONTH_ONLY). */
const RELATIVE_MONTH_ONLY = /^(?:今年|本年|去年|上年|前年|大前年|这个月|这月|本月|上个月|上月)(?:\s*的?\s*\S+?\s*月份?)?$/;

/**
 * 去年5月10日 / 上个月10号 / 5月10日 / 昨天 / 10 May last year, read against `today`: the day it names, if it exists and
 * is not after today; undefined when the text is none of these forms.
 */
function relativeDate(text: string, today: string): ParseResult | undefined {
  const [y, m] = today.split('-').map(Number) as [number, number];
  let parts: [number, number | undefined, number | undefined] | undefined;
  let match: RegExpExecArray | null;
  const daysAgo = DAYS_AGO[text];
  if (daysAgo !== undefined) return ok(new Date(Date.parse(today) - daysAgo * 86_400_000).toISOString().slice(0, 10), 'dated');
  if ((match = RELATIVE_YEAR.exec(text))) parts = [y - YEARS_AGO[match[1]!]!, datePart(match[2]!), datePart(match[3]!)];
  else if ((match = RELATIVE_MONTH.exec(text))) {
    const [year, month] = monthsBefore(y, m, MONTHS_AGO[match[1]!]!);
    parts = [year, month, datePart(match[2]!)];
  } else if ((match = RELATIVE_YEAR_EN.exec(text))) {
    parts = [y - YEARS_AGO[match[5]!]!, datePart(match[1] ?? match[4]!), datePart(match[2] ?? match[3]!)];
  } else if ((match = NO_YEAR.exec(text))) {
    const [month, day] = [datePart(match[1]!), datePart(match[2]!)];
    // The latest such day up to today: 5月10日 said on 2026-03-01 is 2025-05-10.
    const thisYear = isoDate(y, month ?? NaN, day ?? NaN);
    parts = [thisYear !== undefined && thisYear > today ? y - 1 : y, month, day];
  }
  if (!parts) return undefined;
  const iso = isoDate(parts[0], parts[1] ?? NaN, parts[2] ?? NaN);
  if (iso === undefined) return fail('invalidDate');
  return iso > today ? fail('futureDate') : ok(iso, 'dated');
}

/** A typed date: one day, or bounds on it; `today` reads relative forms and refuses days after it. */
export function parseDate(text: string, today?: string): ParseResult {
  const exact = exactDay(text, today);
  // 2023年5月份 / 2023年5月至7月 look like a day with a strange one in them: read as a month or span first.
  if (exact?.ok || exact?.code === 'futureDate') return exact;
  return roughDay(text, today) ?? exact ?? fail(MONTH_ONLY.test(text) || RELATIVE_MONTH_ONLY.test(text) ? 'invalidDate' : 'unreadable');
}

/** One day, written out or said relative to today; undefined when `text` is in none of those forms. */
function exactDay(text: string, today?: string): ParseResult | undefined {
  const relative = today === undefined ? undefined : relativeDate(text, today);
  if (relative) return relative;
  for (const [pattern, [yi, mi, di], twoDigitYear] of DATE_FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = [m[yi], m[mi], m[di]].map((p) => datePart(p ?? ''));
    const year = twoDigitYear && TWO_DIGIT_YEAR.test(m[yi] ?? '') && y !== undefined ? fullYear(y) : y;
    const iso = isoDate(year ?? NaN, mo ?? NaN, d ?? NaN);
    // The date questions ask about what has happened (an earlier refusal or revocation).
    if (iso !== undefined && today !== undefined && iso > today) return fail('futureDate');
    return iso ? ok(iso) : fail('invalidDate');
  }
  return undefined;
}

/** POSIX's reading of a two-digit year (strptime %y): 00–68 are 2000–2068, 69–99 are 1969–1999. */
const fullYear = (y: number) => (y <= 68 ? 2000 : 1900) + y;

// A day known roughly: a month, a year, a half year, or a span between two of them; read as bounds on the day.
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4}|\\d{2}(?=\\s*年)|[〇零一二三四五六七八九]{2}(?=\\s*年))';
const MONTH_OF_YEAR = new RegExp(`^${YEAR}\\s*(?:年|[-/.])\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:月份|月)?$`);
const HALF_OF_YEAR = new RegExp(`^${YEAR}\\s*年?\\s*的?(上半年|下半年)$`);
const WHOLE_YEAR = new RegExp(`^(?:in\\s+)?${YEAR}\\s*(?:年度|年份|年)?$`);
const MONTH_NAMED = /^(?:in\s+)?([a-z]+)\.?,?\s+(\d{4})$/;
const RELATIVE_YEAR_SPAN = /^(今年|本年|去年|上年|前年|大前年|this year|last year)(?:\s*的?\s*(?:(上半年|下半年)|(\S+?)\s*月份?))?$/;
const MONTH_ALONE = /^([^年\s]+?)\s*月份?$/;
/** May last year / last May / in May last year. */
const NAMED_MONTH_LAST_YEAR = /^(?:in\s+)?(?:last\s+([a-z]+)|([a-z]+)\s+last year)$/;
/** 两年多前 / 三个多月以前: more than that many years or months ago, less than one more (as 30多 is 31–39). */
const MORE_AGO = /^(\S+?)(?:(年)多|个多月)(?:以)?前$/;
/**
 * 三年前 / 大概两年前 / 半年前左右 / about 3 years ago: roughly that long ago, read wide — from one unit more to one
 * unit less (三年前: between four and two years ago) — rather than as the one day that many years back, which the
 * speaker did not say. A limit inside is settled by the follow-up question.
 */
const ABOUT_AGO = /^(?:大概|大约|约|差不多|估计)?(\S+?)(?:(年)|个月)(?:以)?前(?:左右|前后)?$/;
const ABOUT_AGO_EN = /^(?:about |around |roughly |some )?(\S+?) (year|month)s? ago$/;
const RELATIVE_MONTH_SPAN = /^(这个月|这月|本月|上个月|上月|this month|last month)$/;
/** Days from one anchor on: 2023年5月以后 / on or after 2023-05-10 (the anchor's first day included). */
const ON_OR_AFTER = /^(?:on or after\s+|after\s+|since\s+)?(.+?)\s*(?:或之后|或以后|以后|之后|以来|or later)?$/;
/** Days up to one anchor: 2023年5月以前 / on or before 2023-05-10 (the anchor's last day included). */
const ON_OR_BEFORE = /^(?:on or before\s+|before\s+)?(.+?)\s*(?:或之前|或以前|以前|之前)?$/;
const BETWEEN = /^(?:between\s+)?(.+?)\s*(?:至|到|~|～|—|–|\s-\s|\sto\s|\sand\s)\s*(.+?)(?:\s*之间)?$/;

/** The first and last day of a month, or undefined when there is no such month. */
function monthSpan(y: number | undefined, m: number | undefined): DateBounds | undefined {
  const first = isoDate(y ?? NaN, m ?? NaN, 1);
  return first === undefined ? undefined : { min: first, max: isoDate(y!, m!, new Date(Date.UTC(y!, m!, 0)).getUTCDate())! };
}

/** A year, or its first or second half, as bounds on the day. */
function yearSpan(y: number | undefined, half?: string): DateBounds | undefined {
  if (y === undefined || isoDate(y, 1, 1) === undefined) return undefined;
  if (half === '上半年') return { min: `${y}-01-01`, max: `${y}-06-30` };
  return { min: half === '下半年' ? `${y}-07-01` : `${y}-01-01`, max: `${y}-12-31` };
}

const yearOf = (said: string) => {
  const y = datePart(said);
  return y !== undefined && TWO_DIGIT_YEAR.test(said) ? fullYear(y) : y;
};

/** What one anchor stands for: a day, a month, a half year, a year, or a part of a year or month (relative ones need today). */
function spanOf(text: string, today?: string): DateBounds | undefined {
  return namedSpan(text, today) ?? partSpan(text, today);
}

function namedSpan(text: string, today?: string): DateBounds | undefined {
  const day = exactDay(text, undefined) ?? (today === undefined ? undefined : relativeDate(text, today));
  if (day?.ok && typeof day.value === 'string') return { min: day.value, max: day.value };
  let m: RegExpExecArray | null;
  if ((m = MONTH_OF_YEAR.exec(text))) return monthSpan(yearOf(m[1]!), datePart(m[2]!));
  if ((m = HALF_OF_YEAR.exec(text))) return yearSpan(yearOf(m[1]!), m[2]);
  if ((m = WHOLE_YEAR.exec(text))) return yearSpan(yearOf(m[1]!));
  if ((m = MONTH_NAMED.exec(text)) && m[1]!.length >= 3 && MONTHS.some((name) => name.startsWith(m![1]!))) return monthSpan(Number(m[2]), datePart(m[1]!));
  if (today === undefined) return undefined;
  const [y, mo] = today.split('-').map(Number) as [number, number];
  if ((m = RELATIVE_YEAR_SPAN.exec(text))) {
    const year = y - YEARS_AGO[m[1]!]!;
    return m[3] === undefined ? yearSpan(year, m[2]) : monthSpan(year, datePart(m[3]));
  }
  if ((m = RELATIVE_MONTH_SPAN.exec(text))) {
    return monthSpan(...monthsBefore(y, mo, MONTHS_AGO[m[1]!]!));
  }
  if ((m = MONTH_ALONE.exec(text))) {
    // 5月 alone: the latest May up to today.
    const month = datePart(m[1]!);
    return month === undefined ? undefined : monthSpan(month > mo ? y - 1 : y, month);
  }
  if ((m = NAMED_MONTH_LAST_YEAR.exec(text))) {
    const name = m[1] ?? m[2]!;
    return name.length >= 3 && MONTHS.some((month) => month.startsWith(name)) ? monthSpan(y - 1, datePart(name)) : undefined;
  }
  if ((m = MORE_AGO.exec(text))) return moreAgo(parseNumeral(m[1]!), m[2] === '年' ? 'years' : 'months', today);
  if ((m = ABOUT_AGO.exec(text))) {
    const years = m[2] !== undefined;
    // 半年前: six months ago.
    if (years && m[1] === '半') return aboutAgo(6, 'months', today);
    return aboutAgo(parseNumeral(m[1]!), years ? 'years' : 'months', today);
  }
  if ((m = ABOUT_AGO_EN.exec(text))) return aboutAgo(m[1] === 'a' || m[1] === 'an' ? 1 : parseNumeral(m[1]!), m[2] === 'year' ? 'years' : 'months', today);
  return undefined;
}

/** Roughly `n` years (or months) before today: from `n + 1` to `n - 1` of them before (see ABOUT_AGO). */
function aboutAgo(n: number | undefined, unit: 'years' | 'months', today: string): DateBounds | undefined {
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 50) return undefined;
  return { min: addPeriod(today, { [unit]: -(n + 1) }), max: addPeriod(today, { [unit]: -(n - 1) }) };
}

/**
 * 2023年底 / 去年年初 / 5月下旬 / 上个月底 / early 2023 / late May 2023 / 2023年秋天: a part of a year or of a month. 上旬, 中旬 and
 * 下旬 are the days 1–10, 11–20 and 21 to the end, as the calendar counts them; 月初, 月中 and 月底 are read as the
 * same thirds. 年初, 年中 and 年底 have no fixed days, so they are read wide rather than guessed narrow: the first
 * quarter, May to August, the last quarter. Seasons are spring March–May, summer June–August, autumn
 * September–November, winter December to the next February. A follow-up question settles a limit that falls inside.
 */
function partSpan(text: string, today?: string): DateBounds | undefined {
  const alone = PART_ALONE[text];
  if (alone) return partOf(spanOf(alone[0], today), alone[1]);
  const english = PART_OF_EN.exec(text);
  if (english) return partOf(spanOf(english[2]!.trim(), today), english[1]!);
  // 去年底 is 去年 + 底, 2023年年底 is 2023年 + 年底: the first ending whose rest names a year or a month.
  for (const ending of PART_ENDINGS) {
    if (!text.endsWith(ending) || text.length === ending.length) continue;
    const span = partOf(spanOf(text.slice(0, -ending.length).replace(/\s*的?\s*$/, ''), today), ending);
    if (span) return span;
  }
  return undefined;
}

/** `partText` of the year or month `base` stands for; undefined when `base` is neither, or the part is not one of it. */
function partOf(base: DateBounds | undefined, partText: string): DateBounds | undefined {
  const part = PARTS[partText.toLowerCase()];
  if (!part || !base?.min || !base.max) return undefined;
  const [y, mo, d] = base.min.split('-').map(Number) as [number, number, number];
  const [, , lastDay] = base.max.split('-').map(Number) as [number, number, number];
  const wholeYear = base.min === `${y}-01-01` && base.max === `${y}-12-31`;
  const wholeMonth = d === 1 && base.max.startsWith(base.min.slice(0, 8)) && lastDay === new Date(Date.UTC(y, mo, 0)).getUTCDate();
  // A last month past 12 is in the next year (winter).
  if (wholeYear && part.months) return { min: isoDate(y, part.months[0], 1)!, max: monthSpan(...monthsBefore(y, part.months[1], 0))!.max };
  if (wholeMonth && part.days) return { min: isoDate(y, mo, part.days[0])!, max: isoDate(y, mo, Math.min(part.days[1], lastDay))! };
  return undefined;
}

/** What each part covers: months of a year (past 12: of the next year), days of a month (31: to the month's end). */
const PARTS: Record<string, { months?: [number, number]; days?: [number, number] }> = {
  初: { months: [1, 3], days: [1, 10] },
  中: { months: [5, 8], days: [11, 20] },
  底: { months: [10, 12], days: [21, 31] },
  末: { months: [10, 12], days: [21, 31] },
  年初: { months: [1, 3] },
  年中: { months: [5, 8] },
  年底: { months: [10, 12] },
  年末: { months: [10, 12] },
  月初: { days: [1, 10] },
  上旬: { days: [1, 10] },
  月中: { days: [11, 20] },
  中旬: { days: [11, 20] },
  月底: { days: [21, 31] },
  月末: { days: [21, 31] },
  下旬: { days: [21, 31] },
  early: { months: [1, 3], days: [1, 10] },
  'beginning of': { months: [1, 3], days: [1, 10] },
  'start of': { months: [1, 3], days: [1, 10] },
  mid: { months: [5, 8], days: [11, 20] },
  'middle of': { months: [5, 8], days: [11, 20] },
  late: { months: [10, 12], days: [21, 31] },
  'end of': { months: [10, 12], days: [21, 31] },
  ...Object.fromEntries(
    (
      [
        ['春', [3, 5]],
        ['夏', [6, 8]],
        ['秋', [9, 11]],
        ['冬', [12, 14]],
      ] as const
    ).flatMap(([season, months]) => [`${season}天`, `${season}季`].map((word) => [word, { months: [months[0], months[1]] as [number, number] }])),
  ),
};
/** The Chinese parts, longest first. */
const PART_ENDINGS = ['上旬', '中旬', '下旬', '年初', '年中', '年底', '年末', '月初', '月中', '月底', '月末', '春天', '春季', '夏天', '夏季', '秋天', '秋季', '冬天', '冬季', '初', '中', '底', '末'];
const PART_OF_EN = /^(?:in\s+)?(?:the\s+)?(early|mid|late|end of|beginning of|start of|middle of)-?\s*(.+)$/;
/** A part said alone is of this year or this month. */
const PART_ALONE: Record<string, [string, string]> = {
  年初: ['今年', '年初'],
  年中: ['今年', '年中'],
  年底: ['今年', '年底'],
  年末: ['今年', '年末'],
  月初: ['本月', '月初'],
  月中: ['本月', '月中'],
  月底: ['本月', '月底'],
  月末: ['本月', '月末'],
};

/** More than `n` years (or months) before today and less than `n + 1`: the days strictly between. */
function moreAgo(n: number | undefined, unit: 'years' | 'months', today: string): DateBounds | undefined {
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 50) return undefined;
  return { min: addPeriod(addPeriod(today, { [unit]: -(n + 1) }), { days: 1 }), max: addPeriod(addPeriod(today, { [unit]: -n }), { days: -1 }) };
}

/**
 * 2023年5月 / 2023年 / 去年下半年 / May 2023 / 2023年5月至7月 / 2023年以后: bounds on the day, never one day guessed
 * within them. Read against today, a day after it is `futureDate`, and bounds reaching past it end with it (what is
 * asked about has happened). Undefined when `text` is none of these forms.
 */
function roughDay(text: string, today?: string): ParseResult | undefined {
  let bounds: DateBounds | undefined;
  const between = BETWEEN.exec(text);
  const after = ON_OR_AFTER.exec(text);
  const before = ON_OR_BEFORE.exec(text);
  if (between) {
    const [from, to] = [spanOf(between[1]!, today), monthInYear(between[2]!, between[1]!) ?? spanOf(between[2]!, today)];
    if (from && to) bounds = { min: from.min, max: to.max };
  }
  if (!bounds && after && after[1] !== text) {
    const from = spanOf(after[1]!, today);
    if (from) bounds = { min: from.min };
  }
  if (!bounds && before && before[1] !== text) {
    const until = spanOf(before[1]!, today);
    if (until) bounds = { max: until.max };
  }
  bounds ??= spanOf(text, today);
  if (!bounds) return undefined;
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) return fail('invalidDate');
  if (today !== undefined) {
    if (bounds.min !== undefined && bounds.min > today) return fail('futureDate');
    if (bounds.max === undefined || bounds.max > today) bounds = { ...bounds, max: today };
  }
  return bounds.min !== undefined && bounds.min === bounds.max ? ok(bounds.min) : ok(bounds);
}

/** Bounds on a day sent as JSON (`{ "min": "2023-05-01", "max": "2023-05-31" }`), as the API and a value the parser returned. */
export function parseDayBoundsObject(input: object): ParseResult {
  const entries = Object.entries(input);
  const day = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isoDate(...(v.split('-').map(Number) as [number, number, number])) === v;
  if (entries.length === 0 || entries.some(([k, v]) => (k !== 'min' && k !== 'max') || !day(v))) return fail('unreadable');
  const { min, max } = input as DateBounds;
  if (min !== undefined && max !== undefined && min > max) return fail('unreadable');
  return min !== undefined && min === max ? ok(min) : ok({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
}

/** 2023年5月至7月: a month alone after a span's first part is in that part's year. */
function monthInYear(month: string, first: string): DateBounds | undefined {
  const year = /^(\S+?)\s*年/.exec(first)?.[1];
  const alone = MONTH_ALONE.exec(month)?.[1];
  return year === undefined || alone === undefined ? undefined : spanOf(`${year}年${alone}月`);
}
