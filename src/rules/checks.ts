/**
 * Combinators from which every criterion's check is built, so that the definitions read like the law:
 * `atLeast('floorArea', 10_000)` is "不少于1万平方米". Each returns an `Outcome` with structured findings that
 * `explain.ts` turns into words. Comparisons follow Chinese legal usage: 以上/不少于/不低于 include the number
 * (`atLeast`), 超过 excludes it (`moreThan`), 不超过 includes it (`atMost`).
 */
import { exactOf, type FactName, type Facts, type NumericValue } from './facts.js';
import { addPeriod, isBefore } from './dates.js';
import type { Check, CheckContext, Finding, Limit, Outcome, Period, Scope } from './types.js';
import { readFact } from './derived.js';

const met = (): Outcome => ({ status: 'met', findings: [], missing: [] });
const unknown = (missing: FactName[]): Outcome => ({ status: 'unknown', findings: [], missing });
const unmet = (...findings: Finding[]): Outcome => ({ status: 'unmet', findings, missing: [] });

/** Relative tolerance so that decimal areas (0.1 m²) compare as a person would, not as binary floats do. */
const EPSILON = 1e-9;
const geq = (a: number, b: number) => a >= b || Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

/** Attaches the limits a check compares against (its own, or its parts'). */
function withLimits(fn: (facts: Facts, ctx: CheckContext) => Outcome, limits: readonly Limit[]): Check {
  return Object.assign(fn, { limits });
}

const limitsOf = (checks: readonly Check[]): Limit[] => checks.flatMap((c) => c.limits ?? []);

function numeric(facts: Facts, fact: FactName): number | undefined {
  return exactOf(readFact(facts, fact) as NumericValue | undefined);
}

/** Marks a figure that the rules computed rather than the user answered, so the explanation says so. */
function derivedFlag(facts: Facts, fact: FactName): { derived?: true } {
  return facts[fact] === undefined ? { derived: true } : {};
}

/** 以上 / 不少于 / 不低于 / 达到: the number itself meets it. */
export function atLeast(fact: FactName, required: number): Check {
  return withLimits((facts) => {
    const actual = numeric(facts, fact);
    if (actual === undefined) return unknown([fact]);
    return geq(actual, required) ? met() : unmet({ kind: 'threshold', fact, op: 'gte', required, actual, ...derivedFlag(facts, fact) });
  }, [{ kind: 'threshold', fact, op: 'gte', value: required }]);
}

/** 超过: the number itself does not meet it. */
export function moreThan(fact: FactName, limit: number): Check {
  return withLimits((facts) => {
    const actual = numeric(facts, fact);
    if (actual === undefined) return unknown([fact]);
    return actual > limit ? met() : unmet({ kind: 'threshold', fact, op: 'gt', required: limit, actual, ...derivedFlag(facts, fact) });
  }, [{ kind: 'threshold', fact, op: 'gt', value: limit }]);
}

/** 不超过: the number itself is still allowed. */
export function atMost(fact: FactName, limit: number): Check {
  return withLimits((facts) => {
    const actual = numeric(facts, fact);
    if (actual === undefined) return unknown([fact]);
    return actual <= limit ? met() : unmet({ kind: 'threshold', fact, op: 'lte', required: limit, actual, ...derivedFlag(facts, fact) });
  }, [{ kind: 'threshold', fact, op: 'lte', value: limit }]);
}

/** `part` is at least `percent` % of `whole` (占…60%以上 / 不低于…50%): exactly the share meets it. */
export function shareAtLeast(part: FactName, whole: FactName, percent: number): Check {
  return withLimits((facts) => {
    const p = numeric(facts, part);
    const w = numeric(facts, whole);
    const missing = [p === undefined && part, w === undefined && whole].filter((f): f is FactName => !!f);
    if (p === undefined || w === undefined) return unknown(missing);
    // Cross-multiplied so that 60 % of 10,000 m² is 6,000 m² exactly, not 6000.000000001.
    return geq(p * 100, w * percent)
      ? met()
      : unmet({ kind: 'share', part, whole, percent, actualPart: p, actualWhole: w });
  }, [{ kind: 'share', part, whole, percent }]);
}

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
    if (outcomes.some((o) => o.status === 'unknown')) return unknown(missing);
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
    if (open.length > 0) return unknown(unique(open.flatMap((o) => o.missing)));
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
    return { ...outcome, findings };
  }, limitsOf([check]));
}

/**
 * Applies `check` to every branch park's own figures (`branches[i]`); unknown while the list is absent.
 * The branch's facts are read under the same names as the park's (`floorArea`, `hrInstitutions`, `occupiedArea`).
 */
export function eachBranch(check: Check): Check {
  return withLimits((facts, ctx) => {
    if (facts.branches === undefined) return unknown(['branches']);
    const perBranch = facts.branches.map((branch, index) =>
      scoped({ site: 'branch', index }, check)(branch as Facts, ctx),
    );
    const combined = allOf(...perBranch.map((o) => () => o))(facts, ctx);
    // A branch's own missing figure is reported as the `branches` fact: that is what the caller must complete.
    return combined.status === 'unknown' ? unknown(['branches']) : combined;
  }, limitsOf([check]));
}

/**
 * A waiting period after an earlier refusal or revocation (e.g. 三年内不予重新认定). Counted as 民法典 第二百零一条
 * counts periods: from the day after the event, the last day being the corresponding day; a new application is
 * possible from the day after that.
 */
export function waitingPeriod(outcome: 'rejected' | 'revoked', period: Period): Check {
  return withLimits((facts, ctx) => {
    if (facts.previousOutcome === undefined) return unknown(['previousOutcome']);
    if (facts.previousOutcome !== outcome) {
      return { status: 'not_applicable', findings: [], missing: [], inapplicable: { fact: 'previousOutcome', value: facts.previousOutcome } };
    }
    if (facts.previousOutcomeDate === undefined) return unknown(['previousOutcomeDate']);
    const lastDay = addPeriod(facts.previousOutcomeDate, period);
    const from = addPeriod(lastDay, { days: 1 });
    return isBefore(ctx.date, from)
      ? unmet({ kind: 'waiting', outcome, since: facts.previousOutcomeDate, from, period })
      : met();
  }, [{ kind: 'waiting', outcome, period }]);
}

/** The text applies only from the day it takes effect. */
export function inForceFrom(from: string): Check {
  return withLimits((_facts, ctx) => (isBefore(ctx.date, from) ? unmet({ kind: 'notInForce', from }) : met()), [
    { kind: 'inForce', from },
  ]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
