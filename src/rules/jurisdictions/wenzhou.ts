/**
 * 温州市市级人力资源服务产业园建设和评估办法（试行） (温人社发〔2021〕142号, 温州市人力资源和社会保障局,
 * issued 2021-12-31, in force from 2022-02-01 by 第十六条). Source: regulations/wenzhou-municipal.txt.
 * Conditions: 第九条 (一)–(七) ("应具备下列条件": required, except where an item says 原则上); at most one
 * comprehensive park per county (市、区): 第四条; materials and procedure: 第十条; after designation: 第十一条 to
 * 第十五条.
 *
 * Not encoded, on purpose:
 * - 第四条 "一般设在人力资源丰富、经济发展水平较高、产业特色和优势明显、行业服务能力较强的区域": purely qualitative
 *   (no list of zone types, unlike shandong 第四条), and 一般 makes it advisory at most: no location criterion.
 * - 第三条, 第六条 to 第八条: duties of the counties and the parks, not conditions of applying.
 * - 第九条 qualitative wording with no fact in the vocabulary: listed in `notEncoded` below with the reasons; the
 *   notice built from that list tells users, and the evidence items ask for the records the authority looks at.
 * - No waiting period after a refusal (第十条（四） 取消资格) and no revocation: this text has neither.
 */
import {
  allOf,
  anyOf,
  atLeast,
  atMost,
  includesAll,
  inForceFrom,
  isTrue,
  onlyWhen,
  shareAtLeast,
} from '../checks.js';
import type { Check, JurisdictionDef } from '../types.js';

/** Parameters of the text, each with its source (in force from 2022-02-01). */
const P = {
  /** 第十六条 本办法自 2022 年 2 月 1 日起施行 */
  inForceFrom: '2022-02-01',
  /** 第九条（一）设立单一园区的，综合性园区建筑面积不低于 5000 平方米 */
  comprehensiveFloorArea: 5_000,
  /** 第九条（一）（设立单一园区的，）专业性园区建筑面积不低于 3000 平方米 */
  specializedFloorArea: 3_000,
  /** 第九条（一）设立多个园区的，总建筑面积不少于 10000 平方米 */
  multiFloorArea: 10_000,
  /** 第九条（一）分园区原则上不超过 3 个 */
  maxBranches: 3,
  /** 第九条（二）上一年度园区营业收入（含代收代付）达 5 亿元以上 */
  annualRevenue: 500_000_000,
  /** 第九条（二）上一年度营业收入超过 3000 万元的机构不少于 5 家: how many (the 3000 万元 is in the fact). */
  institutionsOver30M: 5,
  /** 第九条（二）或上一年度营业收入超过 6000 万元的机构不少于 2 家: how many (the 6000 万元 is in the fact). */
  institutionsOver60M: 2,
  /** 第九条（三）（综合性园区）人力资源服务机构不少于 20 家 */
  comprehensiveHrInstitutions: 20,
  /** 第九条（三）人力资源服务机构集中度原则上不低于入园机构数的 70% */
  comprehensiveConcentrationPercent: 70,
  /** 第九条（三）（专业性园区）人力资源服务机构不少于 15 家 */
  specializedHrInstitutions: 15,
  /** 第九条（三）服务本地特色、重点产业的专业性人力资源服务机构数量不低于入园机构数的 50% */
  specializedConcentrationPercent: 50,
  /** 第九条（四）专职工作人员不少于 3 人 */
  fullTimeStaff: 3,
  /** 第九条（六）有不少于 2 个劳务联络站 */
  laborLiaisonStations: 2,
  /** 第九条（六）需与 3 家以上小微企业园建立明确的合作机制 */
  smallBusinessParks: 3,
  /** 第九条（七）服务特色产业的专业性人力资源服务营业收入占园区总营业收入的 50%以上 */
  specialtyRevenuePercent: 50,
  /** 第九条（七）与 2 家以上特色产业相关院校建立合作机制 */
  colleges: 2,
  /** 第十条（四）公示时间一般不少于 5 个工作日 */
  noticeWorkingDays: 5,
  /** 第十四条 一般每两年评估一次 */
  evaluationYears: 2,
} as const;

const required = { severity: 'required' } as const;
const inPrinciple = { severity: 'required', inPrinciple: true } as const;

/** "综合性园区…" / "专业性园区…": the rule concerns only that type of park. */
const comprehensive = (check: Check) => onlyWhen('parkType', ['comprehensive'], check);
const specialized = (check: Check) => onlyWhen('parkType', ['specialized'], check);

export const wenzhou: JurisdictionDef = {
  id: 'wenzhou',
  level: 'municipal',
  title: '温州市市级人力资源服务产业园建设和评估办法（试行）',
  documentNumber: '温人社发〔2021〕142号',
  issuer: '温州市人力资源和社会保障局',
  issued: '2021-12-31',
  inForceFrom: P.inForceFrom,
  status: 'trial',
  source: 'wenzhou-municipal.txt',
  text: {
    version: 'wenzhou@2022-02-01',
    inForceUntil: null,
    supersedes: null,
    lifecycle: 'in_force',
    // sourceUrl: not given in the text or in regulations/README.md, so left out rather than guessed.
    lastVerifiedOn: '2026-12-01',
  },
  conditionsArticles: [9],
  notEncoded: [
    {
      ref: { article: 9, item: 2 },
      quote: '产业园运营平稳、经济效益良好',
      reason: 'A summary of (二), whose figures (营业收入, leading institutions) are encoded.',
    },
    {
      ref: { article: 9, item: 3 },
      quote: '服务能力强、辐射范围广',
      reason: 'Qualitative, no fact in the vocabulary; judged at the 实地考察 and 论证 of 第十条.',
    },
    {
      ref: { article: 9, item: 3 },
      quote: '专业性园区应充分发挥集聚功能',
      reason: "Qualitative; the specialized park's figures that follow it are encoded.",
    },
    {
      ref: { article: 9, item: 5 },
      quote: '注重加强与行业协会（商会、学会）人才工作站和博士后工作站所在企业的联系，积极为用人单位引进各类人才',
      reason: 'No fact in the vocabulary; judged at the 实地考察 and 论证 of 第十条.',
    },
    {
      ref: { article: 9, item: 6 },
      quote: '并有显著的合作成果',
      reason: '显著 is a judgement; the cooperation mechanism with 3 small business parks is encoded, its results are weighed by the authority.',
    },
  ],
  places: ['温州', '鹿城', '龙湾', '瓯海', '洞头', '乐清', '瑞安', '龙港', '永嘉', '平阳', '苍南', '文成', '泰顺'],
  criteria: [
    {
      id: 'wenzhou.in-force',
      ref: { article: 16 },
      quote: '本办法自 2022 年 2 月 1 日起施行',
      ...required,
      facts: [],
      check: inForceFrom(P.inForceFrom),
    },
    {
      id: 'wenzhou.one-comprehensive-per-county',
      ref: { article: 4 },
      quote: '每个县（市、区）建设不超过 1 个综合性园区',
      ...required,
      facts: ['parkType', 'existingComprehensivePark'],
      check: comprehensive(isTrue('existingComprehensivePark', false)),
      reading:
        '不超过 1 个 includes one: a county (市、区) without a designated comprehensive park may apply for one; one that ' +
        'already has one may not apply for a second. The text says no 原则上 here, so the cap is required. Specialized ' +
        'parks are not capped ("可建设若干个服务本地特色产业的专业性分园区"), so the rule does not apply to them.',
    },
    // 第九条（一）
    {
      id: 'wenzhou.planning',
      ref: { article: 9, item: 1 },
      quote: '有经过充分论证的产业园建设与发展规划',
      ...required,
      facts: ['hasPlanningReport'],
      check: isTrue('hasPlanningReport'),
      evidence: ['wenzhou.development-plan'],
    },
    {
      id: 'wenzhou.investment-plan',
      ref: { article: 9, item: 1 },
      quote: '有详细合理的产业园资金投入计划',
      ...required,
      facts: ['hasInvestmentPlan'],
      check: isTrue('hasInvestmentPlan'),
      evidence: ['wenzhou.investment-plan'],
    },
    {
      id: 'wenzhou.comprehensive-floor-area',
      ref: { article: 9, item: 1 },
      quote: '设立单一园区的，综合性园区建筑面积不低于 5000 平方米',
      ...required,
      facts: ['layout', 'parkType', 'floorArea'],
      check: onlyWhen('layout', ['single'], comprehensive(atLeast('floorArea', P.comprehensiveFloorArea))),
    },
    {
      id: 'wenzhou.specialized-floor-area',
      ref: { article: 9, item: 1 },
      quote: '专业性园区建筑面积不低于 3000 平方米',
      ...required,
      facts: ['layout', 'parkType', 'floorArea'],
      check: onlyWhen('layout', ['single'], specialized(atLeast('floorArea', P.specializedFloorArea))),
      reading:
        'The clause continues the sentence "设立单一园区的，综合性园区…，专业性园区…": the 3000 m² is for a single-site ' +
        'specialized park. A multi-site park of either type is held to the 10000 m² total instead.',
    },
    {
      id: 'wenzhou.multi-floor-area',
      ref: { article: 9, item: 1 },
      quote: '设立多个园区的，总建筑面积不少于 10000 平方米',
      ...required,
      facts: ['layout', 'floorArea'],
      check: onlyWhen('layout', ['multi'], atLeast('floorArea', P.multiFloorArea)),
      reading:
        'The multi-site sentence names no park type, so the 10000 m² total (all sites together) applies to comprehensive ' +
        'and specialized parks alike.',
    },
    {
      id: 'wenzhou.branch-count',
      ref: { article: 9, item: 1 },
      quote: '分园区原则上不超过 3 个',
      ...inPrinciple,
      facts: ['layout', 'branchCount'],
      check: onlyWhen('layout', ['multi'], atMost('branchCount', P.maxBranches)),
      reading: '不超过 includes the number: three branch parks (besides the core park) are allowed, four are not, unless waived (原则上).',
    },
    {
      id: 'wenzhou.facilities',
      ref: { article: 9, item: 1 },
      quote: '各类设施完善，能够为入驻机构提供必要的软硬件支持',
      ...required,
      facts: ['hasAdequateFacilities'],
      check: isTrue('hasAdequateFacilities'),
    },
    {
      id: 'wenzhou.services',
      ref: { article: 9, item: 1 },
      quote: '各项功能齐备，能够提供公共就业和人才、法律咨询、投融资等服务',
      ...required,
      facts: ['publicServices', 'supportingServices'],
      check: allOf(
        includesAll('publicServices', ['employment', 'talent_personnel']),
        includesAll('supportingServices', ['legal', 'finance']),
      ),
      reading:
        '"公共就业和人才服务" is the public employment and talent service (publicServices employment and ' +
        'talent_personnel); 法律咨询 is the legal service and 投融资 the finance service among the supporting services. ' +
        'The list ends in 等: only the services it names are required.',
    },
    // 第九条（二）
    {
      id: 'wenzhou.annual-revenue',
      ref: { article: 9, item: 2 },
      quote: '上一年度园区营业收入（含代收代付）达 5 亿元以上',
      ...required,
      facts: ['annualRevenue'],
      check: atLeast('annualRevenue', P.annualRevenue),
      reading: '达…以上 includes the number: exactly CNY 500,000,000 (pass-through payments included) meets it.',
      evidence: ['wenzhou.revenue-statement'],
    },
    {
      id: 'wenzhou.leading-institutions',
      ref: { article: 9, item: 2 },
      quote:
        '其中上一年度营业收入超过 3000 万元的机构不少于 5 家，或上一年度营业收入超过 6000 万元的机构不少于 2 家',
      ...required,
      facts: ['institutionsRevenueOver30M', 'institutionsRevenueOver60M'],
      check: anyOf(
        atLeast('institutionsRevenueOver30M', P.institutionsOver30M),
        atLeast('institutionsRevenueOver60M', P.institutionsOver60M),
      ),
      reading:
        '其中: the institutions are the park\'s own residents. 超过 excludes the figure (民法典 第一千二百五十九条): an ' +
        'institution with exactly CNY 30,000,000 does not count towards the first alternative, nor one with exactly ' +
        'CNY 60,000,000 towards the second; 不少于 includes the count. Either alternative (或) suffices. The counts may be ' +
        'derived from each institution\'s revenue (institutionRevenues) when they are not given.',
      evidence: ['wenzhou.revenue-statement'],
    },
    // 第九条（三）
    {
      id: 'wenzhou.service-chain',
      ref: { article: 9, item: 3 },
      quote: '综合性园区应产业链条完整、产品类型多样、机构层次丰富',
      ...required,
      facts: ['parkType', 'completeServiceChain'],
      check: comprehensive(isTrue('completeServiceChain')),
      reading:
        'A complete chain with many products and levels of institutions is what completeServiceChain asks. The words ' +
        'that follow, "服务能力强、辐射范围广", are an assessment the authority makes at the inspection and appraisal (第十条（二）（三）); no fact measures them.',
    },
    {
      id: 'wenzhou.comprehensive-hr-institutions',
      ref: { article: 9, item: 3 },
      quote: '人力资源服务机构不少于 20 家',
      ...required,
      facts: ['parkType', 'hrInstitutions'],
      check: comprehensive(atLeast('hrInstitutions', P.comprehensiveHrInstitutions)),
      reading: 'This sentence is about 综合性园区 (the specialized park has its own 15 in the next sentence).',
    },
    {
      id: 'wenzhou.comprehensive-concentration',
      ref: { article: 9, item: 3 },
      quote: '人力资源服务机构集中度原则上不低于入园机构数的 70%',
      ...inPrinciple,
      facts: ['parkType', 'hrInstitutions', 'parkInstitutions'],
      check: comprehensive(shareAtLeast('hrInstitutions', 'parkInstitutions', P.comprehensiveConcentrationPercent)),
      reading:
        '集中度 is the HR service institutions as a share of all resident institutions (入园机构数); 不低于 includes 70% ' +
        'exactly. 原则上 stands in the comprehensive park\'s sentence only.',
    },
    {
      id: 'wenzhou.specialized-hr-institutions',
      ref: { article: 9, item: 3 },
      quote: '人力资源服务机构不少于 15 家',
      ...required,
      facts: ['parkType', 'hrInstitutions'],
      check: specialized(atLeast('hrInstitutions', P.specializedHrInstitutions)),
      reading: 'This sentence begins "专业性园区应充分发挥集聚功能": the 15 institutions are the measure of that agglomeration.',
    },
    {
      id: 'wenzhou.specialized-concentration',
      ref: { article: 9, item: 3 },
      quote: '服务本地特色、重点产业的专业性人力资源服务机构数量不低于入园机构数的 50%',
      ...required,
      facts: ['parkType', 'specialtyHrInstitutions', 'parkInstitutions'],
      check: specialized(
        shareAtLeast('specialtyHrInstitutions', 'parkInstitutions', P.specializedConcentrationPercent),
      ),
      reading:
        'Unlike the comprehensive park\'s 70%, this 50% carries no 原则上: it is required. 不低于 includes 50% exactly; ' +
        'the whole is all resident institutions (入园机构数), HR or not.',
    },
    // 第九条（四）
    {
      id: 'wenzhou.operator',
      ref: { article: 9, item: 4 },
      quote: '有专门的建设管理机构',
      ...required,
      facts: ['hasDedicatedOperator'],
      check: isTrue('hasDedicatedOperator'),
    },
    {
      id: 'wenzhou.staff',
      ref: { article: 9, item: 4 },
      quote: '专职工作人员不少于 3 人',
      ...required,
      facts: ['fullTimeStaff'],
      check: atLeast('fullTimeStaff', P.fullTimeStaff),
      evidence: ['wenzhou.staff-list'],
    },
    // 第九条（五）
    {
      id: 'wenzhou.public-welfare',
      ref: { article: 9, item: 5 },
      quote: '产业园应经常组织开展促进就业创业、人才引进、脱贫攻坚、技能人才培养等人力资源服务公益活动，社会效益显著',
      ...required,
      facts: ['holdsPublicWelfareActivities'],
      check: isTrue('holdsPublicWelfareActivities'),
      reading:
        'The kinds of activity end in 等: regular public-welfare HR activities of any of these kinds meet it. The ' +
        'following sentence (注重加强与…人才工作站和博士后工作站所在企业的联系) is an orientation with no measurable ' +
        'content and no fact; it is not encoded.',
      evidence: ['wenzhou.public-welfare-records'],
    },
    // 第九条（六）综合性园区
    {
      id: 'wenzhou.labor-liaison-stations',
      ref: { article: 9, item: 6 },
      quote: '积极组织园区企业开展劳务协作，有不少于 2 个劳务联络站',
      ...required,
      facts: ['parkType', 'laborLiaisonStations'],
      check: comprehensive(atLeast('laborLiaisonStations', P.laborLiaisonStations)),
      reading: 'The liaison stations are the measurable content of the labour-cooperation requirement; 不少于 includes 2.',
      evidence: ['wenzhou.labor-liaison-records'],
    },
    {
      id: 'wenzhou.small-business-parks',
      ref: { article: 9, item: 6 },
      quote: '需与 3 家以上小微企业园建立明确的合作机制',
      ...required,
      facts: ['parkType', 'smallBusinessParkPartnerships'],
      check: comprehensive(atLeast('smallBusinessParkPartnerships', P.smallBusinessParks)),
      reading:
        '3 家以上 includes three. The text adds "并有显著的合作成果": no fact measures the results, so the check counts ' +
        'the parks with a clear cooperation mechanism and the evidence item asks for the agreements and their results.',
      evidence: ['wenzhou.small-business-park-agreements'],
    },
    // 第九条（七）专业性园区
    {
      id: 'wenzhou.local-industry-fit',
      ref: { article: 9, item: 7 },
      quote: '符合全市经济发展规划和重点产业布局，与当地经济社会发展和特色产业的匹配度高、协同性好',
      ...required,
      facts: ['parkType', 'servesLocalIndustry'],
      check: specialized(isTrue('servesLocalIndustry')),
    },
    {
      id: 'wenzhou.full-lifecycle-services',
      ref: { article: 9, item: 7 },
      quote: '具备为当地特色产业提供人力资源引进、培养、评价、鉴定、服务等全周期人力资源服务的能力',
      ...required,
      facts: ['parkType', 'fullLifecycleSpecialtyServices'],
      check: specialized(isTrue('fullLifecycleSpecialtyServices')),
    },
    {
      id: 'wenzhou.specialty-revenue-share',
      ref: { article: 9, item: 7 },
      quote: '上一年度服务特色产业的专业性人力资源服务营业收入占园区总营业收入的 50%以上',
      ...required,
      facts: ['parkType', 'specialtyServiceRevenue', 'annualRevenue'],
      check: specialized(shareAtLeast('specialtyServiceRevenue', 'annualRevenue', P.specialtyRevenuePercent)),
      reading:
        '50%以上 includes 50% exactly. 园区总营业收入 is the same figure as 第九条（二）\'s 园区营业收入（含代收代付）, ' +
        'so the whole is annualRevenue.',
      evidence: ['wenzhou.revenue-statement'],
    },
    {
      id: 'wenzhou.college-partnerships',
      ref: { article: 9, item: 7 },
      quote: '与 2 家以上特色产业相关院校建立合作机制',
      ...required,
      facts: ['parkType', 'collegePartnerships'],
      check: specialized(atLeast('collegePartnerships', P.colleges)),
      reading: '2 家以上 includes two.',
      evidence: ['wenzhou.college-agreements'],
    },
  ],
  materials: [
    { id: 'wenzhou.application-letter', ref: { article: 10, item: 1 }, quote: '申建函件' },
    { id: 'wenzhou.facilities-report', ref: { article: 10, item: 1 }, quote: '园区软硬件建设情况' },
    { id: 'wenzhou.tenant-report', ref: { article: 10, item: 1 }, quote: '入园机构及配套服务单位情况' },
    {
      id: 'wenzhou.policy-documents',
      ref: { article: 10, item: 1 },
      quote: '已出台的人力资源服务业和产业园发展扶持政策文件',
    },
    { id: 'wenzhou.other-materials', ref: { article: 10, item: 1 }, quote: '有关材料' },
  ],
  evidence: [
    { id: 'wenzhou.development-plan', ref: { article: 9, item: 1 }, quote: '有经过充分论证的产业园建设与发展规划' },
    { id: 'wenzhou.investment-plan', ref: { article: 9, item: 1 }, quote: '有详细合理的产业园资金投入计划' },
    {
      id: 'wenzhou.revenue-statement',
      ref: { article: 9, item: 2 },
      quote: '上一年度园区营业收入（含代收代付）达 5 亿元以上',
    },
    { id: 'wenzhou.staff-list', ref: { article: 9, item: 4 }, quote: '专职工作人员不少于 3 人' },
    {
      id: 'wenzhou.public-welfare-records',
      ref: { article: 9, item: 5 },
      quote: '经常组织开展促进就业创业、人才引进、脱贫攻坚、技能人才培养等人力资源服务公益活动',
    },
    { id: 'wenzhou.labor-liaison-records', ref: { article: 9, item: 6 }, quote: '有不少于 2 个劳务联络站' },
    {
      id: 'wenzhou.small-business-park-agreements',
      ref: { article: 9, item: 6 },
      quote: '需与 3 家以上小微企业园建立明确的合作机制，并有显著的合作成果',
    },
    { id: 'wenzhou.college-agreements', ref: { article: 9, item: 7 }, quote: '与 2 家以上特色产业相关院校建立合作机制' },
  ],
  procedure: [
    {
      id: 'wenzhou.submit',
      topic: 'submission',
      ref: { article: 10, item: 1 },
      quote: '各县（市、区）申建市级人力资源服务产业园，应向市人力资源和社会保障局提出申请，提交申建函件',
      params: {},
    },
    {
      id: 'wenzhou.inspection',
      topic: 'review',
      ref: { article: 10, item: 2 },
      quote:
        '市人力资源和社会保障局收到申请后，组织有关人员进行实地考察：核实资料内容是否与事实相符，听取产业园负责人对建设情况的汇报，提出进一步完善产业园建设的指导意见',
      params: {},
    },
    {
      id: 'wenzhou.appraisal',
      topic: 'evaluation',
      ref: { article: 10, item: 3 },
      quote:
        '市人力资源和社会保障局结合全市产业园区布局，对产业园建设的必要性、可行性、合理性、政策兑现、保障措施等组织论证，形成报告',
      params: {},
    },
    {
      id: 'wenzhou.notice',
      topic: 'publicNotice',
      ref: { article: 10, item: 4 },
      quote: '通过论证的人力资源服务产业园，在相关网站进行公示，公示时间一般不少于 5 个工作日',
      params: { days: P.noticeWorkingDays, dayKind: 'working', atLeast: true, usually: true },
    },
    {
      id: 'wenzhou.objection',
      topic: 'refusal',
      ref: { article: 10, item: 4 },
      quote: '公示如有异议的，经查证属实后，取消资格',
      params: {},
    },
    {
      id: 'wenzhou.designate',
      topic: 'designation',
      ref: { article: 10, item: 4 },
      quote: '公示无异议的，行文批复认定为市级人力资源服务产业园',
      params: {},
    },
    {
      id: 'wenzhou.plaque',
      topic: 'designation',
      ref: { article: 11 },
      quote: '市人力资源和社会保障局批复认定为市级人力资源服务产业园的，授予市级人力资源服务产业园标牌',
      params: {},
    },
    {
      id: 'wenzhou.changes',
      topic: 'branches',
      ref: { article: 12 },
      quote:
        '市级人力资源服务产业园因故需变更建设规划、增设分园区或发生其他重大事项时，县、市区人力资源和社会保障部门应及时向市人力资源和社会保障局报告',
      params: {},
    },
    {
      id: 'wenzhou.annual-report',
      topic: 'periodicEvaluation',
      ref: { article: 13 },
      quote:
        '各产业园每年末向所在地人力资源和社会保障部门报告本年度工作总结及下一年度发展目标和建设举措，各县（市、区）人力资源和社会保障部门汇总、审定后，于每年3月31日前上报市人力资源和社会保障局',
      params: {},
    },
    {
      id: 'wenzhou.periodic-evaluation',
      topic: 'periodicEvaluation',
      ref: { article: 14 },
      quote: '建立市级人力资源服务产业园综合评估工作机制，一般每两年评估一次',
      params: { years: P.evaluationYears, usually: true },
    },
    {
      id: 'wenzhou.grades',
      topic: 'grades',
      ref: { article: 15 },
      quote: '检查评估结果分为优秀、良好、合格三个等次，评估结果及时向社会公布',
      params: {},
    },
  ],
  notices: [
    { id: 'trial', ref: { article: 16 } },
    { id: 'provincial-reference', ref: { article: 1 } },
    { id: 'merit-selection', ref: { article: 10 } },
    { id: 'in-principle', ref: { article: 9 } },
  ],
};
