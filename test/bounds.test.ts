/**
 * Bounds instead of exact numbers (issue 10 §1): numeric facts given as `{ min, max }`, ranges derived from the
 * relations between facts, interval-aware checks, the one question that settles an unknown, and the rejection of
 * bounds that cannot be.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/assess.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { compiledTranslator } from '../src/i18n/compiled.js';
import { PART_OF_WHOLE, rangeOf } from '../src/rules/bounds.js';
import { AssessmentInputError } from '../src/rules/errors.js';
import { type AssessmentResult, type CriterionResult, evaluate } from '../src/rules/evaluate.js';
import { type Bounds, BoundsSchema, FACT_NAMES, type FactName, type Facts, FactsSchema } from '../src/rules/facts.js';
import { formatNumericAnswer } from '../src/rules/format.js';
import { AssessmentResultSchema } from '../src/rules/result.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import type { JurisdictionId } from '../src/rules/types.js';
import { FACT_UNITS } from '../src/rules/units.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { eligibleProfiles } from './support/profiles.js';

const DATE = '2026-11-23';
const profiles = eligibleProfiles();

function criterion(result: AssessmentResult, id: string): CriterionResult {
  const found = result.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

function assess(id: JurisdictionId, facts: unknown, lang: 'zh-CN' | 'en' = 'zh-CN'): AssessmentResult {
  const result = evaluate(id, facts, { date: DATE, lang });
  AssessmentResultSchema.parse(result);
  return result;
}

function problemsOf(id: JurisdictionId, facts: unknown): { field: string; code: string; message: string }[] {
  try {
    evaluate(id, facts, { date: DATE, lang: 'en' });
  } catch (error) {
    if (error instanceof AssessmentInputError) return error.problems;
    throw error;
  }
  return [];
}

describe('the shape of bounds', () => {
  it('accepts either side, both, or an exact number', () => {
    for (const value of [{ min: 12001, max: 12999 }, { min: 500000001 }, { max: 40 }, { min: 3, max: 3 }, 0]) {
      expect(FactsSchema.safeParse({ floorArea: value }).success).toBe(true);
    }
    expect(BoundsSchema.safeParse({ min: 1.5 }).success).toBe(true);
  });

  it.each([
    [{ floorArea: { min: 12999, max: 12001 } }, 'floorArea', 'boundsOrder'],
    [{ floorArea: {} }, 'floorArea', 'boundsEmpty'],
    [{ floorArea: { min: -1 } }, 'floorArea.min', 'negative'],
    [{ hrInstitutions: { min: 30.5 } }, 'hrInstitutions.min', 'type.int'],
    [{ hrInstitutions: { min: 30, most: 39 } }, 'hrInstitutions.most', 'unknownField'],
    [{ annualRevenue: '5亿多' }, 'annualRevenue', 'type.numberOrBounds'],
    [{ branches: [{ floorArea: { min: 3, max: 2 } }] }, 'branches.0.floorArea', 'boundsOrder'],
    [{ institutionRevenues: [{ revenue: { max: -3 } }] }, 'institutionRevenues.0.revenue.max', 'negative'],
    // No value fits: the part's least value exceeds the whole's greatest.
    [{ occupiedArea: { min: 9000 }, floorArea: { max: 8000 } }, 'occupiedArea', 'exceeds'],
    // Nor through a chain: 50 commercial institutions, but only 40 in the whole park.
    [{ commercialHrInstitutions: 50, parkInstitutions: 40 }, 'commercialHrInstitutions', 'conflicts'],
    // Nor the sites of a multi-site park adding up to more than its total.
    [{ layout: 'multi', floorArea: 5000, coreFloorArea: 3000, branchCount: 1, branches: [{ floorArea: { min: 2001 } }] }, 'floorArea', 'conflicts'],
  ])('rejects %j naming %s', (facts, field, code) => {
    const problems = problemsOf('guangxi', facts);
    expect(problems.map((p) => [p.field, p.code])).toEqual([[field, code]]);
    expect(problems[0]?.message).toContain(field);
  });

  it('names a contradiction through a chain by the answers given', () => {
    const [problem] = problemsOf('guangxi', { commercialHrInstitutions: 50, parkInstitutions: 40 });
    expect(problem?.message).toMatch(/^commercialHrInstitutions: contradicts parkInstitutions/);
    const [list] = problemsOf('mudanjiang', { institutionsRevenueOver3M: 1, institutionRevenues: [{ revenue: 4_000_000 }, { revenue: { min: 3_500_000 } }] });
    expect([list?.field, list?.code]).toEqual(['institutionsRevenueOver3M', 'conflicts']);
    expect(list?.message).toContain('institutionRevenues');
  });

  it('says why in the user language', () => {
    try {
      evaluate('shandong', { floorArea: { min: 5, max: 2 } }, { lang: 'zh-CN', date: DATE });
      expect.unreachable();
    } catch (error) {
      expect((error as AssessmentInputError).problems[0]?.message).toBe('floorArea：下限（min）不能大于上限（max）（收到 {"min":5,"max":2}）。');
    }
  });

  it('the CLI exits 2 naming the fact', () => {
    let stderr = '';
    const write = (s: string) => ((stderr += s), true);
    const path = join(mkdtempSync(join(tmpdir(), 'park-advisor-bounds-')), 'facts.json');
    writeFileSync(path, '{"floorArea":{"min":12999,"max":12001}}');
    const code = main(['--jurisdiction', 'shandong', '--facts', path, '--lang', 'en'], { write: () => true } as never, { write } as never);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^floorArea: the lower bound \(min\) cannot be larger than the upper bound \(max\)/);
  });

  it('the API answers 400 naming the fact, and documents the shape', async () => {
    const store = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(store, () => DATE), store });
    const bad = await request(app).post('/api/assess').send({ jurisdiction: 'jilin', facts: { hrInstitutions: { min: 40, max: 30 } }, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_facts');
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'hrInstitutions' })]);
    const ok = await request(app).post('/api/assess').send({ jurisdiction: 'shandong', facts: { layout: 'single', floorArea: { min: 12001, max: 12999 } }, lang: 'en' });
    expect(ok.status).toBe(200);
    expect(ok.body.criteria.find((c: { id: string }) => c.id === 'shandong.floor-area').status).toBe('met');
    const doc = (await request(app).get('/api/openapi.json')).body;
    const floorArea = JSON.stringify(doc.components.schemas.Facts.properties.floorArea);
    expect(floorArea).toContain('"min"');
    expect(floorArea).toContain('"max"');
    expect(JSON.stringify(doc.components.schemas.AssessmentResult)).toContain('settle');
  });
});

describe('interval checks at the limits', () => {
  const floor = (value: number | Bounds) => criterion(assess('shandong', { layout: 'single', floorArea: value }), 'shandong.floor-area');

  it('不少于 1 万平方米: met when the least value reaches it, unmet when the greatest falls short, else asks', () => {
    expect(floor({ min: 10_000 }).status).toBe('met');
    expect(floor({ min: 10_000, max: 10_000 }).status).toBe('met');
    expect(floor({ max: 9_999 }).status).toBe('unmet');
    expect(floor({ min: 9_000, max: 9_999 }).status).toBe('unmet');
    const straddling = floor({ min: 9_999, max: 10_000 });
    expect(straddling.status).toBe('unknown');
    expect(straddling.settle).toMatchObject({ fact: 'floorArea', op: 'gte', value: 10_000 });
    expect(straddling.explanation).toContain('您的回答为 9,999–10,000 平方米');
    expect(straddling.explanation).toContain('是否不少于 10,000 平方米？');
  });

  it('a range people say as "X多" is shown so, with the exact range after it', () => {
    const count = criterion(assess('shandong', { commercialHrInstitutions: { min: 11, max: 19 } }), 'shandong.commercial-institutions');
    expect(count.explanation).toContain('您的回答为 10 多家（11–19 家）');
    const money = criterion(assess('shandong', { annualRevenue: { min: 300_000_001, max: 399_999_999 } }), 'shandong.annual-revenue');
    expect(money.explanation).toContain('您的回答为 3 亿多元（300,000,001 元–399,999,999 元）');
    const en = criterion(assess('shandong', { layout: 'single', floorArea: { min: 8_001, max: 8_999 } }, 'en'), 'shandong.floor-area');
    expect(en.explanation).toContain('you answered over 8,000 m² (8,001–8,999 m²)');
  });

  it('channels list a bounded answer in the user units', () => {
    const zh = compiledTranslator('zh-CN', 'rules');
    const en = compiledTranslator('en', 'rules');
    expect(formatNumericAnswer({ min: 12_001, max: 12_999 }, FACT_UNITS.floorArea, 'zh-CN', zh)).toBe('12,000 多平方米（12,001–12,999 平方米）');
    expect(formatNumericAnswer({ min: 500_000_001 }, FACT_UNITS.annualRevenue, 'zh-CN', zh)).toBe('超过 5 亿元');
    expect(formatNumericAnswer({ min: 500_000_001 }, FACT_UNITS.annualRevenue, 'en', en)).toBe('more than CNY 500 million');
    expect(formatNumericAnswer({ max: 40 }, FACT_UNITS.hrInstitutions, 'en', en)).toBe('at most 40 institutions');
    expect(formatNumericAnswer(5, FACT_UNITS.hrInstitutions, 'zh-CN', zh)).toBe('5 家');
  });

  it('the gap of an unmet range runs from its most favourable value to its least, and the remedy names the limit', () => {
    const unmet = floor({ min: 5_001, max: 8_999 });
    expect(unmet.findings).toEqual([expect.objectContaining({ kind: 'threshold', actual: 8_999, bounded: true, range: expect.objectContaining({ min: 5_001, max: 8_999 }) })]);
    // Adding the least shortfall (1,001) would meet the limit only if the figure were at the top of the range.
    expect(unmet.explanation).toContain('还差 1,001–4,999 平方米（视确切数字而定）。将园区建筑面积提高到 10,000 平方米即可满足。');
    expect(unmet.explanation).not.toContain('增加');
    const en = criterion(assess('shandong', { layout: 'single', floorArea: { min: 5_001, max: 8_999 } }, 'en'), 'shandong.floor-area');
    expect(en.explanation).toContain('you answered 5,001–8,999 m²');
    expect(en.explanation).toContain('short by 1,001–4,999 m² (depending on the exact figure). Bringing it to 10,000 m² would meet it.');
    // Without a lower side (不到1万平方米), anything up to the whole limit may be missing: at least the least.
    expect(floor({ max: 9_999.99 }).explanation).toContain('还差至少 0.01 平方米（视确切数字而定）');
    // An exact answer keeps its one figure and its remedy.
    expect(floor(8_000).explanation).toContain('还差 2,000 平方米。将园区建筑面积增加 2,000 平方米即可满足。');
  });

  it('不超过 2 个分园区: 2 allowed, 3 not, 2–3 asks', () => {
    const count = (value: number | Bounds) => criterion(assess('guangxi', { layout: 'multi', branchCount: value }), 'guangxi.branch-count');
    expect(count({ max: 2 }).status).toBe('met');
    expect(count({ min: 3 }).status).toBe('unmet');
    expect(count({ min: 3 }).findings[0]).toMatchObject({ actual: 3, op: 'lte' });
    expect(count({ min: 2, max: 3 })).toMatchObject({ status: 'unknown', settle: { fact: 'branchCount', op: 'lte', value: 2 } });
    expect(count({ min: 2, max: 3 }).explanation).toContain('是否不超过 2 个？');
    // Over a range the excess runs from its bottom to its top, and the remedy names the limit.
    expect(count({ min: 3, max: 5 }).explanation).toContain('您的回答为 3–5 个，要求不超过 2 个，超出 1–3 个（视确切数字而定）。须减少到不超过 2 个。');
    expect(count({ min: 3 }).explanation).toContain('超出至少 1 个（视确切数字而定）。须减少到不超过 2 个。');
    expect(count(4).explanation).toContain('超出 2 个。须减少 2 个。');
  });

  it('a share short over ranges names the share to reach, not the least shortfall, as the remedy', () => {
    const occupancy = (lang: 'zh-CN' | 'en') =>
      criterion(assess('shandong', { layout: 'single', floorArea: 12_000, occupiedArea: { min: 5_000, max: 6_000 } }, lang), 'shandong.occupancy').explanation;
    expect(occupancy('zh-CN')).toContain('还差至少 1,200 平方米（视确切数字而定）。将入驻机构使用面积提高到占园区总面积的 60% 即可满足。');
    expect(occupancy('en')).toContain('short by at least 1,200 m² (depending on the exact figures). Raising it to 60% of the total area of the park would meet it.');
  });

  it('超过 300 万元 stays exclusive inside bounds', () => {
    const revenue = (value: number | Bounds) =>
      criterion(
        assess('mudanjiang', { annualRevenue: 1, institutionsRevenueOver5M: 0, institutionsNetServiceRevenueOver500K: 0, institutionRevenues: Array.from({ length: 5 }, () => ({ revenue: value })) }),
        'mudanjiang.revenue',
      );
    expect(revenue({ min: 3_000_001 }).status).toBe('met');
    expect(revenue({ max: 3_000_000 }).status).toBe('unmet');
    expect(revenue({ min: 2_000_000, max: 3_000_000 }).status).toBe('unmet');
    const open = revenue({ min: 3_000_000, max: 3_000_001 });
    expect(open.status).toBe('unknown');
    expect(open.settle).toMatchObject({ fact: 'institutionsRevenueOver3M', op: 'gte', value: 5 });
  });

  it('shares use interval arithmetic over both facts: 8,000 m² of 12,001–12,999 m² is met, of 12,001–14,000 m² it asks', () => {
    const occupancy = (floorArea: number | Bounds, occupiedArea: number | Bounds, lang: 'zh-CN' | 'en' = 'zh-CN') =>
      criterion(assess('shandong', { layout: 'single', floorArea, occupiedArea }, lang), 'shandong.occupancy');
    expect(occupancy({ min: 12_001, max: 12_999 }, 8_000).status).toBe('met');
    const open = occupancy({ min: 12_001, max: 14_000 }, 8_000);
    expect(open.status).toBe('unknown');
    // 8,000 m² is 60 % of 13,333.33 m²: the floor area must not exceed that.
    expect(open.settle).toMatchObject({ fact: 'floorArea', op: 'lte', value: 13_333.33 });
    expect(occupancy({ min: 12_001, max: 14_000 }, 8_000, 'en').explanation).toContain('you answered 12,001–14,000 m², which does not decide it. Is it at most 13,333.33 m²?');
    // The other way round: the floor area known, the occupied area a range — settle on the part it must reach.
    expect(occupancy(10_000, { min: 5_000, max: 7_000 }).settle).toMatchObject({ fact: 'occupiedArea', op: 'gte', value: 6_000 });
    // Both sides ranges: no single question.
    const both = occupancy({ min: 10_000, max: 11_000 }, { min: 5_000, max: 7_000 });
    expect(both.status).toBe('unknown');
    expect(both.settle).toBeUndefined();
    // Exactly at 60 %: the least part of the greatest whole still meets it.
    expect(occupancy({ min: 9_000, max: 10_000 }, { min: 6_000 }).status).toBe('met');
    // One hundredth of a m² short at the least favourable end is not enough to meet it.
    expect(occupancy({ min: 9_000, max: 10_000 }, { min: 5_999.99, max: 6_000 }).status).toBe('unknown');
    const unmet = occupancy({ min: 12_001, max: 12_999 }, { min: 5_000, max: 7_000 });
    expect(unmet.status).toBe('unmet');
    expect(unmet.findings[0]).toMatchObject({ kind: 'share', actualPart: 7_000, actualWhole: 12_001, bounded: true });
  });
});

describe('derived bounds', () => {
  it('30 commercial HR institutions mean at least 30 HR institutions: Guangxi 入驻人力资源服务机构不少于 30 家 is met', () => {
    const result = assess('guangxi', { layout: 'single', commercialHrInstitutions: 30 });
    expect(criterion(result, 'guangxi.institutions').status).toBe('met');
    expect(rangeOf({ commercialHrInstitutions: 30 }, 'hrInstitutions')).toEqual({ min: 30, max: Infinity });
  });

  it('says where a derived figure came from, and asks the one question left', () => {
    const zh = criterion(assess('guangxi', { layout: 'single', commercialHrInstitutions: 20, parkInstitutions: 40 }), 'guangxi.institutions');
    expect(zh.status).toBe('unknown');
    expect(zh.settle).toMatchObject({ fact: 'hrInstitutions', op: 'gte', value: 30, known: { min: 20, max: 40, derived: true } });
    expect(zh.explanation).toContain('由经营性人力资源服务机构数量');
    expect(zh.explanation).toContain('20–40 家');
    expect(zh.explanation).toContain('是否不少于 30 家？');
    const en = criterion(assess('guangxi', { layout: 'single', commercialHrInstitutions: 20, parkInstitutions: 40 }, 'en'), 'guangxi.institutions');
    expect(en.explanation).toContain('derived from commercial HR service institutions');
    expect(en.explanation).toContain('Is it at least 30 institutions?');
  });

  it('an upper bound derived from the whole can leave a condition unmet', () => {
    const unmet = criterion(assess('guangxi', { layout: 'single', parkInstitutions: 25 }, 'en'), 'guangxi.institutions');
    expect(unmet.status).toBe('unmet');
    expect(unmet.findings[0]).toMatchObject({ kind: 'threshold', actual: 25, derived: true, from: ['parkInstitutions'] });
    expect(unmet.explanation).toContain('derived from total resident institutions and enterprises: at most 25 institutions');
  });

  it('the 超过 chain: 5 institutions above CNY 60 million are 5 above 30 million, 5 million and 3 million', () => {
    expect(criterion(assess('wenzhou', { institutionsRevenueOver60M: 5 }), 'wenzhou.leading-institutions').status).toBe('met');
    expect(rangeOf({ institutionsRevenueOver60M: 5 }, 'institutionsRevenueOver3M')).toEqual({ min: 5, max: Infinity });
    expect(criterion(assess('mudanjiang', { institutionsRevenueOver60M: 5 }), 'mudanjiang.revenue').status).toBe('met');
  });

  it('the sites of a multi-site park add up to at most its total', () => {
    const facts: Facts = { layout: 'multi', floorArea: 8_500, coreFloorArea: 4_000, branchCount: 2, branches: [{ floorArea: 2_500 }, {}] };
    // The second branch has at most 8,500 − 4,000 − 2,500 = 2,000 m².
    expect(rangeOf(facts, 'floorArea')).toEqual({ min: 8_500, max: 8_500 });
    const branch = criterion(
      assess('guangxi', { ...facts, branches: [{ floorArea: 2_500, hrInstitutions: 12, occupiedArea: 1_500 }, { hrInstitutions: 11, occupiedArea: 900 }] }),
      'guangxi.branch-agglomeration',
    );
    // 900 m² of at most 2,000 m² is at least 45 %: not decided; of at most 1,700 m² it would be met.
    expect(branch.status).toBe('unknown');
    expect(branch.settle).toMatchObject({ fact: 'floorArea', op: 'lte', value: 1_800, scope: { site: 'branch', index: 1 } });
    const met = criterion(
      assess('guangxi', { ...facts, floorArea: 8_200, branches: [{ floorArea: 2_500, hrInstitutions: 12, occupiedArea: 1_500 }, { hrInstitutions: 11, occupiedArea: 900 }] }),
      'guangxi.branch-agglomeration',
    );
    expect(met.status).toBe('met');
  });

  it('a list of institutions with some revenues unknown still bounds the counts', () => {
    const list = [...Array.from({ length: 5 }, () => ({ revenue: 40_000_000 })), {}];
    expect(rangeOf({ institutionRevenues: list }, 'institutionsRevenueOver30M')).toEqual({ min: 5, max: 6 });
    expect(criterion(assess('wenzhou', { institutionRevenues: list }), 'wenzhou.leading-institutions').status).toBe('met');
  });
});

// ── property: the bounded verdict never contradicts the exact one ─────────────────────────────────────────────

const NUMERIC = new Set<FactName>(FACT_NAMES.filter((f) => ['area', 'money', 'count'].includes(FACT_UNITS[f].kind)));
const isCount = (fact: string) => FACT_UNITS[fact as FactName]?.kind === 'count';

/** Thresholds of a jurisdiction's criteria by fact, so that random values often sit at a limit. */
function limitsByFact(id: JurisdictionId): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const def = JURISDICTIONS.find((d) => d.id === id);
  for (const c of def?.criteria ?? []) {
    for (const limit of c.check.limits ?? []) {
      if (limit.kind !== 'threshold') continue;
      out.set(limit.fact, [...(out.get(limit.fact) ?? []), limit.value - 1, limit.value, limit.value + 1]);
    }
  }
  return out;
}

/** Raises wholes until every part fits: the exact facts must satisfy the relations the schema enforces. */
function consistent(facts: Record<string, unknown>): Facts {
  const num = (k: string) => facts[k] as number | undefined;
  for (let pass = 0; pass < 6; pass++) {
    for (const [part, whole] of PART_OF_WHOLE) {
      const p = num(part);
      const w = num(whole);
      if (p !== undefined && w !== undefined && p > w) facts[whole] = p;
    }
    const branches = (facts.branches as Record<string, number | undefined>[] | undefined) ?? [];
    for (const b of branches) if (b.occupiedArea !== undefined && b.floorArea !== undefined && b.occupiedArea > b.floorArea) b.floorArea = b.occupiedArea;
    for (const [total, core, field] of [
      ['floorArea', 'coreFloorArea', 'floorArea'],
      ['occupiedArea', 'coreOccupiedArea', 'occupiedArea'],
      ['hrInstitutions', 'coreHrInstitutions', 'hrInstitutions'],
    ] as const) {
      const sum = (num(core) ?? 0) + branches.reduce((s, b) => s + (b[field] ?? 0), 0);
      if (num(total) !== undefined && sum > (num(total) as number)) facts[total] = sum;
    }
  }
  return facts as Facts;
}

const valueArb = (orig: number, limits: readonly number[], count: boolean) =>
  fc.oneof(
    fc.constant(orig),
    fc.constantFrom(...(limits.length > 0 ? limits : [orig])).map((v) => Math.max(0, v)),
    count ? fc.integer({ min: 0, max: Math.max(1, orig * 2) }) : fc.integer({ min: 0, max: Math.max(1, Math.round(orig * 2)) }),
  );

/** How a figure becomes less precise: kept, bounds around it (either side optional), or left out. */
const blurArb = fc.record({
  keep: fc.constantFrom('exact', 'bounds', 'bounds', 'absent'),
  below: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  above: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});
type Blur = { keep: string; below: number | undefined; above: number | undefined };

function blur(value: number, how: Blur, count: boolean): number | Bounds | undefined {
  if (how.keep === 'absent') return undefined;
  if (how.keep === 'exact' || (how.below === undefined && how.above === undefined)) return value;
  const span = Math.max(2, value * 0.5);
  const round = count ? (n: number) => Math.round(n) : (n: number) => Math.round(n * 100) / 100;
  const out: Bounds = {};
  if (how.below !== undefined) out.min = Math.min(value, Math.max(0, round(value - how.below * span)));
  if (how.above !== undefined) out.max = Math.max(value, round(value + how.above * span));
  return out;
}

const DECIDED = new Set(['met', 'unmet', 'not_applicable']);

for (const def of JURISDICTIONS) {
  for (const [name, profile] of Object.entries(profiles[def.id])) {
    it(`${def.id} (${name}): every criterion decided on bounds is decided the same on the exact figures`, () => {
      const limits = limitsByFact(def.id);
      const facts = [...new Set([...Object.keys(profile), ...def.criteria.flatMap((c) => c.facts)])].filter((f): f is FactName =>
        NUMERIC.has(f as FactName),
      );
      const branchCount = profile.branches?.length ?? 0;
      const arb = fc.record({
        values: fc.tuple(...facts.map((f) => valueArb((profile[f] as number | undefined) ?? (limits.get(f)?.[1] ?? 10), limits.get(f) ?? [], isCount(f)))),
        blurs: fc.array(blurArb, { minLength: facts.length, maxLength: facts.length }),
        branchBlurs: fc.array(blurArb, { minLength: branchCount * 3, maxLength: branchCount * 3 }),
      });
      fc.assert(
        fc.property(arb, ({ values, blurs, branchBlurs }) => {
          const exact = consistent({ ...structuredClone(profile), ...Object.fromEntries(facts.map((f, i) => [f, values[i]])) });
          if (!FactsSchema.safeParse(exact).success) return fc.pre(false);
          const bounded: Record<string, unknown> = { ...exact };
          facts.forEach((f, i) => {
            const v = exact[f] as number | undefined;
            if (v !== undefined) bounded[f] = blur(v, blurs[i] as Blur, isCount(f));
          });
          if (exact.branches) {
            bounded.branches = exact.branches.map((b, i) =>
              Object.fromEntries(
                (['floorArea', 'hrInstitutions', 'occupiedArea'] as const).map((field, j) => [
                  field,
                  b[field] === undefined ? undefined : blur(b[field] as number, branchBlurs[i * 3 + j] as Blur, field === 'hrInstitutions'),
                ]),
              ),
            );
          }
          const precise = evaluate(def.id, exact, { date: DATE });
          const vague = evaluate(def.id, bounded, { date: DATE });
          for (const c of vague.criteria) {
            if (DECIDED.has(c.status)) expect([c.id, criterion(precise, c.id).status]).toEqual([c.id, c.status]);
          }
          if (vague.verdict !== 'incomplete') expect(precise.verdict).toBe(vague.verdict);
        }),
        { numRuns: 150 },
      );
    });
  }
}

it('institution lists: counts derived from revenue bounds agree with the exact revenues', () => {
  const revenue = fc.constantFrom(500_000, 3_000_000, 3_000_001, 5_000_000, 5_000_001, 30_000_000, 30_000_001, 60_000_000, 60_000_001, 80_000_000);
  fc.assert(
    fc.property(fc.array(fc.record({ revenue, net: revenue, how: blurArb, netHow: blurArb }), { maxLength: 8 }), (items) => {
      const exact = { institutionRevenues: items.map((i) => ({ revenue: i.revenue, netServiceRevenue: Math.min(i.net, i.revenue) })) };
      const bounded = {
        institutionRevenues: items.map((i) => ({
          revenue: blur(i.revenue, i.how, false),
          netServiceRevenue: blur(Math.min(i.net, i.revenue), i.netHow, false),
        })),
      };
      for (const id of ['mudanjiang', 'wenzhou'] as const) {
        const precise = evaluate(id, exact, { date: DATE });
        const vague = evaluate(id, bounded, { date: DATE });
        for (const c of vague.criteria) if (DECIDED.has(c.status)) expect([c.id, criterion(precise, c.id).status]).toEqual([c.id, c.status]);
      }
    }),
    { numRuns: 200 },
  );
});
