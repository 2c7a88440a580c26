/** Edge cases of 牡丹江市市级人力资源服务产业园认定管理办法（征求意见稿） (see test/support/edges.ts). */
import type { InstitutionRevenue } from '../../src/rules/facts.js';
import type { EdgeCase } from '../support/edges.js';

/** `n` institutions with the same figures. */
const institutions = (n: number, figures: InstitutionRevenue): InstitutionRevenue[] =>
  Array.from({ length: n }, () => ({ ...figures }));

/** 第六条（四）: every revenue alternative but the one under test fails, so that the edge decides. */
const belowRevenue = { annualRevenue: 29_999_999 };
const belowCounts = { institutionsRevenueOver3M: 4, institutionsRevenueOver5M: 2, institutionsNetServiceRevenueOver500K: 4 };

export const cases: EdgeCase[] = [
  // 第十六条 本办法自2026年1月1日起实施.
  { criterion: 'mudanjiang.in-force', fact: 'date', at: { date: '2026-01-01' }, beyond: { date: '2025-12-31' } },
  // 第六条（三）达到3000平方米（含）以上: 3,000 m² meets it, 2,999 m² does not — whatever the layout.
  { criterion: 'mudanjiang.floor-area', fact: 'floorArea', at: 3_000, beyond: 2_999 },
  {
    criterion: 'mudanjiang.floor-area',
    fact: 'floorArea',
    note: 'layout unknown: under 3,000 m² fails either way',
    given: { layout: undefined },
    at: 3_000,
    beyond: 2_999,
  },
  { criterion: 'mudanjiang.core-area', fact: 'coreFloorArea', profile: 'multi', at: 2_000, beyond: 1_999 },
  { criterion: 'mudanjiang.total-area', fact: 'floorArea', profile: 'multi', at: 5_000, beyond: 4_999 },
  // 分园区原则上不超过3个: 3 is allowed, 4 is not.
  { criterion: 'mudanjiang.branch-count', fact: 'branchCount', profile: 'multi', at: 3, beyond: 4 },
  { criterion: 'mudanjiang.hr-institutions', fact: 'hrInstitutions', at: 10, beyond: 9 },
  // 第六条（四）the four revenue alternatives, each with the other three failing.
  {
    criterion: 'mudanjiang.revenue',
    fact: 'annualRevenue',
    note: '达3000万元以上',
    given: belowCounts,
    at: 30_000_000,
    beyond: 29_999_999,
  },
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsRevenueOver3M',
    note: '超过300万元的机构不少于5家',
    given: { ...belowRevenue, institutionsRevenueOver5M: 2, institutionsNetServiceRevenueOver500K: 4 },
    at: 5,
    beyond: 4,
  },
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsRevenueOver5M',
    note: '超过500万元的机构不少于3家',
    given: { ...belowRevenue, institutionsRevenueOver3M: 4, institutionsNetServiceRevenueOver500K: 4 },
    at: 3,
    beyond: 2,
  },
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsNetServiceRevenueOver500K',
    note: '净服务收入超过50万元的机构不少于5家',
    given: { ...belowRevenue, institutionsRevenueOver3M: 4, institutionsRevenueOver5M: 2 },
    at: 5,
    beyond: 4,
  },
  // 超过 excludes the number: the counts derived from each institution's revenue (count facts absent).
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsRevenueOver3M',
    note: '超过300万元: five institutions at exactly CNY 3,000,000 do not count, at 3,000,001 they do',
    given: belowRevenue,
    at: { facts: { institutionRevenues: institutions(5, { revenue: 3_000_001, netServiceRevenue: 400_000 }) } },
    beyond: { facts: { institutionRevenues: institutions(5, { revenue: 3_000_000, netServiceRevenue: 400_000 }) } },
  },
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsRevenueOver3M',
    note: 'a mixed register: four well above, the fifth exactly at CNY 3,000,000',
    given: belowRevenue,
    at: {
      facts: {
        institutionRevenues: [
          ...institutions(4, { revenue: 4_200_000, netServiceRevenue: 450_000 }),
          { revenue: 3_000_001, netServiceRevenue: 300_000 },
          ...institutions(6, { revenue: 800_000, netServiceRevenue: 120_000 }),
        ],
      },
    },
    beyond: {
      facts: {
        institutionRevenues: [
          ...institutions(4, { revenue: 4_200_000, netServiceRevenue: 450_000 }),
          { revenue: 3_000_000, netServiceRevenue: 300_000 },
          ...institutions(6, { revenue: 800_000, netServiceRevenue: 120_000 }),
        ],
      },
    },
  },
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsRevenueOver5M',
    note: '超过500万元: three institutions at exactly CNY 5,000,000 do not count, at 5,000,001 they do',
    given: belowRevenue,
    at: { facts: { institutionRevenues: institutions(3, { revenue: 5_000_001, netServiceRevenue: 400_000 }) } },
    beyond: { facts: { institutionRevenues: institutions(3, { revenue: 5_000_000, netServiceRevenue: 400_000 }) } },
  },
  {
    criterion: 'mudanjiang.revenue',
    fact: 'institutionsNetServiceRevenueOver500K',
    note: '净服务收入超过50万元: five institutions at exactly CNY 500,000 do not count, at 500,001 they do',
    given: belowRevenue,
    at: { facts: { institutionRevenues: institutions(5, { revenue: 2_000_000, netServiceRevenue: 500_001 }) } },
    beyond: { facts: { institutionRevenues: institutions(5, { revenue: 2_000_000, netServiceRevenue: 500_000 }) } },
  },
];
