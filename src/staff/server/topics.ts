/**
 * What each fact, and so each condition, is about: the rows of the comparison (area, institutions, revenue,
 * operator, services, policies, and the rest). A condition's topic is that of the first fact it reads beyond
 * the park's structure (`layout`, `parkType`), which only decide whether it applies.
 */
import type { FactName } from '../../rules/facts.js';
import type { CriterionDef } from '../../rules/types.js';
import type { CompareTopic } from '../shared/types.js';

/** Every fact's topic; a new fact fails the type check until it is placed. */
export const FACT_TOPICS: Record<FactName, CompareTopic> = {
  layout: 'other',
  parkType: 'other',
  existingComprehensivePark: 'other',
  locationType: 'other',
  previousOutcome: 'other',
  previousOutcomeDate: 'other',
  floorArea: 'area',
  coreFloorArea: 'area',
  occupiedArea: 'area',
  coreOccupiedArea: 'area',
  branchCount: 'area',
  hasAdequateFacilities: 'area',
  hrInstitutions: 'institutions',
  coreHrInstitutions: 'institutions',
  commercialHrInstitutions: 'institutions',
  parkInstitutions: 'institutions',
  localHqInstitutions: 'institutions',
  specialtyHrInstitutions: 'institutions',
  branches: 'institutions',
  lawfulOperation: 'institutions',
  annualRevenue: 'revenue',
  institutionsRevenueOver3M: 'revenue',
  institutionsRevenueOver5M: 'revenue',
  institutionsNetServiceRevenueOver500K: 'revenue',
  institutionsRevenueOver30M: 'revenue',
  institutionsRevenueOver60M: 'revenue',
  specialtyServiceRevenue: 'revenue',
  revenueGrowing: 'revenue',
  institutionRevenues: 'revenue',
  hasDedicatedOperator: 'operator',
  hasOperatingTeam: 'operator',
  fullTimeStaff: 'operator',
  hasManagementRules: 'operator',
  cityLevelDesignated: 'operator',
  hasOnlineOfflinePlatforms: 'operator',
  hasDigitalPlan: 'operator',
  hasPublicServicePlatform: 'services',
  publicServices: 'services',
  supportingServices: 'services',
  businessLines: 'services',
  completeServiceChain: 'services',
  providesTargetedSpecialtyServices: 'services',
  servesLocalIndustry: 'services',
  fullLifecycleSpecialtyServices: 'services',
  laborLiaisonStations: 'services',
  smallBusinessParkPartnerships: 'services',
  collegePartnerships: 'services',
  holdsPublicWelfareActivities: 'services',
  organizesRecruitmentEvents: 'services',
  hasPlanningReport: 'policies',
  hasInvestmentPlan: 'policies',
  hasLocalSupportPolicy: 'policies',
  hasTenantIncentives: 'policies',
  hasDevelopmentFund: 'policies',
};

const STRUCTURE: readonly FactName[] = ['layout', 'parkType'];

/** The comparison row of a condition. */
export function criterionTopic(criterion: Pick<CriterionDef, 'facts'>): CompareTopic {
  const fact = criterion.facts.find((f) => !STRUCTURE.includes(f));
  return fact ? FACT_TOPICS[fact] : 'other';
}
