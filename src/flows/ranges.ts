/**
 * Approximate answers said back: a range as people read it ("31–39 家", "不少于 10,000 平方米", "超过 30 家") for
 * transcripts, answer lists and the staff console — worded by the rules' formatter, as the explanations word it —
 * and as text the parser reads back ("31-39").
 */
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { DateBounds, FactName } from '../rules/facts.js';
import { formatDateSpan, formatRange } from '../rules/format.js';
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

/**
 * A range in the fact's unit and the reader's language, said exactly as the explanations say it (one formatter for
 * every channel, `formatRange` in the rules): "31–39 家", "超过 30 家", "at least 10,000 m²".
 */
export function rangeText(range: Range, fact: FactName, lang: Lang): string {
  // A day known roughly: "2023年5月", "2023-05-10 至 2023-06-20 之间".
  if (FACT_UNITS[fact].kind === 'date') return formatDateSpan(range as DateBounds, compiledTranslator(lang, 'rules'));
  const known = range.max === undefined ? { min: range.min ?? 0 } : { min: range.min ?? 0, max: range.max };
  return formatRange(known, FACT_UNITS[fact], lang, compiledTranslator(lang, 'rules'));
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
