/**
 * Figures and references in the reader's language: "10,000 平方米" / "10,000 m²", "5 亿元" / "CNY 500 million",
 * "第十二条第（二）项" / "Article 12(2)". Templates live in `locales/<lang>/rules.json`.
 */
import type { Translate } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { DateBounds, NumericValue } from './facts.js';
import type { FactUnit } from './units.js';
import type { KnownRange, Ref } from './types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 12 → 十二, 23 → 二十三, 105 → 一百零五 (article and item numbers). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/**
 * Groups thousands ("10,000") and keeps up to two decimals. zh-CN and en group and mark decimals alike, and
 * Intl.NumberFormat costs more than the rest of an explanation, so this is done by hand.
 */
export function formatNumber(value: number, _lang: Lang): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A bare figure, exact ("12,000") or bounds ("12,001–12,999", "≥ 31", "≤ 40"), for forms and tables. */
export function formatFigure(value: NumericValue, lang: Lang): string {
  if (typeof value === 'number') return formatNumber(value, lang);
  if (value.min !== undefined && value.max !== undefined) {
    return value.min === value.max ? formatNumber(value.min, lang) : `${formatNumber(value.min, lang)}–${formatNumber(value.max, lang)}`;
  }
  return value.min !== undefined ? `≥ ${formatNumber(value.min, lang)}` : `≤ ${formatNumber(value.max ?? 0, lang)}`;
}

/**
 * A day known only roughly, as people say it: a whole month "2023年5月" / "May 2023", a whole year "2023年" / "2023",
 * else "2023-05-10 至 2023-06-20 之间" / "between … and …", "… 或之后" / "on or after …", "… 或之前" / "on or before …".
 */
export function formatDateSpan(span: DateBounds, t: Translate): string {
  const { min, max } = span;
  if (min !== undefined && max !== undefined) {
    const [y, m, d] = min.split('-');
    if (min === max) return min;
    if (d === '01' && max === lastOfMonth(min)) return t('dateSpan.month', { y, month: t('dateSpan.monthNames').split(',')[Number(m) - 1] });
    if (min === `${y}-01-01` && max === `${y}-12-31`) return t('dateSpan.year', { y });
    return t('dateSpan.between', { min, max });
  }
  return min !== undefined ? t('dateSpan.from', { min }) : t('dateSpan.until', { max: max ?? '' });
}

/** The last day of `day`'s month. */
function lastOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Money in the units people use: 亿元 / 万元 in Chinese, millions in English, exact yuan otherwise. */
export function formatMoney(yuan: number, lang: Lang, t: Translate): string {
  if (lang === 'zh-CN') {
    if (yuan >= 1e8 && yuan % 1e6 === 0) return t('units.yi', { n: formatNumber(yuan / 1e8, lang) });
    if (yuan >= 1e4 && yuan % 100 === 0) return t('units.wan', { n: formatNumber(yuan / 1e4, lang) });
    return t('units.yuan', { n: formatNumber(yuan, lang) });
  }
  if (yuan >= 1e6 && yuan % 1e4 === 0) return t('units.million', { n: formatNumber(yuan / 1e6, lang) });
  return t('units.yuan', { n: formatNumber(yuan, lang) });
}

/** A quantity of a fact's unit, e.g. "2,000 平方米", "3 institutions". */
export function formatQuantity(value: number, unit: FactUnit, lang: Lang, t: Translate): string {
  switch (unit.kind) {
    case 'area':
      return t('units.area', { n: formatNumber(value, lang) });
    case 'money':
      return formatMoney(value, lang, t);
    case 'count':
      return t(`units.${unit.noun}`, { count: value, n: formatNumber(value, lang) });
    default:
      return formatNumber(value, lang);
  }
}

/**
 * A percentage rounded to one decimal ("69.7%", "55.5%"). When `limit` is given and `value` lies below it, the
 * figure never reads as the limit itself: more decimals are shown until it falls below (59.996 of 60 → "59.996%",
 * never "60%"). Rounded, not floored: 69.7 (binary 69.69999…) shows as 69.7, not 69.6.
 */
export function formatPercent(value: number, lang: Lang, limit?: number): string {
  let digits = 1;
  let rounded = roundTo(value, digits);
  while (limit !== undefined && value < limit && rounded >= limit && digits < 6) {
    digits += 1;
    rounded = roundTo(value, digits);
  }
  if (limit !== undefined && value < limit && rounded >= limit) rounded = value;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}%`;
}

/** `value` rounded half up to `digits` decimals; the tiny nudge keeps 69.65 (binary 69.6499…) rounding up. */
function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale * (1 + Number.EPSILON)) / scale;
}

/** A reference into the text: 第十三条第（一）项第1目 / Article 13(1), point 1; a point with its annex adds （附件2）. */
export function formatRef(ref: Ref, lang: Lang, t: Translate): string {
  const vars = {
    article: lang === 'zh-CN' ? chineseNumeral(ref.article) : ref.article,
    item: ref.item !== undefined && lang === 'zh-CN' ? chineseNumeral(ref.item) : ref.item,
    point: ref.point,
    annex: ref.annex,
  };
  const key =
    ref.annex !== undefined
      ? ref.point !== undefined
        ? 'ref.pointAnnex'
        : 'ref.annex'
      : ref.point !== undefined
        ? 'ref.point'
        : ref.item !== undefined
          ? 'ref.item'
          : 'ref.article';
  return t(key, vars);
}

/**
 * A numeric answer as the user gave it, in their units: a number ("12,000 平方米") or bounds, said as people say
 * them ("1.2 万多" → "12,000 多平方米（12,001–12,999 平方米）", "超过 5 亿元"). For channels listing answers.
 */
export function formatNumericAnswer(value: NumericValue, unit: FactUnit, lang: Lang, t: Translate): string {
  if (typeof value === 'number') return formatQuantity(value, unit, lang, t);
  return formatRange(value.max === undefined ? { min: value.min ?? 0 } : { min: value.min ?? 0, max: value.max }, unit, lang, t, true);
}

/**
 * A known range in the reader's units: "12,001–12,999 平方米", "超过 5 亿元" / "more than CNY 500 million" (a lower
 * side just above a round figure, for counts and money, which are whole), "不少于 31 家", "不超过 40 家".
 */
export function formatRange(range: KnownRange, unit: FactUnit, lang: Lang, t: Translate, natural = false): string {
  const qty = (n: number) => formatQuantity(n, unit, lang, t);
  const { min, max } = range;
  if (max !== undefined && min === max) return qty(min);
  if (max !== undefined && min > 0) {
    // Money keeps its unit on both sides (5 亿元–6 亿元 may change unit); other units name it once, at the end.
    const low = unit.kind === 'money' ? qty(min) : formatNumber(min, lang);
    const exact = t('range.between', { min: low, max: qty(max) });
    const round = natural ? roundBelow(min, max) : undefined;
    if (round === undefined) return exact;
    // "1.2万多平方米" as people say it, the exact range after it.
    const approx = lang === 'zh-CN' ? formatQuantity(round, unit, lang, t).replace(/^([\d.,]+) 万/, '$1 万多').replace(/^([\d.,]+) 亿/, '$1 亿多') : qty(round);
    const spoken = lang === 'zh-CN' && approx === qty(round) ? `${formatNumber(round, lang)} 多${qty(round).slice(formatNumber(round, lang).length).trim()}` : approx;
    return t('range.about', { approx: spoken, exact });
  }
  if (max !== undefined) return t('range.atMost', { q: qty(max) });
  // Just above a round figure is "more than" it: one unit for whole counts and yuan, 0.01 for m² (超过1万平方米
  // is read as 10,000.01 and said back as 超过 10,000 平方米).
  const step = unit.kind === 'count' || unit.kind === 'money' ? 1 : 0.01;
  const below = Math.round((min - step) * 100) / 100;
  if (below >= 10 && below % 10 === 0) return t('range.moreThan', { q: qty(below) });
  return t('range.atLeast', { q: qty(min) });
}

/**
 * The round figure a range "X多" stands for: 12,001–12,999 is "1.2万多" (12,000 and less than one step of 1,000
 * more), 31–39 is "30多". Undefined when the range is not of that form.
 */
function roundBelow(min: number, max: number): number | undefined {
  const round = min - 1;
  if (!Number.isInteger(min) || !Number.isInteger(max) || round <= 0) return undefined;
  const step = max + 1 - round;
  if (step < 10 || !/^10+$/.test(String(step)) || round % step !== 0) return undefined;
  return round;
}
