/**
 * What the facts allow each figure to be: the answered number or bounds, narrowed by every consistency relation
 * the fact vocabulary enforces (a part never exceeds its whole, the sites of a multi-site park add up to at most
 * its total, the 超过 counts follow each institution's revenue, …). One table of relations, applied until nothing
 * changes, so that "30 家经营性机构" tells every jurisdiction's "入驻机构不少于 30 家" that it is met, without a
 * special case anywhere.
 *
 * Only types come from `facts.ts` (which imports this module), so there is no cycle at run time.
 */
import type { Branch, Bounds, FactName, Facts, InstitutionRevenue } from './facts.js';

/** Inclusive range of values; `max` is Infinity when there is no upper side. */
export interface Range {
  min: number;
  max: number;
}

/** A fact's range and where it came from, for explanations. */
export interface FactRange extends Range {
  /** The caller gave the fact (as a number or bounds). */
  given: boolean;
  /** The caller gave bounds, not one number. */
  bounded: boolean;
  /** The lower side was narrowed by a relation: the facts it came from (`institutionRevenues` for the counts). */
  minFrom?: readonly string[];
  /** The upper side was narrowed by a relation: the facts it came from. */
  maxFrom?: readonly string[];
}

/** A numeric fact's value as callers send it. */
type NumericValue = number | Bounds;

/** The least value an answer allows (0 without a lower side). */
export function lowOf(value: NumericValue | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : (value.min ?? 0);
}

/** The greatest value an answer allows (Infinity without an upper side). */
export function highOf(value: NumericValue | undefined): number {
  if (value === undefined) return Infinity;
  return typeof value === 'number' ? value : (value.max ?? Infinity);
}

/** The exact number an answer gives (bounds with `min === max` count as exact), else undefined. */
export function exactOf(value: NumericValue | undefined): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  return value.min !== undefined && value.min === value.max ? value.min : undefined;
}

type Pair = readonly [FactName, FactName];

/**
 * Pairs (part, whole) where the part can never exceed the whole. The schema rejects a pair whose part's least
 * value exceeds the whole's greatest; derivation narrows each side by the other.
 */
export const PART_OF_WHOLE: readonly Pair[] = [
  ['occupiedArea', 'floorArea'],
  ['coreFloorArea', 'floorArea'],
  ['coreOccupiedArea', 'coreFloorArea'],
  ['coreOccupiedArea', 'occupiedArea'],
  ['coreHrInstitutions', 'hrInstitutions'],
  ['commercialHrInstitutions', 'hrInstitutions'],
  ['hrInstitutions', 'parkInstitutions'],
  ['localHqInstitutions', 'parkInstitutions'],
  ['specialtyHrInstitutions', 'hrInstitutions'],
  ['specialtyServiceRevenue', 'annualRevenue'],
  ['institutionsRevenueOver5M', 'institutionsRevenueOver3M'],
  ['institutionsRevenueOver60M', 'institutionsRevenueOver30M'],
  ['institutionsRevenueOver30M', 'institutionsRevenueOver5M'],
];

/**
 * Totals of a multi-site park that hold every site (园区总面积 = the core park and every branch park together,
 * see guangxi.total-area's reading): the core's figure plus each branch's own is at most the total.
 */
const SITE_TOTALS: readonly { total: FactName; core: FactName; branch: keyof Branch }[] = [
  { total: 'floorArea', core: 'coreFloorArea', branch: 'floorArea' },
  { total: 'occupiedArea', core: 'coreOccupiedArea', branch: 'occupiedArea' },
  { total: 'hrInstitutions', core: 'coreHrInstitutions', branch: 'hrInstitutions' },
];

/** The 超过 counts and the per-institution figure and limit each one counts (as `derived.ts` counts them). */
export const COUNTS_OVER: readonly { target: FactName; field: keyof InstitutionRevenue; limit: number }[] = [
  { target: 'institutionsRevenueOver3M', field: 'revenue', limit: 3_000_000 },
  { target: 'institutionsRevenueOver5M', field: 'revenue', limit: 5_000_000 },
  { target: 'institutionsRevenueOver30M', field: 'revenue', limit: 30_000_000 },
  { target: 'institutionsRevenueOver60M', field: 'revenue', limit: 60_000_000 },
  { target: 'institutionsNetServiceRevenueOver500K', field: 'netServiceRevenue', limit: 500_000 },
];

/** Every numeric top-level fact a relation or a check may read. */
const NUMERIC_FACTS: readonly FactName[] = [
  ...new Set<FactName>([
    ...PART_OF_WHOLE.flat(),
    ...SITE_TOTALS.flatMap((s) => [s.total, s.core]),
    ...COUNTS_OVER.map((c) => c.target),
    'branchCount',
    'fullTimeStaff',
    'laborLiaisonStations',
    'smallBusinessParkPartnerships',
    'collegePartnerships',
  ]),
];

const BRANCH_FIELDS: readonly (keyof Branch)[] = ['floorArea', 'hrInstitutions', 'occupiedArea'];

/**
 * One relation between variables (keys: a fact name, `branches.<i>.<field>`, `institutionRevenues.<i>.<field>`):
 * `sum` — the parts add up to at most the whole; `countOver` — the target counts the items above the limit.
 */
type Relation =
  | { kind: 'sum'; parts: readonly string[]; whole: string }
  | { kind: 'countOver'; items: readonly string[]; limit: number; target: string; source: string };

/** The top-level relations, the same for every park. */
const FIXED: readonly Relation[] = PART_OF_WHOLE.map(([part, whole]) => ({ kind: 'sum', parts: [part], whole }));

/** Relative tolerance: decimal areas (0.1 m²) summed in binary floats must not look contradictory. */
const EPSILON = 1e-9;
const above = (a: number, b: number) => (a === Infinity ? b !== Infinity : a > b + EPSILON * Math.max(1, Math.abs(a), Math.abs(b)));

interface Variable {
  min: number;
  max: number;
  given: boolean;
  bounded: boolean;
  minFrom?: readonly string[];
  maxFrom?: readonly string[];
}

/** Every figure's range for one set of facts, computed once per assessment. */
export class RangeTable {
  private readonly vars: Map<string, Variable>;
  private readonly prefix: string;
  /** Keys whose range came out empty: the facts contradict each other there. */
  readonly conflicts: readonly string[];

  private constructor(vars: Map<string, Variable>, prefix: string, conflicts: readonly string[]) {
    this.vars = vars;
    this.prefix = prefix;
    this.conflicts = conflicts;
  }

  /** Derives the ranges of `facts` (top level) by the relation table, to a fixpoint. */
  static of(facts: Facts): RangeTable {
    const vars = new Map<string, Variable>();
    const relations: Relation[] = [...FIXED];
    for (const fact of NUMERIC_FACTS) addVariable(vars, fact, facts[fact] as NumericValue | undefined);
    const branches = facts.branches;
    if (branches) {
      branches.forEach((branch, i) => {
        for (const field of BRANCH_FIELDS) addVariable(vars, `branches.${i}.${field}`, branch[field]);
        relations.push({ kind: 'sum', parts: [`branches.${i}.occupiedArea`], whole: `branches.${i}.floorArea` });
      });
      // branchCount equals the number of branch entries (the schema requires it when both are given).
      narrow(vars, 'branchCount', branches.length, branches.length, ['branches']);
    }
    if (facts.layout === 'single') narrow(vars, 'branchCount', 0, 0, ['layout']);
    for (const site of SITE_TOTALS) {
      const parts = [site.core, ...(branches ?? []).map((_b, i) => `branches.${i}.${site.branch}`)];
      if (parts.length > 1) relations.push({ kind: 'sum', parts, whole: site.total });
    }
    const list = facts.institutionRevenues;
    if (list) {
      list.forEach((item, i) => {
        addVariable(vars, `institutionRevenues.${i}.revenue`, item.revenue);
        addVariable(vars, `institutionRevenues.${i}.netServiceRevenue`, item.netServiceRevenue);
        // 净服务收入（不含代收代付） is part of 营业收入（含代收代付）.
        relations.push({ kind: 'sum', parts: [`institutionRevenues.${i}.netServiceRevenue`], whole: `institutionRevenues.${i}.revenue` });
      });
      for (const c of COUNTS_OVER) {
        const items = list.map((_item, i) => `institutionRevenues.${i}.${c.field}`);
        relations.push({ kind: 'countOver', items, limit: c.limit, target: c.target, source: 'institutionRevenues' });
      }
    }
    return new RangeTable(vars, '', fixpoint(vars, relations));
  }

  /** The range of `fact` (a key relative to this table: a fact, or a branch's field in a branch's table). */
  get(fact: string): FactRange | undefined {
    const v = this.vars.get(this.prefix + fact);
    if (!v) return undefined;
    if (!v.given && v.min === 0 && v.max === Infinity) return undefined;
    return v;
  }

  /** The table seen from branch `index`: `get('floorArea')` is that branch's own floor area. */
  branch(index: number): RangeTable {
    return new RangeTable(this.vars, `${this.prefix}branches.${index}.`, this.conflicts);
  }
}

function addVariable(vars: Map<string, Variable>, key: string, value: NumericValue | undefined): void {
  vars.set(
    key,
    value === undefined
      ? { min: 0, max: Infinity, given: false, bounded: false }
      : { min: lowOf(value), max: highOf(value), given: true, bounded: typeof value !== 'number' && exactOf(value) === undefined },
  );
}

/** Narrows `key` to `[min, max]`; true when anything changed. */
function narrow(vars: Map<string, Variable>, key: string, min: number, max: number, from: readonly string[]): boolean {
  const v = vars.get(key);
  if (!v) return false;
  let changed = false;
  if (above(min, v.min)) {
    v.min = min;
    v.minFrom = from;
    changed = true;
  }
  if (above(v.max, max)) {
    v.max = max;
    v.maxFrom = from;
    changed = true;
  }
  return changed;
}

/** Applies every relation until no range changes (a few passes; capped, since ranges only ever shrink). */
function fixpoint(vars: Map<string, Variable>, relations: readonly Relation[]): string[] {
  for (let pass = 0; pass < 16; pass++) {
    let changed = false;
    for (const r of relations) changed = apply(vars, r) || changed;
    if (!changed) break;
  }
  const conflicts: string[] = [];
  for (const [key, v] of vars) if (above(v.min, v.max)) conflicts.push(key);
  return conflicts;
}

function apply(vars: Map<string, Variable>, r: Relation): boolean {
  if (r.kind === 'countOver') {
    let surely = 0;
    let possibly = 0;
    for (const key of r.items) {
      const v = vars.get(key);
      if (!v) continue;
      if (v.min > r.limit) surely += 1;
      if (v.max > r.limit) possibly += 1;
    }
    return narrow(vars, r.target, surely, possibly, [r.source]);
  }
  const whole = vars.get(r.whole);
  if (!whole) return false;
  let lowSum = 0;
  for (const p of r.parts) lowSum += vars.get(p)?.min ?? 0;
  let changed = narrow(vars, r.whole, lowSum, Infinity, r.parts.filter((p) => (vars.get(p)?.min ?? 0) > 0));
  if (whole.max === Infinity) return changed;
  for (const p of r.parts) {
    const part = vars.get(p);
    if (!part) continue;
    const others = lowSum - part.min;
    const from = [r.whole, ...r.parts.filter((q) => q !== p && (vars.get(q)?.min ?? 0) > 0)];
    changed = narrow(vars, p, 0, whole.max - others, from) || changed;
  }
  return changed;
}

/**
 * The range the facts allow `fact` to take — the answer (a number is a range of width 0, bounds as given)
 * narrowed by every relation — or undefined when nothing at all is known about it.
 */
export function rangeOf(facts: Facts, fact: FactName): Range | undefined {
  const r = RangeTable.of(facts).get(fact);
  return r && { min: r.min, max: r.max };
}
