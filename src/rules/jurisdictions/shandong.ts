/**
 * 山东省省级人力资源服务产业园管理暂行办法 (山东省人力资源和社会保障厅, 2021-02-05).
 * Source: regulations/shandong-provincial.txt. Conditions: 第十二条 (一)–(六), all "原则上"; location: 第四条
 * ("一般", advisory); materials and procedure: 第十三条; revocation bar: 第二十二条.
 */
import {
  allOf,
  atLeast,
  includesAll,
  inForceFrom,
  isTrue,
  onlyWhen,
  oneOf,
  shareAtLeast,
  waitingPeriod,
} from '../checks.js';
import type { JurisdictionDef } from '../types.js';

/** Parameters of the text, each with its source (第十二条, in force from 2021-02-05). */
const P = {
  /** 第十二条（二）设立一个园区的，其建筑面积不少于1万平方米 */
  singleFloorArea: 10_000,
  /** 第十二条（二）核心园区面积不少于8000平方米 */
  coreFloorArea: 8_000,
  /** 第十二条（二）园区总面积不少于1.5万平方米 */
  multiFloorArea: 15_000,
  /** 第十二条（三）经营性人力资源服务机构不少于20家 */
  commercialInstitutions: 20,
  /** 第十二条（三）入驻机构办公面积占园区总面积60%以上 */
  occupancyPercent: 60,
  /** 第十二条（三）园区年营业收入不低于5亿元人民币 */
  annualRevenue: 500_000_000,
  /** 第二十二条 三年内不予重新认定 */
  revocationBarYears: 3,
} as const;

const inPrinciple = { severity: 'required', inPrinciple: true } as const;

export const shandong: JurisdictionDef = {
  id: 'shandong',
  level: 'provincial',
  title: '山东省省级人力资源服务产业园管理暂行办法',
  documentNumber: null,
  issuer: '山东省人力资源和社会保障厅',
  issued: '2021-02-05',
  inForceFrom: '2021-02-05',
  status: 'provisional',
  source: 'shandong-provincial.txt',
  text: {
    version: 'shandong@2021-02-05',
    inForceUntil: null,
    supersedes: null,
    lifecycle: 'in_force',
    // sourceUrl: not given in the text or in regulations/README.md, so left out rather than guessed.
    lastVerifiedOn: '2026-12-01',
  },
  conditionsArticles: [12],
  notEncoded: [
    {
      ref: { article: 12, item: 6 },
      quote: '注重围绕国家和省重大发展战略及各项中心工作',
      reason: 'Orientation of the public-welfare work; no fact in the vocabulary, judged by the experts in the 评估 of 第十三条（三）.',
    },
    {
      ref: { article: 12, item: 6 },
      quote: '在促进就业创业、引进人才、服务产业发展以及助力脱贫攻坚等方面发挥重要作用',
      reason: 'An effect to be shown, with no measure in the text; judged in the 评估.',
    },
  ],
  places: [
    '山东', '济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州',
    '聊城', '滨州', '菏泽', '章丘', '即墨', '胶州', '平度', '莱西', '寿光', '青州', '诸城', '曲阜', '邹城', '荣成',
    '乳山', '新泰', '肥城', '龙口', '莱阳', '莱州', '招远', '栖霞', '海阳', '滕州', '乐陵', '禹城', '临清', '邹平',
    '黄岛', '西海岸新区', '历下', '市南', '崂山',
  ],
  criteria: [
    {
      id: 'shandong.in-force',
      ref: { article: 23 },
      quote: '本办法自印发之日起施行',
      severity: 'required',
      facts: [],
      check: inForceFrom('2021-02-05'),
    },
    {
      id: 'shandong.location',
      ref: { article: 4 },
      quote:
        '省级产业园一般设立在人力资源丰富、经济发展水平较高、产业优势明显的设区市，或者国家级自由贸易试验区、国家级新区、国家级或省级高新技术产业开发区、经济技术开发区等',
      severity: 'advisory',
      facts: ['locationType'],
      check: oneOf('locationType', [
        'prefecture_city',
        'national_ftz',
        'national_new_area',
        'high_tech_zone',
        'economic_development_zone',
      ]),
      reading:
        '一般 makes this advisory. A 重点产业园区 is not in this list (jilin names it, shandong does not); the list ends in 等, so the authority may accept it, and the advisory status leaves the verdict untouched.',
    },
    {
      id: 'shandong.planning-report',
      ref: { article: 12, item: 1 },
      quote: '规划论证充分。按照山东省区域经济发展布局和当地经济社会发展需要，对人力资源服务产业园的产业定位、功能布局、服务体系、运营模式、发展规划等进行充分论证，形成科学合理的论证报告',
      ...inPrinciple,
      facts: ['hasPlanningReport'],
      check: isTrue('hasPlanningReport'),
      evidence: [],
    },
    {
      id: 'shandong.floor-area',
      ref: { article: 12, item: 2 },
      quote: '设立一个园区的，其建筑面积不少于1万平方米',
      ...inPrinciple,
      facts: ['layout', 'floorArea'],
      check: onlyWhen('layout', ['single'], atLeast('floorArea', P.singleFloorArea)),
    },
    {
      id: 'shandong.core-area',
      ref: { article: 12, item: 2 },
      quote: '设立多个园区的，核心园区面积不少于8000平方米',
      ...inPrinciple,
      facts: ['layout', 'coreFloorArea'],
      check: onlyWhen('layout', ['multi'], atLeast('coreFloorArea', P.coreFloorArea)),
    },
    {
      id: 'shandong.total-area',
      ref: { article: 12, item: 2 },
      quote: '园区总面积不少于1.5万平方米',
      ...inPrinciple,
      facts: ['layout', 'floorArea'],
      check: onlyWhen('layout', ['multi'], atLeast('floorArea', P.multiFloorArea)),
    },
    {
      id: 'shandong.facilities',
      ref: { article: 12, item: 2 },
      quote: '布局科学、功能合理、设施完备，能够满足入驻机构的需求',
      ...inPrinciple,
      facts: ['hasAdequateFacilities'],
      check: isTrue('hasAdequateFacilities'),
    },
    {
      id: 'shandong.lawful-operation',
      ref: { article: 12, item: 3 },
      quote: '入驻园区人力资源服务机构守法诚信经营',
      ...inPrinciple,
      facts: ['lawfulOperation'],
      check: isTrue('lawfulOperation'),
    },
    {
      id: 'shandong.commercial-institutions',
      ref: { article: 12, item: 3 },
      quote: '经营性人力资源服务机构不少于20家',
      ...inPrinciple,
      facts: ['commercialHrInstitutions'],
      check: atLeast('commercialHrInstitutions', P.commercialInstitutions),
    },
    {
      id: 'shandong.occupancy',
      ref: { article: 12, item: 3 },
      quote: '入驻机构办公面积占园区总面积60%以上',
      ...inPrinciple,
      facts: ['occupiedArea', 'floorArea'],
      check: shareAtLeast('occupiedArea', 'floorArea', P.occupancyPercent),
    },
    {
      id: 'shandong.annual-revenue',
      ref: { article: 12, item: 3 },
      quote: '园区年营业收入不低于5亿元人民币',
      ...inPrinciple,
      facts: ['annualRevenue'],
      check: atLeast('annualRevenue', P.annualRevenue),
      reading:
        '不低于 includes the figure. The text says 园区年营业收入, without 上一年度 or 含代收代付: the answer is the last full year\'s revenue (annualRevenue), and users read the text\'s own words (factLabels.annualRevenue: 园区年营业收入), never Wenzhou\'s or Mudanjiang\'s.',
    },
    {
      id: 'shandong.service-chain',
      ref: { article: 12, item: 3 },
      quote: '园区内人力资源服务机构类型丰富，层次多样，形成较为完整的市场化人力资源服务产业链',
      ...inPrinciple,
      facts: ['completeServiceChain'],
      check: isTrue('completeServiceChain'),
    },
    {
      id: 'shandong.operator',
      ref: { article: 12, item: 4 },
      quote: '有专门的产业园管委会或专业化的机构负责运营管理',
      ...inPrinciple,
      facts: ['hasDedicatedOperator'],
      check: isTrue('hasDedicatedOperator'),
    },
    {
      id: 'shandong.staff',
      ref: { article: 12, item: 4 },
      quote: '配备专职工作人员',
      ...inPrinciple,
      facts: ['fullTimeStaff'],
      check: atLeast('fullTimeStaff', 1),
      reading: 'No number is given: at least one full-time staff member meets "配备专职工作人员".',
    },
    {
      id: 'shandong.management-rules',
      ref: { article: 12, item: 4 },
      quote: '管理制度健全',
      ...inPrinciple,
      facts: ['hasManagementRules'],
      check: isTrue('hasManagementRules'),
    },
    {
      id: 'shandong.supporting-services',
      ref: { article: 12, item: 4 },
      quote: '能为入驻机构提供会议、培训、金融、法律、餐饮、网络信息等配套服务',
      ...inPrinciple,
      facts: ['supportingServices'],
      check: includesAll('supportingServices', ['meeting', 'training', 'finance', 'legal', 'catering', 'network_information']),
    },
    {
      id: 'shandong.public-services',
      ref: { article: 12, item: 5 },
      quote: '具备就业创业、社会保障、人事人才等公共服务功能',
      ...inPrinciple,
      facts: ['publicServices'],
      check: includesAll('publicServices', ['employment', 'social_security', 'talent_personnel']),
    },
    {
      id: 'shandong.local-policy',
      ref: { article: 12, item: 5 },
      quote: '所在地政府或人力资源社会保障等部门有促进人力资源服务业发展和人力资源服务产业园建设的政策',
      ...inPrinciple,
      facts: ['hasLocalSupportPolicy'],
      check: isTrue('hasLocalSupportPolicy'),
    },
    {
      id: 'shandong.tenant-incentives',
      ref: { article: 12, item: 5 },
      quote: '有针对入驻机构的房租补贴、引才奖励、购买服务等措施',
      ...inPrinciple,
      facts: ['hasTenantIncentives'],
      check: isTrue('hasTenantIncentives'),
    },
    {
      id: 'shandong.development-fund',
      ref: { article: 12, item: 5 },
      quote: '有条件的地方，应设立人力资源服务业发展扶持资金或基金',
      severity: 'advisory',
      facts: ['hasDevelopmentFund'],
      check: isTrue('hasDevelopmentFund'),
      reading: '"有条件的地方" makes the fund expected only where local conditions allow: advisory.',
    },
    {
      id: 'shandong.public-welfare',
      ref: { article: 12, item: 6 },
      quote: '广泛组织开展各类人力资源服务公益活动',
      ...inPrinciple,
      facts: ['holdsPublicWelfareActivities'],
      check: isTrue('holdsPublicWelfareActivities'),
    },
    {
      id: 'shandong.revocation-bar',
      ref: { article: 22 },
      quote: '整改不到位的，取消省级人力资源服务产业园资格，且三年内不予重新认定',
      severity: 'required',
      facts: ['previousOutcome', 'previousOutcomeDate'],
      check: waitingPeriod('revoked', { years: P.revocationBarYears }),
      reading:
        '第二十二条 bars 重新认定 (a new designation), not an application as such; the explanation says so in the text\'s words. 三年内 counted as 民法典 第二百零一、二百零二条 count periods: revoked on 2024-01-10, the bar ends with 2027-01-10 and a new designation is possible from 2027-01-11. A refusal carries no waiting period in this text.',
    },
  ],
  materials: [
    { id: 'shandong.application-letter', ref: { article: 13, item: 1, point: 1 }, quote: '申建函件' },
    { id: 'shandong.planning-report', ref: { article: 13, item: 1, point: 2 }, quote: '产业园建设规划论证报告' },
    {
      id: 'shandong.policy-documents',
      ref: { article: 13, item: 1, point: 3 },
      quote: '促进人力资源服务业发展和人力资源服务产业园建设的相关政策文件',
    },
    { id: 'shandong.tenant-register', ref: { article: 13, item: 1, point: 4 }, quote: '入驻机构名录和经营管理情况报告' },
  ],
  evidence: [],
  procedure: [
    {
      id: 'shandong.submit',
      topic: 'submission',
      ref: { article: 13, item: 1 },
      quote: '符合申报条件的人力资源服务产业园向所在地设区市人力资源社会保障部门提出申请',
    },
    {
      id: 'shandong.review',
      topic: 'review',
      ref: { article: 13, item: 2 },
      quote: '设区市人力资源社会保障部门对申请材料进行审核，提出推荐意见，经设区市人民政府同意，报省人力资源社会保障厅',
    },
    {
      id: 'shandong.evaluate',
      topic: 'evaluation',
      ref: { article: 13, item: 3 },
      quote: '省人力资源社会保障厅根据全省省级产业园建设布局，组织专家进行评估，形成评估意见和拟确定名单',
    },
    {
      id: 'shandong.notice',
      topic: 'publicNotice',
      ref: { article: 13, item: 4 },
      quote: '公示期不少于5个工作日',
      params: { days: 5, dayKind: 'working', atLeast: true },
    },
    {
      id: 'shandong.designate',
      topic: 'designation',
      ref: { article: 13, item: 5 },
      quote: '公示无异议的，省人力资源社会保障厅确定为省级人力资源服务产业园',
    },
    {
      id: 'shandong.branches',
      topic: 'branches',
      ref: { article: 14 },
      quote: '已经确定的省级产业园,增设分园区的,由设区市人力资源社会保障部门向省人力资源社会保障厅提出申请,经同意后可以增设',
    },
    {
      id: 'shandong.periodic-evaluation',
      topic: 'periodicEvaluation',
      ref: { article: 21 },
      quote: '评估一般每两年进行一次。各地每年要开展自评工作',
      params: { years: 2, usually: true },
    },
    {
      id: 'shandong.grades',
      topic: 'grades',
      ref: { article: 22 },
      quote: '评估结果分为优秀、良好、合格、不合格四个等次',
    },
    {
      id: 'shandong.revocation',
      topic: 'revocation',
      ref: { article: 22 },
      quote: '整改不到位的，取消省级人力资源服务产业园资格，且三年内不予重新认定',
      params: { years: 3 },
    },
  ],
  notices: [
    { id: 'provisional', ref: { article: 23 } },
    { id: 'merit-based', ref: { article: 13 } },
    { id: 'in-principle', ref: { article: 12 } },
  ],
};
