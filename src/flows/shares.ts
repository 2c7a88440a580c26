/**
 * A part given as a share of its whole: 入驻面积 "一半左右" or "60%" of the 建筑面积 already answered, 经营性机构
 * "三分之二" of the 人力资源服务机构. People know occupancy as a rate (the texts themselves speak of 占比), so a careful
 * official reads it against the figure already given: 60 % of 12,000 m² is 7,200 m². The share is read as the
 * parser reads a percentage (约60%, 60%左右, 超过一半, 六成多), applied to the whole's figure or range, and rounded
 * outward to the part's unit (一半 of 25 institutions is 12–13): the result is the range the answer allows, never
 * narrower, said back and settled like any other approximate answer.
 *
 * Only where the part is a share of one whole in the vocabulary (the part-of-whole pairs of `rules/bounds.ts`; the
 * 超过 counts are not shares of each other), and only once that whole is known; otherwise the answer gets the usual
 * hint.
 */
import { exactOf, type FactName, type Facts, highOf, lowOf, type NumericValue } from '../rules/facts.js';
import { PART_OF_WHOLE } from '../rules/bounds.js';
import { parseNumeral } from './numerals.js';
import { type AnswerSpec, parseAnswer, type ParseResult, stepDigits } from './parse.js';
import { answerSpec } from './prompts.js';
import type { QuestionSpec } from './questions.js';
import { rangeInput } from './ranges.js';

/** The whole each part is a share of: the first pair naming it, without the 超过 chains (counts, not shares). */
const WHOLE_OF: ReadonlyMap<FactName, FactName> = new Map(
  [...PART_OF_WHOLE].reverse().filter(([part]) => !part.startsWith('institutionsRevenueOver')),
);

/** Fractions as people say them, as the percentage the parser reads (左右 / 约 / 超过 … around them still apply). */
const FRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/一大半|多一半|大半|一半多|一半以上/g, '超过50%'],
  [/一小半|小一半/g, '不到50%'],
  [/一半|半数/g, '50%'],
  // Thirds at full precision: 三分之二 of 12,000 m² is 8,000 m², not 8,000.4.
  [/三分之一/g, `${100 / 3}%`],
  [/三分之二/g, `${200 / 3}%`],
  [/四分之一/g, '25%'],
  [/四分之三/g, '75%'],
  [/全部|都是/g, '100%'],
  [/\btwo[- ]thirds\b/gi, `${200 / 3}%`],
  [/\bthree[- ]quarters\b/gi, '75%'],
  [/\b(?:a|one)[- ]third\b/gi, `${100 / 3}%`],
  [/\b(?:a|one)[- ]quarter\b/gi, '25%'],
  [/\b(?:a |one )?half\b/gi, '50%'],
  [/^all(?: of it| of them)?$/i, '100%'],
];
/** What says whose share it is, after the share: "of the floor area", "of it", "of the total". */
const SHARE_OF = /\s+of\s+(?:the\s+)?(?:total|whole|floor area|area|park|institutions|it|them)$/i;
/** Words before a share that say whose share it is: 占, 占比, 占了, 约占, 占总面积的, 入驻率, 出租率为. */
const SHARE_WORDS =
  /^(?:大约|大概|约)?(?:入驻率|出租率|使用率|利用率|占用率|比例|比重|占比|占了|占|是)?(?:为|是|达到|达)?(?:总|园区|建筑|总建筑|机构|总数|总量)*(?:面积|数量|收入)?(?:的)?/;
/** 六成多 (60-something per cent) as the percentage the parser reads: 60多%. */
const TENTHS_MORE = /([一二两三四五六七八九])成多/g;

/** What a share can be read from: a percentage's text, once fractions and the words around it are plain. */
function shareText(typed: string): string {
  const plain = FRACTIONS.reduce((text, [pattern, percent]) => text.replace(pattern, percent), typed.trim()).replace(
    TENTHS_MORE,
    (_m, digit: string) => `${(parseNumeral(digit) ?? 0) * 10}多%`,
  );
  const qualifier = /^(大约|大概|约)/.exec(plain)?.[1] ?? '';
  return qualifier + plain.replace(SHARE_WORDS, '').replace(/^占比/, '').replace(SHARE_OF, '');
}

/**
 * Qualifiers whose meaning does not depend on the figure's scale: said of the share, they say the same of the part
 * (超过一半 of 12,000 m² is 超过6000). 多 / 来 / 几 depend on the figure's last digit and stay with the share.
 */
const SCALE_FREE = /^(超过|多于|高于|大于|不到|少于|低于|不足|将近|接近|近|大约|大概|约|至少|不少于|最多|不超过)?(.*?)(左右|上下|以上|以下)?$/;
/**
 * `typed` read as a share of `question`'s whole, when the question is such a part, the whole is known and the text
 * reads as a percentage; undefined otherwise (the caller keeps its own reading of the text).
 */
export function shareOfWhole(question: QuestionSpec, typed: string, facts: Facts, spec: AnswerSpec): ParseResult | undefined {
  if (question.branch !== undefined || spec.kind !== 'number') return undefined;
  const whole = WHOLE_OF.get(question.fact);
  const of = whole === undefined ? undefined : (facts[whole] as NumericValue | undefined);
  if (of === undefined) return undefined;
  const text = shareText(typed);
  const read = exactShare(text, of, spec) ?? rangedShare(text, of, spec);
  return read?.ok ? { ...read, reading: 'share' } : undefined;
}

/** An exact share of an exact whole: the figure, with the share's scale-free qualifiers said of it (超过6000). */
function exactShare(text: string, of: NumericValue, spec: AnswerSpec): ParseResult | undefined {
  const [, before = '', core = '', after = ''] = SCALE_FREE.exec(text) ?? [];
  const share = parseAnswer(core, PERCENT);
  const whole = exactOf(of);
  if (!share.ok || typeof share.value !== 'number' || whole === undefined || share.value > 100) return undefined;
  // Off the unit's grid (三分之二 of 25 institutions, 0.01 % of 0.01 m²): the range around it below (16–17).
  const part = (share.value / 100) * whole;
  const step = stepOf(spec);
  const snapped = Math.round(part / step) * step;
  if (Math.abs(part - snapped) > 1e-9 * Math.max(1, part)) return undefined;
  const read = parseAnswer(`${before}${Number(snapped.toFixed(2))}${after}`, spec);
  return read.ok ? read : undefined;
}

/** Otherwise the share's bounds applied to the whole's, rounded outward to the part's unit. */
function rangedShare(text: string, of: NumericValue, spec: AnswerSpec): ParseResult | undefined {
  const share = parseAnswer(text, PERCENT);
  if (!share.ok || share.value === null || typeof share.value === 'boolean' || typeof share.value === 'string' || Array.isArray(share.value)) return undefined;
  const percent = share.value as NumericValue;
  const step = stepOf(spec);
  const [pLow, pHigh] = [lowOf(percent), Math.min(highOf(percent), 100)];
  // The parser reads 多 / 超过 as one step of 0.01 % past the figure (60多% from 60.01 %): past the figure itself is
  // one step of the part's unit past its share (60多% of 12,000 m² from 7,200.01 m², not 7,201.2).
  const bounded = typeof percent !== 'number';
  let low = (pLow / 100) * lowOf(of);
  let high = (pHigh / 100) * highOf(of);
  if (bounded && hundredths(pLow) === 1) low = Math.min(high, ((pLow - 0.01) / 100) * lowOf(of) + step);
  if (bounded && hundredths(pHigh) === 99) high = Math.max(low, ((pHigh + 0.01) / 100) * highOf(of) - step);
  const read = parseAnswer(outward(low, high, spec), spec);
  return read.ok ? read : undefined;
}

const PERCENT: AnswerSpec = { kind: 'number', unit: 'percent' };

/** The part's unit, as the parser rounds it: whole counts and yuan, 0.01 m². */
const stepOf = (spec: AnswerSpec) => 10 ** -stepDigits(spec);

/** The hundredths of a percentage (60.01 → 1, 69.99 → 99). */
const hundredths = (p: number) => (Number.isFinite(p) ? Math.round(p * 100) % 100 : 0);

/** The bounds rounded outward to the part's unit, as text the parser reads back. */
function outward(low: number, high: number, spec: AnswerSpec): string {
  const step = stepOf(spec);
  const round = (n: number) => Number(n.toFixed(2));
  const min = round(Math.floor(low / step + 1e-9) * step);
  return rangeInput(high === Infinity ? { min } : { min, max: round(Math.ceil(high / step - 1e-9) * step) });
}

/** The whole `fact` is a share of, when it is one (for saying how a share was taken). */
export function wholeOf(fact: FactName): FactName | undefined {
  return WHOLE_OF.get(fact);
}
