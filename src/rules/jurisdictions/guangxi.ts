/**
 * 自治区级人力资源服务产业园管理暂行办法 (桂人社规〔2021〕1号, 广西壮族自治区人力资源和社会保障厅, 2021-01-27).
 * Source: regulations/guangxi-regional.txt. Conditions: 第五条 (一)–(七), "应具备" (required; only the branch-park
 * ceiling of 第五条（三） is "原则"); where parks are built: 第三条 ("一般", advisory); materials and procedure:
 * 第六条; branch changes: 第七条; evaluation and revocation: 第十三、十四条. The text sets no waiting period after
 * a refusal or a revocation, so none is checked.
 */
import {
  allOf,
  anyOf,
  atLeast,
  atMost,
  eachBranch,
  includesAll,
  inForceFrom,
  isTrue,
  onlyWhen,
  shareAtLeast,
} from '../checks.js';
import type { Check, JurisdictionDef } from '../types.js';

/** Parameters of the text, each with its source (第五条 unless said otherwise; in force from 2021-01-27). */
const P = {
  /** 第十六条 本办法自印发之日起施行 (印发 2021年1月27日) */
  inForceFrom: '2021-01-27',
  /** 第五条（三）只设立一个园区的，建筑面积不少于5000平方米(含) */
  singleFloorArea: 5_000,
  /** 第五条（三）设立多个园区的，核心园区不少于3000平方米(含) */
  coreFloorArea: 3_000,
  /** 第五条（三）园区总面积不少于8000平方米(含) */
  multiFloorArea: 8_000,
  /** 第五条（三）分园区原则不超过2个 */
  maxBranches: 2,
  /** 第五条（四）只设立一个园区的，入驻的人力资源服务机构不少于30家 */
  singleInstitutions: 30,
  /** 第五条（四）（只设立一个园区的）入驻面积达到园区建筑面积60%以上 */
  singleOccupancyPercent: 60,
  /** 第五条（四）设立多个园区的，核心区园区入驻的人力资源服务机构不少于20家 */
  coreInstitutions: 20,
  /** 第五条（四）（核心区园区）入驻面积达到园区建筑面积50%以上 */
  coreOccupancyPercent: 50,
  /** 第五条（四）分园区入驻的人力资源服务机构不少于10家 */
  branchInstitutions: 10,
  /** 第五条（四）（分园区）入驻面积达到园区建筑面积50%以上 */
  branchOccupancyPercent: 50,
  /** 第五条（四）产业园年营业收入不低于5亿元人民币 */
  annualRevenue: 500_000_000,
  /** 第五条（六）配备专职工作人员 (no number: at least one) */
  fullTimeStaff: 1,
  /** 第五条（一）具备提供就业创业、职业培训、社会保障、人才人事等公共服务功能 */
  publicServices: ['employment', 'vocational_training', 'social_security', 'talent_personnel'],
  /** 第五条（六）园区能提供会议、培训、金融、法律、住宿、餐饮等配套服务 */
  supportingServices: ['meeting', 'training', 'finance', 'legal', 'accommodation', 'catering'],
  /** 第六条（二）自收到申请之日起45日内 (calendar days) */
  evaluationDays: 45,
  /** 第六条（三）为期7日的公示 (calendar days) */
  publicNoticeDays: 7,
  /** 第十三条 每3年…进行综合评估 */
  evaluationCycleYears: 3,
  /** 第十四条 连续3年年度考核优秀 */
  excellenceYears: 3,
  /** 第十四条 连续2年年度考核不合格 … 取消其自治区级人力资源服务产业园授牌 */
  revocationFailYears: 2,
} as const;

const required = { severity: 'required' } as const;
/** 只设立一个园区的… */
const single = (check: Check) => onlyWhen('layout', ['single'], check);
/** 设立多个园区的… */
const multi = (check: Check) => onlyWhen('layout', ['multi'], check);

/** Evidence a multi-site park's answers call for: each site's own figures. */
const SITE_FIGURES = 'guangxi.site-figures';

export const guangxi: JurisdictionDef = {
  id: 'guangxi',
  level: 'autonomous_region',
  title: '自治区级人力资源服务产业园管理暂行办法',
  documentNumber: '桂人社规〔2021〕1号',
  issuer: '广西壮族自治区人力资源和社会保障厅',
  issued: '2021-01-27',
  inForceFrom: P.inForceFrom,
  status: 'provisional',
  source: 'guangxi-regional.txt',
  text: {
    version: 'guangxi@2021-01-27',
    inForceUntil: null,
    supersedes: null,
    lifecycle: 'in_force',
    // sourceUrl: not given in the text or in regulations/README.md, so left out rather than guessed.
    lastVerifiedOn: '2026-12-01',
  },
  conditionsArticles: [5],
  notEncoded: [
    {
      ref: { article: 5, item: 2 },
      quote: '具有较大的发展空间和发展前景，对当地经济有较强的服务能力和区域辐射作用',
      reason: '发展空间、发展前景、服务能力 and 辐射作用 are qualitative judgements with no fact in the vocabulary; the evaluation of 第六条（二） weighs them.',
    },
  ],
  places: [
    '广西', '广西壮族自治区', '八桂',
    // 设区市
    '南宁', '柳州', '桂林', '梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左',
    // 南宁
    '兴宁区', '青秀区', '江南区', '西乡塘区', '良庆区', '邕宁区', '武鸣区', '武鸣', '隆安县', '马山县', '上林县',
    '宾阳县', '宾阳', '横州市', '横州', '横县', '五象新区',
    // 柳州 (城中区 left out: 西宁 has one too)
    '鱼峰区', '柳南区', '柳北区', '柳江区', '柳城县', '鹿寨县', '融安县', '融水苗族自治县', '融水', '三江侗族自治县',
    // 桂林
    '秀峰区', '叠彩区', '象山区', '七星区', '雁山区', '临桂区', '临桂', '阳朔县', '阳朔', '灵川县', '全州县', '兴安县',
    '永福县', '灌阳县', '龙胜各族自治县', '龙胜', '资源县', '平乐县', '荔浦市', '荔浦', '恭城瑶族自治县', '恭城',
    // 梧州
    '万秀区', '长洲区', '龙圩区', '苍梧县', '藤县', '蒙山县', '岑溪市', '岑溪',
    // 北海
    '海城区', '银海区', '铁山港区', '合浦县', '合浦',
    // 防城港
    '港口区', '防城区', '上思县', '东兴市',
    // 钦州
    '钦南区', '钦北区', '灵山县', '浦北县',
    // 贵港
    '港北区', '港南区', '覃塘区', '平南县', '桂平市', '桂平',
    // 玉林
    '玉州区', '福绵区', '容县', '陆川县', '博白县', '兴业县', '北流市', '北流',
    // 百色
    '右江区', '田阳区', '田东县', '德保县', '那坡县', '凌云县', '乐业县', '田林县', '西林县', '隆林各族自治县',
    '靖西市', '靖西', '平果市', '平果',
    // 贺州
    '八步区', '平桂区', '昭平县', '钟山县', '富川瑶族自治县',
    // 河池
    '金城江区', '宜州区', '宜州', '南丹县', '天峨县', '凤山县', '东兰县', '罗城仫佬族自治县', '环江毛南族自治县',
    '巴马瑶族自治县', '巴马', '都安瑶族自治县', '大化瑶族自治县',
    // 来宾
    '兴宾区', '忻城县', '象州县', '武宣县', '金秀瑶族自治县', '合山市',
    // 崇左
    '江州区', '扶绥县', '宁明县', '龙州县', '大新县', '天等县', '凭祥市', '凭祥',
  ],
  criteria: [
    {
      id: 'guangxi.in-force',
      ref: { article: 16 },
      quote: '本办法自印发之日起施行',
      ...required,
      facts: [],
      check: inForceFrom(P.inForceFrom),
      reading: '印发 is the date on the notice: 2021年1月27日.',
    },
    {
      id: 'guangxi.city-level-first',
      ref: { article: 3 },
      quote: '设区市一般应在市级人力资源服务产业园基础上建设自治区级人力资源服务产业园',
      severity: 'advisory',
      facts: ['cityLevelDesignated'],
      check: isTrue('cityLevelDesignated'),
      reading:
        '一般应 makes this the usual path, not a bar: advisory. It is not repeated among the 第五条 conditions, so a park without a city-level designation may still apply.',
      evidence: ['guangxi.city-level-designation'],
    },
    // 第五条（一）
    {
      id: 'guangxi.development-plan',
      ref: { article: 5, item: 1 },
      quote:
        '有园区发展规划。园区建设发展规划包括建设的必要性、建设基础和优势、产业导向和发展目标、功能布局、建设及运营模式等内容',
      ...required,
      facts: ['hasPlanningReport'],
      check: isTrue('hasPlanningReport'),
      reading:
        'hasPlanningReport (规划论证报告 / 建设发展规划) is read as a development plan covering the contents listed; 等内容 leaves the list open, so no single heading is checked on its own.',
    },
    {
      id: 'guangxi.public-service-platform',
      ref: { article: 5, item: 1 },
      quote: '还应建有公共服务平台',
      ...required,
      facts: ['hasPublicServicePlatform'],
      check: isTrue('hasPublicServicePlatform'),
    },
    {
      id: 'guangxi.public-services',
      ref: { article: 5, item: 1 },
      quote: '还应建有公共服务平台，具备提供就业创业、职业培训、社会保障、人才人事等公共服务功能',
      ...required,
      facts: ['publicServices'],
      check: includesAll('publicServices', P.publicServices),
      reading:
        'All four named functions are required (等 may add others, it takes none away). The platform itself is guangxi.public-service-platform.',
    },
    // 第五条（二）
    {
      id: 'guangxi.local-industry',
      ref: { article: 5, item: 2 },
      quote: '应符合广西经济发展规划和区域产业布局需要，与当地经济产业匹配度高',
      ...required,
      facts: ['servesLocalIndustry'],
      check: isTrue('servesLocalIndustry'),
      reading:
        'servesLocalIndustry answers the fit with Guangxi\'s plan and the local industrial layout. The rest of the sentence (具有较大的发展空间和发展前景，对当地经济有较强的服务能力和区域辐射作用) is a qualitative judgement with no fact in the vocabulary; it is left to the evaluation of 第六条（二）, not checked here.',
    },
    {
      id: 'guangxi.service-chain',
      ref: { article: 5, item: 2 },
      quote:
        '通过集聚优质人力资源服务机构，形成较为完整的人力资源服务产业链，或是有针对性地提供符合全区或当地经济发展专业化、特色化、高质量的人力资源服务',
      ...required,
      facts: ['completeServiceChain', 'providesTargetedSpecialtyServices'],
      check: anyOf(isTrue('completeServiceChain'), isTrue('providesTargetedSpecialtyServices')),
      reading: '或是 makes these alternatives: a fairly complete service chain, or targeted specialised services; either one meets the item.',
    },
    // 第五条（三）
    {
      id: 'guangxi.floor-area',
      ref: { article: 5, item: 3 },
      quote: '只设立一个园区的，建筑面积不少于5000平方米(含)',
      ...required,
      facts: ['layout', 'floorArea'],
      check: single(atLeast('floorArea', P.singleFloorArea)),
    },
    {
      id: 'guangxi.core-area',
      ref: { article: 5, item: 3 },
      quote: '设立多个园区的，核心园区不少于3000平方米(含)',
      ...required,
      facts: ['layout', 'coreFloorArea'],
      check: multi(atLeast('coreFloorArea', P.coreFloorArea)),
      reading: 'The figure is read as the core park\'s building floor area (建筑面积), the measure the single-site clause just before it names.',
      evidence: [SITE_FIGURES],
    },
    {
      id: 'guangxi.total-area',
      ref: { article: 5, item: 3 },
      quote: '园区总面积不少于8000平方米(含)',
      ...required,
      facts: ['layout', 'floorArea'],
      check: multi(atLeast('floorArea', P.multiFloorArea)),
      reading: '园区总面积 is the floor area of the core park and every branch park together (floorArea of a multi-site park).',
      evidence: [SITE_FIGURES],
    },
    {
      id: 'guangxi.branch-count',
      ref: { article: 5, item: 3 },
      quote: '分园区原则不超过2个',
      severity: 'required',
      inPrinciple: true,
      facts: ['layout', 'branchCount'],
      check: multi(atMost('branchCount', P.maxBranches)),
      reading:
        '原则 (= 原则上): required, but the authority may accept a third branch; 不超过 includes the number, so two branch parks are within it. branchCount does not count the core park.',
      evidence: [SITE_FIGURES],
    },
    // 第五条（四）
    {
      id: 'guangxi.institutions',
      ref: { article: 5, item: 4 },
      quote: '只设立一个园区的，入驻的人力资源服务机构不少于30家',
      ...required,
      facts: ['layout', 'hrInstitutions'],
      check: single(atLeast('hrInstitutions', P.singleInstitutions)),
    },
    {
      id: 'guangxi.occupancy',
      ref: { article: 5, item: 4 },
      quote: '入驻面积达到园区建筑面积60%以上',
      ...required,
      facts: ['layout', 'occupiedArea', 'floorArea'],
      check: single(shareAtLeast('occupiedArea', 'floorArea', P.singleOccupancyPercent)),
      reading: '达到…以上 includes the figure: exactly 60% of the floor area meets it.',
    },
    {
      id: 'guangxi.core-institutions',
      ref: { article: 5, item: 4 },
      quote: '设立多个园区的，核心区园区入驻的人力资源服务机构不少于20家',
      ...required,
      facts: ['layout', 'coreHrInstitutions'],
      check: multi(atLeast('coreHrInstitutions', P.coreInstitutions)),
      reading:
        '核心区园区 is the 核心园区 of 第五条（三）. Not wrapped in scoped({ site: "core" }): the fact coreHrInstitutions is already labelled as the core park\'s, and the site prefix would print 核心园区 twice.',
      evidence: [SITE_FIGURES],
    },
    {
      id: 'guangxi.core-occupancy',
      ref: { article: 5, item: 4 },
      quote: '入驻面积达到园区建筑面积50%以上',
      ...required,
      facts: ['layout', 'coreOccupiedArea', 'coreFloorArea'],
      check: multi(shareAtLeast('coreOccupiedArea', 'coreFloorArea', P.coreOccupancyPercent)),
      reading:
        'In the multi-site sentence each clause belongs to its site (核心区园区…入驻面积…；分园区…入驻面积…), so 园区建筑面积 here is the core park\'s own floor area, not the total of all sites: a careful official reads it so, because the total reading would give the branch clause no object of its own. 达到…以上 includes the figure. Not scoped: the core facts are already labelled as the core park\'s.',
      evidence: [SITE_FIGURES],
    },
    {
      id: 'guangxi.branch-agglomeration',
      ref: { article: 5, item: 4 },
      quote: '分园区入驻的人力资源服务机构不少于10家，入驻面积达到园区建筑面积50%以上',
      ...required,
      facts: ['layout', 'branches'],
      check: multi(
        eachBranch(
          allOf(
            atLeast('hrInstitutions', P.branchInstitutions),
            shareAtLeast('occupiedArea', 'floorArea', P.branchOccupancyPercent),
          ),
        ),
      ),
      reading:
        'Each branch park on its own figures (branches[i]): 分园区 names every branch, and its 园区建筑面积 is that branch\'s own floor area. A figure of one branch cannot make up for another\'s shortfall.',
      evidence: [SITE_FIGURES],
    },
    {
      id: 'guangxi.annual-revenue',
      ref: { article: 5, item: 4 },
      quote: '产业园年营业收入不低于5亿元人民币',
      ...required,
      facts: ['annualRevenue'],
      check: atLeast('annualRevenue', P.annualRevenue),
      reading:
        '不低于 includes the figure. For every layout; for a multi-site park the revenue of all sites together (产业园). The text says only 年营业收入: the answer is the last full year\'s revenue (annualRevenue), and the text neither includes nor excludes pass-through payments (代收代付), so the applicant reports revenue as it is booked. Users read the text\'s own words (factLabels.annualRevenue: 产业园年营业收入), never Wenzhou\'s or Mudanjiang\'s 上一年度…（含代收代付）.',
    },
    // 第五条（五）
    {
      id: 'guangxi.local-policy',
      ref: { article: 5, item: 5 },
      quote: '产业园所在地应支持人力资源服务产业园发展，出台促进当地人力资源服务业发展的扶持政策',
      ...required,
      facts: ['hasLocalSupportPolicy'],
      check: isTrue('hasLocalSupportPolicy'),
    },
    // 第五条（六）
    {
      id: 'guangxi.management-rules',
      ref: { article: 5, item: 6 },
      quote: '管理运营机构健全、制度完善，管理运营规范',
      ...required,
      facts: ['hasManagementRules'],
      check: isTrue('hasManagementRules'),
      reading:
        'hasManagementRules is read as sound management and operating rules, applied in practice. The body that runs the park (机构健全) is checked by guangxi.operator.',
    },
    {
      id: 'guangxi.operator',
      ref: { article: 5, item: 6 },
      quote: '有专门的产业园管委会或专业化的公司负责运营管理',
      ...required,
      facts: ['hasDedicatedOperator'],
      check: isTrue('hasDedicatedOperator'),
      reading: 'Either a dedicated management committee or a professional company (或): hasDedicatedOperator covers both.',
    },
    {
      id: 'guangxi.staff',
      ref: { article: 5, item: 6 },
      quote: '配备专职工作人员',
      ...required,
      facts: ['fullTimeStaff'],
      check: atLeast('fullTimeStaff', P.fullTimeStaff),
      reading: 'No number is given: at least one full-time staff member meets "配备专职工作人员".',
    },
    {
      id: 'guangxi.platforms',
      ref: { article: 5, item: 6 },
      quote: '有完善的各类线上线下服务平台',
      ...required,
      facts: ['hasOnlineOfflinePlatforms'],
      check: isTrue('hasOnlineOfflinePlatforms'),
    },
    {
      id: 'guangxi.revenue-growth',
      ref: { article: 5, item: 6 },
      quote: '经济效益显著、增长态势明显',
      ...required,
      facts: ['revenueGrowing'],
      check: isTrue('revenueGrowing'),
      reading: 'No figure is given: the applicant\'s own yes/no on clear economic benefit and a visible growth trend; the evaluation of 第六条（二）(实际效益) tests it.',
    },
    {
      id: 'guangxi.supporting-services',
      ref: { article: 5, item: 6 },
      quote: '园区能提供会议、培训、金融、法律、住宿、餐饮等配套服务',
      ...required,
      facts: ['supportingServices'],
      check: includesAll('supportingServices', P.supportingServices),
      reading: 'All six named services are required (等 may add others, it takes none away).',
    },
    // 第五条（七）
    {
      id: 'guangxi.digital-plan',
      ref: { article: 5, item: 7 },
      quote: '对数字化人力资源服务体系建设、培育数字化产业发展环境有具体规划，并具备提供数字化服务的一定基础',
      ...required,
      facts: ['hasDigitalPlan'],
      check: isTrue('hasDigitalPlan'),
    },
  ],
  materials: [
    { id: 'guangxi.application-request', ref: { article: 6, item: 1, point: 1 }, quote: '申报请示' },
    {
      id: 'guangxi.feasibility-plan',
      ref: { article: 6, item: 1, point: 2 },
      quote: '产业园区建设可行性论证报告和建设发展规划',
    },
    { id: 'guangxi.operations-report', ref: { article: 6, item: 1, point: 3 }, quote: '产业园建设管理及运营报告' },
    { id: 'guangxi.support-policies', ref: { article: 6, item: 1, point: 4 }, quote: '地方扶持政策' },
    { id: 'guangxi.tenant-register', ref: { article: 6, item: 1, point: 5 }, quote: '入驻企业名录' },
  ],
  evidence: [
    {
      id: 'guangxi.city-level-designation',
      ref: { article: 3 },
      quote: '设区市一般应在市级人力资源服务产业园基础上建设自治区级人力资源服务产业园',
    },
    {
      id: SITE_FIGURES,
      ref: { article: 5, item: 4 },
      quote:
        '设立多个园区的，核心区园区入驻的人力资源服务机构不少于20家，入驻面积达到园区建筑面积50%以上，分园区入驻的人力资源服务机构不少于10家，入驻面积达到园区建筑面积50%以上',
    },
  ],
  procedure: [
    {
      id: 'guangxi.submit',
      topic: 'submission',
      ref: { article: 6, item: 1 },
      quote: '由产业园所在的设区市人力资源社会保障部门向自治区人力资源社会保障部门提出申请，并提交如下申报材料',
    },
    {
      id: 'guangxi.evaluate',
      topic: 'evaluation',
      ref: { article: 6, item: 2 },
      quote:
        '自治区人力资源社会保障部门自收到申请之日起45日内，组织对产业园进行评估，重点实地考察园区规模、基础设施、功能特色、管理运营、公共服务、实际效益等方面情况',
      params: { days: P.evaluationDays, dayKind: 'calendar' },
    },
    {
      id: 'guangxi.notice',
      topic: 'publicNotice',
      ref: { article: 6, item: 3 },
      quote: '自治区人力资源社会保障部门对评估通过的产业园进行为期7日的公示',
      params: { days: P.publicNoticeDays, dayKind: 'calendar' },
    },
    {
      id: 'guangxi.designate',
      topic: 'designation',
      ref: { article: 6, item: 3 },
      quote: '公示期届满无异议的，自治区人力资源社会保障部门予以批复并向社会公布',
    },
    {
      id: 'guangxi.branches',
      topic: 'branches',
      ref: { article: 7 },
      quote:
        '自治区级人力资源服务产业园因故变更建设规划、增设分园区或发生其他重大事项，产业园所在设区市人力资源社会保障部门应向自治区人力资源社会保障部门备案',
    },
    {
      id: 'guangxi.national',
      topic: 'designation',
      ref: { article: 8 },
      quote: '综合评估通过后，按《国家级人力资源服务产业园管理办法（试行）》的要求，报人力资源社会保障部申请设立国家级人力资源服务产业园',
    },
    {
      id: 'guangxi.annual-review',
      topic: 'periodicEvaluation',
      ref: { article: 13 },
      quote:
        '产业园每年第一季度确定本园区的年度发展目标并向自治区人力资源社会保障部门报备，次年第一季度对上一年运行情况进行评估总结，形成自评报告，经所在设区市人力资源社会保障部门审核确认后报自治区人力资源社会保障部门',
    },
    {
      id: 'guangxi.comprehensive-evaluation',
      topic: 'periodicEvaluation',
      ref: { article: 13 },
      quote:
        '自治区级人力资源服务产业园自批复认定之日起，每3年由自治区人力资源社会保障部门对园区的平台建设、政策体系、管理运营、服务保障、经济社会效益等方面进行综合评估',
      params: { years: P.evaluationCycleYears },
    },
    {
      id: 'guangxi.grades',
      topic: 'grades',
      ref: { article: 13 },
      quote: '确定优秀、合格、不合格等次，并公布评估结果',
    },
    {
      id: 'guangxi.priority-support',
      topic: 'grant',
      ref: { article: 14 },
      quote:
        '认定为自治区级人力资源服务产业园的，同等条件下可优先享受国家和自治区支持人力资源服务业发展的政策，对符合条件的产业园优先认定为自治区级创业孵化示范基地，每个示范基地按规定给予一次性奖补',
    },
    {
      id: 'guangxi.excellence-support',
      topic: 'grant',
      ref: { article: 14 },
      quote: '对连续3年年度考核优秀或综合评估优秀的产业园，加大项目和资金支持力度，并对入驻园区的优秀企业在各类评优中优先推荐',
      params: { years: P.excellenceYears },
    },
    {
      id: 'guangxi.rectification',
      topic: 'grades',
      ref: { article: 14 },
      quote: '对年度考核不合格的产业园进行通报，并限期整改',
    },
    {
      id: 'guangxi.revocation',
      topic: 'revocation',
      ref: { article: 14 },
      quote: '对连续2年年度考核不合格，或是造成重大恶劣影响的产业园，取消其自治区级人力资源服务产业园授牌',
      params: { years: P.revocationFailYears },
    },
  ],
  notices: [
    { id: 'provisional', ref: { article: 16 } },
    { id: 'applicant', ref: { article: 6, item: 1 } },
    { id: 'merit-based', ref: { article: 6 } },
    { id: 'in-principle', ref: { article: 5, item: 3 } },
  ],
};
