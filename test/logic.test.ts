/**
 * The building blocks: three-valued logic, alternatives, civil-date periods, number words and the facts'
 * consistency rules.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allOf, anyOf, atLeast, atMost, isTrue, moreThan, onlyWhen, shareAtLeast, waitingPeriod } from '../src/rules/checks.js';
import { addPeriod, todayInChina } from '../src/rules/dates.js';
import { FactsSchema } from '../src/rules/facts.js';
import { chineseNumeral, formatNumber } from '../src/rules/format.js';

const ctx = { date: '2026-11-23' };

describe('comparisons follow Chinese legal usage', () => {
  it('以上/不少于 include the number; 超过 excludes it; 不超过 includes it', () => {
    expect(atLeast('floorArea', 10_000)({ floorArea: 10_000 }, ctx).status).toBe('met');
    expect(atLeast('floorArea', 10_000)({ floorArea: 9_999.99 }, ctx).status).toBe('unmet');
    expect(moreThan('annualRevenue', 3_000_000)({ annualRevenue: 3_000_000 }, ctx).status).toBe('unmet');
    expect(moreThan('annualRevenue', 3_000_000)({ annualRevenue: 3_000_001 }, ctx).status).toBe('met');
    expect(atMost('branchCount', 3)({ branchCount: 3 }, ctx).status).toBe('met');
    expect(atMost('branchCount', 3)({ branchCount: 4 }, ctx).status).toBe('unmet');
  });

  it('a share is met exactly at its percentage, for any whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100 }), (whole, percent) => {
        const exact = (whole * percent) / 100;
        const check = shareAtLeast('occupiedArea', 'floorArea', percent);
        expect(check({ occupiedArea: exact, floorArea: whole }, ctx).status).toBe('met');
        expect(check({ occupiedArea: exact - 0.01, floorArea: whole }, ctx).status).toBe('unmet');
      }),
      // Once found at random: 0.01 m² short of 100 % of 10,000,000 m² was taken as met (too loose a tolerance).
      { examples: [[10_000_000, 100]] },
    );
  });

  it('an absent fact is unknown and names itself', () => {
    expect(atLeast('floorArea', 1)({}, ctx)).toMatchObject({ status: 'unknown', missing: ['floorArea'] });
    expect(shareAtLeast('occupiedArea', 'floorArea', 60)({ floorArea: 1 }, ctx)).toMatchObject({ status: 'unknown', missing: ['occupiedArea'] });
  });
});

describe('three-valued logic', () => {
  const yes = isTrue('hasPlanningReport');
  const other = isTrue('hasManagementRules');

  it('alternatives: met if any is met, unmet only when all are unmet, unknown otherwise', () => {
    const either = anyOf(yes, other);
    expect(either({ hasPlanningReport: true }, ctx).status).toBe('met');
    expect(either({ hasPlanningReport: false, hasManagementRules: true }, ctx).status).toBe('met');
    expect(either({ hasPlanningReport: false }, ctx)).toMatchObject({ status: 'unknown', missing: ['hasManagementRules'] });
    const none = either({ hasPlanningReport: false, hasManagementRules: false }, ctx);
    expect(none.status).toBe('unmet');
    expect(none.findings[0]).toMatchObject({ kind: 'alternatives', options: [[{ fact: 'hasPlanningReport' }], [{ fact: 'hasManagementRules' }]] });
  });

  it('conjunction: unmet beats unknown, unknown beats met', () => {
    const both = allOf(yes, other);
    expect(both({ hasPlanningReport: false }, ctx).status).toBe('unmet');
    expect(both({ hasPlanningReport: true }, ctx).status).toBe('unknown');
    expect(both({ hasPlanningReport: true, hasManagementRules: true }, ctx).status).toBe('met');
  });

  it('a rule for other parks is not applicable; while the deciding fact is unknown, so is the rule', () => {
    const multiOnly = onlyWhen('layout', ['multi'], atLeast('coreFloorArea', 8000));
    expect(multiOnly({ layout: 'single' }, ctx)).toMatchObject({ status: 'not_applicable', inapplicable: { fact: 'layout', value: 'single' } });
    expect(multiOnly({}, ctx)).toMatchObject({ status: 'unknown', missing: ['layout', 'coreFloorArea'] });
    expect(multiOnly({ layout: 'multi', coreFloorArea: 8000 }, ctx).status).toBe('met');
  });
});

describe('periods are counted as 民法典 第二百零一、二百零二条 count them', () => {
  it('ends on the corresponding day, or the last day of a shorter month', () => {
    expect(addPeriod('2024-01-10', { years: 3 })).toBe('2027-01-10');
    expect(addPeriod('2025-11-30', { months: 3 })).toBe('2026-02-28');
    expect(addPeriod('2023-11-30', { months: 3 })).toBe('2024-02-29');
    expect(addPeriod('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addPeriod('2026-12-31', { days: 1 })).toBe('2027-01-01');
  });

  it('a revocation bar of three years still holds on its last day and is over the day after', () => {
    const bar = waitingPeriod('revoked', { years: 3 });
    const facts = { previousOutcome: 'revoked', previousOutcomeDate: '2024-01-10' } as const;
    expect(bar(facts, { date: '2027-01-10' })).toMatchObject({ status: 'unmet', findings: [{ kind: 'waiting', from: '2027-01-11' }] });
    expect(bar(facts, { date: '2027-01-11' }).status).toBe('met');
    expect(bar({ previousOutcome: 'none' }, ctx).status).toBe('not_applicable');
    expect(bar({ previousOutcome: 'revoked' }, ctx)).toMatchObject({ status: 'unknown', missing: ['previousOutcomeDate'] });
  });

  it('today is the date in China, whatever the server zone', () => {
    expect(todayInChina(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(todayInChina(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
  });
});

describe('Chinese numerals for articles and items', () => {
  it.each([
    [1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [23, '二十三'], [100, '一百'], [105, '一百零五'], [112, '一百一十二'],
  ])('%i → %s', (n, words) => expect(chineseNumeral(n)).toBe(words));
});

describe('facts are checked for consistency before they are read', () => {
  const issues = (facts: unknown) => {
    const parsed = FactsSchema.safeParse(facts);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };
  it.each([
    [{ occupiedArea: 10_001, floorArea: 10_000 }, 'occupiedArea'],
    [{ coreFloorArea: 9_000, floorArea: 8_000 }, 'coreFloorArea'],
    [{ hrInstitutions: 30, parkInstitutions: 20 }, 'hrInstitutions'],
    [{ layout: 'single', branchCount: 2 }, 'branchCount'],
    [{ branchCount: 2, branches: [{}] }, 'branches'],
    [{ branches: [{ floorArea: 100, occupiedArea: 200 }] }, 'branches.0.occupiedArea'],
    [{ previousOutcome: 'none', previousOutcomeDate: '2025-01-01' }, 'previousOutcomeDate'],
    [{ publicServices: ['employment', 'employment'] }, 'publicServices'],
    [{ previousOutcomeDate: '2025-02-30' }, 'previousOutcomeDate'],
    [{ floorArea: Number.POSITIVE_INFINITY }, 'floorArea'],
    [{ __proto__: { floorArea: 1 }, constructor: 1 }, ''],
  ])('%j is rejected at %s', (facts, path) => {
    expect(issues(facts).length).toBeGreaterThan(0);
    if (path) expect(issues(facts)).toContain(path);
  });

  it('accepts parts equal to their wholes', () => {
    expect(issues({ occupiedArea: 10_000, floorArea: 10_000, hrInstitutions: 20, parkInstitutions: 20 })).toEqual([]);
  });
});

describe('numbers are grouped as both languages write them', () => {
  it('matches Intl.NumberFormat for integers and up to two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + (whole < 0 ? -cents : cents) / 100;
        for (const lang of ['zh-CN', 'en'] as const) {
          expect(formatNumber(value, lang)).toBe(new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value));
        }
      }),
    );
  });
});
