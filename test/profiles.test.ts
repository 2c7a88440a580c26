/**
 * The example profiles: each meets every required criterion of its jurisdiction, and changing them shows the
 * verdict rules of the contract (unmet beats unknown; unknown gives incomplete; advisory never decides).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/rules/evaluate.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import { AssessmentResultSchema } from '../src/rules/result.js';
import { EDGE_DATE } from './support/edges.js';
import { eligibleProfiles } from './support/profiles.js';

const profiles = eligibleProfiles();

for (const def of JURISDICTIONS) {
  describe(`${def.id}: example profiles`, () => {
    const named = Object.entries(profiles[def.id]);

    it('has at least one eligible example', () => {
      expect(named.length).toBeGreaterThan(0);
    });

    it.each(named)('%s is eligible, with every criterion met or not applicable', (_name, facts) => {
      const result = evaluate(def.id, facts, { date: EDGE_DATE });
      const open = result.criteria.filter((c) => c.status !== 'met' && c.status !== 'not_applicable');
      expect(open.map((c) => `${c.id}: ${c.explanation}`)).toEqual([]);
      expect(result.verdict).toBe('eligible');
    });

    it.each(named)('%s: every result has the contract shape, in both languages', (_name, facts) => {
      for (const lang of ['zh-CN', 'en'] as const) {
        for (const variant of [facts, {}, { ...facts, hasPlanningReport: false }]) {
          const parsed = AssessmentResultSchema.safeParse(JSON.parse(JSON.stringify(evaluate(def.id, variant, { date: EDGE_DATE, lang }))));
          expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
        }
      }
    });

    it('is incomplete when nothing is known', () => {
      expect(evaluate(def.id, {}, { date: EDGE_DATE }).verdict).toBe('incomplete');
    });

    it('an unmet required criterion beats unknowns', () => {
      const result = evaluate(def.id, { hasPlanningReport: false }, { date: EDGE_DATE });
      expect(result.counts.unknown).toBeGreaterThan(0);
      expect(result.criteria.find((c) => c.facts.includes('hasPlanningReport'))?.status).toBe('unmet');
      expect(result.verdict).toBe('ineligible');
    });

    it.each(named)('%s: advisory criteria never change the verdict', (_name, facts) => {
      const advisoryFacts = def.criteria.filter((c) => c.severity === 'advisory').flatMap((c) => c.facts);
      const requiredFacts = new Set(def.criteria.filter((c) => c.severity === 'required').flatMap((c) => c.facts));
      const onlyAdvisory = advisoryFacts.filter((f) => !requiredFacts.has(f));
      const stripped = Object.fromEntries(Object.entries(facts).filter(([k]) => !onlyAdvisory.includes(k as never)));
      expect(evaluate(def.id, stripped, { date: EDGE_DATE }).verdict).toBe('eligible');
    });
  });
}
