/**
 * Facts that can be derived from others when the caller did not give them: the 超过 counts from each
 * institution's revenue (`institutionRevenues`). A count given explicitly always wins.
 */
import type { FactName, Facts, InstitutionRevenue } from './facts.js';

type Derivation = (list: readonly InstitutionRevenue[]) => number | undefined;

/** Counts institutions whose figure strictly exceeds `limit` (超过); unknown if any figure is missing. */
function countOver(field: keyof InstitutionRevenue, limit: number): Derivation {
  return (list) => {
    if (list.some((item) => item[field] === undefined)) return undefined;
    return list.filter((item) => (item[field] as number) > limit).length;
  };
}

const DERIVED: Partial<Record<FactName, Derivation>> = {
  institutionsRevenueOver3M: countOver('revenue', 3_000_000),
  institutionsRevenueOver5M: countOver('revenue', 5_000_000),
  institutionsRevenueOver30M: countOver('revenue', 30_000_000),
  institutionsRevenueOver60M: countOver('revenue', 60_000_000),
  institutionsNetServiceRevenueOver500K: countOver('netServiceRevenue', 500_000),
};

/** The value of `fact`, given or derived; `undefined` when unknown. */
export function readFact(facts: Facts, fact: FactName): Facts[FactName] | undefined {
  const given = facts[fact];
  if (given !== undefined) return given;
  const derive = DERIVED[fact];
  return derive && facts.institutionRevenues ? derive(facts.institutionRevenues) : undefined;
}
