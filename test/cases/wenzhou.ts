/** Edge cases of 温州市市级人力资源服务产业园建设和评估办法（试行） (see test/support/edges.ts). */
import type { EdgeCase } from '../support/edges.js';

/** `n` institutions, each with `revenue` yuan last year. */
const revenues = (n: number, revenue: number) => Array.from({ length: n }, () => ({ revenue }));

/** Leaves the 超过 counts unknown, so that they are derived from `institutionRevenues`. */
const noCounts = { institutionsRevenueOver30M: undefined, institutionsRevenueOver60M: undefined };

export const cases: EdgeCase[] = [
  // 第十六条 本办法自 2022 年 2 月 1 日起施行.
  { criterion: 'wenzhou.in-force', fact: 'date', at: { date: '2022-02-01' }, beyond: { date: '2022-01-31' } },

  // 第九条（一）设立单一园区的：综合性 不低于 5000 平方米, 专业性 不低于 3000 平方米.
  { criterion: 'wenzhou.comprehensive-floor-area', fact: 'floorArea', at: 5_000, beyond: 4_999 },
  { criterion: 'wenzhou.specialized-floor-area', fact: 'floorArea', profile: 'specialized', at: 3_000, beyond: 2_999 },
  // 设立多个园区的，总建筑面积不少于 10000 平方米；分园区原则上不超过 3 个 (3 allowed, 4 not).
  { criterion: 'wenzhou.multi-floor-area', fact: 'floorArea', profile: 'multi', at: 10_000, beyond: 9_999 },
  { criterion: 'wenzhou.branch-count', fact: 'branchCount', profile: 'multi', at: 3, beyond: 4 },

  // 第九条（二）营业收入达 5 亿元以上.
  { criterion: 'wenzhou.annual-revenue', fact: 'annualRevenue', at: 500_000_000, beyond: 499_999_999 },
  // 超过 3000 万元的机构不少于 5 家, the other alternative (超过 6000 万元 ≥ 2) failing.
  {
    criterion: 'wenzhou.leading-institutions',
    fact: 'institutionsRevenueOver30M',
    given: { institutionsRevenueOver60M: 1 },
    at: 5,
    beyond: 4,
  },
  // 或超过 6000 万元的机构不少于 2 家, the other alternative (超过 3000 万元 ≥ 5) failing.
  {
    criterion: 'wenzhou.leading-institutions',
    fact: 'institutionsRevenueOver60M',
    given: { institutionsRevenueOver30M: 4 },
    at: 2,
    beyond: 1,
  },
  // 超过 excludes the figure: counts derived from each institution's revenue.
  {
    criterion: 'wenzhou.leading-institutions',
    fact: 'institutionsRevenueOver30M',
    note: '超过 3000 万元: five institutions at exactly CNY 30,000,000 do not count; at 30,000,001 they do',
    given: noCounts,
    at: { facts: { institutionRevenues: revenues(5, 30_000_001) } },
    beyond: { facts: { institutionRevenues: revenues(5, 30_000_000) } },
  },
  {
    criterion: 'wenzhou.leading-institutions',
    fact: 'institutionsRevenueOver60M',
    note: '超过 6000 万元: two institutions at exactly CNY 60,000,000 do not count; at 60,000,001 they do',
    given: noCounts,
    at: { facts: { institutionRevenues: revenues(2, 60_000_001) } },
    beyond: { facts: { institutionRevenues: revenues(2, 60_000_000) } },
  },
  {
    criterion: 'wenzhou.leading-institutions',
    fact: 'institutionsRevenueOver30M',
    note: 'derived: five above CNY 30 million meet it, four above and one at exactly 30 million do not',
    given: noCounts,
    at: { facts: { institutionRevenues: [...revenues(5, 45_000_000), ...revenues(10, 2_000_000)] } },
    beyond: { facts: { institutionRevenues: [...revenues(4, 45_000_000), { revenue: 30_000_000 }, ...revenues(10, 2_000_000)] } },
  },

  // 第九条（三）综合性园区：人力资源服务机构不少于 20 家；集中度原则上不低于入园机构数的 70% (70 of 100).
  { criterion: 'wenzhou.comprehensive-hr-institutions', fact: 'hrInstitutions', at: 20, beyond: 19 },
  {
    criterion: 'wenzhou.comprehensive-concentration',
    fact: 'hrInstitutions',
    given: { parkInstitutions: 100 },
    at: 70,
    beyond: 69,
  },
  // 专业性园区：人力资源服务机构不少于 15 家；专业性机构不低于入园机构数的 50% (20 of 40).
  {
    criterion: 'wenzhou.specialized-hr-institutions',
    fact: 'hrInstitutions',
    profile: 'specialized',
    given: { specialtyHrInstitutions: 10 },
    at: 15,
    beyond: 14,
  },
  {
    criterion: 'wenzhou.specialized-concentration',
    fact: 'specialtyHrInstitutions',
    profile: 'specialized',
    given: { parkInstitutions: 40 },
    at: 20,
    beyond: 19,
  },

  // 第九条（四）专职工作人员不少于 3 人.
  { criterion: 'wenzhou.staff', fact: 'fullTimeStaff', at: 3, beyond: 2 },

  // 第九条（六）不少于 2 个劳务联络站；3 家以上小微企业园 (3 included).
  { criterion: 'wenzhou.labor-liaison-stations', fact: 'laborLiaisonStations', at: 2, beyond: 1 },
  { criterion: 'wenzhou.small-business-parks', fact: 'smallBusinessParkPartnerships', at: 3, beyond: 2 },

  // 第九条（七）营业收入占园区总营业收入的 50%以上 (CNY 300 million of 600 million); 2 家以上院校.
  {
    criterion: 'wenzhou.specialty-revenue-share',
    fact: 'specialtyServiceRevenue',
    profile: 'specialized',
    given: { annualRevenue: 600_000_000 },
    at: 300_000_000,
    beyond: 299_999_999,
  },
  { criterion: 'wenzhou.college-partnerships', fact: 'collegePartnerships', profile: 'specialized', at: 2, beyond: 1 },
];
