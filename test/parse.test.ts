/**
 * What people type, read into fact values: a table of real answers in both languages, then properties that
 * hold for any input (never throws, round-trips, units respected, whole counts, nothing negative), and hints.
 */
import { describe, expect, it } from 'vitest';
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

// ── specs built from the fact labels, as the flows will build them ──────────────────────────────────────────

const zh = loadLocale('zh-CN').facts as Record<string, { values?: Record<string, string> }>;
const en = loadLocale('en').facts as Record<string, { values?: Record<string, string> }>;

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
  parkType: { kind: 'choice', options: optionsOf('parkType') },
  layout: { kind: 'choice', options: optionsOf('layout') },
  locationType: { kind: 'choice', options: optionsOf('locationType') },
  previousOutcome: { kind: 'choice', options: optionsOf('previousOutcome') },
  supporting: { kind: 'multi', options: optionsOf('supportingServices') },
  public: { kind: 'multi', options: optionsOf('publicServices') },
  business: { kind: 'multi', options: optionsOf('businessLines') },
  date: { kind: 'date' },
} as const satisfies Record<string, AnswerSpec>;
type SpecName = keyof typeof SPECS;
const ALL_SPECS: [SpecName, AnswerSpec][] = Object.entries(SPECS) as [SpecName, AnswerSpec][];

const err = (code: ParseErrorCode, detectedUnit?: NumberUnit) => ({ err: code, ...(detectedUnit ? { detectedUnit } : {}) });
type Expected = string | number | boolean | string[] | null | ReturnType<typeof err>;

/** Compares a result with an expected value or error, so the table stays readable. */
function expectResult(result: ParseResult, expected: Expected): void {
  if (expected !== null && typeof expected === 'object' && 'err' in expected) {
    expect(result).toEqual({ ok: false, code: expected.err, ...(expected.detectedUnit ? { detectedUnit: expected.detectedUnit } : {}) });
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
  ['约12000平方米', 'area', 12000],
  ['12000平方米左右', 'area', 12000],
  ['about 12000 sqm', 'area', 12000],
  ['5000多平方米', 'area', err('unreadable')],
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
  ['maybe', 'boolean', err('unreadable')],
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
  ['园区', 'parkType', err('unknownOption')],
  ['park', 'parkType', err('unknownOption')],
  ['3', 'parkType', err('unknownOption')],
  ['0', 'parkType', err('unknownOption')],
  ['综', 'parkType', err('unknownOption')],
  ['多个园区', 'layout', 'multi'],
  ['a single site', 'layout', 'single'],
  ['高新区', 'locationType', err('unknownOption')],
  ['高新技术', 'locationType', 'high_tech_zone'],
  ['国家级', 'locationType', err('unknownOption')],
  ['自由贸易', 'locationType', 'national_ftz'],
  ['free trade', 'locationType', 'national_ftz'],
  ['no', 'locationType', err('unknownOption')],
  ['无', 'previousOutcome', 'none'],
  ['被取消', 'previousOutcome', 'revoked'],
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
  ['employment and social security', 'public', ['employment', 'social_security']],
  ['就业创业 职业培训', 'public', ['employment', 'vocational_training']],
  ['会议、火箭', 'supporting', err('unknownOption')],
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
  ['2024 年 1 月 10 号', 'date', '2024-01-10'],
  ['二〇二四年一月十日', 'date', '2024-01-10'],
  ['20240110', 'date', '2024-01-10'],
  ['Jan 10, 2024', 'date', '2024-01-10'],
  ['10 January 2024', 'date', '2024-01-10'],
  ['2024-02-29', 'date', '2024-02-29'],
  ['2024年1月', 'date', err('invalidDate')],
  ['2024-01', 'date', err('invalidDate')],
  ['January 2024', 'date', err('invalidDate')],
  ['2025-02-30', 'date', err('invalidDate')],
  ['2023-02-29', 'date', err('invalidDate')],
  ['2024-13-01', 'date', err('invalidDate')],
  ['yesterday', 'date', err('unreadable')],
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
  [{}, 'area', err('unreadable')],
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
  ['2025-02-30', 'date', err('invalidDate')],
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
    expectResult(parseAnswer('培训', twins), err('unknownOption'));
  });

  it('a label that is a none-word is an option, not an empty list', () => {
    const spec = { kind: 'multi', options: [{ value: 'nothing', labels: ['无', 'none'] }, { value: 'x', labels: ['有', 'some'] }] } as const;
    expectResult(parseAnswer('无', spec), ['nothing']);
  });
});

// ── properties ───────────────────────────────────────────────────────────────────────────────────────────

const CODES: readonly ParseErrorCode[] = ['empty', 'unreadable', 'wrongUnit', 'negative', 'tooLarge', 'notInteger', 'unknownOption', 'invalidDate'];
const UNITS: readonly NumberUnit[] = ['area', 'money', 'count', 'percent'];
const MAX: Record<NumberUnit, number> = { area: 10_000_000, money: 1e13, count: 1_000_000, percent: 100 };

/** A result is well formed: a value of the question's type, or a known code (a unit only with wrongUnit). */
function isValid(result: ParseResult, spec: AnswerSpec): boolean {
  if (!result.ok) return CODES.includes(result.code) && (result.code === 'wrongUnit') === (result.detectedUnit !== undefined);
  const v = result.value;
  const values = (spec.options ?? []).map((o) => o.value);
  if (v === null) return true;
  switch (spec.kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 && (spec.unit !== 'count' || Number.isInteger(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'choice':
      return typeof v === 'string' && values.includes(v);
    case 'multi':
      return Array.isArray(v) && new Set(v).size === v.length && v.every((x) => values.includes(x));
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
  }
}

/** Fragments people type, so random strings reach deep into the number, list and date readers. */
const fragment = fc.constantFrom(
  '1', '2', '0', '12', '000', ',', '.', '-', ' ', '、', '和', 'and', '万', '亿', '千', '百', '十', '零', '〇', '点', '一', '两', '五',
  '九', '壹', '拾', 'k', 'w', '平方米', '㎡', '元', '万元', '%', '百分之', '成', '家', '个', '年', '月', '日', '第', '负', '约', '左右',
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
        if (first.ok) expect(parseAnswer(first.value, spec)).toEqual(first);
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

  it('say what was recognised and what is asked', () => {
    const result = parseAnswer('5000平方米', SPECS.money);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.money, 'zh-CN')).toContain('这是面积（平方米），本题问的是金额（元）');
    expect(parseHint(result, SPECS.money, 'en')).toContain('an area (m²)');
  });

  it('list the options with their numbers in the hint language', () => {
    const result = parseAnswer('园区', SPECS.parkType);
    if (result.ok) throw new Error('expected a failure');
    expect(parseHint(result, SPECS.parkType, 'zh-CN')).toContain('1. 综合性园区；2. 专业性园区');
    expect(parseHint(result, SPECS.parkType, 'en')).toContain('1. comprehensive park; 2. specialized park');
  });

  it('name the limit in the question unit', () => {
    expect(parseHint({ ok: false, code: 'tooLarge' }, SPECS.area, 'zh-CN')).toContain('10,000,000 平方米');
    expect(parseHint({ ok: false, code: 'tooLarge' }, SPECS.area, 'en')).toContain('10,000,000 m²');
  });
});
