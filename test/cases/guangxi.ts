/** Edge cases of 自治区级人力资源服务产业园管理暂行办法 (桂人社规〔2021〕1号; see test/support/edges.ts). */
import type { Branch } from '../../src/rules/facts.js';
import type { EdgeCase } from '../support/edges.js';

/** The multi profile's second branch, left as it is where a case varies the first. */
const SECOND: Branch = { floorArea: 2000, hrInstitutions: 11, occupiedArea: 1200 };
/** A first branch of round figures: 2,000 m², 50% of it is 1,000 m². */
const first = (b: Branch): Branch => ({ floorArea: 2000, hrInstitutions: 12, occupiedArea: 1200, ...b });

export const cases: EdgeCase[] = [
  // 第十六条 本办法自印发之日起施行: issued 2021-01-27.
  { criterion: 'guangxi.in-force', fact: 'date', at: { date: '2021-01-27' }, beyond: { date: '2021-01-26' } },
  // 第五条（三）不少于5000平方米(含): 5,000 m² meets it, 4,999 m² does not.
  { criterion: 'guangxi.floor-area', fact: 'floorArea', given: { occupiedArea: 3000 }, at: 5_000, beyond: 4_999 },
  { criterion: 'guangxi.core-area', fact: 'coreFloorArea', profile: 'multi', given: { coreOccupiedArea: 1500 }, at: 3_000, beyond: 2_999 },
  {
    criterion: 'guangxi.total-area',
    fact: 'floorArea',
    profile: 'multi',
    note: 'sites kept summing to the total: core 3,500 + 2,500 + 2,000 (then 1,999) m²',
    given: { coreFloorArea: 3500, coreOccupiedArea: 2000, occupiedArea: 4700 },
    at: { facts: { floorArea: 8_000 } },
    beyond: { facts: { floorArea: 7_999, branches: [{ floorArea: 2500, hrInstitutions: 12, occupiedArea: 1500 }, { ...SECOND, floorArea: 1999 }] } },
  },
  // 第五条（三）分园区原则不超过2个: two branches are within it, a third is over (branches follow branchCount).
  {
    criterion: 'guangxi.branch-count',
    fact: 'branchCount',
    profile: 'multi',
    note: 'a third branch adds its own figures to the totals (sites add up to at most the total)',
    at: { facts: { branchCount: 2 } },
    beyond: {
      facts: {
        branchCount: 3,
        branches: [first({}), SECOND, { floorArea: 1000, hrInstitutions: 10, occupiedArea: 500 }],
        floorArea: 9_000,
        occupiedArea: 5_400,
        hrInstitutions: 57,
      },
    },
  },
  // 第五条（四）不少于30家.
  { criterion: 'guangxi.institutions', fact: 'hrInstitutions', given: { parkInstitutions: 40 }, at: 30, beyond: 29 },
  // 第五条（四）60%以上 of 10,000 m²: 6,000 m² meets it, 5,999 m² does not.
  { criterion: 'guangxi.occupancy', fact: 'occupiedArea', given: { floorArea: 10_000 }, at: 6_000, beyond: 5_999 },
  {
    criterion: 'guangxi.occupancy',
    fact: 'occupiedArea',
    note: 'a decimal area: 60% of 5,000.5 m² is 3,000.3 m²; 0.01 m² less falls short',
    given: { floorArea: 5_000.5 },
    at: 3_000.3,
    beyond: 3_000.29,
  },
  { criterion: 'guangxi.core-institutions', fact: 'coreHrInstitutions', profile: 'multi', at: 20, beyond: 19 },
  // 第五条（四）核心区园区 50%以上 of 4,000 m²: 2,000 m² meets it, 1,999 m² does not.
  { criterion: 'guangxi.core-occupancy', fact: 'coreOccupiedArea', profile: 'multi', given: { coreFloorArea: 4_000 }, at: 2_000, beyond: 1_999 },
  // 第五条（四）each branch park on its own figures.
  {
    criterion: 'guangxi.branch-agglomeration',
    fact: 'hrInstitutions',
    profile: 'multi',
    note: 'the first branch: 10 institutions meet it, 9 do not',
    at: { facts: { branches: [first({ hrInstitutions: 10 }), SECOND] } },
    beyond: { facts: { branches: [first({ hrInstitutions: 9 }), SECOND] } },
  },
  {
    criterion: 'guangxi.branch-agglomeration',
    fact: 'hrInstitutions',
    profile: 'multi',
    note: 'the second branch falls short while the first has plenty: no compensation between branches',
    given: { hrInstitutions: 64, parkInstitutions: 70 },
    at: { facts: { branches: [first({ hrInstitutions: 30 }), { ...SECOND, hrInstitutions: 10 }] } },
    beyond: { facts: { branches: [first({ hrInstitutions: 30 }), { ...SECOND, hrInstitutions: 9 }] } },
  },
  {
    criterion: 'guangxi.branch-agglomeration',
    fact: 'occupiedArea',
    profile: 'multi',
    note: 'the first branch: 50% of 2,000 m² is 1,000 m²; 999 m² falls short',
    at: { facts: { branches: [first({ occupiedArea: 1000 }), SECOND] } },
    beyond: { facts: { branches: [first({ occupiedArea: 999 }), SECOND] } },
  },
  // 第五条（四）不低于5亿元.
  { criterion: 'guangxi.annual-revenue', fact: 'annualRevenue', at: 500_000_000, beyond: 499_999_999 },
  {
    criterion: 'guangxi.annual-revenue',
    fact: 'annualRevenue',
    profile: 'multi',
    note: 'the whole multi-site park, all sites together',
    at: 500_000_000,
    beyond: 499_999_999,
  },
  // 第五条（六）配备专职工作人员: at least one.
  { criterion: 'guangxi.staff', fact: 'fullTimeStaff', at: 1, beyond: 0 },
];
