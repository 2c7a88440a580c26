/**
 * Approximate answers said back: a range as people read it ("31–39 家", "不少于 10,000 平方米", "CNY 500,000,001–
 * 599,999,999") for transcripts, answer lists and the staff console, and as text the parser reads back ("31-39").
 */
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { FactName } from '../rules/facts.js';
import { formatQuantity } from '../rules/format.js';
import { FACT_UNITS } from '../rules/units.js';

/** Inclusive bounds on a figure, either end open. */
export interface Range {
  min?: number;
  max?: number;
}

/** Whether a stored answer is bounds (an approximate answer) rather than one figure. */
export function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A range in the fact's unit and the reader's language: "31–39 家", "at least 10,000 m²". */
export function rangeText(range: Range, fact: FactName, lang: Lang): string {
  const quantity = (n: number) => formatQuantity(n, FACT_UNITS[fact], lang, compiledTranslator(lang, 'rules'));
  const t = compiledTranslator(lang, 'flow');
  const { min, max } = range;
  if (max === undefined) return t('answer.atLeast', { value: quantity(min ?? 0) });
  if (min === undefined) return t('answer.atMost', { value: quantity(max) });
  if (min === max) return quantity(min);
  const [low, high] = [quantity(min), quantity(max)];
  const shape = /^(\D*?)([\d.,]+)(\D*)$/;
  const [a, b] = [shape.exec(low), shape.exec(high)];
  // One unit for both ends where they share it ("31–39 家", "1–3 institutions"), else each end in full ("5 万元–1.2 亿元").
  if (a && b && a[1] === b[1] && (a[3] === b[3] || `${a[3]}s` === b[3])) return `${b[1]}${a[2]}–${b[2]}${b[3]}`;
  return `${low}–${high}`;
}

/** A range as text the parser reads back to the same bounds: "31-39", "10000以上", "不超过9999.99". */
export function rangeInput(range: Range): string {
  const { min, max } = range;
  if (max === undefined) return `${min ?? 0}以上`;
  if (min === undefined) return `不超过${max}`;
  return min === max ? String(min) : `${min}-${max}`;
}

/** A figure or range set into Chinese text: a space between a character and a leading digit (按 31–39 家计). */
export function spacedIn(lang: Lang, text: string): string {
  return lang === 'zh-CN' && /^\d/.test(text) ? ` ${text}` : text;
}
