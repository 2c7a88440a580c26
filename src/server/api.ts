/**
 * The HTTP API of `shared/spec/assessment.md`: `POST /api/assess`, `GET /api/jurisdictions`, and conversations
 * (`POST /api/sessions`, `POST /api/sessions/:id/answers`, `GET /api/sessions/:id`, plus back, skip, change,
 * restart, language and results). Bodies are validated with zod; errors are `{ error: { code, message, details } }`
 * in the requested language.
 */
import type { ServerResponse } from 'node:http';
import Router from 'router';
import type { z } from 'zod';
import { matchJurisdiction } from '../flows/places.js';
import { jurisdictionPrompt, questionPrompt } from '../flows/prompts.js';
import { factsAsked, questionById, specOf } from '../flows/questions.js';
import type { ConversationSessions, SessionView } from '../flows/sessions.js';
import { noteAssessed } from './metrics.js';
import { buildDocument, documentsOf, isDocumentName } from '../documents/index.js';
import { isLang, type Lang, translator } from '../i18n/index.js';
import { AssessmentInputError } from '../rules/errors.js';
import { evaluate } from '../rules/evaluate.js';
import { JURISDICTIONS } from '../rules/registry.js';
import { sendDocument, withDocuments } from './documents.js';
import { JURISDICTION_IDS } from '../rules/types.js';
import { ApiError, requestLang } from './errors.js';
import { type ApiRequest, queryOf, sendJson, sendRevalidatable } from './node-http.js';
import { etagOf } from './prebuilt.js';
import { methodNotAllowed } from './methods.js';
import { openApiDocument } from './openapi.js';
import { AnswerBody, AssessBody, ChooseBody, CreateSessionBody, EmptyBody, LangBody, SESSION_ID_PATTERN, SkipBody, SwitchBody } from './schemas.js';

export { ApiError, apiErrors, requestLang } from './errors.js';

function parseBody<T>(schema: z.ZodType<T>, req: ApiRequest): T {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw new ApiError(
      'invalid_body',
      parsed.error.issues.flatMap((i): Array<{ field: string; problem: string }> => {
        const at = i.path.join('.');
        // One entry per unknown field, named, rather than one for "(body)".
        if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ field: at ? `${at}.${key}` : key, problem: i.code }));
        return [{ field: at || '(body)', problem: i.code }];
      }),
    );
  }
  return parsed.data;
}

/** An API route: Node's request with what the router and the body parser add (no express methods). */
type Route = (req: ApiRequest, res: ServerResponse) => void | Promise<void>;

/**
 * The API routes over a set of conversations (express's router, served on Node's own request objects), added to
 * `router` after what it has already (the API's middleware: one router, not one nested in another).
 */
export function apiRouter(sessions: ConversationSessions, router: Router.Router = Router()): Router.Router {
  const get = (path: string, route: Route) => router.get(path, route as Router.RequestHandler);
  const post = (path: string, route: Route) => router.post(path, route as Router.RequestHandler);

  // A session id that cannot be one of ours is "not found" before the store is asked.
  router.param('id', (_req, _res, next, id: unknown) => {
    next(typeof id === 'string' && SESSION_ID_PATTERN.test(id) ? undefined : new ApiError('session_not_found'));
  });

  get('/openapi.json', (req, res) => {
    sendRevalidatable(req, res, JSON.stringify(openApiDocument()));
  });

  post('/assess', (req, res) => {
    const body = parseBody(AssessBody, req);
    const lang = body.lang ?? requestLang(req);
    try {
      const result = evaluate(body.jurisdiction, body.facts, { lang, ...(body.date ? { date: body.date } : {}) });
      // Counted by the metrics, if any, once the response is sent (src/server/metrics.ts).
      noteAssessed(res, { jurisdiction: result.jurisdiction, verdict: result.verdict, channel: 'api' });
      sendJson(res, 200, result);
    } catch (error) {
      if (error instanceof AssessmentInputError) throw new ApiError('invalid_facts', error.problems);
      throw error;
    }
  });

  get('/jurisdictions', (req, res) => {
    const { body, etag } = catalogueOf(requestLang(req));
    // Its ETag is computed once: a matching If-None-Match gets 304 without the body being hashed again.
    sendRevalidatable(req, res, body, etag);
  });

  post('/sessions', async (req, res) => {
    const body = parseBody(CreateSessionBody, req);
    // An id or a place name (济南, 乐清, "jinan"), read as the conversation reads a typed place.
    const jurisdiction = body.jurisdiction === undefined ? undefined : matchJurisdiction(body.jurisdiction);
    if (body.jurisdiction !== undefined && !jurisdiction) {
      throw new ApiError('unknown_jurisdiction', [{ field: 'jurisdiction', problem: 'unknown_jurisdiction', allowed: [...JURISDICTION_IDS] }]);
    }
    const { id, view } = await sessions.create({ ...(jurisdiction ? { jurisdiction } : {}), lang: body.lang ?? requestLang(req) });
    sendJson(res, 201, { id, ...conversationBody(id, view) });
  });

  get('/sessions/:id', async (req, res) => {
    const id = req.params.id as string;
    const { result } = queryOf(req);
    const view = await found(sessions.get(id, result === '1' || result === 'true'));
    sendRevalidatable(req, res, JSON.stringify({ id, ...conversationBody(id, view) }));
  });

  // `rejects`: the event is an input that may not be understood (422 with the view's error). A language switch is
  // not: it succeeds even while an earlier answer's hint is showing (the hint is then in the new language).
  const event = (path: string, toEvent: (req: ApiRequest) => Parameters<ConversationSessions['send']>[1], rejects = true) =>
    post(`/sessions/:id/${path}`, async (req, res) => {
      const view = await found(sessions.send(req.params.id as string, toEvent(req)));
      sendJson(res, view.error && rejects ? 422 : 200, { id: req.params.id, ...conversationBody(req.params.id as string, view) });
    });

  event('answers', (req) => {
    const body = parseBody(AnswerBody, req);
    if (body.questionId === 'jurisdiction') return { type: 'CHOOSE', value: String(body.value ?? '') };
    // null is "I don't know": the fact stays unknown and the question is not asked again.
    if (body.value === null) return { type: 'SKIP', questionId: body.questionId };
    return { type: 'ANSWER', questionId: body.questionId, value: body.value };
  });
  event('choose', (req) => ({ type: 'CHOOSE', value: parseBody(ChooseBody, req).value }));
  event('change', (req) => ({ type: 'CHANGE', ...parseBody(AnswerBody, req) }));
  event('skip', (req) => ({ type: 'SKIP', ...parseBody(SkipBody, req) }));
  // Commands without parameters: no body, or an empty object.
  const command = (type: 'BACK' | 'RESTART' | 'RESULTS' | 'CONTINUE') => (req: ApiRequest) => {
    parseBody(EmptyBody, req);
    return { type };
  };
  event('back', command('BACK'));
  event('restart', command('RESTART'));
  event('results', command('RESULTS'));
  event('continue', command('CONTINUE'));
  event('jurisdiction', (req) => ({ type: 'SWITCH', jurisdiction: parseBody(SwitchBody, req).jurisdiction }));
  event('lang', (req) => ({ type: 'SET_LANG', lang: parseBody(LangBody, req).lang }), false);

  // A Word document built from the session's answers: same access (the unguessable id) and expiry as the session.
  get('/sessions/:id/documents/:file', async (req, res) => {
    const gathered = await sessions.gathered(req.params.id as string);
    if (!gathered) throw new ApiError('session_not_found');
    const name = /^([a-z-]{1,40})\.docx$/.exec(String(req.params.file))?.[1];
    if (!name || !gathered.jurisdiction || !isDocumentName(name) || !documentsOf(gathered.jurisdiction, gathered.date).includes(name)) {
      throw new ApiError('document_not_found');
    }
    const asked = queryOf(req).lang;
    const lang = isLang(asked) ? asked : gathered.lang;
    const doc = await buildDocument(name, { jurisdiction: gathered.jurisdiction, facts: gathered.facts, lang, date: gathered.date });
    sendDocument(res, doc);
  });

  router.use(methodNotAllowed(router));
  router.use((_req, _res, next) => next(new ApiError('not_found')));
  return router;
}

/** `GET /api/jurisdictions` as sent, per language: the texts and the locales do not change while the process runs. */
const catalogues = new Map<Lang, { body: Buffer; etag: string }>();

function catalogueOf(lang: Lang): { body: Buffer; etag: string } {
  let built = catalogues.get(lang);
  if (built === undefined) {
    const json = JSON.stringify(catalogue(lang));
    catalogues.set(lang, (built = { body: Buffer.from(json), etag: etagOf(json) }));
  }
  return built;
}

/** Every jurisdiction with its text's particulars and its questions as the conversation words them, and the opening prompt. */
function catalogue(lang: Lang) {
  return {
    jurisdictions: JURISDICTIONS.map((def) => ({
      id: def.id,
      name: translator(lang, def.id)('name'),
      level: def.level,
      title: def.title,
      documentNumber: def.documentNumber,
      issuer: def.issuer,
      inForceFrom: def.inForceFrom,
      status: def.status,
      questions: factsAsked(def).flatMap((fact) => {
        const question = questionById(fact) ?? (fact === 'branches' ? { id: 'branches.0.floorArea', fact: 'floorArea' as const, branch: 0, ...specOf('floorArea') } : undefined);
        return question ? [questionPrompt(question, lang, 0, 0, def.id)].map(({ progress: _p, ...prompt }) => prompt) : [];
      }),
    })),
    opening: jurisdictionPrompt(lang),
  };
}

async function found(view: Promise<SessionView | undefined>): Promise<SessionView> {
  const resolved = await view;
  if (!resolved) throw new ApiError('session_not_found');
  return resolved;
}

/** The contract's conversation body: `prompt` while asking, `result` (with its Word `documents`) once done. */
function conversationBody(id: string, view: SessionView): SessionView {
  return withDocuments(id, view);
}
