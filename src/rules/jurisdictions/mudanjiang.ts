/**
 * 牡丹江市市级人力资源服务产业园认定管理办法（征求意见稿）(牡丹江市人力资源和社会保障局; draft for comment, in
 * force from 2026-01-01 by 第十六条). Source: regulations/mudanjiang-municipal.txt. Conditions: 第六条 (一)–(七),
 * all "原则上"; who applies: 第四条; materials and procedure: 第七条 and the annex 审批表; branch parks: 第八条;
 * evaluation, grades and revocation: 第十三条 to 第十五条. The text sets no waiting period after a refusal or a
 * revocation, no length of the public notice and no grant.
 */
import { anyOf, atLeast, atMost, includesAll, inForceFrom, isTrue, onlyWhen } from '../checks.js';
import type { JurisdictionDef } from '../types.js';

/** Parameters of the text, each with its source (第六条, in force from 2026-01-01). */
const P = {
  /** 第十六条 本办法自2026年1月1日起实施 */
  inForceFrom: '2026-01-01',
  /** 第六条（三）园区建筑面积达到3000平方米（含）以上 */
  floorArea: 3_000,
  /** 第六条（三）设立多个园区的,核心园区面积不少于2000平方米 */
  coreFloorArea: 2_000,
  /** 第六条（三）园区总面积不少于5000平方米 */
  multiFloorArea: 5_000,
  /** 第六条（三）分园区原则上不超过3个 */
  maxBranches: 3,
  /** 第六条（四）入驻园区人力资源服务机构数量不低于10家 */
  hrInstitutions: 10,
  /** 第六条（四）上一年度园区入驻各类人力资源服务相关企业营业收入(含代收代付)达3000万元以上 */
  annualRevenue: 30_000_000,
  /** 第六条（四）上一年度营业收入(含代收代付)超过300万元的机构不少于5家 (超过 is in the fact itself) */
  institutionsOver3M: 5,
  /** 第六条（四）上一年度营业收入(含代收代付)超过500万元的机构不少于3家 */
  institutionsOver5M: 3,
  /** 第六条（四）上一年度净服务收入(不含代收代付)超过50万元的机构不少于5家 */
  institutionsNetOver500K: 5,
  /** 第十三条 综合考核评估……每三年开展一次 */
  evaluationYears: 3,
} as const;

/** 第六条 "原则上应当具备下列条件": every item is required, and may be waived. */
const inPrinciple = { severity: 'required', inPrinciple: true } as const;

export const mudanjiang: JurisdictionDef = {
  id: 'mudanjiang',
  level: 'municipal',
  title: '牡丹江市市级人力资源服务产业园认定管理办法',
  documentNumber: null,
  issuer: '牡丹江市人力资源和社会保障局',
  issued: null,
  inForceFrom: P.inForceFrom,
  status: 'draft_for_comment',
  source: 'mudanjiang-municipal.txt',
  text: {
    version: 'mudanjiang@2026-01-01',
    inForceUntil: null,
    supersedes: null,
    lifecycle: 'draft',
    // sourceUrl: not given in the text or in regulations/README.md, so left out rather than guessed.
    lastVerifiedOn: '2026-12-01',
  },
  conditionsArticles: [6],
  notEncoded: [
    {
      ref: { article: 6, item: 7 },
      quote: '在促进就业创业、引进人才、服务经济产业发展以及助力巩固脱贫攻坚成果、实施乡村振兴战略等方面发挥积极作用',
      reason: 'An effect to be shown, with no measure in the text; judged in the 综合评估 of 第七条（二）.',
    },
    {
      ref: { article: 6, item: 6 },
      quote: '努力促进产业园稳健发展',
      reason: 'An aim, not a condition that can be met or missed.',
    },
  ],
  places: [
    '牡丹江', '东安区', '阳明区', '爱民区', '西安区', '林口', '绥芬河', '海林', '宁安', '穆棱', '东宁',
    '牡丹江经济技术开发区', '绥芬河片区',
  ],
  criteria: [
    {
      id: 'mudanjiang.in-force',
      ref: { article: 16 },
      quote: '本办法自2026年1月1日起实施',
      severity: 'required',
      facts: [],
      check: inForceFrom(P.inForceFrom),
      reading:
        'The text is a draft for comment (征求意见稿): the date is the one the draft proposes. Before it, no application can be made under this text.',
    },
    {
      id: 'mudanjiang.planning-report',
      ref: { article: 6, item: 1 },
      quote:
        '规划论证充分。按照全市区域经济发展布局和当地经济社会发展需要,对人力资源服务产业园的产业定位、功能布局、服务体系、运营模式、发展规划等要进行充分论证,形成科学合理的论证报告',
      ...inPrinciple,
      facts: ['hasPlanningReport'],
      check: isTrue('hasPlanningReport'),
    },
    {
      id: 'mudanjiang.local-industry',
      ref: { article: 6, item: 2 },
      quote:
        '园区与我市经济社会发展结构和产业布局的匹配度较高,较好满足服务我市企业需求,对地方经济发展贡献度较高。入驻园区人力资源服务机构业务范围符合我市产业结构对人力资源配置的需求以及地方经济发展特点',
      ...inPrinciple,
      facts: ['servesLocalIndustry'],
      check: isTrue('servesLocalIndustry'),
      reading:
        'Both sentences of (二) describe one qualitative test, the fit between the park (and its residents\' business) and the city\'s economy and industries; the experts judge it in the evaluation of 第七条(二). One yes/no answer (servesLocalIndustry) stands for it; no figure is set.',
    },
    {
      id: 'mudanjiang.floor-area',
      ref: { article: 6, item: 3 },
      quote: '园区建筑面积达到3000平方米（含）以上',
      ...inPrinciple,
      facts: ['floorArea'],
      check: atLeast('floorArea', P.floorArea),
      reading:
        '达到…（含）以上 includes 3,000 m². The sentence has no "设立一个园区的" qualifier, so it applies to every park (for a multi-site park, to the total floor area); a multi-site park must also meet the stricter 5,000 m² total. Read this way a park under 3,000 m² fails whatever its layout, and the answer does not wait for the layout.',
    },
    {
      id: 'mudanjiang.core-area',
      ref: { article: 6, item: 3 },
      quote: '设立多个园区的,核心园区面积不少于2000平方米',
      ...inPrinciple,
      facts: ['layout', 'coreFloorArea'],
      check: onlyWhen('layout', ['multi'], atLeast('coreFloorArea', P.coreFloorArea)),
      reading: '核心园区面积 is read as the core park\'s building floor area (建筑面积), the measure (三) uses for the park.',
    },
    {
      id: 'mudanjiang.total-area',
      ref: { article: 6, item: 3 },
      quote: '园区总面积不少于5000平方米',
      ...inPrinciple,
      facts: ['layout', 'floorArea'],
      check: onlyWhen('layout', ['multi'], atLeast('floorArea', P.multiFloorArea)),
      reading: 'Part of the sentence "设立多个园区的,…": it concerns multi-site parks only; 总面积 is the floor area over all sites.',
    },
    {
      id: 'mudanjiang.branch-count',
      ref: { article: 6, item: 3 },
      quote: '分园区原则上不超过3个',
      ...inPrinciple,
      facts: ['layout', 'branchCount'],
      check: onlyWhen('layout', ['multi'], atMost('branchCount', P.maxBranches)),
      reading:
        '不超过 includes 3 branch parks; the core park is not a branch. The sentence carries its own 原则上 on top of the lead-in of 第六条: either way the cap is required but may be waived.',
    },
    {
      id: 'mudanjiang.facilities',
      ref: { article: 6, item: 3 },
      quote: '园区布局科学、功能合理、设施完善,能够为入驻机构提供必要的软硬件支持',
      ...inPrinciple,
      facts: ['hasAdequateFacilities'],
      check: isTrue('hasAdequateFacilities'),
    },
    {
      id: 'mudanjiang.hr-institutions',
      ref: { article: 6, item: 4 },
      quote: '入驻园区人力资源服务机构数量不低于10家',
      ...inPrinciple,
      facts: ['hrInstitutions'],
      check: atLeast('hrInstitutions', P.hrInstitutions),
      reading:
        'The count stands on its own: the 或 alternatives that follow are all revenue measures (each opens with 上一年度), so the count is required together with one of them, not as one more alternative. Any resident HR service institution counts, commercial or not.',
      evidence: ['mudanjiang.licences'],
    },
    {
      id: 'mudanjiang.revenue',
      ref: { article: 6, item: 4 },
      quote:
        '上一年度园区入驻各类人力资源服务相关企业营业收入(含代收代付)达3000万元以上,或上一年度营业收入(含代收代付)超过300万元的机构不少于5家,或上一年度营业收入(含代收代付)超过500万元的机构不少于3家,或上一年度净服务收入(不含代收代付)超过50万元的机构不少于5家',
      ...inPrinciple,
      facts: ['annualRevenue', 'institutionsRevenueOver3M', 'institutionsRevenueOver5M', 'institutionsNetServiceRevenueOver500K'],
      check: anyOf(
        atLeast('annualRevenue', P.annualRevenue),
        atLeast('institutionsRevenueOver3M', P.institutionsOver3M),
        atLeast('institutionsRevenueOver5M', P.institutionsOver5M),
        atLeast('institutionsNetServiceRevenueOver500K', P.institutionsNetOver500K),
      ),
      reading:
        'Four alternatives joined by 或: any one suffices. (1) 达3000万元以上 includes CNY 30 million; annualRevenue is the combined revenue (含代收代付) of the resident HR-related enterprises. (2)–(4) 超过 excludes the figure (an institution with exactly CNY 3 million does not count) while 不少于 includes the count; the counts are derived from each institution\'s revenue (institutionRevenues) when not given. All figures are for the previous calendar year (上一年度).',
      evidence: ['mudanjiang.revenue-proof'],
    },
    {
      id: 'mudanjiang.service-chain',
      ref: { article: 6, item: 4 },
      quote: '园区内人力资源服务机构类型丰富,层次多样,形成较为完整的市场化人力资源服务产业链',
      ...inPrinciple,
      facts: ['completeServiceChain'],
      check: isTrue('completeServiceChain'),
    },
    {
      id: 'mudanjiang.operator',
      ref: { article: 6, item: 5 },
      quote: '有专门的产业园管理团队或专业化的运营公司负责运营管理',
      ...inPrinciple,
      facts: ['hasOperatingTeam', 'hasDedicatedOperator'],
      check: anyOf(isTrue('hasOperatingTeam'), isTrue('hasDedicatedOperator')),
      reading:
        '或: a dedicated park management team (hasOperatingTeam) or a professional operating company (hasDedicatedOperator) will do; either one alone meets it.',
    },
    {
      id: 'mudanjiang.management-rules',
      ref: { article: 6, item: 5 },
      quote: '建有科学规范的管理机制和运营机制,能有效开展园区的建设、管理、运营、服务等各项工作',
      ...inPrinciple,
      facts: ['hasManagementRules'],
      check: isTrue('hasManagementRules'),
    },
    {
      id: 'mudanjiang.business-lines',
      ref: { article: 6, item: 6 },
      quote: '园区将涵盖人力资源招聘、高级人才寻访、人才培训、灵活就业服务等多元化综合配套服务形态',
      ...inPrinciple,
      facts: ['businessLines'],
      check: includesAll('businessLines', ['recruitment', 'executive_search', 'training', 'flexible_employment']),
      reading:
        'The four named forms (招聘、高级人才寻访、人才培训、灵活就业服务) are each required; 等 leaves room for more but does not excuse one of them. 将涵盖 ("shall cover") is read as a condition checked against the lines the residents actually offer, as the evaluation of 第七条(二) looks at 功能特色.',
    },
    {
      id: 'mudanjiang.recruitment-events',
      ref: { article: 6, item: 6 },
      quote: '积极配合公共就业服务机构组织举办各级各类人力资源招聘会、人力资源高峰论坛',
      ...inPrinciple,
      facts: ['organizesRecruitmentEvents'],
      check: isTrue('organizesRecruitmentEvents'),
    },
    {
      id: 'mudanjiang.public-welfare',
      ref: { article: 6, item: 7 },
      quote: '园区广泛组织开展各类人力资源服务公益活动',
      ...inPrinciple,
      facts: ['holdsPublicWelfareActivities'],
      check: isTrue('holdsPublicWelfareActivities'),
      reading:
        'The rest of (七) ("在促进就业创业、引进人才……等方面发挥积极作用") describes the effect those activities should have; the experts weigh it in the evaluation, and it sets no separate condition.',
    },
  ],
  materials: [
    { id: 'mudanjiang.application-letter', ref: { article: 7, item: 1, point: 1 }, quote: '申请函件' },
    {
      id: 'mudanjiang.approval-form',
      ref: { article: 7, item: 1, point: 2 },
      quote: '《牡丹江市市级人力资源服务产业园评估认定审批表》',
    },
    {
      id: 'mudanjiang.planning-report',
      ref: { article: 7, item: 1, point: 3 },
      quote: '产业园区建设规划论证报告(主要包括必要性、可行性、总体规划、发展措施等内容)',
    },
    { id: 'mudanjiang.policy-documents', ref: { article: 7, item: 1, point: 4 }, quote: '已出台的扶持人力资源服务业发展的政策文件' },
    {
      id: 'mudanjiang.operations-report',
      ref: { article: 7, item: 1, point: 5 },
      quote:
        '园区建设管理和运营情况(主要包括基础设施、管理及运营机构、资金筹集、产权归属、入驻企业发展以及经济社会效益等方面情况)及信息化建设情况报告',
    },
    {
      id: 'mudanjiang.tenant-register',
      ref: { article: 7, item: 1, point: 6 },
      quote: '园区入驻人力资源服务机构情况(主要包括入驻机构名册、人力资源服务许可证/备案凭证及经营情况佐证材料等)',
    },
    { id: 'mudanjiang.other-materials', ref: { article: 7, item: 1, point: 7 }, quote: '其它需要出具的相关材料' },
  ],
  evidence: [
    { id: 'mudanjiang.licences', ref: { article: 7, item: 1, point: 6 }, quote: '人力资源服务许可证/备案凭证' },
    { id: 'mudanjiang.revenue-proof', ref: { article: 7, item: 1, point: 6 }, quote: '经营情况佐证材料' },
  ],
  procedure: [
    {
      id: 'mudanjiang.applicant',
      topic: 'submission',
      ref: { article: 4 },
      quote: '可由园区所在地的县（市、区）人民政府向市级人力资源和社会保障部门申报挂牌市级人力资源服务产业园',
    },
    {
      id: 'mudanjiang.submit',
      topic: 'submission',
      ref: { article: 7, item: 1 },
      quote: '各县（市、区）申报人力资源服务产业园，应向市人社局提交申报材料',
    },
    {
      id: 'mudanjiang.evaluate',
      topic: 'evaluation',
      ref: { article: 7, item: 2 },
      quote:
        '市人社局会同有关部门并组织业内专家对产业园进行考察评估，重点考察园区规模、基础设施、功能特色、运营管理、公共服务、实际效益等方面情况',
    },
    {
      id: 'mudanjiang.notice',
      topic: 'publicNotice',
      ref: { article: 7, item: 3 },
      quote: '公示无异议的',
    },
    {
      id: 'mudanjiang.designate',
      topic: 'designation',
      ref: { article: 7, item: 3 },
      quote:
        '市人社局在综合评估、统筹研究的基础上，对符合条件的产业园认定为市级人力资源服务产业园，公示无异议的，行文批复并向社会公布',
    },
    {
      id: 'mudanjiang.branches',
      topic: 'branches',
      ref: { article: 8 },
      quote: '已经建成的市级人力资源服务产业园,需要改变原规划设立分园区的,需向市人力资源和社会保障局提出申请,经同意后可以增设',
    },
    {
      id: 'mudanjiang.periodic-evaluation',
      topic: 'periodicEvaluation',
      ref: { article: 13 },
      quote: '市人力资源和社会保障局负责对市级人力资源服务产业园实行综合考核评估,确定不合格、合格、优秀等次，每三年开展一次',
      params: { years: P.evaluationYears },
    },
    {
      id: 'mudanjiang.self-evaluation',
      topic: 'periodicEvaluation',
      ref: { article: 13 },
      quote: '所在县（市、区）人力资源和社会保障局每年第一季度对上一年度产业园运营情况进行总结评估,报市人力资源和社会保障局备案',
    },
    {
      id: 'mudanjiang.grades',
      topic: 'grades',
      ref: { article: 15 },
      quote: '对考核评估结果为优秀等次的,予以全市公示。对考核评估结果为不合格等次的,责令其限期整改',
    },
    {
      id: 'mudanjiang.revocation',
      topic: 'revocation',
      ref: { article: 15 },
      quote: '连续两次考核评估为不合格等次的,取消市级人力资源服务产业园资格',
    },
    {
      id: 'mudanjiang.sanctions',
      topic: 'revocation',
      ref: { article: 15 },
      quote:
        '对经营不善、管理混乱、效益不好、未开展实质性工作、存在违规运营情况及造成其他不良影响的产业园，采取责令整改、取消授牌等处理措施',
    },
  ],
  notices: [
    { id: 'draft' },
    { id: 'in-force', ref: { article: 16 } },
    { id: 'in-principle', ref: { article: 6 } },
    { id: 'selective', ref: { article: 7 } },
  ],
};
