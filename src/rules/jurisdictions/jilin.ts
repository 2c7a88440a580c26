/**
 * 吉林省省级人力资源服务产业园管理暂行办法 (吉人社规〔2022〕8号, 吉林省人力资源和社会保障厅, 2022-11-21).
 * Source: regulations/jilin-provincial.txt. Conditions: 第五条 (一)–(七), all "原则上"; location: 第五条 lead-in
 * ("一般", advisory); one comprehensive park per 市（州）: 第四条 ("原则上"); policy support: 第三条 (a definition, so advisory);
 * materials and procedure: 第六条 and 附件 1–7; re-application three months after a refusal: 第六条（四）;
 * evaluation and revocation: 第十三条, 第十四条; entry into force: 第十五条.
 */
import { anyOf, atLeast, atMost, includesAll, inForceFrom, isTrue, onlyWhen, oneOf, shareAtLeast, waitingPeriod } from '../checks.js';
import type { Check, JurisdictionDef } from '../types.js';

/** A permission of the text that the park's answers place it under (第四条 可建设…). */
const PERMITTED: Check = () => ({ status: 'met', findings: [], missing: [] });

/** Parameters of the text, each with its source (吉人社规〔2022〕8号, in force from 2022-11-21). */
const P = {
  /** 第十五条 本办法自发布之日起施行 (发布: 2022年11月21日, the date the notice bears). */
  inForceFrom: '2022-11-21',
  /** 第四条 原则上每个市（州）建设不超过1个综合性园区 (encoded as "no comprehensive park designated yet"). */
  comprehensivePerCity: 1,
  /** 第五条（二）综合性园区建筑面积不低于4000平方米 */
  comprehensiveFloorArea: 4_000,
  /** 第五条（二）专业性园区建筑面积不低于2000平方米 */
  specializedFloorArea: 2_000,
  /** 第五条（二）设立多个园区的，总建筑面积不少于10000平方米 */
  multiFloorArea: 10_000,
  /** 第五条（二）分园区原则上不超过3个 */
  maxBranches: 3,
  /** 第五条（三）经营性人力资源服务机构原则上不少于15家 */
  commercialInstitutions: 15,
  /** 第五条（三）机构总部落户园区所在地的占入园企业不少于50% */
  localHqPercent: 50,
  /** 第六条（四）评估通过的产业园进行为期5个工作日的公示 */
  publicNoticeWorkingDays: 5,
  /** 第六条（四）给予一次性100万元补助资金 */
  grantYuan: 1_000_000,
  /** 第六条（四）未通过认定的…间隔3个月后可再次申报 */
  reapplyWaitMonths: 3,
  /** 第十三条 省人力资源和社会保障厅每三年开展一次集中考评 */
  centralEvaluationYears: 3,
} as const;

const inPrinciple = { severity: 'required', inPrinciple: true } as const;

export const jilin: JurisdictionDef = {
  id: 'jilin',
  level: 'provincial',
  title: '吉林省省级人力资源服务产业园管理暂行办法',
  documentNumber: '吉人社规〔2022〕8号',
  issuer: '吉林省人力资源和社会保障厅',
  issued: '2022-11-21',
  inForceFrom: P.inForceFrom,
  status: 'provisional',
  source: 'jilin-provincial.txt',
  text: {
    version: 'jilin@2022-11-21',
    inForceUntil: null,
    supersedes: null,
    lifecycle: 'in_force',
    // sourceUrl: not given in the text or in regulations/README.md, so left out rather than guessed.
    lastVerifiedOn: '2026-12-01',
  },
  conditionsArticles: [5],
  notEncoded: [
    {
      ref: { article: 5 },
      quote: '人力资源丰富、经济发展水平较高、产业优势明显',
      reason: 'Qualitative description of the place in the 一般 location sentence; only the kind of location is encoded (jilin.location, advisory).',
    },
    {
      ref: { article: 5, item: 4 },
      quote: '各项功能齐备',
      reason: 'A summary of (四), whose named public and supporting services are encoded one by one.',
    },
    {
      ref: { article: 5, item: 7 },
      quote: '产业园需在集聚产业人才、促进就业创业、优化人才服务、助力经济社会高质量发展等方面发挥较好作用',
      reason: 'An effect to be shown, with no fact in the contract; the officials judge it in the 评估 of 第六条（三）.',
    },
  ],
  places: [
    // The province, its eight prefecture-level cities and one autonomous prefecture (市（州）), and the two
    // areas the notice addresses beside them (长白山管委会, 梅河口市).
    '吉林', '长春', '四平', '辽源', '通化', '白山', '松原', '白城', '延边', '延边朝鲜族自治州', '长白山', '长白山保护开发区',
    '梅河口',
    // 长春市
    '南关区', '宽城区', '长春市朝阳区', '二道区', '绿园区', '双阳区', '九台区', '榆树', '德惠', '公主岭', '农安',
    '长春新区', '长春高新区', '长春经开区', '长春净月高新区', '净月', '长春汽车经开区', '汽开区', '中韩（长春）国际合作示范区',
    // 吉林市
    '吉林市昌邑区', '龙潭区', '船营区', '丰满区', '永吉', '蛟河', '桦甸', '舒兰', '磐石', '吉林高新区', '吉林经开区',
    // 四平市
    '四平市铁西区', '四平市铁东区', '梨树', '伊通', '伊通满族自治县', '双辽',
    // 辽源市
    '辽源市龙山区', '辽源市西安区', '东丰', '东辽',
    // 通化市
    '东昌区', '二道江区', '通化县', '辉南', '柳河', '集安',
    // 白山市
    '浑江区', '江源区', '抚松', '靖宇', '长白朝鲜族自治县', '临江',
    // 松原市
    '宁江区', '前郭', '前郭尔罗斯蒙古族自治县', '长岭', '乾安', '扶余',
    // 白城市
    '洮北区', '镇赉', '通榆', '洮南', '大安',
    // 延边朝鲜族自治州
    '延吉', '图们', '敦化', '珲春', '龙井', '和龙', '汪清', '安图',
  ],
  criteria: [
    {
      id: 'jilin.in-force',
      ref: { article: 15 },
      quote: '本办法自发布之日起施行',
      severity: 'required',
      facts: [],
      check: inForceFrom(P.inForceFrom),
      reading: '发布之日 is taken as the date the notice bears (2022年11月21日); no other publication date is given in the text.',
    },
    {
      id: 'jilin.policy-support',
      ref: { article: 3 },
      quote: '有产业政策扶持',
      severity: 'advisory',
      facts: ['hasLocalSupportPolicy'],
      check: isTrue('hasLocalSupportPolicy'),
      reading:
        '第三条 is a definition (本办法所称省级产业园，是指…有产业政策扶持…的特定区域), not one of the conditions, which 第五条 lists under 申报省级产业园原则上应符合以下条件. So it is advisory: it never makes a park ineligible. It is kept because 第六条（一）4 and 附件5 ask the applicant to file the support policies already issued (已出台的…扶持政策文件): without them that material cannot be filed, which the advisory outcome and its remedy say. The contract fact hasLocalSupportPolicy is the closest match.',
    },
    {
      id: 'jilin.one-comprehensive-per-city',
      ref: { article: 4 },
      quote: '原则上每个市（州）建设不超过1个综合性园区',
      ...inPrinciple,
      facts: ['parkType', 'existingComprehensivePark'],
      check: onlyWhen('parkType', ['comprehensive'], isTrue('existingComprehensivePark', false)),
      reading:
        '不超过1个 includes one: a 市（州） that already has a provincial comprehensive park has reached the cap, so a second comprehensive park is unmet (in principle); a specialized park is not capped (可建设若干个). existingComprehensivePark is read as "this 市（州） already has a comprehensive park designated under these measures", since the cap counts provincial parks.',
    },
    {
      id: 'jilin.specialized-local-industry',
      ref: { article: 4 },
      quote: '可建设若干个服务本地特色产业的专业性园区',
      severity: 'advisory',
      facts: ['parkType', 'servesLocalIndustry'],
      check: onlyWhen('parkType', ['specialized'], onlyWhen('servesLocalIndustry', [true], PERMITTED)),
      reading:
        '可建设 is a permission, not a condition: a 市（州） may build several specialized parks serving local featured industries, outside the cap of one comprehensive park. It is met for a specialized park that serves local featured industries. For one that does not, the permission simply does not reach it (not applicable): whether the park fits the local industries is the condition of 第五条（七）, checked by jilin.local-industry-match on the same fact, and counting a second unmet item for the same answer would double the shortfall. Advisory, so it never decides the verdict.',
    },
    {
      id: 'jilin.location',
      ref: { article: 5 },
      quote:
        '省级产业园一般设立在人力资源丰富、经济发展水平较高、产业优势明显的省内地级市（自治州），或者国家级新区、国家级高新技术开发区、国家级经济技术开发区、重点产业园区等',
      severity: 'advisory',
      facts: ['locationType'],
      check: oneOf('locationType', [
        'prefecture_city',
        'national_new_area',
        'high_tech_zone',
        'economic_development_zone',
        'key_industrial_park',
      ]),
      reading:
        '一般 makes this advisory. The text names only national-level (国家级) high-tech and economic development zones, but locationType does not distinguish national from provincial zones, so any high_tech_zone or economic_development_zone answer is accepted; the list ends in 等 and the criterion is advisory, so the verdict is untouched either way. A national free trade zone is not named (Jilin has none) and is not accepted. The qualitative words (人力资源丰富、经济发展水平较高、产业优势明显) are not encoded.',
    },
    {
      id: 'jilin.planning-report',
      ref: { article: 5, item: 1 },
      quote:
        '规划论证充分。按照全省经济发展布局和当地经济社会发展需要，对人力资源服务产业园的产业定位、功能布局、服务体系、运营模式、发展规划等进行充分论证，形成科学合理的规划报告',
      ...inPrinciple,
      facts: ['hasPlanningReport'],
      check: isTrue('hasPlanningReport'),
    },
    {
      id: 'jilin.floor-area-comprehensive',
      ref: { article: 5, item: 2 },
      quote: '综合性园区建筑面积不低于4000平方米',
      ...inPrinciple,
      facts: ['layout', 'parkType', 'floorArea'],
      check: onlyWhen('layout', ['single'], onlyWhen('parkType', ['comprehensive'], atLeast('floorArea', P.comprehensiveFloorArea))),
      reading:
        'The per-type areas are read as the rule for a park on one site; a park with several sites is governed by the next sentence (设立多个园区的，总建筑面积不少于10000平方米), which exceeds both per-type figures.',
    },
    {
      id: 'jilin.floor-area-specialized',
      ref: { article: 5, item: 2 },
      quote: '专业性园区建筑面积不低于2000平方米',
      ...inPrinciple,
      facts: ['layout', 'parkType', 'floorArea'],
      check: onlyWhen('layout', ['single'], onlyWhen('parkType', ['specialized'], atLeast('floorArea', P.specializedFloorArea))),
      reading: 'As for a comprehensive park: the rule for one site; several sites need 10,000 m² in total whatever the type.',
    },
    {
      id: 'jilin.total-area',
      ref: { article: 5, item: 2 },
      quote: '设立多个园区的，总建筑面积不少于10000平方米',
      ...inPrinciple,
      facts: ['layout', 'floorArea'],
      check: onlyWhen('layout', ['multi'], atLeast('floorArea', P.multiFloorArea)),
      reading: 'Applies to comprehensive and specialized parks alike; 总建筑面积 is the floor area of the core park and all branch parks together.',
    },
    {
      id: 'jilin.branch-count',
      ref: { article: 5, item: 2 },
      quote: '分园区原则上不超过3个',
      ...inPrinciple,
      facts: ['layout', 'branchCount'],
      check: onlyWhen('layout', ['multi'], atMost('branchCount', P.maxBranches)),
      reading: '不超过 includes the number: three branch parks are allowed, four are not. branchCount does not count the core park.',
    },
    {
      id: 'jilin.lawful-operation',
      ref: { article: 5, item: 3 },
      quote: '入驻园区人力资源服务机构守法诚信经营',
      ...inPrinciple,
      facts: ['lawfulOperation'],
      check: isTrue('lawfulOperation'),
    },
    {
      id: 'jilin.commercial-institutions',
      ref: { article: 5, item: 3 },
      quote: '经营性人力资源服务机构原则上不少于15家',
      ...inPrinciple,
      facts: ['commercialHrInstitutions'],
      check: atLeast('commercialHrInstitutions', P.commercialInstitutions),
    },
    {
      id: 'jilin.local-headquarters',
      ref: { article: 5, item: 3 },
      quote: '机构总部落户园区所在地的占入园企业不少于50%',
      ...inPrinciple,
      facts: ['localHqInstitutions', 'parkInstitutions'],
      check: shareAtLeast('localHqInstitutions', 'parkInstitutions', P.localHqPercent),
      reading:
        '其中 could suggest a share of the commercial HR institutions, but the text names the base itself (占入园企业): the share is of all resident enterprises (parkInstitutions). 不少于50% includes exactly half. 园区所在地 is read as the city or prefecture where the park is.',
    },
    {
      id: 'jilin.public-services',
      ref: { article: 5, item: 4 },
      quote: '能够提供就业创业、职业培训、社会保障、人事人才等公共服务功能',
      ...inPrinciple,
      facts: ['publicServices'],
      check: includesAll('publicServices', ['employment', 'vocational_training', 'social_security', 'talent_personnel']),
    },
    {
      id: 'jilin.supporting-services',
      ref: { article: 5, item: 4 },
      quote: '园区同时具备法律咨询、投融资、招聘大厅、会议、培训、餐饮等配套服务',
      ...inPrinciple,
      facts: ['supportingServices'],
      check: includesAll('supportingServices', ['legal', 'finance', 'recruitment_hall', 'meeting', 'training', 'catering']),
      reading: '投融资 is the supporting-service value finance (金融/投融资); 法律咨询 is legal.',
    },
    {
      id: 'jilin.business-lines',
      ref: { article: 5, item: 5 },
      quote:
        '园区经营性人力资源服务机构业态均衡完善，应包含：人力资源服务外包、劳务派遣、培训、管理咨询、业务代理、测评、高级人才寻访、软件应用等基本人力资源业态',
      ...inPrinciple,
      facts: ['businessLines'],
      check: includesAll('businessLines', [
        'outsourcing',
        'labor_dispatch',
        'training',
        'management_consulting',
        'business_agency',
        'assessment',
        'executive_search',
        'software',
      ]),
      reading: '应包含 makes every listed business line required (in principle); 等 allows further lines but excuses none of the eight.',
    },
    {
      id: 'jilin.city-level-designation',
      ref: { article: 5, item: 6 },
      quote: '已被认定为市级人力资源服务产业园',
      ...inPrinciple,
      facts: ['cityLevelDesignated'],
      check: isTrue('cityLevelDesignated'),
      evidence: ['jilin.city-level-designation'],
    },
    {
      id: 'jilin.operator',
      ref: { article: 5, item: 6 },
      quote: '有专门的园区管理机构、产业园管委会或专业化的公司负责运营管理',
      ...inPrinciple,
      facts: ['hasDedicatedOperator'],
      check: isTrue('hasDedicatedOperator'),
    },
    {
      id: 'jilin.operating-team',
      ref: { article: 5, item: 6 },
      quote: '配备专业化运营团队或专职工作人员',
      ...inPrinciple,
      facts: ['hasOperatingTeam', 'fullTimeStaff'],
      check: anyOf(isTrue('hasOperatingTeam'), atLeast('fullTimeStaff', 1)),
      reading: '或 makes these alternatives: a professional operating team, or full-time staff. No number is given: one full-time staff member meets "配备专职工作人员".',
    },
    {
      id: 'jilin.management-rules',
      ref: { article: 5, item: 6 },
      quote: '有完善的管理服务和经营制度',
      ...inPrinciple,
      facts: ['hasManagementRules'],
      check: isTrue('hasManagementRules'),
    },
    {
      id: 'jilin.local-industry-match',
      ref: { article: 5, item: 7 },
      quote: '省级产业园建设与所在地经济社会发展结构和产业布局匹配度高、协同性好',
      ...inPrinciple,
      facts: ['servesLocalIndustry'],
      check: isTrue('servesLocalIndustry'),
      reading:
        'The second sentence of (七) (产业园需在集聚产业人才、促进就业创业、优化人才服务、助力经济社会高质量发展等方面发挥较好作用) has no fact in the contract and is not encoded here; the officials judge it in the 评估.',
    },
    {
      id: 'jilin.reapply-wait',
      ref: { article: 6, item: 4 },
      quote: '未通过认定的，对照省人力资源和社会保障厅认定意见进行整改、完善，间隔3个月后可再次申报',
      severity: 'required',
      facts: ['previousOutcome', 'previousOutcomeDate'],
      check: waitingPeriod('rejected', { months: P.reapplyWaitMonths }),
      evidence: ['jilin.rectification'],
      reading:
        '间隔3个月 counted as 民法典 第二百零一、二百零二条 count periods: refused on 2026-01-15, the interval ends with 2026-04-15 and a new application is possible from 2026-04-16; refused on 2025-11-30, it ends with 2026-02-28. Any refusal of an earlier application (previousOutcome rejected) is read as 未通过认定. A revoked designation (第十四条 取消授牌) carries no waiting period in this text, so the rule does not apply to it.',
    },
  ],
  // In the order of the annexes (附件 1–7), each point of 第六条（一） beside the annex that gives its form; the
  // two points without an annex (3 and 6) keep their place between them.
  materials: [
    { id: 'jilin.cover', ref: { article: 6, item: 1, annex: 1 }, quote: '申报材料封面格式' },
    { id: 'jilin.application-request', ref: { article: 6, item: 1, point: 1, annex: 2 }, quote: '申报请示' },
    { id: 'jilin.application-form', ref: { article: 6, item: 1, annex: 3 }, quote: '吉林省省级人力资源服务产业园申报表' },
    {
      id: 'jilin.feasibility-report',
      ref: { article: 6, item: 1, point: 2, annex: 4 },
      quote: '产业园区建设可行性论证报告和建设发展规划',
    },
    { id: 'jilin.operations-report', ref: { article: 6, item: 1, point: 3 }, quote: '产业园建设管理和运营情况' },
    {
      id: 'jilin.policy-documents',
      ref: { article: 6, item: 1, point: 4, annex: 5 },
      quote: '已出台的人力资源服务业和产业园发展扶持政策文件',
    },
    { id: 'jilin.tenant-register', ref: { article: 6, item: 1, point: 5, annex: 6 }, quote: '已入驻或已签入驻协议企业名录' },
    { id: 'jilin.other-materials', ref: { article: 6, item: 1, point: 6 }, quote: '其它需要出具的相关材料' },
    { id: 'jilin.authenticity-declaration', ref: { article: 6, item: 1, annex: 7 }, quote: '真实性声明' },
  ],
  evidence: [
    { id: 'jilin.city-level-designation', ref: { article: 5, item: 6 }, quote: '已被认定为市级人力资源服务产业园' },
    {
      id: 'jilin.rectification',
      ref: { article: 6, item: 4 },
      quote: '对照省人力资源和社会保障厅认定意见进行整改、完善',
    },
  ],
  procedure: [
    {
      id: 'jilin.submit',
      topic: 'submission',
      ref: { article: 6, item: 1 },
      quote: '符合申报条件的人力资源服务产业园向所在市（州）人力资源和社会保障部门提出申请，提交申报材料',
    },
    {
      id: 'jilin.review',
      topic: 'review',
      ref: { article: 6, item: 2 },
      quote:
        '所在市（州）人力资源和社会保障部门对产业园申报材料进行审核，提出推荐意见，由产业园所在地的市（州）人民政府向省人力资源和社会保障厅提出申请，提交申报材料',
    },
    {
      id: 'jilin.evaluate',
      topic: 'evaluation',
      ref: { article: 6, item: 3 },
      quote:
        '省人力资源和社会保障厅组织有关部门和业内专家对申报的省级产业园建设情况进行调研论证，结合全省产业园区布局，对产业园建设的必要性、可行性、合理性等论证评估',
    },
    {
      id: 'jilin.notice',
      topic: 'publicNotice',
      ref: { article: 6, item: 4 },
      quote: '评估通过的产业园进行为期5个工作日的公示',
      params: { days: P.publicNoticeWorkingDays, dayKind: 'working' },
    },
    {
      id: 'jilin.designate',
      topic: 'designation',
      ref: { article: 6, item: 4 },
      quote: '公示期满无异议的，由省人力资源和社会保障厅行文批准其设立XX市（州）省级产业园',
    },
    {
      id: 'jilin.grant',
      topic: 'grant',
      ref: { article: 6, item: 4 },
      quote:
        '评定为省级人力资源服务产业园的，利用省级服务业发展专项资金，给予一次性100万元补助资金，专项用于园区基础设施、公共服务设施、人力资源服务平台等项目建设',
      params: { amountYuan: P.grantYuan },
    },
    {
      id: 'jilin.refusal',
      topic: 'refusal',
      ref: { article: 6, item: 4 },
      quote: '未通过认定的，对照省人力资源和社会保障厅认定意见进行整改、完善，间隔3个月后可再次申报',
      params: { months: P.reapplyWaitMonths },
    },
    {
      id: 'jilin.branches',
      topic: 'branches',
      ref: { article: 6, item: 4 },
      quote:
        '已经设立的省级产业园区新建分园区的，由市（州）人力资源和社会保障部门向省人力资源和社会保障厅提出申请，经同意后可在原省级产业园区基础上增设分园区',
    },
    {
      id: 'jilin.periodic-evaluation',
      topic: 'periodicEvaluation',
      ref: { article: 13 },
      quote:
        '各市（州）人力资源和社会保障部门每年要开展一次自评，并向省人力资源和社会保障厅报告自评情况；省人力资源和社会保障厅每三年开展一次集中考评',
      params: { years: P.centralEvaluationYears },
    },
    {
      id: 'jilin.grades',
      topic: 'grades',
      ref: { article: 14 },
      quote: '对综合考评结果为优秀的省级产业园予以通报表扬并给予一定政策扶持，对综合考评当年不合格等次的，通报其限期整改',
    },
    {
      id: 'jilin.revocation',
      topic: 'revocation',
      ref: { article: 14 },
      quote: '对经营不善、效益不好、未开展实质性工作、存在违规违法运营情况以及造成其他不良影响的产业园，采取责令整改、取消授牌等处理措施',
    },
  ],
  notices: [{ id: 'provisional', ref: { article: 15 } }, { id: 'in-principle', ref: { article: 5 } }],
};
