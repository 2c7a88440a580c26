/** Edge cases of 山东省省级人力资源服务产业园管理暂行办法 (see test/support/edges.ts). */
import type { EdgeCase } from '../support/edges.js';

export const cases: EdgeCase[] = [
  { criterion: 'shandong.in-force', fact: 'date', at: { date: '2021-02-05' }, beyond: { date: '2021-02-04' } },
  // 第十二条（二）不少于1万平方米: 10,000 m² meets it, 9,999 m² does not.
  { criterion: 'shandong.floor-area', fact: 'floorArea', given: { occupiedArea: 6000 }, at: 10_000, beyond: 9_999 },
  { criterion: 'shandong.core-area', fact: 'coreFloorArea', profile: 'multi', given: { coreOccupiedArea: 5000 }, at: 8_000, beyond: 7_999 },
  { criterion: 'shandong.total-area', fact: 'floorArea', profile: 'multi', at: 15_000, beyond: 14_999 },
  { criterion: 'shandong.commercial-institutions', fact: 'commercialHrInstitutions', at: 20, beyond: 19 },
  // 第十二条（三）60%以上 of 10,000 m²: 6,000 m² meets it, 5,999 m² does not.
  { criterion: 'shandong.occupancy', fact: 'occupiedArea', given: { floorArea: 10_000 }, at: 6_000, beyond: 5_999 },
  {
    criterion: 'shandong.occupancy',
    fact: 'occupiedArea',
    note: 'a decimal area: 60% of 10,000.5 m² is 6,000.3 m²; 0.01 m² less falls short',
    given: { floorArea: 10_000.5 },
    at: 6_000.3,
    beyond: 6_000.29,
  },
  { criterion: 'shandong.annual-revenue', fact: 'annualRevenue', at: 500_000_000, beyond: 499_999_999 },
  { criterion: 'shandong.staff', fact: 'fullTimeStaff', at: 1, beyond: 0 },
  // 第二十二条 三年内: revoked 2024-01-10, the bar's last day is 2027-01-10.
  {
    criterion: 'shandong.revocation-bar',
    fact: 'previousOutcomeDate',
    given: { previousOutcome: 'revoked', previousOutcomeDate: '2024-01-10' },
    at: { date: '2027-01-11' },
    beyond: { date: '2027-01-10' },
  },
];
