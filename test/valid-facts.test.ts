/**
 * A conversation checks each new answer against facts already known valid by checking only what changed (the new
 * value, then the consistency rules), not by parsing every fact again. It must refuse exactly what the whole
 * schema refuses, at the same place and for the same rule: checked here against `FactsSchema` itself, for answers
 * of every kind (good and bad values, bounds on figures and on days, branch figures, cleared answers) set on parts of every example park.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUESTION_ORDER, questionById, withAnswer } from '../src/flows/questions.js';
import { checkAnswered, checkFacts, knownValid } from '../src/flows/valid-facts.js';
import { type Facts, FactsSchema } from '../src/rules/facts.js';
import { eligibleProfiles } from './support/profiles.js';

const profiles = Object.values(eligibleProfiles()).flatMap((byName) => Object.values(byName));

/** Question ids of every kind: the vocabulary's own, and the figures of the first branches. */
const questionIds = [
  ...QUESTION_ORDER.filter((fact) => fact !== 'branches'),
  ...[0, 1, 2].flatMap((i) => ['floorArea', 'hrInstitutions', 'occupiedArea'].map((field) => `branches.${i}.${field}`)),
];

/** Values an answer may hold, valid for some facts and not for others. */
const value = fc.oneof(
  fc.constant(undefined),
  fc.boolean(),
  fc.constantFrom(0, 1, 2, 3, 30, 6000, 7200, 12_000, 500_000_000, 1e15, -1, 0.5, Number.NaN),
  fc.record({ min: fc.constantFrom(0, 31, 5000, 10_000), max: fc.constantFrom(39, 4000, 9_999.99, 20_000) }, { requiredKeys: [] }),
  fc.constantFrom('comprehensive', 'single', 'multi', 'prefecture_city', 'none', 'rejected', '2023-05-10', '2023-13-40', 'nonsense'),
  fc.constantFrom(['meeting', 'training'], ['meeting', 'meeting'], [], ['nonsense']),
  // bounds on a day (2023年11月), reversed, empty, and not days
  fc.record({ min: fc.constantFrom('2023-11-01', '2023-12-01', '2023-02-30'), max: fc.constantFrom('2023-11-30', '2023-10-31', 'soon') }, { requiredKeys: [] }),
);

/** A valid `before`: a part of an example park's facts. */
const before = fc
  .tuple(fc.constantFrom(...profiles), fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }))
  .map(([profile, keep]) => Object.fromEntries(Object.entries(profile).filter((_entry, i) => keep[i])) as Facts)
  .filter((facts) => FactsSchema.safeParse(facts).success);

describe('checking one new answer against facts known valid', () => {
  it('refuses exactly what FactsSchema refuses, at the same path and for the same rule', () => {
    fc.assert(
      fc.property(before, fc.constantFrom(...questionIds), value, (facts, id, answer) => {
        expect(checkFacts(facts)?.success ?? true).toBe(true);
        expect(knownValid(facts)).toBe(true);
        const after = withAnswer(facts, questionById(id)!, answer);
        const whole = FactsSchema.safeParse(after);
        const problem = checkAnswered(facts, after);
        expect(problem === undefined).toBe(whole.success);
        if (!whole.success && problem) {
          const issue = whole.error.issues[0]!;
          expect(problem.path).toEqual(issue.path);
          const params = issue.code === 'custom' ? (issue.params as { rule?: string; other?: string }) : undefined;
          expect(problem.params?.rule).toBe(params?.rule);
          expect(problem.params?.other).toBe(params?.other);
        }
        // What passed is remembered as valid (the next turn restores it without parsing it again).
        expect(knownValid(after)).toBe(whole.success);
      }),
      { numRuns: 1000 },
    );
  });

  it('parses the whole facts when the earlier facts are not known valid', () => {
    const unknownBefore = { floorArea: 12_000, occupiedArea: 99_999 } as Facts;
    expect(knownValid(unknownBefore)).toBe(false);
    const after = withAnswer(unknownBefore, questionById('layout')!, 'single');
    // Only `layout` changed, yet the part larger than its whole is found.
    expect(checkAnswered(unknownBefore, after)).toEqual({ path: ['occupiedArea'], params: { rule: 'exceeds', other: 'floorArea' } });
  });
});
