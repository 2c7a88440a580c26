/**
 * The OpenAPI 3.1 document served at `GET /api/openapi.json`, generated from the zod schemas the API validates
 * with (`schemas.ts`) and the rules' FactsSchema and AssessmentResultSchema, by zod's own `z.toJSONSchema`.
 * Nothing here is a hand-written schema: only which route takes and returns which schema.
 *
 * FactsSchema's cross-fact rules (a part never larger than its whole, …) are zod refinements, which JSON
 * Schema cannot express; they are left out of the document (evaluate() still applies them: 400
 * `invalid_facts`), as are `io: 'input'`-irrelevant transforms.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOCX_TYPE } from '../documents/index.js';
import { FactsSchema } from '../rules/facts.js';
import { AssessmentResultSchema } from '../rules/result.js';
import { API_ERRORS, type ApiErrorCode } from './errors.js';
import {
  AnswerBody,
  AnswerSummarySchema,
  AssessBodyDocumented,
  ChooseBody,
  SwitchBody,
  ConversationResponse,
  CreateSessionBody,
  EmptyBody,
  ErrorBody,
  HealthResponse,
  JurisdictionIdSchema,
  JurisdictionsResponse,
  LangBody,
  PromptSchema,
  ReadinessResponse,
  SessionIdSchema,
  SessionResultSchema,
  DocumentLinkSchema,
  SkipBody,
} from './schemas.js';

/** The schemas that become `components.schemas`, by name; every other schema is inlined where it is used. */
const COMPONENTS = {
  Facts: FactsSchema,
  AssessmentResult: AssessmentResultSchema,
  SessionResult: SessionResultSchema,
  DocumentLink: DocumentLinkSchema,
  JurisdictionId: JurisdictionIdSchema,
  Prompt: PromptSchema,
  AnswerSummary: AnswerSummarySchema,
  Conversation: ConversationResponse,
  Jurisdictions: JurisdictionsResponse,
  Error: ErrorBody,
  AssessRequest: AssessBodyDocumented,
  CreateSessionRequest: CreateSessionBody,
  AnswerRequest: AnswerBody,
  ChooseRequest: ChooseBody,
  SwitchRequest: SwitchBody,
  SkipRequest: SkipBody,
  LangRequest: LangBody,
  EmptyRequest: EmptyBody,
  Health: HealthResponse,
  Readiness: ReadinessResponse,
} satisfies Record<string, z.ZodType>;
type ComponentName = keyof typeof COMPONENTS;

/** What a component's schema cannot say by itself. */
const DESCRIPTIONS: Partial<Record<ComponentName, { description: string }>> = {
  Facts: {
    description:
      'The fact vocabulary of shared/spec/assessment.md: every fact optional, an absent fact is unknown. Every numeric ' +
      'fact (areas, money, counts, also inside branches and institutionRevenues) is an exact number or inclusive bounds ' +
      '{"min": 12001, "max": 12999}, either side optional ({"min": 500000001} = more than 5亿), at least one side, ' +
      'non-negative, min ≤ max, whole numbers for counts; previousOutcomeDate a day (YYYY-MM-DD) or bounds on it ' +
      '({"min": "2023-11-01", "max": "2023-11-30"} = 2023年11月). Not expressed ' +
      'here but checked (400 invalid_facts): a part never exceeds its whole (occupiedArea ≤ floorArea, …, also through ' +
      'chains and the sites of a multi-site park adding up to at most its total: `conflicts`), a single-site ' +
      'park has no branches, `branches` has `branchCount` entries, lists do not repeat a value, no previousOutcomeDate ' +
      'without a previous outcome.',
  },
  AssessmentResult: { description: 'The result of shared/spec/assessment.md, with the extensions the README lists.' },
  SessionResult: { description: 'The result as the sessions API serves it: the assessment, plus `documents`, the Word files built from the answers.' },
  Conversation: { description: 'Where a conversation stands: what every conversation endpoint returns.' },
  Error: { description: 'Every error but a 422 (which returns the conversation with its `error`).' },
};

/** One operation of the API. `path` is written as express writes it (`/api/sessions/:id`). */
export interface RouteDoc {
  method: 'get' | 'post';
  path: string;
  summary: string;
  body?: ComponentName;
  /** The request body may be left out (commands without parameters). */
  bodyOptional?: boolean;
  /** The success response; without a schema, any JSON object (this document itself); `media`: a file of that type. */
  ok: { status: 200 | 201; schema?: ComponentName; description: string; media?: string };
  /** Path parameters besides the session id. */
  params?: Record<string, { description: string; pattern: string }>;
  /** The error codes this operation may answer with, besides the ones every API operation may (429, 500, 503). */
  errors: ApiErrorCode[];
  /** Query parameters, all optional strings. */
  query?: Record<string, string>;
  /** Answers 422 with the conversation (same prompt, `error`) for an answer that cannot be understood. */
  unprocessable?: boolean;
}

const BODY_ERRORS: ApiErrorCode[] = ['invalid_body', 'invalid_json', 'forbidden_key', 'body_too_large', 'unsupported_media_type'];
const SESSION_ERRORS: ApiErrorCode[] = ['session_not_found', 'session_conflict'];
const LANG_QUERY = { lang: 'The language of the response (zh-CN or en); default: Accept-Language, then zh-CN.' };

const commands: Array<[string, string, ComponentName | undefined]> = [
  ['choose', 'Choose the jurisdiction by id or by a place name', 'ChooseRequest'],
  ['change', 'Change an earlier answer', 'AnswerRequest'],
  ['skip', 'Skip the current question ("I don\'t know"), or the one named', 'SkipRequest'],
  ['back', 'Go back to the previous question', undefined],
  ['restart', 'Start the conversation over', undefined],
  ['results', 'Show the results now (unanswered facts stay unknown)', undefined],
  ['continue', 'Go back from the results to the open questions', undefined],
  ['lang', 'Switch the conversation\'s language', 'LangRequest'],
  ['jurisdiction', 'Apply another jurisdiction\'s text (an id or a place name), keeping every answer', 'SwitchRequest'],
];

/** Every route of the service, documented. A test checks this list against the routes the API really has. */
export const ROUTES: readonly RouteDoc[] = [
  {
    method: 'post',
    path: '/api/assess',
    summary: 'Assess a park\'s facts against one jurisdiction\'s rules',
    body: 'AssessRequest',
    ok: { status: 200, schema: 'AssessmentResult', description: 'The assessment, criterion by criterion, with the checklist and the procedure.' },
    errors: [...BODY_ERRORS, 'invalid_facts'],
  },
  {
    method: 'get',
    path: '/api/jurisdictions',
    summary: 'The five jurisdictions, with their questions',
    query: LANG_QUERY,
    ok: { status: 200, schema: 'Jurisdictions', description: 'The jurisdictions and the opening question.' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/sessions',
    summary: 'Open a conversation',
    body: 'CreateSessionRequest',
    bodyOptional: true,
    ok: { status: 201, schema: 'Conversation', description: 'The new conversation and its first question.' },
    errors: [...BODY_ERRORS, 'unknown_jurisdiction'],
  },
  {
    method: 'get',
    path: '/api/sessions/:id',
    summary: 'Where a conversation stands',
    query: { result: '`1` or `true` adds the result so far.' },
    ok: { status: 200, schema: 'Conversation', description: 'The conversation.' },
    errors: ['session_not_found'],
  },
  {
    method: 'post',
    path: '/api/sessions/:id/answers',
    summary: 'Answer the current question (null: "I don\'t know")',
    body: 'AnswerRequest',
    ok: { status: 200, schema: 'Conversation', description: 'The next question, or the result once the interview is done.' },
    errors: [...BODY_ERRORS, ...SESSION_ERRORS],
    unprocessable: true,
  },
  ...commands.map(([command, summary, body]): RouteDoc => ({
    method: 'post',
    path: `/api/sessions/:id/${command}`,
    summary,
    ...(body ? { body } : { body: 'EmptyRequest' as const, bodyOptional: true }),
    ok: { status: 200, schema: 'Conversation', description: 'The conversation after the command.' },
    errors: [...BODY_ERRORS, ...SESSION_ERRORS],
    // A language switch always succeeds (200), even while an earlier answer's hint is showing.
    unprocessable: command !== 'lang',
  })),
  {
    method: 'get',
    path: '/api/sessions/:id/documents/:file',
    summary: 'A Word document built from the conversation\'s answers (listed in `result.documents`)',
    params: {
      file: {
        description: '`<name>.docx`, name one of the result\'s `documents` (checklist, mudanjiang-form, jilin-form, application-letter).',
        pattern: '^[a-z-]+\\.docx$',
      },
    },
    query: { lang: 'The document\'s language (zh-CN or en); default: the conversation\'s.' },
    ok: {
      status: 200,
      media: DOCX_TYPE,
      description: 'The .docx file, as an attachment (Content-Disposition with an RFC 5987 UTF-8 `filename*`). Same access and expiry as the session.',
    },
    errors: ['session_not_found', 'document_not_found'],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    ok: { status: 200, description: 'This OpenAPI 3.1 document.' },
    errors: [],
  },
];

/** Operations outside `/api` (not rate limited, no CORS). */
const HEALTH_ROUTES = [
  { path: '/healthz', summary: 'Liveness: the process answers', schema: 'Health' as const, ready: false },
  { path: '/readyz', summary: 'Readiness: the session store answers (503 when Redis is configured and down); also each messaging channel\'s state, which never makes it 503', schema: 'Readiness' as const, ready: true },
];

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });

/** `components.schemas`, generated. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    // Requests are described as callers write them; refinements (cross-fact rules) cannot be expressed.
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(Object.entries(generated.schemas).map(([id, schema]) => [id, { ...withoutDocumentKeys(schema), ...DESCRIPTIONS[id as ComponentName] }]));
}

/** A generated schema is part of this document, not a document of its own: no `$schema`, no `$id`. */
function withoutDocumentKeys(schema: object): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
  return rest;
}

function errorResponses(codes: readonly ApiErrorCode[], always: readonly ApiErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of [...codes, ...always]) {
    const status = API_ERRORS[code];
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  return Object.fromEntries(
    [...byStatus].sort(([a], [b]) => a - b).map(([status, list]) => [
      String(status),
      { description: `\`error.code\`: ${list.map((c) => `\`${c}\``).join(', ')}`, content: json(ref('Error')) },
    ]),
  );
}

function operation(route: RouteDoc): Record<string, unknown> {
  const parameters: unknown[] = [];
  if (route.path.includes(':id')) parameters.push({ name: 'id', in: 'path', required: true, schema: withoutDocumentKeys(z.toJSONSchema(SessionIdSchema, { target: 'draft-2020-12' })) });
  for (const [name, param] of Object.entries(route.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, description: param.description, schema: { type: 'string', pattern: param.pattern } });
  }
  for (const [name, description] of Object.entries(route.query ?? {})) {
    parameters.push({ name, in: 'query', required: false, description, schema: { type: 'string' } });
  }
  parameters.push({ name: 'Accept-Language', in: 'header', required: false, description: 'zh-CN or en, when the body and query name no `lang`.', schema: { type: 'string' } });
  const responses: Record<string, unknown> = {
    [String(route.ok.status)]: {
      description: route.ok.description,
      content: route.ok.media
        ? { [route.ok.media]: { schema: { type: 'string', contentMediaType: route.ok.media } } }
        : json(route.ok.schema ? ref(route.ok.schema) : { type: 'object' }),
    },
    ...errorResponses(route.errors, ['rate_limited', 'internal', 'store_unavailable']),
  };
  if (route.unprocessable) {
    responses['422'] = { description: 'The answer could not be understood: the same prompt again, with `error` saying why.', content: json(ref('Conversation')) };
  }
  return {
    operationId: operationId(route),
    summary: route.summary,
    parameters,
    ...(route.body ? { requestBody: { required: !route.bodyOptional, content: json(ref(route.body)) } } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))),
  };
}

function operationId(route: RouteDoc): string {
  const words = route.path.replace(/^\/api\//, '').replace(/\.json$/, '').split(/[/:]+/).filter((w) => w !== '' && w !== 'id');
  return route.method + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

/** `/api/sessions/:id` → `/api/sessions/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

let cached: Record<string, unknown> | undefined;

/** The document (built once). */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  for (const health of HEALTH_ROUTES) {
    paths[health.path] = {
      get: {
        operationId: health.path === '/healthz' ? 'getHealth' : 'getReadiness',
        summary: health.summary,
        responses: {
          '200': { description: health.ready ? 'Ready.' : 'Alive.', content: json(ref(health.schema)) },
          ...(health.ready ? { '503': { description: 'The session store does not answer.', content: json(ref(health.schema)) } } : {}),
        },
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Park Advisor · 园区申报助手 API',
      version: packageVersion(),
      description:
        'Whether a human-resources service industrial park can be designated at provincial or city level, why not yet, ' +
        'and what to hand in. Errors are `{ "error": { "code", "message", "details" } }` with the message in the requested ' +
        'language (`lang` in the body or query, else Accept-Language, else zh-CN). Rate limited per client IP (RateLimit ' +
        'headers, IETF draft 8).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: componentSchemas() },
  };
  return cached;
}
