/**
 * Combinators from which every criterion's check is built, so that the definitions read like the law:
 * `atLeast('floorArea', 10_000)` is "不少于1万平方米". Each returns an `Outcome` with structured findings that
 * `explain.ts` turns into words. Comparisons follow Chinese legal usage: 以上/不少于/不低于 include the number
 * (`atLeast`), 超过 excludes it (`moreThan`), 不超过 includes it (`atMost`).
 */
import { type FactRange, RangeTable } from './bounds.js';
import { addPeriod, isBefore } from './dates.js';
import type { DateBounds, FactName, Facts } from './facts.js';
import type { Check, CheckContext, Finding, KnownRange, Limit, Outcome, Period, Scope, Settle } from './types.js';
import { FACT_UNITS } from './units.js';

const met = (): Outcome => ({ status: 'met', findings: [], missing: [] });
const unknown = (missing: FactName[], settle?: Settle): Outcome =>
  settle ? { status: 'unknown', findings: [], missing, settle } : { status: 'unknown', findings: [], missing };
const unmet = (...findings: Finding[]): Outcome => ({ status: 'unmet', findings, missing: [] });

/** Relative tolerance so that decimal areas (0.1 m²) compare as a person would, not as binary floats do. */
// Relative, and far below the 0.01 m² people answer in even at 10⁹ (a 1e-9 tolerance once took 9,999,999.99 of
// 10,000,000 m² for 100 %), yet far above binary rounding (60 % of 10,000 m² is not 6000.000000001).
const EPSILON = 1e-12;
const geq = (a: number, b: number) => a >= b || Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** Attaches the limits a check compares against (its own, or its parts'). */
function withLimits(fn: (facts: Facts, ctx: CheckContext) => Outcome, limits: readonly Limit[]): Check {
  return Object.assign(fn, { limits });
}

const limitsOf = (checks: readonly Check[]): Limit[] => checks.flatMap((c) => c.limits ?? []);

/**
 * What the facts allow `fact` to be: the answer narrowed by every relation (`bounds.ts`). `evaluate` derives the
 * table once per assessment and passes it in `ctx`; a check called on its own derives it here.
 */
function rangeIn(facts: Facts, fact: FactName, ctx: CheckContext): FactRange | undefined {
  return (ctx.ranges ?? RangeTable.for(facts)).get(fact);
}

/** The range as findings and settles report it: an open upper side is left out (JSON has no Infinity). */
function known(r: FactRange): KnownRange {
  const out: KnownRange = r.max === Infinity ? { min: r.min } : { min: r.min, max: r.max };
  if (r.bounded) out.bounded = true;
  if (!r.given || r.minFrom || r.maxFrom) {
    out.derived = true;
    const from = [...new Set([...(r.minFrom ?? []), ...(r.maxFrom ?? [])])];
    if (from.length > 0) out.from = from as string[];
  }
  return out;
}

/** Marks a figure that is bounds, or that the relations narrowed, so that the explanation says so. */
function marks(r: FactRange, side: 'min' | 'max'): Marks {
  const narrowed = side === 'min' ? r.minFrom : r.maxFrom;
  const exact = r.min === r.max;
  if (exact && !narrowed && r.given) return {};
  const range = known(r);
  return {
    ...(range.bounded ? { bounded: true } : {}),
    ...(narrowed || !r.given ? { derived: true } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(exact ? {} : { range }),
  };
}

type Marks = { bounded?: true; derived?: true; from?: string[]; range?: KnownRange };

/** Compares a figure's range with a limit: met for every value in it, unmet for none, otherwise unknown. */
function compare(fact: FactName, op: 'gte' | 'gt' | 'lte', limit: number): Check {
  return withLimits((facts, ctx) => {
    const r = rangeIn(facts, fact, ctx);
    if (r === undefined) return unknown([fact]);
    // The least favourable value for the limit, and the most favourable one.
    const worst = op === 'lte' ? r.max : r.min;
    const best = op === 'lte' ? r.min : r.max;
    if (holds(op, worst, limit)) return met();
    if (!holds(op, best, limit)) {
      return unmet({ kind: 'threshold', fact, op, required: limit, actual: best, ...marks(r, op === 'lte' ? 'min' : 'max') });
    }
    return unknown([fact], { fact, op, value: limit, known: known(r) });
  }, [{ kind: 'threshold', fact, op, value: limit }]);
}

function holds(op: 'gte' | 'gt' | 'lte', value: number, limit: number): boolean {
  return op === 'gte' ? geq(value, limit) : op === 'gt' ? value > limit : value <= limit;
}

/** 以上 / 不少于 / 不低于 / 达到: the number itself meets it. */
export function atLeast(fact: FactName, required: number): Check {
  return compare(fact, 'gte', required);
}

/** 超过: the number itself does not meet it. */
export function moreThan(fact: FactName, limit: number): Check {
  return compare(fact, 'gt', limit);
}

/** 不超过: the number itself is still allowed. */
export function atMost(fact: FactName, limit: number): Check {
  return compare(fact, 'lte', limit);
}

/**
 * `part` is at least `percent` % of `whole` (占…60%以上 / 不低于…50%): exactly the share meets it. Over ranges,
 * interval arithmetic: met when even the least part of the greatest whole reaches it, unmet when even the
 * greatest part of the least whole falls short. When only one side is a range, the unknown settles on that
 * side: the part it must reach, or the whole it must not exceed.
 */
export function shareAtLeast(part: FactName, whole: FactName, percent: number): Check {
  return withLimits((facts, ctx) => {
    const p = rangeIn(facts, part, ctx);
    const w = rangeIn(facts, whole, ctx);
    const pKnown = p !== undefined && p.min === p.max;
    const wKnown = w !== undefined && w.min === w.max;
    const missing = [!pKnown && part, !wKnown && whole].filter((f): f is FactName => !!f);
    if (p === undefined || w === undefined) return unknown(missing);
    // Cross-multiplied so that 60 % of 10,000 m² is 6,000 m² exactly, not 6000.000000001.
    if (w.max !== Infinity && geq(p.min * 100, w.max * percent)) return met();
    if (!geq(p.max * 100, w.min * percent)) {
      return unmet({
        kind: 'share',
        part,
        whole,
        percent,
        actualPart: p.max,
        actualWhole: w.min,
        ...shareMarks(p, w),
      });
    }
    if (wKnown) {
      const needed = (w.min * percent) / 100;
      // Rounded to the unit people answer in (a whole count, a hundredth of a m² or a cent), on the safe side.
      return unknown(missing, { fact: part, op: 'gte', value: isCount(part) ? Math.ceil(needed - 1e-9) : Math.ceil(needed * 100 - 1e-6) / 100, known: known(p) });
    }
    if (pKnown && percent > 0) {
      const allowed = (p.min * 100) / percent;
      return unknown(missing, { fact: whole, op: 'lte', value: isCount(whole) ? Math.floor(allowed + 1e-9) : Math.floor(allowed * 100 + 1e-6) / 100, known: known(w) });
    }
    return unknown(missing);
  }, [{ kind: 'share', part, whole, percent }]);
}

function shareMarks(p: FactRange, w: FactRange): Omit<Marks, 'range'> & { partRange?: KnownRange; wholeRange?: KnownRange } {
  const pm = marks(p, 'max');
  const wm = marks(w, 'min');
  const from = [...new Set([...(pm.from ?? []), ...(wm.from ?? [])])];
  return {
    ...(pm.bounded || wm.bounded ? { bounded: true } : {}),
    ...(pm.derived || wm.derived ? { derived: true } : {}),
    ...(from.length > 0 ? { from } : {}),
    ...(pm.range ? { partRange: pm.range } : {}),
    ...(wm.range ? { wholeRange: wm.range } : {}),
  };
}

const isCount = (fact: FactName) => FACT_UNITS[fact].kind === 'count';

/** A yes/no fact that must be `expected` (true unless said otherwise). */
export function isTrue(fact: FactName, expected = true): Check {
  return (facts) => {
    const actual = facts[fact] as boolean | undefined;
    if (actual === undefined) return unknown([fact]);
    return actual === expected ? met() : unmet({ kind: 'boolean', fact, expected });
  };
}

/** A list fact (services, business lines) that must contain every one of `required`. */
export function includesAll(fact: FactName, required: readonly string[]): Check {
  return (facts) => {
    const actual = facts[fact] as readonly string[] | undefined;
    if (actual === undefined) return unknown([fact]);
    const missing = required.filter((value) => !actual.includes(value));
    return missing.length === 0 ? met() : unmet({ kind: 'missingValues', fact, missing });
  };
}

/** A choice fact whose value must be one of `accepted`. */
export function oneOf(fact: FactName, accepted: readonly string[]): Check {
  return (facts) => {
    const actual = facts[fact] as string | undefined;
    if (actual === undefined) return unknown([fact]);
    return accepted.includes(actual) ? met() : unmet({ kind: 'notOneOf', fact, actual, accepted: [...accepted] });
  };
}

/** Conjunction: unmet if any part is unmet, unknown if any is unknown, met when all are met. */
export function allOf(...checks: Check[]): Check {
  return withLimits((facts, ctx) => {
    const outcomes = checks.map((check) => check(facts, ctx)).filter((o) => o.status !== 'not_applicable');
    if (outcomes.length === 0) return { status: 'not_applicable', findings: [], missing: [] };
    const missing = unique(outcomes.flatMap((o) => o.missing));
    const failed = outcomes.filter((o) => o.status === 'unmet');
    if (failed.length > 0) return { status: 'unmet', findings: failed.flatMap((o) => o.findings), missing };
    const open = outcomes.filter((o) => o.status === 'unknown');
    if (open.length > 0) return unknown(missing, singleSettle(open));
    return met();
  }, limitsOf(checks));
}

/**
 * Alternatives (…或…): met if any alternative is met, unmet only when every alternative is unmet, unknown
 * otherwise (then `missing` lists what would settle any of the open alternatives).
 */
export function anyOf(...checks: Check[]): Check {
  return withLimits((facts, ctx) => {
    const outcomes = checks.map((check) => check(facts, ctx));
    if (outcomes.some((o) => o.status === 'met')) return met();
    const open = outcomes.filter((o) => o.status === 'unknown');
    if (open.length > 0) return unknown(unique(open.flatMap((o) => o.missing)), singleSettle(open));
    return unmet({ kind: 'alternatives', options: outcomes.map((o) => o.findings) });
  }, limitsOf(checks));
}

/**
 * The rule concerns only parks whose `fact` is one of `values` ("设立多个园区的…", "综合性园区…"); for the
 * others it is not applicable, and while `fact` is unknown so is the rule.
 */
export function onlyWhen(fact: FactName, values: readonly (string | boolean)[], check: Check): Check {
  return withLimits((facts, ctx) => {
    const actual = facts[fact] as string | boolean | undefined;
    if (actual === undefined) {
      const inner = check(facts, ctx);
      return unknown(unique([fact, ...inner.missing]));
    }
    if (!values.includes(actual)) {
      return { status: 'not_applicable', findings: [], missing: [], inapplicable: { fact, value: String(actual) } };
    }
    return check(facts, ctx);
  }, limitsOf([check]));
}

/** Marks every threshold or share finding of `check` as being about one site of a multi-site park. */
export function scoped(scope: Scope, check: Check): Check {
  return withLimits((facts, ctx) => {
    const outcome = check(facts, ctx);
    const findings = outcome.findings.map((f) => (f.kind === 'threshold' || f.kind === 'share' ? { ...f, scope } : f));
    return outcome.settle ? { ...outcome, findings, settle: { ...outcome.settle, scope } } : { ...outcome, findings };
  }, limitsOf([check]));
}

/**
 * Applies `check` to every branch park's own figures (`branches[i]`); unknown while the list is absent.
 * The branch's facts are read under the same names as the park's (`floorArea`, `hrInstitutions`, `occupiedArea`).
 */
export function eachBranch(check: Check): Check {
  return withLimits((facts, ctx) => {
    if (facts.branches === undefined) return unknown(['branches']);
    const ranges = ctx.ranges ?? RangeTable.for(facts);
    const perBranch = facts.branches.map((branch, index) =>
      scoped({ site: 'branch', index }, check)(branch as Facts, { ...ctx, ranges: ranges.branch(index) }),
    );
    const combined = allOf(...perBranch.map((o) => () => o))(facts, ctx);
    // A branch's own missing figure is reported as the `branches` fact: that is what the caller must complete.
    return combined.status === 'unknown' ? unknown(['branches'], combined.settle) : combined;
  }, limitsOf([check]));
}

/**
 * A waiting period after an earlier refusal or revocation (e.g. 三年内不予重新认定). Counted as 民法典 第二百零一条
 * counts periods: from the day after the event, the last day being the corresponding day; a new application is
 * possible from the day after that.
 *
 * The day may be known only roughly (2023年5月: bounds). The period has run out if it has for the latest day the
 * bounds allow, and has not if it has not for the earliest; otherwise the one question that settles it is whether the
 * event was on or before the last day for which the period has run out by the assessment date.
 */
export function waitingPeriod(outcome: 'rejected' | 'revoked', period: Period): Check {
  return withLimits((facts, ctx) => {
    if (facts.previousOutcome === undefined) return unknown(['previousOutcome']);
    if (facts.previousOutcome !== outcome) {
      return { status: 'not_applicable', findings: [], missing: [], inapplicable: { fact: 'previousOutcome', value: facts.previousOutcome } };
    }
    const since = facts.previousOutcomeDate;
    if (since === undefined) return unknown(['previousOutcomeDate']);
    if (typeof since === 'string') {
      const from = reopensOn(since, period);
      return isBefore(ctx.date, from) ? unmet({ kind: 'waiting', outcome, since, from, period }) : met();
    }
    const until = since.max === undefined ? undefined : reopensOn(since.max, period);
    if (until !== undefined && !isBefore(ctx.date, until)) return met();
    const from = since.min === undefined ? undefined : reopensOn(since.min, period);
    if (from !== undefined && isBefore(ctx.date, from)) {
      return unmet({ kind: 'waiting', outcome, since, from, ...(until !== undefined ? { until } : {}), period });
    }
    const lastDay = lastDayRunOut(since, period, ctx.date);
    return unknown(['previousOutcomeDate'], lastDay === undefined ? undefined : { fact: 'previousOutcomeDate', op: 'lte', value: lastDay, knownDays: since });
  }, [{ kind: 'waiting', outcome, period }]);
}

/** The day a new application is possible after an event on `day`: the day after the period's last day. */
function reopensOn(day: string, period: Period): string {
  return addPeriod(addPeriod(day, period), { days: 1 });
}

/**
 * The latest day within `since` for which the period has run out by `date` (for every earlier day it has too: a
 * later event never runs out sooner). Undefined when no day within the bounds allows it.
 */
function lastDayRunOut(since: DateBounds, period: Period, date: string): string | undefined {
  // The period counted back from the date, a few days late for the month-end clamping, then back day by day.
  const guess = addPeriod(addPeriod(date, { years: -(period.years ?? 0), months: -(period.months ?? 0) }), { days: 3 });
  let day = since.max !== undefined && since.max < guess ? since.max : guess;
  while (isBefore(date, reopensOn(day, period))) day = addPeriod(day, { days: -1 });
  return since.min === undefined || day >= since.min ? day : undefined;
}

/** The text applies only from the day it takes effect. */
export function inForceFrom(from: string): Check {
  return withLimits((_facts, ctx) => (isBefore(ctx.date, from) ? unmet({ kind: 'notInForce', from }) : met()), [
    { kind: 'inForce', from },
  ]);
}

/** The one question that settles a conjunction or alternatives left open by exactly one part, if that part has one. */
function singleSettle(open: readonly Outcome[]): Settle | undefined {
  return open.length === 1 ? open[0]?.settle : undefined;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
