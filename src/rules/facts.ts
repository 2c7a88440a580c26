/**
 * The fact vocabulary of `shared/spec/assessment.md`, as zod schemas.
 *
 * Outside callers send these names; never rename or re-type one. A fact that is absent is unknown.
 * Facts added beyond the contract (for wording the five texts contain but the contract does not name) are
 * marked "extension" with the article that needs them.
 */
import { z } from 'zod';
import { exactOf, exceedingPairs, highOf, lowOf, RangeTable } from './bounds.js';

export { exactOf, highOf, lowOf };

/** Public service functions (公共服务功能). */
export const PUBLIC_SERVICES = ['employment', 'vocational_training', 'social_security', 'talent_personnel'] as const;
/** Supporting services (配套服务). */
export const SUPPORTING_SERVICES = [
  'meeting',
  'training',
  'finance',
  'legal',
  'catering',
  'accommodation',
  'network_information',
  'recruitment_hall',
] as const;
/** HR business lines (人力资源服务业态). */
export const BUSINESS_LINES = [
  'outsourcing',
  'labor_dispatch',
  'training',
  'management_consulting',
  'business_agency',
  'assessment',
  'executive_search',
  'software',
  'recruitment',
  'flexible_employment',
] as const;
/** Where the park is located. */
export const LOCATION_TYPES = [
  'prefecture_city',
  'national_ftz',
  'national_new_area',
  'high_tech_zone',
  'economic_development_zone',
  'key_industrial_park',
  'other',
] as const;

export type PublicService = (typeof PUBLIC_SERVICES)[number];
export type SupportingService = (typeof SUPPORTING_SERVICES)[number];
export type BusinessLine = (typeof BUSINESS_LINES)[number];
export type LocationType = (typeof LOCATION_TYPES)[number];

const areaValue = z.number().finite().nonnegative();
const moneyValue = z.number().finite().nonnegative();
const countValue = z.number().int().nonnegative();

/**
 * Inclusive bounds on a figure the caller does not know exactly: `{ "min": 12001, "max": 12999 }` ("1.2万多平方米"),
 * either side optional (`{ "min": 500000001 }` = "5亿多"), at least one given, non-negative, `min ≤ max`,
 * whole numbers for counts. An exact number is the bounds `{ min: n, max: n }`.
 */
export interface Bounds {
  min?: number;
  max?: number;
}

/** Bounds over values of `value` (a non-negative number, or a whole one for counts). */
function boundsOver(value: z.ZodNumber) {
  return z
    .strictObject({ min: value.optional(), max: value.optional() })
    .superRefine((b, ctx) => {
      if (b.min === undefined && b.max === undefined) ctx.addIssue({ code: 'custom', path: [], params: { rule: 'boundsEmpty' } });
      else if (b.min !== undefined && b.max !== undefined && b.min > b.max) {
        ctx.addIssue({ code: 'custom', path: [], params: { rule: 'boundsOrder' } });
      }
    });
}

/** The schema of bounds on any non-negative figure (areas, money); counts also require whole numbers. */
export const BoundsSchema = boundsOver(z.number().finite().nonnegative());

/** A figure given exactly or as bounds. */
const numeric = (value: z.ZodNumber) => z.union([value, boundsOver(value)]);
const area = numeric(areaValue);
const money = numeric(moneyValue);
const count = numeric(countValue);

/** A numeric fact's value: exact, or bounds. */
export type NumericValue = number | Bounds;

/** Whether a numeric fact's value is bounds rather than an exact number. */
export function isBounds(value: unknown): value is Bounds {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isoDate = z.iso.date();

/**
 * Inclusive bounds on a day the caller knows only roughly (extension, as numeric bounds are): `{ "min": "2023-05-01",
 * "max": "2023-05-31" }` ("2023年5月"), either side optional, at least one given, `min ≤ max`.
 */
export interface DateBounds {
  min?: string;
  max?: string;
}
const dateBounds = z.strictObject({ min: isoDate.optional(), max: isoDate.optional() }).superRefine((b, ctx) => {
  if (b.min === undefined && b.max === undefined) ctx.addIssue({ code: 'custom', path: [], params: { rule: 'boundsEmpty' } });
  else if (b.min !== undefined && b.max !== undefined && b.min > b.max) ctx.addIssue({ code: 'custom', path: [], params: { rule: 'boundsOrder' } });
});
/** A day given exactly or as bounds. */
const dateOrBounds = z.union([isoDate, dateBounds]);
const uniqueList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).refine((list) => new Set(list).size === list.length, { message: 'duplicate' });

/** One branch park's own figures (Guangxi 第五条(四), per branch). */
export const BranchSchema = z.strictObject({
  floorArea: area.optional(),
  hrInstitutions: count.optional(),
  occupiedArea: area.optional(),
});
export type Branch = z.infer<typeof BranchSchema>;

/**
 * One resident institution's revenue for the previous year (extension). Lets the rules apply 超过 exactly
 * when the caller knows each institution's figures instead of the counts.
 */
export const InstitutionRevenueSchema = z.strictObject({
  /** 营业收入（含代收代付）, yuan. */
  revenue: money.optional(),
  /** 净服务收入（不含代收代付）, yuan. */
  netServiceRevenue: money.optional(),
});
export type InstitutionRevenue = z.infer<typeof InstitutionRevenueSchema>;

/** The shape of every fact, without the cross-fact consistency rules. */
export const FactShape = {
  layout: z.enum(['single', 'multi']),
  parkType: z.enum(['comprehensive', 'specialized']),
  existingComprehensivePark: z.boolean(),
  floorArea: area,
  coreFloorArea: area,
  branchCount: count,
  branches: z.array(BranchSchema),
  occupiedArea: area,
  coreOccupiedArea: area,
  hrInstitutions: count,
  coreHrInstitutions: count,
  commercialHrInstitutions: count,
  parkInstitutions: count,
  localHqInstitutions: count,
  specialtyHrInstitutions: count,
  annualRevenue: money,
  institutionsRevenueOver3M: count,
  institutionsRevenueOver5M: count,
  institutionsNetServiceRevenueOver500K: count,
  institutionsRevenueOver30M: count,
  institutionsRevenueOver60M: count,
  specialtyServiceRevenue: money,
  fullTimeStaff: count,
  hasDedicatedOperator: z.boolean(),
  hasManagementRules: z.boolean(),
  cityLevelDesignated: z.boolean(),
  hasPlanningReport: z.boolean(),
  hasInvestmentPlan: z.boolean(),
  hasLocalSupportPolicy: z.boolean(),
  hasTenantIncentives: z.boolean(),
  hasDevelopmentFund: z.boolean(),
  lawfulOperation: z.boolean(),
  completeServiceChain: z.boolean(),
  servesLocalIndustry: z.boolean(),
  holdsPublicWelfareActivities: z.boolean(),
  organizesRecruitmentEvents: z.boolean(),
  hasOnlineOfflinePlatforms: z.boolean(),
  hasDigitalPlan: z.boolean(),
  fullLifecycleSpecialtyServices: z.boolean(),
  laborLiaisonStations: count,
  smallBusinessParkPartnerships: count,
  collegePartnerships: count,
  publicServices: uniqueList(PUBLIC_SERVICES),
  supportingServices: uniqueList(SUPPORTING_SERVICES),
  businessLines: uniqueList(BUSINESS_LINES),
  locationType: z.enum(LOCATION_TYPES),
  previousOutcome: z.enum(['none', 'rejected', 'revoked']),
  previousOutcomeDate: dateOrBounds,
  // Extensions (see the module comment).
  /** 专业化运营团队 / 管理团队 (jilin 第五条(六), mudanjiang 第六条(五)). */
  hasOperatingTeam: z.boolean(),
  /** 有针对性地提供专业化、特色化的人力资源服务 (guangxi 第五条(二), the alternative to a complete chain). */
  providesTargetedSpecialtyServices: z.boolean(),
  /** 经济效益显著、增长态势明显 (guangxi 第五条(六)). */
  revenueGrowing: z.boolean(),
  /** 布局科学、功能合理、设施完备/完善 (shandong 第十二条(二), mudanjiang 第六条(三), wenzhou 第九条(一)). */
  hasAdequateFacilities: z.boolean(),
  /** 建有公共服务平台 (guangxi 第五条(一)). */
  hasPublicServicePlatform: z.boolean(),
  /** Each resident institution's revenue, from which the 超过 counts are derived when they are absent. */
  institutionRevenues: z.array(InstitutionRevenueSchema),
} as const;

/** Every fact name of the vocabulary. */
export type FactName = keyof typeof FactShape;
/** Every fact name, in the order of the vocabulary. */
export const FACT_NAMES = Object.keys(FactShape) as FactName[];

/**
 * The facts a caller may send, with the consistency rules an official would apply before reading them (the
 * relations of `bounds.ts`).
 * Issues carry the offending fact as their path so that every channel can name it. With bounds, a pair is
 * inconsistent only when no values inside them could satisfy the rule (the part's least value exceeds the
 * whole's greatest).
 */
export const FactsSchema = z.strictObject(FactShape).partial().superRefine((facts, ctx) => {
  for (const issue of consistencyIssues(facts as Facts)) ctx.addIssue({ ...issue });
});

/** A broken consistency rule, as `FactsSchema` reports it: the offending fact's path, the rule and the other fact. */
export interface ConsistencyIssue {
  code: 'custom';
  path: (string | number)[];
  message?: string;
  params: { rule: string; other?: string };
}

/**
 * The consistency rules of `FactsSchema` alone, for facts whose every value already passed its own schema: what
 * the schema's refinement reports (the direct pairs first; a chain of relations only when no pair is broken).
 * The conversation uses it to check one new answer against facts already known valid without parsing them again.
 */
export function consistencyIssues(facts: Facts): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  for (const [part, whole] of exceedingPairs(facts)) {
    issues.push({ code: 'custom', path: [part], message: 'exceeds', params: { rule: 'exceeds', other: whole } });
  }
  if (facts.layout === 'single' && facts.branchCount !== undefined && lowOf(facts.branchCount) > 0) {
    issues.push({ code: 'custom', path: ['branchCount'], params: { rule: 'singleWithBranches' } });
  }
  if (
    facts.branches &&
    facts.branchCount !== undefined &&
    (facts.branches.length < lowOf(facts.branchCount) || facts.branches.length > highOf(facts.branchCount))
  ) {
    issues.push({ code: 'custom', path: ['branches'], params: { rule: 'branchesLength', other: 'branchCount' } });
  }
  facts.branches?.forEach((branch, i) => {
    if (branch.occupiedArea !== undefined && branch.floorArea !== undefined && lowOf(branch.occupiedArea) > highOf(branch.floorArea)) {
      issues.push({ code: 'custom', path: ['branches', i, 'occupiedArea'], params: { rule: 'exceeds', other: 'floorArea' } });
    }
  });
  if (facts.previousOutcome === 'none' && facts.previousOutcomeDate !== undefined) {
    issues.push({ code: 'custom', path: ['previousOutcomeDate'], params: { rule: 'dateWithoutOutcome' } });
  }
  if (issues.length > 0) return issues;
  // Figures that no direct pair contradicts may still do so through a chain (commercial ≤ HR ≤ park institutions,
  // the sites adding up to the total, the counts following each institution's revenue): no value fits.
  const conflict = RangeTable.for(facts).conflicts[0];
  if (conflict !== undefined) {
    const path = conflict.fact.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    issues.push({ code: 'custom', path, params: { rule: 'conflicts', other: conflict.other } });
  }
  return issues;
}

/** Validated facts: every key optional, absent meaning unknown. */
export type Facts = z.infer<typeof FactsSchema>;
