/**
 * The questions of a conversation, derived from the jurisdiction's criteria: a fact is asked only while some
 * criterion that reads it is still open and lacks it (so a single site is never asked about its core park, and a
 * Mudanjiang park whose revenue already meets the test is not asked for its institutions' revenues). Questions come
 * in the order of a conversation with an official: structure, location, size, institutions, money, operations,
 * services, policies, conduct, history.
 */
import type { Facts, FactName } from '../rules/facts.js';
import { BUSINESS_LINES, exactOf, FactShape, LOCATION_TYPES, PUBLIC_SERVICES, SUPPORTING_SERVICES } from '../rules/facts.js';
import type { Outcome, JurisdictionDef } from '../rules/types.js';
import { PAST_YEAR_FIGURES } from '../rules/periods.js';
import { FACT_UNITS } from '../rules/units.js';
import type { AnswerKind, NumberUnit } from './parse.js';
import { outcomesOf } from './outcomes.js';

/** The order in which facts are asked, grouped by topic. Facts not listed here are never asked. */
export const QUESTION_ORDER: readonly FactName[] = [
  // structure
  'layout',
  'branchCount',
  'parkType',
  'existingComprehensivePark',
  'locationType',
  // size
  'floorArea',
  'coreFloorArea',
  'occupiedArea',
  'coreOccupiedArea',
  // institutions
  'hrInstitutions',
  'coreHrInstitutions',
  'commercialHrInstitutions',
  'parkInstitutions',
  'localHqInstitutions',
  'specialtyHrInstitutions',
  'branches',
  // money
  ...PAST_YEAR_FIGURES,
  'revenueGrowing',
  // operations
  'hasDedicatedOperator',
  'hasOperatingTeam',
  'fullTimeStaff',
  'hasManagementRules',
  'cityLevelDesignated',
  'hasAdequateFacilities',
  'hasOnlineOfflinePlatforms',
  'hasDigitalPlan',
  // services
  'hasPublicServicePlatform',
  'publicServices',
  'supportingServices',
  'businessLines',
  'completeServiceChain',
  'providesTargetedSpecialtyServices',
  'servesLocalIndustry',
  'fullLifecycleSpecialtyServices',
  'laborLiaisonStations',
  'smallBusinessParkPartnerships',
  'collegePartnerships',
  // policies
  'hasPlanningReport',
  'hasInvestmentPlan',
  'hasLocalSupportPolicy',
  'hasTenantIncentives',
  'hasDevelopmentFund',
  // conduct
  'lawfulOperation',
  'holdsPublicWelfareActivities',
  'organizesRecruitmentEvents',
  // history
  'previousOutcome',
  'previousOutcomeDate',
];

/** The figures asked for each branch park (Guangxi 第五条（四）), as `branches.<i>.<field>`. */
export const BRANCH_FIELDS = ['floorArea', 'hrInstitutions', 'occupiedArea'] as const;
export type BranchField = (typeof BRANCH_FIELDS)[number];

/** What a question asks and how its answer is read. `id` is the fact name, or `branches.<i>.<field>`. */
export interface QuestionSpec {
  id: string;
  /** The fact whose text (`questions:<fact>`) and unit the question uses. */
  fact: FactName;
  kind: AnswerKind;
  unit?: NumberUnit;
  /** Option values for choice and multi questions (labels come from `facts:<fact>.values`). */
  options?: readonly string[];
  /** For a branch question: which branch (0-based). */
  branch?: number;
}

const OPTIONS: Partial<Record<FactName, readonly string[]>> = {
  layout: FactShape.layout.options,
  parkType: FactShape.parkType.options,
  locationType: LOCATION_TYPES,
  previousOutcome: FactShape.previousOutcome.options,
  publicServices: PUBLIC_SERVICES,
  supportingServices: SUPPORTING_SERVICES,
  businessLines: BUSINESS_LINES,
};

/** The answer kind and unit of a fact's question (the same object each time: do not mutate it). */
export function specOf(fact: FactName): Omit<QuestionSpec, 'id' | 'fact'> {
  let spec = specs.get(fact);
  if (spec === undefined) specs.set(fact, (spec = specOfUnit(fact)));
  return spec;
}
const specs = new Map<FactName, Omit<QuestionSpec, 'id' | 'fact'>>();

function specOfUnit(fact: FactName): Omit<QuestionSpec, 'id' | 'fact'> {
  const unit = FACT_UNITS[fact];
  switch (unit.kind) {
    case 'area':
    case 'money':
      return { kind: 'number', unit: unit.kind };
    case 'count':
      return { kind: 'number', unit: 'count' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'choice':
      return { kind: 'choice', options: OPTIONS[fact] ?? [] };
    case 'list':
      return { kind: 'multi', options: OPTIONS[fact] ?? [] };
    case 'date':
      return { kind: 'date' };
    case 'records':
      return { kind: 'number' };
  }
}

/**
 * The question with id `id` (a fact name or `branches.<i>.<field>`), or undefined if there is none. The same
 * object for the same id (a turn looks its questions up many times): do not mutate it.
 */
export function questionById(id: string): QuestionSpec | undefined {
  if (questions.has(id)) return questions.get(id);
  const question = questionOfId(id);
  // Only ids that name a question are kept (a bounded set: facts, and branches 0–99 × three fields).
  if (question) questions.set(id, question);
  return question;
}
const questions = new Map<string, QuestionSpec>();

function questionOfId(id: string): QuestionSpec | undefined {
  const branch = /^branches\.(\d{1,2})\.(floorArea|hrInstitutions|occupiedArea)$/.exec(id);
  if (branch) {
    const field = branch[2] as BranchField;
    return { id, fact: field, branch: Number(branch[1]), ...specOf(field) };
  }
  if (!(QUESTION_ORDER as readonly string[]).includes(id) || id === 'branches') return undefined;
  return { id, fact: id as FactName, ...specOf(id as FactName) };
}

/** Every fact the jurisdiction's criteria read, in asking order. */
export function factsAsked(def: JurisdictionDef): FactName[] {
  const read = new Set(def.criteria.flatMap((c) => c.facts));
  return QUESTION_ORDER.filter((f) => read.has(f));
}

/** The facts that would settle at least one open criterion (unknown, or unmet with an unknown part). */
export function wantedFacts(def: JurisdictionDef, facts: Facts, date: string): Set<FactName> {
  const wanted = new Set<FactName>();
  for (const outcome of outcomesOf(def, facts, date)) {
    if (outcome.status === 'unknown' || outcome.status === 'unmet') for (const f of outcome.missing) wanted.add(f);
  }
  return wanted;
}

/**
 * The questions still to ask, in order: every wanted fact not yet answered or skipped; for `branches`, one
 * question per missing figure of each branch (needs `branchCount`).
 */
export function pendingQuestions(def: JurisdictionDef, facts: Facts, settled: Pick<ReadonlySet<string>, 'has'>, date: string): QuestionSpec[] {
  const wanted = wantedFacts(def, facts, date);
  const pending: QuestionSpec[] = [];
  for (const fact of QUESTION_ORDER) {
    if (!wanted.has(fact)) continue;
    if (fact === 'branches') {
      pending.push(...branchQuestions(facts, settled));
    } else if (!settled.has(fact)) {
      pending.push(questionById(fact) ?? { id: fact, fact, ...specOf(fact) });
    }
  }
  return pending;
}

function branchQuestions(facts: Facts, settled: Pick<ReadonlySet<string>, 'has'>): QuestionSpec[] {
  // Branch figures are asked branch by branch only once the number of branches is known exactly.
  const count = exactOf(facts.branchCount) ?? 0;
  const out: QuestionSpec[] = [];
  for (let i = 0; i < count; i++) {
    for (const field of BRANCH_FIELDS) {
      const id = `branches.${i}.${field}`;
      if (!settled.has(id) && facts.branches?.[i]?.[field] === undefined) out.push(questionById(id) ?? { id, fact: field, branch: i, ...specOf(field) });
    }
  }
  return out;
}

/** Sets (or, with `undefined`, clears) the answer to `question` in a copy of `facts`. */
export function withAnswer(facts: Facts, question: QuestionSpec, value: unknown): Facts {
  if (question.branch === undefined) {
    const next: Record<string, unknown> = { ...facts };
    if (value === undefined) delete next[question.fact];
    else next[question.fact] = value;
    return resized(next as Facts);
  }
  const count = Math.max(exactOf(facts.branchCount) ?? 0, question.branch + 1);
  const branches = Array.from({ length: count }, (_, i) => ({ ...facts.branches?.[i] }));
  const branch: Record<string, unknown> = branches[question.branch] ?? {};
  if (value === undefined) delete branch[question.fact];
  else branch[question.fact] = value;
  branches[question.branch] = branch;
  if (branches.every((b) => Object.keys(b).length === 0)) {
    // Nothing known about any branch: the list itself is unknown again (as before the first branch answer).
    const { branches: _cleared, ...rest } = facts;
    return rest;
  }
  return { ...facts, branches };
}

/** Keeps the per-branch list as long as `branchCount` (a changed count drops or adds entries). */
function resized(facts: Facts): Facts {
  if (facts.branches === undefined) return facts;
  const count = exactOf(facts.branchCount);
  if (count === undefined || facts.layout === 'single') {
    const { branches: _dropped, ...rest } = facts;
    return rest;
  }
  return { ...facts, branches: Array.from({ length: count }, (_, i) => ({ ...facts.branches?.[i] })) };
}
