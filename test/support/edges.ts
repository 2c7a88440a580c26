/**
 * The shape of an edge case: one limit of one criterion, tested exactly at it and one unit on the wrong side.
 * Cases live in `test/cases/<jurisdiction>.ts`; `test/edges.test.ts` runs them all and checks that every
 * limit a criterion declares (`Check.limits`) has one.
 */
import type { FactName, Facts } from '../../src/rules/facts.js';

/** A change to the base profile: facts merged over it and/or the assessment date. */
export interface Patch {
  facts?: Facts;
  date?: string;
}

export interface EdgeCase {
  /** The criterion id, e.g. `shandong.floor-area`. */
  criterion: string;
  /**
   * The fact at the limit (a share's part; `previousOutcomeDate` for a waiting period; `date` for entry into
   * force). A number patch sets this fact.
   */
  fact: FactName | 'date';
  /** The base profile's name (`examples/<id>-<profile>-eligible.json`); default `default`. */
  profile?: string;
  /** Facts merged over the profile before either patch (e.g. to switch a layout). */
  given?: Facts;
  /** Exactly at the limit: the criterion is met. */
  at: Patch | number;
  /** One unit on the wrong side (one short; one over for 不超过; exactly the number for 超过): unmet. */
  beyond: Patch | number;
  /** Why these values, where it is not obvious. */
  note?: string;
}

/** The assessment date used unless a case sets one. */
export const EDGE_DATE = '2026-11-23';
