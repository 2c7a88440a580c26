/**
 * A waiting period (山东 第二十二条 三年内不予重新认定; 吉林 第六条（四） 间隔3个月后可再次申报) when the day of the revocation or
 * refusal is known only roughly (2023年11月: bounds). The period has run out if it has for the latest day allowed,
 * has not if it has not for the earliest, and is otherwise settled by one question: "was it on or before <the last
 * day for which it has run out>?". Each edge is tested exactly at it and one day short.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriod } from '../src/rules/dates.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { DateBounds, Facts } from '../src/rules/facts.js';
import type { JurisdictionId } from '../src/rules/types.js';

const DATE = '2026-11-23';
const CASES: readonly [JurisdictionId, string, Facts['previousOutcome'], { years?: number; months?: number }][] = [
  ['shandong', 'shandong.revocation-bar', 'revoked', { years: 3 }],
  ['jilin', 'jilin.reapply-wait', 'rejected', { months: 3 }],
];

function outcome(jurisdiction: JurisdictionId, id: string, previousOutcome: Facts['previousOutcome'], day: string | DateBounds, lang: 'zh-CN' | 'en' = 'zh-CN', date = DATE) {
  const result = evaluate(jurisdiction, { previousOutcome, previousOutcomeDate: day }, { lang, date });
  const criterion = result.criteria.find((c) => c.id === id);
  if (!criterion) throw new Error(`no criterion ${id}`);
  return criterion;
}
const dayBefore = (day: string) => addPeriod(day, { days: -1 });
const dayAfter = (day: string) => addPeriod(day, { days: 1 });

describe.each(CASES)('%s: a waiting period over bounds on the day', (jurisdiction, id, previousOutcome, period) => {
  /** The last event day for which the period has run out on DATE (found from exact days, which the texts' tests fix). */
  const last = (() => {
    let day = DATE;
    while (outcome(jurisdiction, id, previousOutcome, day).status !== 'met') day = dayBefore(day);
    return day;
  })();

  it('the last day is where exact days turn from met to unmet', () => {
    expect(outcome(jurisdiction, id, previousOutcome, last).status).toBe('met');
    expect(outcome(jurisdiction, id, previousOutcome, dayAfter(last)).status).toBe('unmet');
    expect(addPeriod(addPeriod(last, period), { days: 1 })).toBe(DATE);
  });

  it('met when even the latest day allowed is that day; one day later, open', () => {
    expect(outcome(jurisdiction, id, previousOutcome, { min: addPeriod(last, { days: -20 }), max: last }).status).toBe('met');
    expect(outcome(jurisdiction, id, previousOutcome, { min: addPeriod(last, { days: -20 }), max: dayAfter(last) }).status).toBe('unknown');
  });

  it('unmet when even the earliest day allowed is the day after; one day earlier, open', () => {
    expect(outcome(jurisdiction, id, previousOutcome, { min: dayAfter(last), max: addPeriod(last, { days: 20 }) }).status).toBe('unmet');
    expect(outcome(jurisdiction, id, previousOutcome, { min: last, max: addPeriod(last, { days: 20 }) }).status).toBe('unknown');
  });

  it('open bounds ask whether it was on or before the last day, in both languages', () => {
    const open = { min: addPeriod(last, { days: -10 }), max: addPeriod(last, { days: 10 }) };
    const zh = outcome(jurisdiction, id, previousOutcome, open);
    expect(zh).toMatchObject({ status: 'unknown', settle: { fact: 'previousOutcomeDate', op: 'lte', value: last, knownDays: open } });
    expect(zh.explanation).toContain(`是否在 ${last} 或之前？`);
    expect(outcome(jurisdiction, id, previousOutcome, open, 'en').explanation).toContain(`Was it on or before ${last}?`);
  });

  it('bounds with one side: on or before a day the period has run out for is met; on or after the day after, unmet', () => {
    expect(outcome(jurisdiction, id, previousOutcome, { max: last }).status).toBe('met');
    expect(outcome(jurisdiction, id, previousOutcome, { min: dayAfter(last) }).status).toBe('unmet');
    expect(outcome(jurisdiction, id, previousOutcome, { max: dayAfter(last) })).toMatchObject({ status: 'unknown', settle: { value: last } });
  });

  it('agrees with every exact day within the bounds (property)', () => {
    const day = fc.integer({ min: -800, max: 800 }).map((n) => addPeriod(last, { days: n }));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const statuses = new Set([outcome(jurisdiction, id, previousOutcome, min).status, outcome(jurisdiction, id, previousOutcome, max).status]);
        const expected = statuses.size === 1 ? [...statuses][0] : 'unknown';
        expect(outcome(jurisdiction, id, previousOutcome, { min, max }).status).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the explanation of an unmet period over bounds', () => {
  it('names the span as said and the earliest and latest day a new designation is possible (山东, in its own words)', () => {
    const zh = outcome('shandong', 'shandong.revocation-bar', 'revoked', { min: '2024-01-01', max: '2024-12-31' });
    expect(zh.status).toBe('unmet');
    expect(zh.explanation).toContain('您于 2024年被取消资格');
    expect(zh.explanation).toContain('视确切日期，最早自 2027-01-02、最迟自 2028-01-01 起方可重新获得认定');
    const en = outcome('shandong', 'shandong.revocation-bar', 'revoked', { min: '2024-05-01', max: '2024-05-31' }, 'en');
    expect(en.explanation).toContain('When your designation was revoked: May 2024.');
    expect(en.explanation).toContain('from 2027-05-02 at the earliest and from 2027-06-01 at the latest');
  });

  it('says "at the earliest" alone when the bounds have no upper side (吉林, the generic words)', () => {
    const zh = outcome('jilin', 'jilin.reapply-wait', 'rejected', { min: '2026-10-01' });
    expect(zh.explanation).toContain('视确切日期，最早自 2027-01-02 起方可再次申报');
  });
});

describe('bad bounds are refused, naming the fact', () => {
  it.each([
    [{ min: '2025-03-01', max: '2025-01-01' }, /previousOutcomeDate/],
    [{}, /previousOutcomeDate/],
    [{ min: '2025-02-30' }, /previousOutcomeDate\.min/],
    [{ min: '2025-01-01', day: 3 }, /previousOutcomeDate\.day/],
  ])('%j', (bounds, message) => {
    expect(() => evaluate('shandong', { previousOutcome: 'revoked', previousOutcomeDate: bounds as DateBounds }, { lang: 'en', date: DATE })).toThrow(message);
  });
});
