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

/** Facts that no values can satisfy together: `fact` (a path, `branches.0.floorArea`) contradicts `other`. */
export interface Conflict {
  fact: string;
  other: string;
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
const REVENUE_FIELDS: readonly (keyof InstitutionRevenue)[] = ['revenue', 'netServiceRevenue'];
const TOP = NUMERIC_FACTS.length;
const TOP_INDEX = new Map<string, number>(NUMERIC_FACTS.map((f, i) => [f, i]));
const BRANCH_INDEX = new Map<string, number>(BRANCH_FIELDS.map((f, i) => [f, i]));
const top = (fact: FactName) => TOP_INDEX.get(fact) as number;

/**
 * One relation between variables (by index: the top-level facts first, then each branch's three figures, then
 * each institution's two): `sum` — the parts add up to at most the whole; `countOver` — the target counts the
 * items above the limit.
 */
type Relation =
  | { kind: 'sum'; parts: readonly number[]; whole: number }
  | { kind: 'countOver'; items: readonly number[]; limit: number; target: number };

/** The top-level relations, the same for every park. */
const FIXED: readonly Relation[] = PART_OF_WHOLE.map(([part, whole]) => ({ kind: 'sum', parts: [top(part)], whole: top(whole) }));

/** PART_OF_WHOLE by index into NUMERIC_FACTS. */
const PAIRS_AT: readonly (readonly [number, number])[] = PART_OF_WHOLE.map(([part, whole]) => [top(part), top(whole)]);

/**
 * The pairs of PART_OF_WHOLE (in its order) whose part's least value exceeds the whole's greatest, as given (no
 * derivation). Read by the facts' own keys, as the solver reads them (see its constructor).
 */
export function exceedingPairs(facts: Facts): Pair[] {
  const values = new Array<NumericValue | undefined>(TOP);
  for (const key in facts) {
    const i = TOP_INDEX.get(key);
    if (i !== undefined) values[i] = facts[key as FactName] as NumericValue | undefined;
  }
  const exceeding: Pair[] = [];
  PAIRS_AT.forEach(([part, whole], i) => {
    const p = values[part];
    const w = values[whole];
    if (p !== undefined && w !== undefined && lowOf(p) > highOf(w)) exceeding.push(PART_OF_WHOLE[i] as Pair);
  });
  return exceeding;
}

/** Sources of a bound that no relation of the table gives: the branch list's length, a single-site layout. */
const FROM_BRANCHES = -2;
const FROM_LAYOUT = -3;

/** Relative tolerance: decimal areas (0.1 m²) summed in binary floats must not look contradictory. */
const EPSILON = 1e-9;
const above = (a: number, b: number) => (a === Infinity ? b !== Infinity : a > b + EPSILON * Math.max(1, Math.abs(a), Math.abs(b)));

/** The variables of one set of facts and the relations between them, solved to a fixpoint. */
class Solver {
  // Plain arrays: for the few dozen variables of a park they are cheaper to create than typed arrays.
  readonly min: number[];
  readonly max: number[];
  readonly given: boolean[];
  readonly bounded: boolean[];
  /** The relation (its index, or FROM_*) that last raised the lower side; -1 for none. */
  readonly minBy: number[];
  readonly maxBy: number[];
  readonly relations: Relation[];
  readonly branchCount: number;
  sane = true;

  constructor(facts: Facts) {
    const branches = facts.branches;
    const list = facts.institutionRevenues;
    this.branchCount = branches?.length ?? 0;
    const n = TOP + 3 * this.branchCount + 2 * (list?.length ?? 0);
    this.min = new Array<number>(n).fill(0);
    this.max = new Array<number>(n).fill(Infinity);
    this.given = new Array<boolean>(n).fill(false);
    this.bounded = new Array<boolean>(n).fill(false);
    this.minBy = new Array<number>(n).fill(-1);
    this.maxBy = new Array<number>(n).fill(-1);
    // By the facts' own keys: a read by each of the vocabulary's names missed V8's lookup caches (facts of many
    // shapes, most names absent) and was most of the solver's time.
    for (const key in facts) {
      const i = TOP_INDEX.get(key);
      if (i !== undefined) this.set(i, facts[key as FactName] as NumericValue | undefined);
    }
    if (branches === undefined && list === undefined) {
      this.relations = FIXED as Relation[];
    } else {
      this.relations = [...FIXED];
      this.addBranches(branches ?? []);
      this.addRevenues(list ?? []);
    }
    if (branches) this.narrow(top('branchCount'), branches.length, branches.length, FROM_BRANCHES);
    if (facts.layout === 'single') this.narrow(top('branchCount'), 0, 0, FROM_LAYOUT);
  }

  private addBranches(branches: readonly Branch[]): void {
    branches.forEach((branch, i) => {
      BRANCH_FIELDS.forEach((field, j) => this.set(TOP + 3 * i + j, branch[field]));
      this.relations.push({ kind: 'sum', parts: [this.branchVar(i, 'occupiedArea')], whole: this.branchVar(i, 'floorArea') });
    });
    if (branches.length === 0) return;
    for (const site of SITE_TOTALS) {
      const parts = [top(site.core), ...branches.map((_b, i) => this.branchVar(i, site.branch))];
      this.relations.push({ kind: 'sum', parts, whole: top(site.total) });
    }
  }

  private addRevenues(list: readonly InstitutionRevenue[]): void {
    const base = TOP + 3 * this.branchCount;
    list.forEach((item, i) => {
      this.set(base + 2 * i, item.revenue);
      this.set(base + 2 * i + 1, item.netServiceRevenue);
      // 净服务收入（不含代收代付） is part of 营业收入（含代收代付）.
      this.relations.push({ kind: 'sum', parts: [base + 2 * i + 1], whole: base + 2 * i });
    });
    for (const c of COUNTS_OVER) {
      const offset = REVENUE_FIELDS.indexOf(c.field);
      const items = list.map((_item, i) => base + 2 * i + offset);
      this.relations.push({ kind: 'countOver', items, limit: c.limit, target: top(c.target) });
    }
  }

  branchVar(branch: number, field: string): number {
    return TOP + 3 * branch + (BRANCH_INDEX.get(field) as number);
  }

  /** The key of variable `i`, as fact paths are written (`floorArea`, `branches.0.floorArea`). */
  keyOf(i: number): string {
    if (i < TOP) return NUMERIC_FACTS[i] as string;
    const j = i - TOP;
    if (j < 3 * this.branchCount) return `branches.${Math.floor(j / 3)}.${BRANCH_FIELDS[j % 3]}`;
    const k = j - 3 * this.branchCount;
    return `institutionRevenues.${Math.floor(k / 2)}.${REVENUE_FIELDS[k % 2]}`;
  }

  private set(i: number, value: NumericValue | undefined): void {
    if (value === undefined) return;
    const lo = lowOf(value);
    const hi = highOf(value);
    if (!(lo >= 0 && lo <= hi)) this.sane = false;
    this.min[i] = lo;
    this.max[i] = hi;
    this.given[i] = true;
    this.bounded[i] = typeof value !== 'number' && lo !== hi;
  }

  /** Narrows variable `i` to `[lo, hi]`, recording `by`; true when anything changed. */
  narrow(i: number, lo: number, hi: number, by: number): boolean {
    let changed = false;
    if (above(lo, this.min[i] as number)) {
      this.min[i] = lo;
      this.minBy[i] = by;
      changed = true;
    }
    if (above(this.max[i] as number, hi)) {
      this.max[i] = hi;
      this.maxBy[i] = by;
      changed = true;
    }
    return changed;
  }

  /** Applies every relation until no range changes (a few passes; capped, since ranges only ever shrink). */
  solve(): Conflict[] {
    const relations = this.relations;
    for (let pass = 0; pass < 16; pass++) {
      let changed = false;
      for (let r = 0; r < relations.length; r++) changed = this.apply(relations[r] as Relation, r) || changed;
      if (!changed) break;
    }
    const conflicts: Conflict[] = [];
    if (!this.sane) return conflicts;
    for (let i = 0; i < this.min.length; i++) if (above(this.min[i] as number, this.max[i] as number)) conflicts.push(this.conflictAt(i));
    return conflicts;
  }

  /**
   * Names a contradiction by answers the caller gave: the figure itself when it was given, else the fact that
   * raised its lower side; `other` is a fact on the other side.
   */
  private conflictAt(i: number): Conflict {
    const below = this.sources(i, this.minBy[i] as number, 'min') ?? [];
    const over = this.sources(i, this.maxBy[i] as number, 'max') ?? [];
    if (this.given[i]) return { fact: this.keyOf(i), other: [...below, ...over][0] ?? '' };
    return { fact: below[0] ?? this.keyOf(i), other: over[0] ?? '' };
  }

  private apply(r: Relation, index: number): boolean {
    const min = this.min;
    const max = this.max;
    if (r.kind === 'countOver') {
      let surely = 0;
      let possibly = 0;
      for (const i of r.items) {
        if ((min[i] as number) > r.limit) surely += 1;
        if ((max[i] as number) > r.limit) possibly += 1;
      }
      return this.narrow(r.target, surely, possibly, index);
    }
    let lowSum = 0;
    for (const p of r.parts) lowSum += min[p] as number;
    let changed = this.narrow(r.whole, lowSum, Infinity, index);
    const wholeMax = max[r.whole] as number;
    if (wholeMax === Infinity) return changed;
    for (const p of r.parts) changed = this.narrow(p, 0, wholeMax - (lowSum - (min[p] as number)), index) || changed;
    return changed;
  }

  /** The facts a bound of variable `i` came from, by the relation that set it. */
  sources(i: number, by: number, side: 'min' | 'max'): string[] | undefined {
    if (by === -1) return undefined;
    if (by === FROM_BRANCHES) return ['branches'];
    if (by === FROM_LAYOUT) return ['layout'];
    const r = this.relations[by] as Relation;
    if (r.kind === 'countOver') return ['institutionRevenues'];
    const others = r.parts.filter((p) => p !== i && (this.min[p] as number) > 0);
    const keys = side === 'min' ? others : [...(r.whole === i ? [] : [r.whole]), ...others];
    return [...new Set(keys.map((k) => this.source(k)))];
  }

  /** A variable as a source: a branch's or an institution's figure is named by its list. */
  private source(i: number): string {
    return i < TOP + 3 * this.branchCount ? this.keyOf(i) : 'institutionRevenues';
  }
}

/**
 * The last two derivations, by facts object: validation and `evaluate` share one, and the flows compare the
 * facts before and after an answer criterion by criterion. A WeakMap costs more than the derivation itself.
 */
/** A variable's range; where its bounds came from is worked out only when an explanation asks. */
class RangeView implements FactRange {
  constructor(
    private readonly solver: Solver,
    private readonly index: number,
    readonly min: number,
    readonly max: number,
    readonly given: boolean,
  ) {}

  get bounded(): boolean {
    return this.solver.bounded[this.index] === true;
  }

  get minFrom(): readonly string[] | undefined {
    return this.solver.sources(this.index, this.solver.minBy[this.index] as number, 'min');
  }

  get maxFrom(): readonly string[] | undefined {
    return this.solver.sources(this.index, this.solver.maxBy[this.index] as number, 'max');
  }
}

const recent: { facts: Facts; table: RangeTable }[] = [];

/** Every figure's range for one set of facts, computed once per assessment. */
export class RangeTable {
  private readonly solver: Solver;
  /** Index offset of a branch's view (-1: the top level). */
  private readonly branchIndex: number;
  /**
   * Keys whose range came out empty: the facts contradict each other there. Empty when some answer is not a
   * valid figure at all (negative, min > max, not a number): the schema names that problem instead.
   */
  readonly conflicts: readonly Conflict[];

  private constructor(solver: Solver, branchIndex: number, conflicts: readonly Conflict[]) {
    this.solver = solver;
    this.branchIndex = branchIndex;
    this.conflicts = conflicts;
  }

  /**
   * The ranges of `facts`, derived once per facts object: facts are values, never changed after validation
   * (every channel copies them on each answer), so validation, `evaluate` and the flows share one derivation.
   */
  static for(facts: Facts): RangeTable {
    for (const entry of recent) if (entry.facts === facts) return entry.table;
    const table = RangeTable.of(facts);
    recent.unshift({ facts, table });
    if (recent.length > 2) recent.pop();
    return table;
  }

  /** Derives the ranges of `facts` (top level) by the relation table, to a fixpoint. */
  static of(facts: Facts): RangeTable {
    const solver = new Solver(facts);
    return new RangeTable(solver, -1, solver.solve());
  }

  /** The range of `fact` (a fact name; in a branch's table, one of the branch's own figures). */
  get(fact: string): FactRange | undefined {
    const s = this.solver;
    const i = this.branchIndex < 0 ? TOP_INDEX.get(fact) : BRANCH_INDEX.has(fact) ? s.branchVar(this.branchIndex, fact) : undefined;
    if (i === undefined || i >= s.min.length) return undefined;
    const min = s.min[i] as number;
    const max = s.max[i] as number;
    const given = s.given[i] === true;
    if (!given && min === 0 && max === Infinity) return undefined;
    return new RangeView(s, i, min, max, given);
  }

  /** The table seen from branch `index`: `get('floorArea')` is that branch's own floor area. */
  branch(index: number): RangeTable {
    return new RangeTable(this.solver, index, this.conflicts);
  }
}

/**
 * The range the facts allow `fact` to take — the answer (a number is a range of width 0, bounds as given)
 * narrowed by every relation — or undefined when nothing at all is known about it.
 */
export function rangeOf(facts: Facts, fact: FactName): Range | undefined {
  const r = RangeTable.for(facts).get(fact);
  return r && { min: r.min, max: r.max };
}
