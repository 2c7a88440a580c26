/**
 * The API's request and response shapes as zod schemas: the request bodies are what `api.ts` validates with,
 * and the OpenAPI document (`openapi.ts`) is generated from these same schemas, together with the rules'
 * FactsSchema and AssessmentResultSchema. Tests parse real responses with the response schemas.
 */
import { z } from 'zod';
import { DOCUMENT_NAMES } from '../documents/index.js';
import type { SessionView } from '../flows/sessions.js';
import { LANGUAGES } from '../i18n/index.js';
import { FactsSchema } from '../rules/facts.js';
import { AssessmentResultSchema } from '../rules/result.js';
import { JURISDICTION_IDS } from '../rules/types.js';
import { API_ERROR_CODES } from './errors.js';

export const LangSchema = z.enum(LANGUAGES).meta({ description: 'The language of every text in the response.' });
export const JurisdictionIdSchema = z.enum(JURISDICTION_IDS);

/** 128 random bits as base64url: 22 characters. Anything else is not one of ours (404 without a store lookup). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const SessionIdSchema = z.string().regex(SESSION_ID_PATTERN).meta({ description: 'The session id (128 random bits, base64url).' });

const QuestionId = z.string().max(80).meta({ description: 'A fact name, `branches.<i>.<field>`, or `jurisdiction` for the opening question.' });

// ---- Request bodies -------------------------------------------------------------------------------------

/**
 * `POST /api/assess`. `jurisdiction` and `facts` are only shaped here: evaluate() checks them itself and names
 * every offending fact in the caller's language (400 `invalid_facts`). {@link AssessBodyDocumented} is what it
 * accepts after those checks.
 */
export const AssessBody = z.strictObject({
  jurisdiction: z.string(),
  facts: z.record(z.string(), z.unknown()),
  lang: LangSchema.optional(),
  date: z.string().optional(),
});
/** {@link AssessBody} as evaluate() accepts it: the document shows this one. */
export const AssessBodyDocumented = AssessBody.extend({
  jurisdiction: JurisdictionIdSchema,
  facts: FactsSchema,
  date: z.iso.date().optional().meta({ description: 'The day the assessment is made for (default: today in China).' }),
});
export const CreateSessionBody = z.strictObject({
  jurisdiction: z
    .string()
    .max(60)
    .optional()
    .meta({
      description:
        'A jurisdiction id (shandong, jilin, mudanjiang, guangxi, wenzhou) or a place under one (济南, 乐清, jinan); ' +
        'anything else is 400 unknown_jurisdiction, naming the five ids.',
    }),
  lang: LangSchema.optional(),
});
export const AnswerBody = z.strictObject({
  questionId: QuestionId,
  value: z.unknown().meta({
    description:
      'The fact\'s JSON value (a figure may be bounds `{ "min": 31, "max": 39 }`), the text a person typed ("1.2万平方米", "30多家", "约8000平方米", "是"), or null for "I don\'t know". A prompt `settle.<questionId>` is the one yes/no follow-up after a range that straddles a limit.',
  }),
});
export const SkipBody = z.strictObject({ questionId: QuestionId.optional() });
export const LangBody = z.strictObject({ lang: z.enum(LANGUAGES) });
export const SwitchBody = z.strictObject({
  jurisdiction: z.string().max(60).meta({ description: 'A jurisdiction id or a place name (济南, 乐清): the text to apply from now on; every answer is kept.' }),
});
export const ChooseBody = z.strictObject({ value: z.string().max(200).meta({ description: 'A jurisdiction id or a place name (济南, 乐清).' }) });
/** Commands without parameters (back, restart, results, continue) take no body, or an empty object. */
export const EmptyBody = z.strictObject({});

// ---- Responses ------------------------------------------------------------------------------------------

export const PromptOptionSchema = z.strictObject({ value: z.union([z.string(), z.boolean()]), label: z.string() });
export const ProgressSchema = z.strictObject({ current: z.number().int().positive(), total: z.number().int().positive(), text: z.string() });
export const PromptSchema = z.strictObject({
  questionId: QuestionId,
  kind: z.enum(['choice', 'multi', 'boolean', 'number', 'date']),
  text: z.string(),
  help: z.string(),
  options: z.array(PromptOptionSchema).optional(),
  unit: z.enum(['area', 'money', 'count', 'percent']).optional(),
  example: z.string().optional().meta({ description: 'For a number question: an answer as one might type it, with the right counter ("12人", "1.2万平方米").' }),
  progress: ProgressSchema.optional(),
});
export const AnswerSummarySchema = z.strictObject({ questionId: QuestionId, question: z.string(), answer: z.string(), skipped: z.boolean() });

/** One Word document of a session's result (see `GET /api/sessions/:id/documents/<name>.docx`). */
export const DocumentLinkSchema = z.strictObject({
  name: z.enum(DOCUMENT_NAMES).meta({ description: 'The document: checklist, mudanjiang-form, jilin-form or application-letter.' }),
  title: z.string().min(1).meta({ description: 'Its title, in the conversation\'s language.' }),
  url: z.string().meta({ description: 'Where to download it: /api/sessions/<id>/documents/<name>.docx?lang=<lang>.' }),
});
/** A result served over the sessions API: the assessment, with the Word documents built from it. */
export const SessionResultSchema = AssessmentResultSchema.extend({
  documents: z.array(DocumentLinkSchema).meta({ description: 'The Word documents of this jurisdiction, built from the answers.' }),
});
/** The text a conversation applies: which jurisdiction, its name, the regulation's title and the line saying so. */
export const ApplyingSchema = z.strictObject({ jurisdiction: JurisdictionIdSchema, name: z.string(), title: z.string(), text: z.string() });

/** Where a conversation stands (flows' View): every conversation endpoint returns it with the session id. */
export const ViewSchema = z.strictObject({
  state: z.enum(['choosing', 'interviewing', 'results']),
  lang: z.enum(LANGUAGES),
  jurisdiction: JurisdictionIdSchema.nullable(),
  prompt: PromptSchema.optional().meta({ description: 'The question to answer (absent in results).' }),
  error: z
    .strictObject({ code: z.string(), message: z.string() })
    .optional()
    .meta({
      description:
        'Why the last input was not taken (the answer\'s response is then a 422; switching the language keeps it, ' +
        'translated, with a 200); nothing already given was lost.',
    }),
  feedback: z.array(z.string()).meta({ description: 'Required conditions the last answer left unmet, with the article and the gap.' }),
  taken: z
    .string()
    .optional()
    .meta({ description: 'How the last answer was taken when it was approximate or colloquial ("按 31–39 家计", "按尚未具备计"); said once.' }),
  answers: z.array(AnswerSummarySchema),
  pending: z.number().int().nonnegative(),
  applying: ApplyingSchema.optional().meta({ description: 'The text being applied, stated from the first message (absent while choosing).' }),
  offer: ApplyingSchema.optional().meta({
    description: 'A place under another jurisdiction was typed: the switch offered; `POST /api/sessions/{id}/jurisdiction` with its id confirms.',
  }),
  result: SessionResultSchema.optional(),
  notice: z.string().optional().meta({ description: 'Said once when a stored conversation had to restart (after an upgrade).' }),
});
export const ConversationResponse = ViewSchema.extend({ id: SessionIdSchema });

export const JurisdictionsResponse = z.strictObject({
  jurisdictions: z.array(
    z.strictObject({
      id: JurisdictionIdSchema,
      name: z.string(),
      level: z.enum(['provincial', 'autonomous_region', 'municipal']),
      title: z.string(),
      documentNumber: z.string().nullable(),
      issuer: z.string(),
      inForceFrom: z.iso.date(),
      status: z.enum(['in_force', 'provisional', 'trial', 'draft_for_comment']),
      questions: z.array(PromptSchema.omit({ progress: true })),
    }),
  ),
  opening: PromptSchema,
});

/** One problem in a body (`invalid_body`, `forbidden_key`; `unknown_jurisdiction` adds the ids `allowed`). */
const FieldProblem = z.strictObject({ field: z.string(), problem: z.string(), allowed: z.array(z.string()).optional() });
/** `method_not_allowed`: the methods the path takes (also in the `Allow` header). */
const MethodDetails = z.strictObject({ allow: z.array(z.string()) });
/** One problem with a fact, localized (`invalid_facts`). */
const FactProblem = z.strictObject({ field: z.string(), code: z.string(), message: z.string() });
const RateLimitDetails = z.strictObject({
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
  retryAfterSeconds: z.number().int().nonnegative(),
});

/** Every error but a 422: `{ error: { code, message, details } }`. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES),
    message: z.string().min(1).meta({ description: 'In the requested language.' }),
    details: z.union([z.null(), z.array(z.union([FactProblem, FieldProblem])), RateLimitDetails, MethodDetails]),
  }),
});

export const HealthResponse = z.strictObject({ status: z.literal('ok') });
export const ReadinessResponse = z.strictObject({
  status: z.enum(['ready', 'unavailable']),
  /** Each messaging channel's state; an optional channel never makes the service unready. */
  channels: z.record(z.string(), z.enum(['connecting', 'up', 'down'])).optional(),
});

// The flows' View type and the schema describe the same thing: these fail to compile when they drift apart.
type ViewOut = z.output<typeof ViewSchema>;
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type ViewSchemaHasTheViewsFields = Assert<Same<keyof ViewOut, keyof SessionView>>;
// (The result is checked at run time only: the rules' AssessmentResult interface has no index signature for
// `params`, which the schema's record type would need.)
export type EveryViewFitsTheSchema = Assert<Omit<SessionView, 'result'> extends Omit<ViewOut, 'result'> ? true : false>;
