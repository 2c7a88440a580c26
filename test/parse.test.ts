/**
 * What people type, read into fact values: a table of real answers in both languages, then properties that
 * hold for any input (never throws, round-trips, units respected, whole counts, nothing negative), and hints.
 */
import { describe, expect, it } from 'vitest';
import { compiledTranslator } from '../src/i18n/compiled.js';
import type { DateBounds } from '../src/rules/facts.js';
import { formatDateSpan } from '../src/rules/format.js';
import { addPeriod } from '../src/rules/dates.js';
import fc from 'fast-check';
import { loadLocale } from '../src/i18n/index.js';
import {
  parseAnswer,
  parseHint,
  type AnswerSpec,
  type ChoiceOption,
  type NumberUnit,
  type ParseErrorCode,
  type ParseResult,
} from '../src/flows/parse.js';
import { answerSpec } from '../src/flows/prompts.js';
import { questionById } from '../src/flows/questions.js';

// ── specs built from the fact labels, as the flows will build them ──────────────────────────────────────────

const zh = loadLocale('zh-CN').facts as Record<string, { values?: Record<string, string> }>;
const en = loadLocale('en').facts as Record<string, { values?: Record<string, string> }>;

/** A question's spec exactly as the conversation builds it (labels, then synonyms from locales/<lang>/answers.json). */
const specFor = (fact: string): AnswerSpec => {
  const question = questionById(fact);
  if (!question) throw new Error(`no question ${fact}`);
  return answerSpec(question);
};

/** The options of a fact, labelled [zh, en] from locales/<lang>/facts.json. */
function optionsOf(fact: string): ChoiceOption[] {
  return Object.entries(zh[fact]?.values ?? {}).map(([value, label]) => ({ value, labels: [label, en[fact]?.values?.[value] ?? value] }));
}

const SPECS = {
  area: { kind: 'number', unit: 'area' },
  money: { kind: 'number', unit: 'money' },
  count: { kind: 'number', unit: 'count' },
  percent: { kind: 'number', unit: 'percent' },
  plain: { kind: 'number' },
  boolean: { kind: 'boolean' },
  frequency: specFor('holdsPublicWelfareActivities'),
  branchCount: specFor('branchCount'),
  parkType: specFor('parkType'),
  layout: specFor('layout'),
  locationType: specFor('locationType'),
  previousOutcome: specFor('previousOutcome'),
  supporting: specFor('supportingServices'),
  public: specFor('publicServices'),
  business: specFor('businessLines'),
  labelsOnly: { kind: 'choice', options: optionsOf('locationType') },
  date: { kind: 'date' },
  dateToday: { kind: 'date', today: '2026-03-01' },
  dateJanuary: { kind: 'date', today: '2026-01-15' },
} as const satisfies Record<string, AnswerSpec>;
type SpecName = keyof typeof SPECS;
const ALL_SPECS: [SpecName, AnswerSpec][] = Object.entries(SPECS) as [SpecName, AnswerSpec][];

const err = (code: ParseErrorCode, detectedUnit?: NumberUnit) => ({ err: code, ...(detectedUnit ? { detectedUnit } : {}) });
/** A value read with a note for the conversation (暂无 → false, read as "not yet"). */
const notYet = { reading: 'notYet' as const, value: false };
/** A date said relative to today, read as the day it names (and said back). */
const dated = (value: string) => ({ reading: 'dated' as const, value });
type Expected = string | number | boolean | string[] | null | { min?: number; max?: number } | { min?: string; max?: string } | ReturnType<typeof err> | typeof notYet | ReturnType<typeof dated>;

/** Compares a result with an expected value or error, so the table stays readable. */
function expectResult(result: ParseResult, expected: Expected): void {
  if (expected !== null && typeof expected === 'object' && 'err' in expected) {
    expect(result).toEqual({ ok: false, code: expected.err, ...(expected.detectedUnit ? { detectedUnit: expected.detectedUnit } : {}) });
  } else if (expected !== null && typeof expected === 'object' && 'reading' in expected) {
    expect(result).toEqual({ ok: true, ...expected });
  } else {
    expect(result).toEqual({ ok: true, value: expected });
  }
}

// ── the table ────────────────────────────────────────────────────────────────────────────────────────────

const TABLE: [unknown, SpecName, Expected][] = [
  // Arabic and full-width digits, separators, decimals
  ['12000', 'area', 12000],
  ['１２０００', 'area', 12000],
  ['12,000', 'area', 12000],
  ['１２，０００', 'area', 12000],
  ['1,234,567.5', 'money', 1234567.5],
  ['1.5', 'area', 1.5],
  ['  8000  ', 'area', 8000],
  ['12000.', 'area', 12000],
  ['1 2000', 'area', err('unreadable')],
  ['1,2000', 'area', err('unreadable')],
  ['1.2.3', 'area', err('unreadable')],
  ['1e5', 'area', err('unreadable')],
  // Chinese numerals
  ['一万五千', 'money', 15000],
  ['两千三百', 'area', 2300],
  ['三亿', 'money', 300_000_000],
  ['十五', 'count', 15],
  ['一百零五', 'count', 105],
  ['二十', 'count', 20],
  ['零点五', 'area', 0.5],
  ['一千二百万', 'money', 12_000_000],
  ['〇', 'count', 0],
  ['零', 'count', 0],
  ['两', 'count', 2],
  ['壹仟贰佰叁拾肆', 'money', 1234],
  ['伍佰万元', 'money', 5_000_000],
  ['一千零二十', 'count', 1020],
  ['一万五', 'money', 15000],
  ['两千三', 'area', 2300],
  ['一千五万', 'money', 15_000_000],
  ['二十五万', 'money', 250_000],
  ['一百零五万', 'money', 1_050_000],
  ['百', 'count', err('unreadable')],
  ['三千二千', 'count', err('unreadable')],
  // mixed forms and multipliers
  ['1.2万', 'area', 12000],
  ['1.1万', 'area', 11000],
  ['3千', 'money', 3000],
  ['5百万', 'money', 5_000_000],
  ['2亿5000万', 'money', 250_000_000],
  ['1万2千', 'money', 12000],
  ['1.2w', 'money', 12000],
  ['1.2W', 'money', 12000],
  ['15k', 'money', 15000],
  ['3个亿', 'money', 300_000_000],
  // area units
  ['12000平方米', 'area', 12000],
  ['12000 平米', 'area', 12000],
  ['8000平方', 'area', 8000],
  ['8000平', 'area', 8000],
  ['8000㎡', 'area', 8000],
  ['8000 m2', 'area', 8000],
  ['8000m²', 'area', 8000],
  ['8000 sqm', 'area', 8000],
  ['8,000 square metres', 'area', 8000],
  ['8000 Square Meters', 'area', 8000],
  ['1.2万平方米', 'area', 12000],
  ['1.2万平米', 'area', 12000],
  ['1.2万㎡', 'area', 12000],
  // approximate figures are bounds, never silently one figure (README "What the assistant understands")
  ['约12000平方米', 'area', { min: 10800, max: 13200 }],
  ['12000平方米左右', 'area', { min: 10800, max: 13200 }],
  ['about 12000 sqm', 'area', { min: 10800, max: 13200 }],
  ['5000多平方米', 'area', { min: 5000.01, max: 5999.99 }],
  ['5 km2', 'area', err('unreadable')],
  // money units
  ['5000000元', 'money', 5_000_000],
  ['500万元', 'money', 5_000_000],
  ['500万', 'money', 5_000_000],
  ['3亿元', 'money', 300_000_000],
  ['800千元', 'money', 800_000],
  ['5000块', 'money', 5000],
  ['RMB 5,000,000', 'money', 5_000_000],
  ['CNY 3000000', 'money', 3_000_000],
  ['¥5000', 'money', 5000],
  ['￥5000', 'money', 5000],
  ['5000 yuan', 'money', 5000],
  ['5 million', 'money', 5_000_000],
  ['5 Million Yuan', 'money', 5_000_000],
  ['0.5 billion', 'money', 500_000_000],
  ['RMB 2.5 million', 'money', 2_500_000],
  ['¥5000平方米', 'money', err('unreadable')],
  // count units
  ['25家', 'count', 25],
  ['3个', 'count', 3],
  ['12人', 'count', 12],
  ['6名', 'count', 6],
  ['2所', 'count', 2],
  ['1座', 'count', 1],
  ['4处', 'count', 4],
  ['3站', 'count', 3],
  ['二十家机构', 'count', 20],
  ['25 institutions', 'count', 25],
  ['12 people', 'count', 12],
  // percent
  ['60', 'percent', 60],
  ['60%', 'percent', 60],
  ['６０％', 'percent', 60],
  ['百分之六十', 'percent', 60],
  ['六成', 'percent', 60],
  ['55.5 percent', 'percent', 55.5],
  ['0.6', 'percent', 0.6],
  ['101%', 'percent', err('tooLarge')],
  // approximate and colloquial figures (issue 11): each form a row, read as inclusive bounds { min, max }
  ['30多家', 'count', { min: 31, max: 39 }],
  ['30余家', 'count', { min: 31, max: 39 }],
  ['三十来家', 'count', { min: 27, max: 33 }],
  ['二三十家', 'count', { min: 20, max: 30 }],
  ['5亿多', 'money', { min: 500_000_001, max: 599_999_999 }],
  ['5亿多元', 'money', { min: 500_000_001, max: 599_999_999 }],
  ['1.2万多平方米', 'area', { min: 12_000.01, max: 12_999.99 }],
  ['近5000平方米', 'area', { min: 4500, max: 4999.99 }],
  ['近1家', 'count', err('unreadable')],
  ['不到1万', 'count', { max: 9999 }],
  ['不到1万平方米', 'area', { max: 9999.99 }],
  ['不到1万元', 'money', { max: 9999 }],
  ['1万以上', 'count', { min: 10_000 }],
  ['1万平方米以上', 'area', { min: 10_000 }],
  ['约8000平方米', 'area', { min: 7200, max: 8800 }],
  ['8000左右', 'area', { min: 7200, max: 8800 }],
  ['about 30', 'count', { min: 27, max: 33 }],
  ['over 500 million', 'money', { min: 500_000_001 }],
  ['30-something', 'count', { min: 31, max: 39 }],
  ['less than 10,000', 'count', { max: 9999 }],
  ['less than 10,000 sqm', 'area', { max: 9999.99 }],
  ['十多家', 'count', { min: 11, max: 19 }],
  ['一百多家', 'count', { min: 101, max: 199 }],
  ['1万多', 'count', { min: 10_001, max: 19_999 }],
  ['30多万元', 'money', { min: 300_001, max: 399_999 }],
  ['3千多万元', 'money', { min: 30_000_001, max: 39_999_999 }],
  ['3个多亿', 'money', { min: 300_000_001, max: 399_999_999 }],
  ['约30多家', 'count', { min: 31, max: 39 }],
  // 几 as the unknown last digit reads as 多; after it only 万 / 亿 (a multiplier of the whole figure)
  ['二十几家', 'count', { min: 21, max: 29 }],
  ['十几家', 'count', { min: 11, max: 19 }],
  ['20几家', 'count', { min: 21, max: 29 }],
  ['十几万元', 'money', { min: 100_001, max: 199_999 }],
  ['35几家', 'count', err('unreadable')],
  ['三千几百万', 'money', err('unreadable')],
  // 几 before the place: at least two of it, fewer than ten (几十 → 20–99), whatever the unit's step
  ['几十家', 'count', { min: 20, max: 99 }],
  ['好几十家', 'count', { min: 20, max: 99 }],
  ['有几十家', 'count', { min: 20, max: 99 }],
  ['大概几十家', 'count', { min: 20, max: 99 }],
  ['几百家', 'count', { min: 200, max: 999 }],
  ['几千平方米', 'area', { min: 2000, max: 9_999.99 }],
  ['几万平米', 'area', { min: 20_000, max: 99_999.99 }],
  ['几十万元', 'money', { min: 200_000, max: 999_999 }],
  ['几百万', 'money', { min: 2_000_000, max: 9_999_999 }],
  ['几个亿', 'money', { min: 200_000_000, max: 999_999_999 }],
  ['几十平方米', 'count', err('wrongUnit', 'area')],
  ['几家', 'count', err('unreadable')],
  // 0以上 holds for every figure: no answer, said so (and `{}` would read back as nothing)
  ['0以上', 'count', err('noBound')],
  ['〇以上', 'area', err('noBound')],
  ['不少于0平方米', 'area', err('noBound')],
  ['at least 0', 'money', err('noBound')],
  ['超过0', 'count', { min: 1 }],
  ['超过几十家', 'count', err('unreadable')],
  // 大概 before a figure that is already vague adds nothing; 多点 is 多; particles that end a spoken reply go
  ['大概五六十家', 'count', { min: 50, max: 60 }],
  ['约20-30家', 'count', { min: 20, max: 30 }],
  ['1亿多点', 'money', { min: 100_000_001, max: 199_999_999 }],
  ['30家左右吧', 'count', { min: 27, max: 33 }],
  ['两万平左右吧', 'area', { min: 18_000, max: 22_000 }],
  // the same in English: several / a few of a place, tens / hundreds of a place
  ['several thousand square metres', 'area', { min: 2000, max: 9_999.99 }],
  ['a few hundred institutions', 'count', { min: 200, max: 999 }],
  ['tens of thousands of sqm', 'area', { min: 20_000, max: 99_999.99 }],
  ['several million yuan', 'money', { min: 2_000_000, max: 9_999_999 }],
  ['hundreds of millions of yuan', 'money', { min: 200_000_000, max: 999_999_999 }],
  ['several', 'count', err('unreadable')],
  ['half a billion', 'money', 500_000_000],
  ['just over 10,000', 'area', { min: 10_000.01 }],
  // filler before the figure: 有, 一共有, 共, 目前有, also after a qualifier
  ['有30多家', 'count', { min: 31, max: 39 }],
  ['一共有20家', 'count', 20],
  ['共25家', 'count', 25],
  ['大约有三十家', 'count', { min: 27, max: 33 }],
  ['目前有8000平方米', 'area', 8000],
  // the question's own words said back, then 为 / 达到
  ['建筑面积1.2万平方米', 'area', 12_000],
  ['面积约为8000平方米', 'area', { min: 7200, max: 8800 }],
  ['去年营业收入5亿多', 'money', { min: 500_000_001, max: 599_999_999 }],
  ['收入达到5亿', 'money', 500_000_000],
  ['入驻机构30多家', 'count', { min: 31, max: 39 }],
  ['专职工作人员12人', 'count', 12],
  // the 一 people leave out, 把 for about, 出头 for a little over (read as 多)
  ['过亿', 'money', { min: 100_000_001 }],
  ['上万平米', 'area', { min: 10_000 }],
  ['近亿', 'money', { min: 90_000_000, max: 99_999_999 }],
  ['百来家', 'count', { min: 90, max: 110 }],
  ['万把平米', 'area', { min: 9000, max: 11_000 }],
  ['三十家出头', 'count', { min: 31, max: 39 }],
  ['一个亿出头', 'money', { min: 100_000_001, max: 199_999_999 }],
  ['过去一年5亿', 'money', 500_000_000],
  ['30 odd', 'count', { min: 31, max: 39 }],
  ['一两万元', 'money', { min: 10_000, max: 20_000 }],
  ['两三家', 'count', { min: 2, max: 3 }],
  ['三五个', 'count', { min: 3, max: 5 }],
  ['20-30家', 'count', { min: 20, max: 30 }],
  ['20到30家', 'count', { min: 20, max: 30 }],
  ['二十至三十家', 'count', { min: 20, max: 30 }],
  ['在20到30之间', 'count', { min: 20, max: 30 }],
  ['20-30万元', 'money', { min: 200_000, max: 300_000 }],
  ['1.2万~1.5万平方米', 'area', { min: 12_000, max: 15_000 }],
  ['between 20 and 30', 'count', { min: 20, max: 30 }],
  ['20 to 30 million yuan', 'money', { min: 20_000_000, max: 30_000_000 }],
  ['大约一万二', 'area', { min: 10_800, max: 13_200 }],
  ['约5家', 'count', { min: 4, max: 6 }],
  ['约60%', 'percent', { min: 54, max: 66 }],
  ['30家以上', 'count', { min: 30 }],
  ['至少30家', 'count', { min: 30 }],
  ['不少于1万平方米', 'area', { min: 10_000 }],
  ['超过1万平方米', 'area', { min: 10_000.01 }],
  ['超过1万以上', 'area', { min: 10_000.01 }],
  ['最多20人', 'count', { max: 20 }],
  ['100万元以内', 'money', { max: 1_000_000 }],
  ['30+', 'count', { min: 30 }],
  ['at least 30 institutions', 'count', { min: 30 }],
  ['more than 30', 'count', { min: 31 }],
  ['up to 20 people', 'count', { max: 20 }],
  ['nearly 5,000 sqm', 'area', { min: 4500, max: 4999.99 }],
  ['around 8,000 square metres', 'area', { min: 7200, max: 8800 }],
  ['30ish', 'count', { min: 27, max: 33 }],
  // English number words, and the round figures said with "a"
  ['twenty', 'count', 20],
  ['twenty-five institutions', 'count', 25],
  ['thirty-something', 'count', { min: 31, max: 39 }],
  ['about a dozen', 'count', { min: 11, max: 13 }],
  ['ten thousand sqm', 'area', 10_000],
  ['half a million', 'money', 500_000],
  ['5m yuan', 'money', 5_000_000],
  ['between five and six million', 'money', { min: 5_000_000, max: 6_000_000 }],
  ['20-20家', 'count', 20],
  ['不到1家', 'count', 0],
  ['约0', 'count', 0],
  ['35多家', 'count', err('unreadable')],
  ['30-20家', 'count', err('unreadable')],
  ['30 and 40', 'count', err('unreadable')],
  ['超过30多家', 'count', err('unreadable')],
  ['不到1万以上', 'count', err('unreadable')],
  ['约-5', 'count', err('negative')],
  ['约1000万平方米', 'area', err('tooLarge')],
  ['30多平方米', 'count', err('wrongUnit', 'area')],
  ['约500万元', 'area', err('wrongUnit', 'money')],
  ['20-30平方米', 'count', err('wrongUnit', 'area')],
  ['20家-30平方米', 'count', err('unreadable')],
  [{ min: 31, max: 39 }, 'count', { min: 31, max: 39 }],
  [{ max: 9999.99 }, 'area', { max: 9999.99 }],
  [{ min: 5, max: 5 }, 'count', 5],
  [{ min: 40, max: 30 }, 'count', err('unreadable')],
  [{ min: 1.5 }, 'count', err('notInteger')],
  [{ min: -1 }, 'area', err('negative')],
  [{ max: 2e7 }, 'area', err('tooLarge')],
  [{}, 'count', err('unreadable')],
  [{ min: 1, other: 2 }, 'area', err('unreadable')],
  [{ min: '1' }, 'area', err('unreadable')],
  [{ min: 1 }, 'boolean', err('unreadable')],
  // a figure that must be exact (the number of branch parks decides which questions follow)
  ['两三个', 'branchCount', err('needExact')],
  ['3个以上', 'branchCount', err('needExact')],
  [{ min: 2, max: 3 }, 'branchCount', err('needExact')],
  ['3个', 'branchCount', 3],
  [{ min: 3, max: 3 }, 'branchCount', 3],
  // wrong units
  ['5000平方米', 'money', err('wrongUnit', 'area')],
  ['500万元', 'area', err('wrongUnit', 'money')],
  ['25家', 'area', err('wrongUnit', 'count')],
  ['60%', 'money', err('wrongUnit', 'percent')],
  ['1.2万平方米', 'count', err('wrongUnit', 'area')],
  ['5 million yuan', 'count', err('wrongUnit', 'money')],
  ['12000平方米', 'plain', err('wrongUnit', 'area')],
  // ranges: negative, too large, whole counts
  ['-5', 'count', err('negative')],
  ['负五', 'count', err('negative')],
  ['-1.2万平方米', 'area', err('negative')],
  ['−5', 'money', err('negative')],
  ['-0', 'count', 0],
  ['20000000', 'area', err('tooLarge')],
  ['2000万平方米', 'area', err('tooLarge')],
  ['100000亿元', 'money', 1e13],
  ['200000亿元', 'money', err('tooLarge')],
  ['0万平方米', 'area', 0],
  ['万', 'money', err('unreadable')],
  ['一万二万', 'money', err('unreadable')],
  ['2000000', 'count', err('tooLarge')],
  ['2.5', 'count', err('notInteger')],
  ['2.5家', 'count', err('notInteger')],
  ['1.5万', 'count', 15000],
  // yes / no
  ['是', 'boolean', true],
  ['是的', 'boolean', true],
  ['有', 'boolean', true],
  ['有的', 'boolean', true],
  ['对', 'boolean', true],
  ['具备', 'boolean', true],
  ['已', 'boolean', true],
  ['Yes', 'boolean', true],
  ['Y', 'boolean', true],
  ['TRUE', 'boolean', true],
  ['1', 'boolean', true],
  ['是。', 'boolean', true],
  ['否', 'boolean', false],
  ['没有', 'boolean', false],
  ['无', 'boolean', false],
  ['不是', 'boolean', false],
  ['不对', 'boolean', false],
  ['不具备', 'boolean', false],
  ['未', 'boolean', false],
  ['没', 'boolean', false],
  ['no', 'boolean', false],
  ['N', 'boolean', false],
  ['False', 'boolean', false],
  ['0', 'boolean', false],
  ['maybe', 'boolean', err('hedged')], // neither yes nor no: the person is unsure, asked once whether they can say
  // not yet: a no, which the conversation echoes as 按尚未具备计
  ['暂无', 'boolean', notYet],
  ['尚无', 'boolean', notYet],
  ['还没有', 'boolean', notYet],
  ['正在筹建', 'boolean', notYet],
  ['筹建中', 'boolean', notYet],
  // where the park is: a county or county-level city is not a 设区市; a district of one, or a provincial capital, is
  ['县级市', 'locationType', 'other'],
  ['县', 'locationType', 'other'],
  ['市辖区', 'locationType', 'prefecture_city'],
  ['省会', 'locationType', 'prefecture_city'],
  ['county-level city', 'locationType', 'other'],
  ['申报过没通过', 'previousOutcome', 'rejected'],
  // a choice said in a sentence: 在…, …里, …的, …了 around an exact label (never a partial one)
  ['在市区', 'locationType', 'prefecture_city'],
  ['高新区里', 'locationType', 'high_tech_zone'],
  ['综合性的', 'parkType', 'comprehensive'],
  ['被撤销了', 'previousOutcome', 'revoked'],
  ['之前没报过', 'previousOutcome', 'none'],
  ['报过被拒了', 'previousOutcome', 'rejected'],
  ['两个园区', 'layout', 'multi'],
  ['市里', 'locationType', err('unknownOption')],
  ['a core park plus branches', 'layout', 'multi'],
  ['it was revoked', 'previousOutcome', 'revoked'],
  ['no', 'previousOutcome', 'none'],
  ['被撤销过', 'previousOutcome', 'revoked'],
  ['还在筹备', 'boolean', notYet],
  ['筹备中', 'boolean', notYet],
  ['已设立', 'boolean', true],
  ['有一个', 'boolean', true],
  ['是有的', 'boolean', true],
  ['未制定', 'boolean', false],
  ['没有设立', 'boolean', false],
  ['none yet', 'boolean', notYet],
  ['Not yet', 'boolean', notYet],
  // a spoken reply: particles at the end, 肯定 before, verbs after 有 / 没, clauses that agree (and not those that do not)
  ['没呢', 'boolean', false],
  ['有啊。', 'boolean', true],
  ['肯定有', 'boolean', true],
  ['有制定', 'boolean', true],
  ['搞了', 'boolean', true],
  ['没搞', 'boolean', false],
  ['木有', 'boolean', false],
  ['正在办', 'boolean', notYet],
  ['正在制定中', 'boolean', notYet],
  ['有，已经制定', 'boolean', true],
  ['是的，有', 'boolean', true],
  ['没有，正在制定', 'boolean', notYet],
  ['有，没有', 'boolean', err('unreadable')],
  ['有，但还没制定完', 'boolean', err('unreadable')],
  // a yes or no the person is not sure of: asked about once more (the conversation takes a second hedge as 不清楚)
  ['好像有', 'boolean', err('hedged')],
  ['应该没有吧', 'boolean', err('hedged')],
  ['我记得有', 'boolean', err('hedged')],
  ['应该是有的', 'boolean', err('hedged')],
  ['好像是', 'boolean', err('hedged')],
  ['估计没', 'boolean', err('hedged')],
  ['可能有吧', 'boolean', err('hedged')],
  ['应该有，但不确定', 'boolean', err('hedged')],
  ['有，不过我不确定', 'boolean', err('hedged')],
  ['好像', 'boolean', err('unreadable')],
  ['可能偶尔', 'frequency', err('hedged')],
  ['probably', 'boolean', err('hedged')],
  ["I don't think so", 'boolean', err('hedged')],
  ['maybe not', 'boolean', err('hedged')],
  // in English as spoken
  ['we have one', 'boolean', true],
  ['Definitely', 'boolean', true],
  ["no we don't", 'boolean', false],
  ['not really', 'boolean', false],
  ['working on it', 'boolean', notYet],
  ['not at the moment', 'boolean', notYet],
  // colloquial yes
  ['嗯', 'boolean', true],
  ['是滴', 'boolean', true],
  ['对的', 'boolean', true],
  ['yep', 'boolean', true],
  // how often: the text says 经常 / 广泛, so 偶尔 is asked once more
  ['经常', 'frequency', true],
  ['定期', 'frequency', true],
  ['每年都办', 'frequency', true],
  ['regularly', 'frequency', true],
  ['every year', 'frequency', true],
  ['偶尔', 'frequency', err('occasional')],
  ['有时候', 'frequency', err('occasional')],
  ['occasionally', 'frequency', err('occasional')],
  ['是', 'frequency', true],
  ['暂无', 'frequency', notYet],
  ['经常', 'boolean', err('unreadable')],
  ['偶尔', 'boolean', err('unreadable')],
  ['有，正在建', 'boolean', err('unreadable')],
  // choices
  ['1', 'parkType', 'comprehensive'],
  ['第2个', 'parkType', 'specialized'],
  ['2.', 'parkType', 'specialized'],
  ['第二项', 'parkType', 'specialized'],
  ['(1)', 'parkType', 'comprehensive'],
  ['综合性园区', 'parkType', 'comprehensive'],
  ['综合', 'parkType', 'comprehensive'],
  ['专业', 'parkType', 'specialized'],
  ['specialized', 'parkType', 'specialized'],
  ['Comprehensive Park', 'parkType', 'comprehensive'],
  ['spec', 'parkType', 'specialized'],
  ['园区', 'parkType', err('ambiguousOption')],
  ['park', 'parkType', err('ambiguousOption')],
  ['火箭', 'parkType', err('unknownOption')],
  ['3', 'parkType', err('unknownOption')],
  ['0', 'parkType', err('unknownOption')],
  ['综', 'parkType', err('unknownOption')],
  ['多个园区', 'layout', 'multi'],
  ['a single site', 'layout', 'single'],
  ['高新区', 'locationType', 'high_tech_zone'],
  ['高新区', 'labelsOnly', err('unknownOption')],
  ['高新技术', 'locationType', 'high_tech_zone'],
  ['国家级', 'locationType', err('ambiguousOption')],
  ['自由贸易', 'locationType', 'national_ftz'],
  ['free trade', 'locationType', 'national_ftz'],
  ['no', 'locationType', err('unknownOption')],
  ['无', 'previousOutcome', 'none'],
  ['被取消', 'previousOutcome', 'revoked'],
  // synonyms, from locales/<lang>/answers.json
  ['就一个园区', 'layout', 'single'],
  ['只有一个', 'layout', 'single'],
  ['单个园区', 'layout', 'single'],
  ['一个', 'layout', 'single'],
  ['just one', 'layout', 'single'],
  ['好几个', 'layout', 'multi'],
  ['有分园', 'layout', 'multi'],
  ['several', 'layout', 'multi'],
  ['with branches', 'layout', 'multi'],
  ['综合型', 'parkType', 'comprehensive'],
  ['特色园区', 'parkType', 'specialized'],
  ['general', 'parkType', 'comprehensive'],
  ['自贸区', 'locationType', 'national_ftz'],
  ['经开区', 'locationType', 'economic_development_zone'],
  ['industrial park', 'locationType', 'key_industrial_park'],
  ['县城', 'locationType', 'other'],
  ['没通过', 'previousOutcome', 'rejected'],
  ['第一次申报', 'previousOutcome', 'none'],
  ['never', 'previousOutcome', 'none'],
  ['被摘牌', 'previousOutcome', 'revoked'],
  ['社保、就业', 'public', ['employment', 'social_security']],
  ['技能培训和人事', 'public', ['vocational_training', 'talent_personnel']],
  ['食堂和宿舍', 'supporting', ['catering', 'accommodation']],
  ['canteen, internet', 'supporting', ['catering', 'network_information']],
  ['猎头、外包、派遣', 'business', ['outsourcing', 'labor_dispatch', 'executive_search']],
  ['headhunting and gig work', 'business', ['executive_search', 'flexible_employment']],
  [2, 'parkType', 'specialized'],
  // multi
  ['会议、培训', 'supporting', ['meeting', 'training']],
  ['会议，培训；餐饮', 'supporting', ['meeting', 'training', 'catering']],
  ['1,3,5', 'supporting', ['meeting', 'finance', 'catering']],
  ['1 3 5', 'supporting', ['meeting', 'finance', 'catering']],
  ['餐饮和住宿', 'supporting', ['catering', 'accommodation']],
  ['金融及法律', 'supporting', ['finance', 'legal']],
  ['meetings, catering and legal services', 'supporting', ['meeting', 'legal', 'catering']],
  ['finance and investment', 'supporting', ['finance']],
  ['network and information, recruitment hall', 'supporting', ['network_information', 'recruitment_hall']],
  ['meeting catering', 'supporting', ['meeting', 'catering']],
  ['会议、会议、1', 'supporting', ['meeting']],
  ['有会议、培训等', 'supporting', ['meeting', 'training']],
  ['无', 'supporting', []],
  ['none', 'supporting', []],
  ['都没有', 'supporting', []],
  ['全部', 'public', ['employment', 'vocational_training', 'social_security', 'talent_personnel']],
  ['全部都有', 'public', ['employment', 'vocational_training', 'social_security', 'talent_personnel']],
  ['employment and social security', 'public', ['employment', 'social_security']],
  ['就业创业 职业培训', 'public', ['employment', 'vocational_training']],
  ['会议、火箭', 'supporting', err('unknownOption')],
  // every option but those named
  ['除了住宿都有', 'supporting', ['meeting', 'training', 'finance', 'legal', 'catering', 'network_information', 'recruitment_hall']],
  ['除了住宿和餐饮，其他都有', 'supporting', ['meeting', 'training', 'finance', 'legal', 'network_information', 'recruitment_hall']],
  ['all except social security', 'public', ['employment', 'vocational_training', 'talent_personnel']],
  ['除了火箭都有', 'supporting', err('unknownOption')],
  ['会议室，培训教室', 'supporting', ['meeting', 'training']],
  ['人力资源外包、HR SaaS', 'business', ['outsourcing', 'software']],
  ['HR', 'business', err('unknownOption')],
  ['HR outsourcing, HR software', 'business', ['outsourcing', 'software']],
  ['培训', 'business', ['training']],
  [['meeting', 'training'], 'supporting', ['meeting', 'training']],
  [['training', 'meeting', 'meeting'], 'supporting', ['meeting', 'training']],
  [[], 'supporting', []],
  [['rocket'], 'supporting', err('unknownOption')],
  [[{}], 'supporting', err('unreadable')],
  // dates
  ['2024-01-10', 'date', '2024-01-10'],
  ['2024/1/10', 'date', '2024-01-10'],
  ['2024.01.10', 'date', '2024-01-10'],
  ['２０２４－０１－１０', 'date', '2024-01-10'],
  ['2024年1月10日', 'date', '2024-01-10'],
  // a two-digit year as people write it with 年 (POSIX's pivot: 00–68 → 20YY, 69–99 → 19YY); without 年 it stays unread
  ['23年5月10日', 'date', '2023-05-10'],
  ['二三年五月十日', 'date', '2023-05-10'],
  ['99年1月1日', 'date', '1999-01-01'],
  ['23-05-10', 'date', err('unreadable')],
  ['2024 年 1 月 10 号', 'date', '2024-01-10'],
  ['二〇二四年一月十日', 'date', '2024-01-10'],
  ['20240110', 'date', '2024-01-10'],
  ['Jan 10, 2024', 'date', '2024-01-10'],
  ['10 January 2024', 'date', '2024-01-10'],
  ['2024-02-29', 'date', '2024-02-29'],
  // a day known roughly is bounds on it (a month, a year, a half year, a span), never one day guessed within them
  ['2024年1月', 'date', { min: '2024-01-01', max: '2024-01-31' }],
  ['2024-01', 'date', { min: '2024-01-01', max: '2024-01-31' }],
  ['2024年2月份', 'date', { min: '2024-02-01', max: '2024-02-29' }],
  ['23年5月', 'date', { min: '2023-05-01', max: '2023-05-31' }],
  ['二〇二三年五月', 'date', { min: '2023-05-01', max: '2023-05-31' }],
  ['January 2024', 'date', { min: '2024-01-01', max: '2024-01-31' }],
  ['in May 2023', 'date', { min: '2023-05-01', max: '2023-05-31' }],
  ['2023年', 'date', { min: '2023-01-01', max: '2023-12-31' }],
  ['2023', 'date', { min: '2023-01-01', max: '2023-12-31' }],
  ['2023年上半年', 'date', { min: '2023-01-01', max: '2023-06-30' }],
  ['2023年下半年', 'date', { min: '2023-07-01', max: '2023-12-31' }],
  ['2023年5月至7月', 'date', { min: '2023-05-01', max: '2023-07-31' }],
  ['2023年5月到2024年2月', 'date', { min: '2023-05-01', max: '2024-02-29' }],
  ['2023-05-01 至 2023-05-20 之间', 'date', { min: '2023-05-01', max: '2023-05-20' }],
  ['between 2023-05-01 and 2023-06-30', 'date', { min: '2023-05-01', max: '2023-06-30' }],
  ['2023-05-10 或之后', 'date', { min: '2023-05-10' }],
  ['2023年5月以后', 'date', { min: '2023-05-01' }],
  ['on or before 2023-05-10', 'date', { max: '2023-05-10' }],
  ['2023年以前', 'date', { max: '2023-12-31' }],
  // a part of a year or month: 上旬/中旬/下旬 (and 月初/月中/月底) are days 1–10, 11–20, 21–end; 年初/年中/年底 are read
  // wide (the first quarter, May–August, the last quarter), never guessed narrow
  ['2023年底', 'date', { min: '2023-10-01', max: '2023-12-31' }],
  ['2023年年底', 'date', { min: '2023-10-01', max: '2023-12-31' }],
  ['2023年末', 'date', { min: '2023-10-01', max: '2023-12-31' }],
  ['2023年初', 'date', { min: '2023-01-01', max: '2023-03-31' }],
  ['2023年中', 'date', { min: '2023-05-01', max: '2023-08-31' }],
  ['2023年5月底', 'date', { min: '2023-05-21', max: '2023-05-31' }],
  ['2023年5月下旬', 'date', { min: '2023-05-21', max: '2023-05-31' }],
  ['2024年2月下旬', 'date', { min: '2024-02-21', max: '2024-02-29' }],
  ['2023年5月上旬', 'date', { min: '2023-05-01', max: '2023-05-10' }],
  ['2023年5月中旬', 'date', { min: '2023-05-11', max: '2023-05-20' }],
  ['2023年5月的月初', 'date', { min: '2023-05-01', max: '2023-05-10' }],
  ['2023年底以后', 'date', { min: '2023-10-01' }],
  ['2023年初至2024年年底', 'date', { min: '2023-01-01', max: '2024-12-31' }],
  ['early 2023', 'date', { min: '2023-01-01', max: '2023-03-31' }],
  ['mid-2023', 'date', { min: '2023-05-01', max: '2023-08-31' }],
  ['the end of 2023', 'date', { min: '2023-10-01', max: '2023-12-31' }],
  ['late May 2023', 'date', { min: '2023-05-21', max: '2023-05-31' }],
  ['2023年中旬', 'date', err('unreadable')],
  ['2023年秋天', 'date', { min: '2023-09-01', max: '2023-11-30' }],
  ['2023年冬天', 'date', { min: '2023-12-01', max: '2024-02-29' }],
  ['2022年秋季至2023年春季', 'date', { min: '2022-09-01', max: '2023-05-31' }],
  ['2023年5月的秋天', 'date', err('invalidDate')],
  ['2023年5月年底', 'date', err('invalidDate')],
  ['2023年8月至5月', 'date', err('invalidDate')],
  ['2023年13月', 'date', err('invalidDate')],
  ['2025-02-30', 'date', err('invalidDate')],
  ['2023-02-29', 'date', err('invalidDate')],
  ['2024-13-01', 'date', err('invalidDate')],
  ['yesterday', 'date', err('unreadable')],
  ['去年5月10日', 'date', err('invalidDate')],
  // said relative to today (2026-03-01 here); a day without a year is the latest such day up to today
  ['去年5月10日', 'dateToday', dated('2025-05-10')],
  ['去年5月10号', 'dateToday', dated('2025-05-10')],
  ['前年的十二月三十一日', 'dateToday', dated('2024-12-31')],
  ['今年1月5日', 'dateToday', dated('2026-01-05')],
  ['今年3月1日', 'dateToday', dated('2026-03-01')],
  ['今年3月2日', 'dateToday', err('futureDate')],
  ['2026-03-02', 'dateToday', err('futureDate')],
  ['2026-03-02', 'date', '2026-03-02'],
  ['今年2月30日', 'dateToday', err('invalidDate')],
  ['上个月10号', 'dateToday', dated('2026-02-10')],
  ['本月1日', 'dateToday', dated('2026-03-01')],
  ['2月10日', 'dateToday', dated('2026-02-10')],
  ['5月10日', 'dateToday', dated('2025-05-10')],
  ['昨天', 'dateToday', dated('2026-02-28')],
  ['前天', 'dateToday', dated('2026-02-27')],
  ['yesterday', 'dateToday', dated('2026-02-28')],
  ['10 May last year', 'dateToday', dated('2025-05-10')],
  ['May 10th last year', 'dateToday', dated('2025-05-10')],
  ['2023年5月10日', 'dateToday', '2023-05-10'],
  // rough days against today (2026-03-01): relative ones read, and bounds reaching past today end with it
  ['去年5月', 'dateToday', { min: '2025-05-01', max: '2025-05-31' }],
  ['去年底', 'dateToday', { min: '2025-10-01', max: '2025-12-31' }],
  // roughly so long ago: read wide, one unit more to one less (三年前: between four and two years ago)
  ['三年前', 'dateToday', { min: '2022-03-01', max: '2024-03-01' }],
  ['大概两年前', 'dateToday', { min: '2023-03-01', max: '2025-03-01' }],
  ['两年前左右', 'dateToday', { min: '2023-03-01', max: '2025-03-01' }],
  ['半年前', 'dateToday', { min: '2025-08-01', max: '2025-10-01' }],
  ['3个月以前', 'dateToday', { min: '2025-11-01', max: '2026-01-01' }],
  ['about 3 years ago', 'dateToday', { min: '2022-03-01', max: '2024-03-01' }],
  ['a year ago', 'dateToday', { min: '2024-03-01', max: '2026-03-01' }],
  ['五十一年前', 'dateToday', err('unreadable')],
  // seasons: spring March–May, summer June–August, autumn September–November, winter December to February
  ['去年春天', 'dateToday', { min: '2025-03-01', max: '2025-05-31' }],
  ['去年冬季', 'dateToday', { min: '2025-12-01', max: '2026-02-28' }],
  ['今年夏天', 'dateToday', err('futureDate')],
  ['去年年初', 'dateToday', { min: '2025-01-01', max: '2025-03-31' }],
  ['去年5月中旬', 'dateToday', { min: '2025-05-11', max: '2025-05-20' }],
  ['5月初', 'dateToday', { min: '2025-05-01', max: '2025-05-10' }],
  ['2月底', 'dateToday', { min: '2026-02-21', max: '2026-02-28' }],
  ['上个月底', 'dateToday', { min: '2026-02-21', max: '2026-02-28' }],
  ['年初', 'dateToday', { min: '2026-01-01', max: '2026-03-01' }],
  ['年底', 'dateToday', err('futureDate')],
  ['end of last year', 'dateToday', { min: '2025-10-01', max: '2025-12-31' }],
  ['去年', 'dateToday', { min: '2025-01-01', max: '2025-12-31' }],
  ['去年下半年', 'dateToday', { min: '2025-07-01', max: '2025-12-31' }],
  ['last year', 'dateToday', { min: '2025-01-01', max: '2025-12-31' }],
  ['上个月', 'dateToday', { min: '2026-02-01', max: '2026-02-28' }],
  ['本月', 'dateToday', '2026-03-01'],
  ['今年', 'dateToday', { min: '2026-01-01', max: '2026-03-01' }],
  ['2月', 'dateToday', { min: '2026-02-01', max: '2026-02-28' }],
  ['5月', 'dateToday', { min: '2025-05-01', max: '2025-05-31' }],
  ['2023年以后', 'dateToday', { min: '2023-01-01', max: '2026-03-01' }],
  ['2026年3月', 'dateToday', '2026-03-01'],
  ['2026年4月', 'dateToday', err('futureDate')],
  ['2027年', 'dateToday', err('futureDate')],
  ['5月', 'date', err('unreadable')],
  // 上个月 in January is December of the year before
  ['上个月', 'dateJanuary', { min: '2025-12-01', max: '2025-12-31' }],
  ['上个月10号', 'dateJanuary', dated('2025-12-10')],
  ['last May', 'dateToday', { min: '2025-05-01', max: '2025-05-31' }],
  ['May last year', 'dateToday', { min: '2025-05-01', max: '2025-05-31' }],
  // 两年多前: more than two years before today and less than three (as 30多 is 31–39)
  ['两年多前', 'dateToday', { min: '2023-03-02', max: '2024-02-29' }],
  ['三年多以前', 'dateToday', { min: '2022-03-02', max: '2023-02-28' }],
  ['两个多月前', 'dateToday', { min: '2025-12-02', max: '2025-12-31' }],
  ['两年多前', 'date', err('unreadable')],
  // I don't know, for any kind
  ['不清楚', 'area', null],
  ['不知道', 'boolean', null],
  ['不确定', 'parkType', null],
  ['跳过', 'supporting', null],
  ['略过', 'date', null],
  ['skip', 'money', null],
  ['Unknown', 'count', null],
  ["don't know", 'boolean', null],
  ['don’t know', 'boolean', null],
  ['dont know', 'percent', null],
  ['IDK', 'date', null],
  ['not sure', 'parkType', null],
  ['?', 'area', null],
  ['？', 'boolean', null],
  [null, 'money', null],
  // empty and unreadable, never a throw
  ['', 'area', err('empty')],
  ['   ', 'boolean', err('empty')],
  ['\u3000\t\n', 'parkType', err('empty')],
  ['。', 'area', err('unreadable')],
  ['x'.repeat(300), 'parkType', err('unreadable')],
  ['12000\u0000', 'area', err('unreadable')],
  ['😀', 'boolean', err('unreadable')],
  [[1], 'area', err('unreadable')],
  [undefined, 'boolean', err('unreadable')],
  // JSON values of the right type
  [12000, 'area', 12000],
  [0, 'count', 0],
  [-1, 'area', err('negative')],
  [2.5, 'count', err('notInteger')],
  [1e20, 'money', err('tooLarge')],
  [Number.NaN, 'money', err('unreadable')],
  [Number.POSITIVE_INFINITY, 'area', err('tooLarge')],
  [true, 'boolean', true],
  [false, 'boolean', false],
  [true, 'area', err('unreadable')],
  ['comprehensive', 'parkType', 'comprehensive'],
];

describe('what people type', () => {
  it('the table covers enough real answers', () => expect(TABLE.length).toBeGreaterThanOrEqual(80));

  it.each(TABLE.map(([input, spec, expected]) => [typeof input === 'string' ? input.slice(0, 40) : JSON.stringify(input) ?? String(input), spec, expected, input] as const))(
    '%s as %s → %j',
    (_label, spec, expected, input) => expectResult(parseAnswer(input, SPECS[spec]), expected),
  );

  it('a spec max overrides the default', () => {
    expectResult(parseAnswer('200', { kind: 'number', unit: 'count', max: 100 }), err('tooLarge'));
    expectResult(parseAnswer('100', { kind: 'number', unit: 'count', max: 100 }), 100);
  });

  it('two options with the same label are never guessed between', () => {
    const twins = { kind: 'choice', options: [{ value: 'a', labels: ['培训'] }, { value: 'b', labels: ['培训'] }] } as const;
    expectResult(parseAnswer('培训', twins), err('ambiguousOption'));
  });

  it('a label that is a none-word is an option, not an empty list', () => {
    const spec = { kind: 'multi', options: [{ value: 'nothing', labels: ['无', 'none'] }, { value: 'x', labels: ['有', 'some'] }] } as const;
    expectResult(parseAnswer('无', spec), ['nothing']);
  });
});

// ── properties ───────────────────────────────────────────────────────────────────────────────────────────

/** Every code, kept complete by the type checker: a new code without a line in `locales/` fails the hints test. */
const EVERY_CODE: Record<ParseErrorCode, true> = {
  empty: true, unreadable: true, wrongUnit: true, negative: true, tooLarge: true, notInteger: true, unknownOption: true,
  ambiguousOption: true, invalidDate: true, needExact: true, noBound: true, futureDate: true, occasional: true, hedged: true,
};
const CODES = Object.keys(EVERY_CODE) as ParseErrorCode[];
const UNITS: readonly NumberUnit[] = ['area', 'money', 'count', 'percent'];
const MAX: Record<NumberUnit, number> = { area: 10_000_000, money: 1e13, count: 1_000_000, percent: 100 };

/** A result is well formed: a value of the question's type, or a known code (a unit only with wrongUnit). */
function isValid(result: ParseResult, spec: AnswerSpec): boolean {
  if (!result.ok) return CODES.includes(result.code) && (result.code === 'wrongUnit') === (result.detectedUnit !== undefined);
  const v = result.value;
  const values = (spec.options ?? []).map((o) => o.value);
  if (v === null) return true;
  switch (spec.kind) {
    case 'number': {
      const max = spec.max ?? MAX[spec.unit ?? 'percent'] ?? Infinity;
      const figure = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= (spec.unit ? max : 1e15) && (spec.unit !== 'count' || Number.isInteger(n));
      if (typeof v !== 'object' || Array.isArray(v)) return figure(v);
      // bounds: at least one end, each a valid figure, min < max (equal ends are returned as one number)
      const { min, max: top, ...rest } = v as { min?: number; max?: number };
      return Object.keys(rest).length === 0 && (min !== undefined || top !== undefined) && (min === undefined || figure(min)) &&
        (top === undefined || figure(top)) && (min === undefined || top === undefined || min < top);
    }
    case 'boolean':
      return typeof v === 'boolean';
    case 'choice':
      return typeof v === 'string' && values.includes(v);
    case 'multi':
      return Array.isArray(v) && new Set(v).size === v.length && v.every((x) => values.includes(x));
    case 'date': {
      // a day, or bounds on one (at least one end, min before max); never after today when today is given
      const day = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && (spec.today === undefined || d <= spec.today);
      if (typeof v !== 'object' || Array.isArray(v)) return day(v);
      const { min, max, ...rest } = v as { min?: string; max?: string };
      return Object.keys(rest).length === 0 && (min !== undefined || max !== undefined) && (min === undefined || day(min)) &&
        (max === undefined || day(max)) && (min === undefined || max === undefined || min < max);
    }
  }
}

/** Fragments people type, so random strings reach deep into the number, list and date readers. */
const fragment = fc.constantFrom(
  '1', '2', '0', '12', '000', ',', '.', '-', ' ', '、', '和', 'and', '万', '亿', '千', '百', '十', '零', '〇', '点', '一', '两', '五',
  '九', '壹', '拾', 'k', 'w', '平方米', '㎡', '元', '万元', '%', '百分之', '成', '家', '个', '年', '月', '日', '第', '负', '约', '左右',
  '多', '余', '来', '近', '不到', '以上', '以下', '超过', '到', '至', '~', 'about ', 'over ', 'less than ', '-something', '二三', '一两',
  'million', 'yuan', 'sqm', '会议', '培训', 'meetings', 'none', '无', '是', '否', 'yes', '不清楚', '?', '２', '，', '（', '）',
);
const typed = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
const specArb = fc.constantFrom(...ALL_SPECS.map(([, spec]) => spec));

describe('parseAnswer never throws and always answers in shape', () => {
  it.each([
    ['arbitrary JSON and JS values', fc.anything()],
    ['unicode strings', fc.string({ unit: 'binary', maxLength: 300 })],
    ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 50 })],
    ['typed-looking fragments', typed],
    ['long strings', fc.string({ minLength: 190, maxLength: 2_500 })],
  ] as const)('%s', (_name, arb) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<unknown>, specArb, (input, spec) => {
        expect(isValid(parseAnswer(input, spec), spec)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a value it returned reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.anything()), specArb, (input, spec) => {
        const first = parseAnswer(input, spec);
        if (first.ok) expect(parseAnswer(first.value, spec)).toEqual({ ok: true, value: first.value });
      }),
      { numRuns: 1_000 },
    );
  });

  it('a very long input is turned away at once', () => {
    const start = performance.now();
    expect(parseAnswer('1'.repeat(1_000_000), SPECS.area)).toEqual({ ok: false, code: 'unreadable' });
    expect(parseAnswer(`${'会议、'.repeat(66)}会议`, SPECS.supporting).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

// ── round trips ──────────────────────────────────────────────────────────────────────────────────────────

const CN_DIGITS = '零一二三四五六七八九';

/** 0 < s < 10000 in Chinese, with 零 for gaps (一千零五, 一百零五十 is never produced). */
function chineseSection(s: number): string {
  let out = '';
  let gap = false;
  for (const [place, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const d = Math.floor(s / place) % 10;
    if (d === 0) {
      gap = out !== '';
      continue;
    }
    out += `${gap ? '零' : ''}${CN_DIGITS[d]}${name}`;
    gap = false;
  }
  return out;
}

/** A test-side rendering of a whole number in Chinese numerals: 12345 → 一万二千三百四十五, 100005 → 十万零五. */
function chinese(n: number): string {
  if (n === 0) return '零';
  const groups = [[Math.floor(n / 1e8), '亿'], [Math.floor(n / 1e4) % 1e4, '万'], [n % 1e4, '']] as const;
  let out = '';
  for (const [g, name] of groups) {
    if (g === 0) continue;
    const needsZero = out !== '' && g < 1000;
    out += `${needsZero ? '零' : ''}${g >= 1e4 ? chinese(g) : chineseSection(g)}${name}`;
  }
  return out.replace(/^一十/, '十');
}

/** The same number in financial numerals (壹万贰仟…). */
const financial = (text: string) => text.replace(/[一二三四五六七八九十百千]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟'['一二三四五六七八九十百千'.indexOf(c)] ?? c);
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const fullWidth = (text: string) => text.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('numbers read back', () => {
  it.each([
    [15, '十五'], [20, '二十'], [105, '一百零五'], [1020, '一千零二十'], [15000, '一万五千'], [100005, '十万零五'],
    [12_000_000, '一千二百万'], [250_000_000, '二亿五千万'], [300_000_000, '三亿'], [1_000_000_000_000, '一万亿'],
  ])('the test-side renderer: %i → %s', (n, words) => expect(chinese(n)).toBe(words));

  it.each(UNITS.map((unit) => [unit] as const))('%s: String(n), 12,000, full width and Chinese numerals give n', (unit) => {
    const spec: AnswerSpec = { kind: 'number', unit };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX[unit] }), (n) => {
        for (const text of [String(n), grouped(n), fullWidth(grouped(n)), fullWidth(String(n)), chinese(n), financial(chinese(n))]) {
          expect(parseAnswer(text, spec), text).toEqual({ ok: true, value: n });
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(['area', 'money'] as const)('%s: n/10000 followed by 万 gives n', (unit) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX[unit] }), (n) => {
        const text = `${n / 10_000}万`;
        fc.pre(!text.includes('e'));
        expect(parseAnswer(text, { kind: 'number', unit })).toEqual({ ok: true, value: n });
      }),
      { numRuns: 500 },
    );
  });

  it('decimals read exactly (1.1万 is 11000, not 11000.000000000002)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9999 }), (whole, fraction) => {
        const text = `${whole}.${String(fraction).padStart(4, '0')}万`;
        expect(parseAnswer(text, SPECS.area)).toEqual({ ok: true, value: whole * 10_000 + fraction });
      }),
    );
  });
});

// ── units, whole counts, negatives ───────────────────────────────────────────────────────────────────────

const UNIT_SPELLINGS: Record<NumberUnit, readonly string[]> = {
  area: ['平方米', '平米', '平方', '㎡', 'm2', 'm²', 'sqm', ' square metres', '万平方米', '万㎡'],
  money: ['元', '块', '万元', '亿元', '千元', ' RMB', ' yuan', ' million yuan'],
  count: ['家', '个', '人', '名', '所', '座', '处', '站'],
  percent: ['%', '％', ' percent'],
};
const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map((d) => d.toFixed(2)));

describe('units are respected', () => {
  it.each(UNITS.flatMap((typedUnit) => UNITS.filter((u) => u !== typedUnit).map((asked) => [typedUnit, asked] as const)))(
    'a figure in %s asked as %s is wrongUnit',
    (typedUnit, asked) => {
      fc.assert(
        fc.property(amount, fc.constantFrom(...UNIT_SPELLINGS[typedUnit]), (n, word) => {
          expect(parseAnswer(`${n}${word}`, { kind: 'number', unit: asked })).toEqual({ ok: false, code: 'wrongUnit', detectedUnit: typedUnit });
        }),
        { numRuns: 100 },
      );
    },
  );

  it('a figure in the asked unit is never wrongUnit', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...UNITS).chain((u) => fc.tuple(fc.constant(u), fc.constantFrom(...UNIT_SPELLINGS[u]))), (n, [unit, word]) => {
        const result = parseAnswer(`${n}${word}`, { kind: 'number', unit });
        expect(result.ok || result.code !== 'wrongUnit').toBe(true);
      }),
    );
  });

  it('a count with a fractional part is notInteger, typed or sent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_998 }), fc.integer({ min: 1, max: 99 }), (n, cents) => {
        expect(parseAnswer(`${n}.${String(cents).padStart(2, '0')}`, SPECS.count)).toEqual({ ok: false, code: 'notInteger' });
        expect(parseAnswer(n + cents / 100, SPECS.count)).toEqual({ ok: false, code: 'notInteger' });
      }),
    );
  });

  it('a negative figure is never accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('-', '负', '−', 'minus '), fc.constantFrom(...UNITS), (n, sign, unit) => {
        const spec: AnswerSpec = { kind: 'number', unit };
        for (const text of [String(n), grouped(n), chinese(n)]) expect(parseAnswer(`${sign}${text}`, spec)).toEqual({ ok: false, code: 'negative' });
        expect(parseAnswer(-n, spec)).toEqual({ ok: false, code: 'negative' });
      }),
    );
    fc.assert(
      fc.property(fc.oneof(typed.map((t) => `-${t}`), fc.double({ max: -Number.MIN_VALUE })), specArb, (input, spec) => {
        const result = parseAnswer(input, spec);
        if (result.ok && typeof result.value === 'number') expect(result.value).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

// ── approximate figures ──────────────────────────────────────────────────────────────────────────────────

type Bounded = { min?: number; max?: number };
/** The range an answer allows: a number is the range of one value. */
function rangeOfResult(result: ParseResult): { lo: number; hi: number } {
  if (!result.ok) throw new Error(`not read: ${result.code}`);
  const v = result.value;
  if (typeof v === 'number') return { lo: v, hi: v };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a figure');
  return { lo: (v as Bounded).min ?? 0, hi: (v as Bounded).max ?? Infinity };
}

/** Forms that include the figure itself, in both languages. */
const INCLUSIVE: readonly ((n: string) => string)[] = [
  (n) => `约${n}`, (n) => `${n}左右`, (n) => `大约${n}`, (n) => `${n}上下`, (n) => `${n}以上`, (n) => `${n}以下`, (n) => `至少${n}`,
  (n) => `不超过${n}`, (n) => `about ${n}`, (n) => `around ${n}`, (n) => `roughly ${n}`, (n) => `at least ${n}`, (n) => `up to ${n}`,
  (n) => `${n} or more`, (n) => `${n} or so`,
];
const digitsOf = (unit: NumberUnit) => (unit === 'count' || unit === 'money' ? 0 : 2);
const stepOf = (unit: NumberUnit) => 10 ** -digitsOf(unit);

describe('approximate figures are bounds', () => {
  const figure = (unit: NumberUnit) => fc.integer({ min: 0, max: Math.floor(MAX[unit] / 1.2) });

  it.each(UNITS.map((u) => [u] as const))('%s: an exact figure lies inside the bounds of its approximate forms (Arabic and Chinese)', (unit) => {
    const spec: AnswerSpec = { kind: 'number', unit };
    fc.assert(
      fc.property(figure(unit), fc.constantFrom(...INCLUSIVE), fc.boolean(), (n, form, inChinese) => {
        const text = form(inChinese ? chinese(n) : grouped(n));
        const result = parseAnswer(text, spec);
        // 0以上 / at least 0 holds for every figure: refused as no answer, and only at 0.
        if (!result.ok && result.code === 'noBound') {
          expect(n, text).toBe(0);
          return;
        }
        const { lo, hi } = rangeOfResult(result);
        expect(lo, text).toBeLessThanOrEqual(n);
        expect(hi, text).toBeGreaterThanOrEqual(n);
        expect(lo, text).toBeLessThanOrEqual(hi);
      }),
      { numRuns: 300 },
    );
  });

  it.each(UNITS.map((u) => [u] as const))('%s: 不到 / 超过 / 近 / 多 exclude the figure, by one step of the unit', (unit) => {
    const spec: AnswerSpec = { kind: 'number', unit };
    const step = stepOf(unit);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Math.floor(MAX[unit] / 1.2) }), fc.boolean(), (n, english) => {
        const below = rangeOfResult(parseAnswer(english ? `less than ${grouped(n)}` : `不到${n}`, spec));
        expect(below.hi).toBeCloseTo(n - step, 6);
        const over = rangeOfResult(parseAnswer(english ? `over ${grouped(n)}` : `超过${n}`, spec));
        expect(over.lo).toBeCloseTo(n + step, 6);
        if (n < 10) return; // 近1家 has no room below it: unreadable, as the table shows
        const near = rangeOfResult(parseAnswer(english ? `nearly ${grouped(n)}` : `近${n}`, spec));
        expect(near.hi).toBeCloseTo(n - step, 6);
        expect(near.lo).toBeLessThanOrEqual(near.hi);
        expect(near.lo).toBeGreaterThanOrEqual(n * 0.9 - step);
        expect(near.lo).toBeLessThanOrEqual(n * 0.9 + step);
      }),
      { numRuns: 300 },
    );
  });

  it.each(UNITS.map((u) => [u] as const))('%s: N多 / N-something lies strictly between N and the next value at its last digit', (unit) => {
    const spec: AnswerSpec = { kind: 'number', unit };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (d, zeros, english) => {
        const place = 10 ** zeros;
        const n = d * place;
        fc.pre(n + place <= MAX[unit]);
        const { lo, hi } = rangeOfResult(parseAnswer(english ? `${n}-something` : `${n}多`, spec));
        expect(lo).toBeGreaterThan(n);
        expect(hi).toBeLessThan(n + place);
        expect(lo).toBeLessThanOrEqual(hi);
      }),
    );
  });

  it('bounds are always min ≤ max, within the question limits, and whole for counts and yuan', () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...UNITS), (text, unit) => {
        const spec: AnswerSpec = { kind: 'number', unit };
        const result = parseAnswer(text, spec);
        if (!result.ok || typeof result.value !== 'object' || result.value === null) return;
        const { min, max } = result.value as Bounded;
        if (min !== undefined && max !== undefined) expect(min).toBeLessThan(max);
        for (const end of [min, max]) {
          if (end === undefined) continue;
          expect(end).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(MAX[unit]);
          if (unit === 'count' || unit === 'money') expect(Number.isInteger(end)).toBe(true);
          else expect(Math.round(end * 100) / 100).toBe(end);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('units are respected in approximate forms: another unit is wrongUnit, the asked one never', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 900_000 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...UNITS),
        fc.constantFrom((x: string) => `约${x}`, (x: string) => `${x}左右`, (x: string) => `不到${x}`, (x: string) => `about ${x}`, (x: string) => `over ${x}`),
        (n, typedUnit, asked, form) => {
          const word = UNIT_SPELLINGS[typedUnit][0] ?? '';
          const result = parseAnswer(form(`${n}${word}`), { kind: 'number', unit: asked });
          if (typedUnit === asked) expect(result.ok || result.code !== 'wrongUnit').toBe(true);
          else expect(result).toEqual({ ok: false, code: 'wrongUnit', detectedUnit: typedUnit });
        },
      ),
    );
  });

  it('a span reads as its two ends, whatever the separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 400_000 }), fc.constantFrom('-', '~', '到', '至', ' to ', '—'), (a, d, sep) => {
        expect(parseAnswer(`${a}${sep}${a + d}`, SPECS.count)).toEqual({ ok: true, value: a === 0 ? { max: a + d } : { min: a, max: a + d } });
      }),
    );
  });
});

describe('a day known roughly reads back as itself when said as the conversation says it', () => {
  const day = fc.integer({ min: 0, max: 50_000 }).map((n) => new Date(Date.UTC(1950, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const bounds = fc.oneof(
    fc.tuple(day, day).map(([a, b]) => (a <= b ? { min: a, max: b } : { min: b, max: a })),
    day.map((d) => ({ min: d })),
    day.map((d) => ({ max: d })),
    day.map((d) => ({ min: `${d.slice(0, 8)}01`, max: new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10) })),
    day.map((d) => ({ min: `${d.slice(0, 4)}-01-01`, max: `${d.slice(0, 4)}-12-31` })),
  );

  it.each(['zh-CN', 'en'] as const)('%s', (lang) => {
    fc.assert(
      fc.property(bounds, (b: DateBounds) => {
        const said = formatDateSpan(b, compiledTranslator(lang, 'rules'));
        const read = parseAnswer(said, SPECS.date);
        expect(read, said).toEqual({ ok: true, value: b.min !== undefined && b.min === b.max ? b.min : b });
      }),
      { numRuns: 500 },
    );
  });
});

describe('a part of a month, a season, or so long ago is bounds that hold what was meant', () => {
  const today = fc.integer({ min: 20_000, max: 30_000 }).map((n) => new Date(Date.UTC(1950, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const spec = (t: string) => ({ kind: 'date' as const, today: t });
  const bounds = (text: string, t: string) => {
    const read = parseAnswer(text, spec(t));
    if (!read.ok) throw new Error(`${text} on ${t}: ${read.code}`);
    return typeof read.value === 'string' ? { min: read.value, max: read.value } : (read.value as DateBounds);
  };

  it('N年前 / N个月前 holds the day exactly so long before today, and nothing after today', () => {
    fc.assert(
      fc.property(today, fc.integer({ min: 1, max: 30 }), fc.boolean(), (t, n, years) => {
        const exact = addPeriod(t, years ? { years: -n } : { months: -n });
        const b = bounds(years ? `${n}年前` : `${n}个月前`, t);
        expect(b.min! <= exact && exact <= b.max!).toBe(true);
        expect(b.max! <= t).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('上旬, 中旬 and 下旬 of a month tile it, without a gap or an overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2025 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const [a, b, c] = ['上旬', '中旬', '下旬'].map((part) => bounds(`${y}年${m}月${part}`, '2026-06-30'));
        const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        expect(a!.min).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
        expect(addPeriod(a!.max!, { days: 1 })).toBe(b!.min);
        expect(addPeriod(b!.max!, { days: 1 })).toBe(c!.min);
        expect(c!.max).toBe(last);
      }),
      { numRuns: 200 },
    );
  });
});

// ── hints ────────────────────────────────────────────────────────────────────────────────────────────────

describe('hints', () => {
  const cases = CODES.flatMap((code) =>
    ALL_SPECS.flatMap(([name, spec]) =>
      (['zh-CN', 'en'] as const).map((lang) => [code, name, lang, spec] as const),
    ),
  );

  it.each(cases)('%s for %s in %s is a whole line', (code, _name, lang, spec) => {
    const result = code === 'wrongUnit' ? { ok: false as const, code, detectedUnit: 'area' as const } : { ok: false as const, code };
    const hint = parseHint(result, spec, lang);
    expect(hint.length).toBeGreaterThan(5);
    expect(hint).not.toContain('{{');
    expect(hint).not.toContain('\n');
    expect(hint).not.toMatch(/^(error|ask|unit|max)\./);
  });

  it('say that 0以上 tells nothing, and that an approximate figure will do', () => {
    const result = parseAnswer('0以上', SPECS.count);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.count, 'zh-CN')).toBe('“0 以上”对任何数都成立，说明不了多少。请输入一个整数，例如 25 或 25家。说个大概也可以，例如 30多、二十几。');
    expect(parseHint(result, SPECS.count, 'en')).toMatch(/^"At least 0" holds for any figure.*An approximate figure is fine too/);
  });

  it('say what was recognised and what is asked', () => {
    const result = parseAnswer('5000平方米', SPECS.money);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.money, 'zh-CN')).toContain('这是面积（平方米），本题问的是金额（元）');
    expect(parseHint(result, SPECS.money, 'en')).toContain('an area (m²)');
  });

  it('say that an approximate figure will do when a figure could not be read, and only where a range is taken', () => {
    const unread = parseAnswer('有好多家', SPECS.count);
    if (unread.ok) throw new Error('expected a failure');
    expect(parseHint(unread, SPECS.count, 'zh-CN')).toContain('说个大概也可以，例如 30多、二十几。');
    expect(parseHint(unread, SPECS.count, 'en')).toMatch(/e\.g\. 25\. An approximate figure is fine too/);
    // Each suggested example is itself read as a range.
    for (const example of ['30多', '二十几']) expect(parseAnswer(example, SPECS.count)).toMatchObject({ ok: true, value: { min: expect.any(Number) } });
    for (const example of ['1.2万多平方米', '约8000平方米']) expect(parseAnswer(example, SPECS.area)).toMatchObject({ ok: true, value: { min: expect.any(Number) } });
    for (const example of ['5亿多元', '约3000万元']) expect(parseAnswer(example, SPECS.money)).toMatchObject({ ok: true, value: { min: expect.any(Number) } });
    const english: [string, keyof typeof SPECS][] = [['about 8,000 m²', 'area'], ['12,000-something m²', 'area'], ['about 30 million', 'money'], ['over 500 million', 'money'], ['30-something', 'count'], ['about 30', 'count'], ['about 60%', 'percent'], ['约60%', 'percent']];
    for (const [example, spec] of english) expect(parseAnswer(example, SPECS[spec])).toMatchObject({ ok: true, value: { min: expect.any(Number) } });
    // Not for the number of branch parks (one exact number), nor for other failures.
    const exact = parseAnswer('abc', SPECS.branchCount);
    if (exact.ok) throw new Error('expected a failure');
    expect(parseHint(exact, SPECS.branchCount, 'zh-CN')).not.toContain('说个大概');
    expect(parseHint({ ok: false, code: 'negative' }, SPECS.count, 'zh-CN')).not.toContain('说个大概');
  });

  it('list the options with their numbers in the hint language', () => {
    const result = parseAnswer('园区', SPECS.parkType);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.parkType, 'zh-CN')).toContain('1. 综合性园区；2. 专业性园区');
    expect(parseHint(result, SPECS.parkType, 'en')).toContain('1. comprehensive park; 2. specialized park');
  });

  it('when nothing matches, list the options without suggesting that several matched', () => {
    const result = parseAnswer('火箭', SPECS.layout);
    if (result.ok) throw new Error('expected a failure');
    const zhHint = parseHint(result, SPECS.layout, 'zh-CN');
    expect(zhHint).toContain('1. 设立一个园区');
    expect(zhHint).not.toContain('或同时符合多个选项');
    expect(parseHint(result, SPECS.layout, 'en')).not.toContain('more than one');
  });

  it('say that an answer fitting several options needs to be more specific', () => {
    const result = parseAnswer('园区', SPECS.parkType);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.parkType, 'zh-CN')).toContain('具体');
    expect(parseHint(result, SPECS.parkType, 'en')).toContain('more than one option');
  });

  it('ask once more, quoting the text, after 偶尔 for a 经常 question', () => {
    const result = parseAnswer('偶尔', SPECS.frequency);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.frequency, 'zh-CN')).toContain('经常');
    expect(parseHint(result, SPECS.frequency, 'en')).toContain('often');
  });

  it('name the limit in the question unit', () => {
    expect(parseHint({ ok: false, code: 'tooLarge' }, SPECS.area, 'zh-CN')).toContain('10,000,000 平方米');
    expect(parseHint({ ok: false, code: 'tooLarge' }, SPECS.area, 'en')).toContain('10,000,000 m²');
  });
});
