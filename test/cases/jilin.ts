/** Edge cases of 吉林省省级人力资源服务产业园管理暂行办法 (see test/support/edges.ts). */
import type { EdgeCase } from '../support/edges.js';

export const cases: EdgeCase[] = [
  // 第十五条 自发布之日起施行: published 2022-11-21.
  { criterion: 'jilin.in-force', fact: 'date', at: { date: '2022-11-21' }, beyond: { date: '2022-11-20' } },
  // 第五条（二）综合性园区建筑面积不低于4000平方米: 4,000 m² meets it, 3,999 m² does not.
  { criterion: 'jilin.floor-area-comprehensive', fact: 'floorArea', at: 4_000, beyond: 3_999 },
  // 第五条（二）专业性园区建筑面积不低于2000平方米.
  { criterion: 'jilin.floor-area-specialized', fact: 'floorArea', profile: 'specialized', at: 2_000, beyond: 1_999 },
  // 第五条（二）设立多个园区的，总建筑面积不少于10000平方米 (the core park's 8,000 m² stays within the total).
  { criterion: 'jilin.total-area', fact: 'floorArea', profile: 'multi', at: 10_000, beyond: 9_999 },
  // 第五条（二）分园区原则上不超过3个: three branch parks are allowed, four are not.
  { criterion: 'jilin.branch-count', fact: 'branchCount', profile: 'multi', at: 3, beyond: 4 },
  // 第五条（三）经营性人力资源服务机构原则上不少于15家.
  { criterion: 'jilin.commercial-institutions', fact: 'commercialHrInstitutions', at: 15, beyond: 14 },
  // 第五条（三）占入园企业不少于50%: of 40 resident enterprises, 20 meet it, 19 do not.
  { criterion: 'jilin.local-headquarters', fact: 'localHqInstitutions', given: { parkInstitutions: 40 }, at: 20, beyond: 19 },
  {
    criterion: 'jilin.local-headquarters',
    fact: 'localHqInstitutions',
    note: 'an odd whole: 50% of 41 is 20.5, so 21 institutions are needed and 20 fall short',
    given: { parkInstitutions: 41 },
    at: 21,
    beyond: 20,
  },
  // 第五条（六）配备专业化运营团队或专职工作人员: without a team, one full-time staff member is enough, none is not.
  { criterion: 'jilin.operating-team', fact: 'fullTimeStaff', given: { hasOperatingTeam: false }, at: 1, beyond: 0 },
  // 第六条（四）间隔3个月后可再次申报: refused 2026-01-15, the interval ends with 2026-04-15.
  {
    criterion: 'jilin.reapply-wait',
    fact: 'previousOutcomeDate',
    given: { previousOutcome: 'rejected', previousOutcomeDate: '2026-01-15' },
    at: { date: '2026-04-16' },
    beyond: { date: '2026-04-15' },
  },
  {
    criterion: 'jilin.reapply-wait',
    fact: 'previousOutcomeDate',
    note: 'a month end: refused 2025-11-30, the interval ends with 2026-02-28 (February has no 30th)',
    given: { previousOutcome: 'rejected', previousOutcomeDate: '2025-11-30' },
    at: { date: '2026-03-01' },
    beyond: { date: '2026-02-28' },
  },
];
