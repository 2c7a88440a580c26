/**
 * What each fact measures, so that explanations state figures and gaps in the user's units
 * ("还差 2,000 平方米", "short by 3 institutions").
 */
import type { FactName } from './facts.js';

/** The kind of value a fact holds. Counts name their noun (a key of `rules:units`). */
export type FactUnit =
  | { kind: 'area' }
  | { kind: 'money' }
  | { kind: 'count'; noun: 'institution' | 'person' | 'station' | 'park' | 'college' | 'branch' }
  | { kind: 'boolean' }
  | { kind: 'choice' }
  | { kind: 'list' }
  | { kind: 'date' }
  | { kind: 'records' };

const area = { kind: 'area' } as const;
const money = { kind: 'money' } as const;
const institutions = { kind: 'count', noun: 'institution' } as const;
const boolean = { kind: 'boolean' } as const;
const choice = { kind: 'choice' } as const;
const list = { kind: 'list' } as const;

/** Every fact's unit. */
export const FACT_UNITS: Record<FactName, FactUnit> = {
  layout: choice,
  parkType: choice,
  existingComprehensivePark: boolean,
  floorArea: area,
  coreFloorArea: area,
  branchCount: { kind: 'count', noun: 'branch' },
  branches: { kind: 'records' },
  occupiedArea: area,
  coreOccupiedArea: area,
  hrInstitutions: institutions,
  coreHrInstitutions: institutions,
  commercialHrInstitutions: institutions,
  parkInstitutions: institutions,
  localHqInstitutions: institutions,
  specialtyHrInstitutions: institutions,
  annualRevenue: money,
  institutionsRevenueOver3M: institutions,
  institutionsRevenueOver5M: institutions,
  institutionsNetServiceRevenueOver500K: institutions,
  institutionsRevenueOver30M: institutions,
  institutionsRevenueOver60M: institutions,
  specialtyServiceRevenue: money,
  fullTimeStaff: { kind: 'count', noun: 'person' },
  hasDedicatedOperator: boolean,
  hasManagementRules: boolean,
  cityLevelDesignated: boolean,
  hasPlanningReport: boolean,
  hasInvestmentPlan: boolean,
  hasLocalSupportPolicy: boolean,
  hasTenantIncentives: boolean,
  hasDevelopmentFund: boolean,
  lawfulOperation: boolean,
  completeServiceChain: boolean,
  servesLocalIndustry: boolean,
  holdsPublicWelfareActivities: boolean,
  organizesRecruitmentEvents: boolean,
  hasOnlineOfflinePlatforms: boolean,
  hasDigitalPlan: boolean,
  fullLifecycleSpecialtyServices: boolean,
  laborLiaisonStations: { kind: 'count', noun: 'station' },
  smallBusinessParkPartnerships: { kind: 'count', noun: 'park' },
  collegePartnerships: { kind: 'count', noun: 'college' },
  publicServices: list,
  supportingServices: list,
  businessLines: list,
  locationType: choice,
  previousOutcome: choice,
  previousOutcomeDate: { kind: 'date' },
  hasOperatingTeam: boolean,
  providesTargetedSpecialtyServices: boolean,
  revenueGrowing: boolean,
  hasAdequateFacilities: boolean,
  hasPublicServicePlatform: boolean,
  institutionRevenues: { kind: 'records' },
};
