/**
 * Facts that report a year that has already ended (上一年度…, 年营业收入). Such a figure cannot be raised any
 * more: an explanation of a shortfall speaks of the next application, made with a later year's figures, instead
 * of saying "increase it by …" (audit of issue 10, item 12).
 */
import type { FactName } from './facts.js';

/**
 * The facts whose value is a past year's figure — the park's and its institutions' revenues — in the order they
 * are asked and listed (the questions and the checklist's proofs take them from here).
 */
export const PAST_YEAR_FIGURES: readonly FactName[] = [
  'annualRevenue',
  'institutionsRevenueOver3M',
  'institutionsRevenueOver5M',
  'institutionsNetServiceRevenueOver500K',
  'institutionsRevenueOver30M',
  'institutionsRevenueOver60M',
  'specialtyServiceRevenue',
];

/** The same facts as a set. */
export const PAST_YEAR_FACTS: ReadonlySet<FactName> = new Set<FactName>(PAST_YEAR_FIGURES);

/** Whether `fact` is a past year's figure. */
export function isPastYear(fact: FactName): boolean {
  return PAST_YEAR_FACTS.has(fact);
}
