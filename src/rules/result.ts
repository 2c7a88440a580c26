/**
 * The result shape of `shared/spec/assessment.md` as a zod schema: what `evaluate()` returns and what outside
 * callers receive. Tests parse every result with it; the OpenAPI document is generated from it.
 */
import { z } from 'zod';
import { FACT_NAMES } from './facts.js';
import { JURISDICTION_IDS } from './types.js';

const FactNameSchema = z.enum(FACT_NAMES as [string, ...string[]]);
const StatusSchema = z.enum(['met', 'unmet', 'unknown', 'not_applicable']);

/** `{ article, item? }`, extended with `point` and `annex`. */
export const RefSchema = z.strictObject({
  article: z.number().int().positive(),
  item: z.number().int().positive().optional(),
  point: z.number().int().positive().optional(),
  annex: z.number().int().positive().optional(),
});

/** A figure's known range: inclusive, `max` absent when open; bounds the caller gave, or narrowed by a relation. */
export const KnownRangeSchema = z.strictObject({
  min: z.number().nonnegative(),
  max: z.number().nonnegative().optional(),
  bounded: z.boolean().optional(),
  derived: z.boolean().optional(),
  from: z.array(z.string()).optional(),
});

/**
 * The one yes/no question that settles a criterion left unknown only because a known range straddles its limit:
 * is `fact` `op` `value`? (`scope`: a branch park's own figure; `known`: the range the facts allow now).
 */
export const SettleSchema = z.strictObject({
  fact: FactNameSchema,
  op: z.enum(['gte', 'gt', 'lte', 'lt']),
  value: z.union([z.number(), z.iso.date()]),
  knownDays: z.strictObject({ min: z.iso.date().optional(), max: z.iso.date().optional() }).optional(),
  scope: z.union([z.strictObject({ site: z.literal('core') }), z.strictObject({ site: z.literal('branch'), index: z.number().int().nonnegative() })]).optional(),
  known: KnownRangeSchema.optional(),
});

/** One criterion of a result. */
export const CriterionResultSchema = z.strictObject({
  id: z.string(),
  ref: RefSchema,
  quote: z.string().min(1),
  severity: z.enum(['required', 'advisory']),
  status: StatusSchema,
  facts: z.array(FactNameSchema),
  explanation: z.string().min(1),
  title: z.string().min(1),
  refText: z.string().min(1),
  inPrinciple: z.boolean(),
  missing: z.array(FactNameSchema),
  findings: z.array(z.record(z.string(), z.unknown())),
  settle: SettleSchema.optional(),
});

const ItemBase = { id: z.string(), title: z.string().min(1), ref: RefSchema, refText: z.string().min(1), quote: z.string().min(1) };

/** The result of an assessment. */
export const AssessmentResultSchema = z.strictObject({
  jurisdiction: z.enum(JURISDICTION_IDS),
  date: z.iso.date(),
  verdict: z.enum(['eligible', 'ineligible', 'incomplete']),
  criteria: z.array(CriterionResultSchema),
  checklist: z.array(z.strictObject({ ...ItemBase, kind: z.enum(['material', 'evidence']) })),
  procedure: z.array(
    z.strictObject({ ...ItemBase, topic: z.string(), params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])) }),
  ),
  notices: z.array(z.string().min(1)),
  lang: z.enum(['zh-CN', 'en']),
  jurisdictionName: z.string().min(1),
  counts: z.strictObject({ met: z.number(), unmet: z.number(), unknown: z.number(), not_applicable: z.number() }),
  missingFacts: z.array(FactNameSchema),
  text: z.strictObject({
    title: z.string().min(1),
    version: z.string().min(1),
    status: z.enum(['in_force', 'provisional', 'trial', 'draft_for_comment']),
    lifecycle: z.enum(['draft', 'in_force', 'repealed']),
    inForceFrom: z.iso.date(),
    inForceUntil: z.iso.date().nullable(),
    supersedes: z.string().nullable(),
    source: z.string().min(1),
    sourceUrl: z.url().optional(),
    lastVerifiedOn: z.iso.date(),
  }),
  newerTexts: z.array(
    z.strictObject({
      title: z.string().min(1),
      version: z.string().min(1),
      lifecycle: z.enum(['draft', 'in_force', 'repealed']),
      inForceFrom: z.iso.date(),
      changes: z.array(
        z.strictObject({
          kind: z.enum(['added', 'removed', 'changed']),
          criterion: z.string(),
          ref: RefSchema,
          quote: z.string().optional(),
          previousQuote: z.string().optional(),
          fields: z.array(z.enum(['quote', 'severity', 'inPrinciple', 'ref', 'limits'])).optional(),
        }),
      ),
    }),
  ),
});
