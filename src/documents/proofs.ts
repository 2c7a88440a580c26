/**
 * Which answers each material must prove: the checklist prints, under every material, the applicant's answers
 * that the document will have to bear out (the 入驻机构名录 the number of institutions, the 运营报告 the floor
 * area and the operator, …), so the applicant sees what the paper has to show.
 *
 * Evidence items take theirs from the criteria that call for them (`CriterionDef.evidence`): the rules data
 * already says which condition needs which proof. Application materials are named by the procedure article
 * without a link to the conditions, so the link is stated here, by what each text says the material contains
 * (e.g. 第七条（一）5 "基础设施、管理及运营机构、资金筹集、产权归属、入驻企业发展…"). This is an editorial aid, not a
 * rule: it decides nothing, and only facts the jurisdiction actually asks are printed.
 */
import { factsAsked } from '../flows/questions.js';
import type { FactName } from '../rules/facts.js';
import type { JurisdictionDef } from '../rules/types.js';
import { PAST_YEAR_FIGURES } from '../rules/periods.js';

/** The park's key figures, which a letter of application states. */
const KEY_FIGURES: readonly FactName[] = ['layout', 'parkType', 'floorArea', 'hrInstitutions', 'commercialHrInstitutions', 'annualRevenue'];
/** The planning and feasibility studies. */
const PLANNING: readonly FactName[] = ['hasPlanningReport', 'servesLocalIndustry', 'hasInvestmentPlan', 'hasDigitalPlan'];
/** Local support policies. */
const POLICIES: readonly FactName[] = ['hasLocalSupportPolicy', 'hasTenantIncentives', 'hasDevelopmentFund'];
/** The residents: who they are, how many, what they earn, what they offer. */
const TENANTS: readonly FactName[] = [
  'hrInstitutions',
  'coreHrInstitutions',
  'commercialHrInstitutions',
  'parkInstitutions',
  'localHqInstitutions',
  'specialtyHrInstitutions',
  'businessLines',
  ...PAST_YEAR_FIGURES,
  'revenueGrowing',
  'completeServiceChain',
  'lawfulOperation',
];
/** The premises, the operator and the services of the park. */
const OPERATIONS: readonly FactName[] = [
  'layout',
  'floorArea',
  'coreFloorArea',
  'branchCount',
  'occupiedArea',
  'coreOccupiedArea',
  'hasDedicatedOperator',
  'hasOperatingTeam',
  'fullTimeStaff',
  'hasManagementRules',
  'hasAdequateFacilities',
  'publicServices',
  'supportingServices',
  'hasOnlineOfflinePlatforms',
  'hasPublicServicePlatform',
  'holdsPublicWelfareActivities',
  'organizesRecruitmentEvents',
];

/** By material id: the facts it must bear out. An empty list: the material proves no answer (a cover, a declaration). */
export const MATERIAL_PROOFS: Readonly<Record<string, readonly FactName[]>> = {
  // 山东 第十三条（一）
  'shandong.application-letter': KEY_FIGURES,
  'shandong.planning-report': PLANNING,
  'shandong.policy-documents': POLICIES,
  // 入驻机构名录和经营管理情况报告: the residents and how the park is run.
  'shandong.tenant-register': [...TENANTS, ...OPERATIONS],
  // 吉林 第六条（一）, 附件
  'jilin.cover': [],
  'jilin.application-request': KEY_FIGURES,
  'jilin.feasibility-report': PLANNING,
  'jilin.operations-report': OPERATIONS,
  'jilin.policy-documents': POLICIES,
  'jilin.tenant-register': TENANTS,
  'jilin.other-materials': [],
  // 附件3 申报表: the conditions of 第五条, every one of them (filled by the jilin-form document).
  'jilin.application-form': [...KEY_FIGURES, ...OPERATIONS, ...TENANTS, ...PLANNING, ...POLICIES, 'cityLevelDesignated', 'locationType', 'existingComprehensivePark'],
  'jilin.authenticity-declaration': [],
  // 牡丹江 第七条（一）
  'mudanjiang.application-letter': KEY_FIGURES,
  // The annex's own fields: 专（兼）职人员数, 入驻机构数量.
  'mudanjiang.approval-form': ['fullTimeStaff', 'parkInstitutions', 'hrInstitutions'],
  'mudanjiang.planning-report': PLANNING,
  'mudanjiang.policy-documents': POLICIES,
  'mudanjiang.operations-report': OPERATIONS,
  'mudanjiang.tenant-register': TENANTS,
  'mudanjiang.other-materials': [],
  // 广西 第六条（一）
  'guangxi.application-request': KEY_FIGURES,
  'guangxi.feasibility-plan': PLANNING,
  'guangxi.operations-report': OPERATIONS,
  'guangxi.support-policies': POLICIES,
  'guangxi.tenant-register': TENANTS,
  // 温州 第十条（一）
  'wenzhou.application-letter': KEY_FIGURES,
  'wenzhou.facilities-report': OPERATIONS,
  'wenzhou.tenant-report': TENANTS,
  'wenzhou.policy-documents': POLICIES,
  'wenzhou.other-materials': [],
};

/**
 * The facts a checklist item (a material or an evidence item) must prove under `def`, in asking order: only
 * facts the text's criteria read. Evidence items: the facts of the criteria that call for them.
 */
export function proofFacts(def: JurisdictionDef, itemId: string): FactName[] {
  const asked = factsAsked(def);
  const named = new Set<FactName>(
    MATERIAL_PROOFS[itemId] ?? def.criteria.filter((c) => c.evidence?.includes(itemId)).flatMap((c) => c.facts),
  );
  return asked.filter((f) => named.has(f));
}
