/**
 * The HTTP API of `shared/spec/assessment.md`: `POST /api/assess`, `GET /api/jurisdictions`, and conversations
 * (`POST /api/sessions`, `POST /api/sessions/:id/answers`, `GET /api/sessions/:id`, plus back, skip, change,
 * restart, language and results). Bodies are validated with zod; errors are `{ error: { code, message, details } }`
 * in the requested language.
 */
import { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { jurisdictionPrompt, questionPrompt } from '../flows/prompts.js';
import { factsAsked, questionById, specOf } from '../flows/questions.js';
import type { ConversationSessions, SessionView } from '../flows/sessions.js';
import { DEFAULT_LANG, isLang, type Lang, LANGUAGES, translator } from '../i18n/index.js';
import { AssessmentInputError } from '../rules/errors.js';
import { evaluate } from '../rules/evaluate.js';
import { JURISDICTIONS } from '../rules/registry.js';
import { JURISDICTION_IDS } from '../rules/types.js';
import { SessionConflictError, StoreUnavailableError } from '../store/types.js';

/** An error the API reports with a status and a localized message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: unknown = undefined,
  ) {
    super(code);
  }
}

const LangSchema = z.enum(LANGUAGES);
const JurisdictionSchema = z.enum(JURISDICTION_IDS);
const AssessBody = z.strictObject({
  jurisdiction: z.string(),
  facts: z.record(z.string(), z.unknown()),
  lang: LangSchema.optional(),
  date: z.string().optional(),
});
const CreateBody = z.strictObject({ jurisdiction: JurisdictionSchema.optional(), lang: LangSchema.optional() });
const AnswerBody = z.strictObject({ questionId: z.string().max(80), value: z.unknown() });
const SkipBody = z.strictObject({ questionId: z.string().max(80).optional() });
const LangBody = z.strictObject({ lang: LangSchema });
const ChooseBody = z.strictObject({ value: z.string().max(200) });

/** The language a request asks for: `lang` in the body or query, then Accept-Language, then zh-CN. */
export function requestLang(req: Request): Lang {
  const asked = (req.body as { lang?: unknown } | undefined)?.lang ?? req.query.lang;
  if (isLang(asked)) return asked;
  return req.acceptsLanguages('zh-CN', 'zh', 'en') === 'en' ? 'en' : DEFAULT_LANG;
}

function parseBody<T>(schema: z.ZodType<T>, req: Request): T {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_body', parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: i.code })));
  }
  return parsed.data;
}

/** The API routes over a set of conversations. */
export function apiRouter(sessions: ConversationSessions): Router {
  const router = Router();

  router.post('/assess', (req, res) => {
    const body = parseBody(AssessBody, req);
    const lang = body.lang ?? requestLang(req);
    try {
      res.json(evaluate(body.jurisdiction, body.facts, { lang, ...(body.date ? { date: body.date } : {}) }));
    } catch (error) {
      if (error instanceof AssessmentInputError) throw new ApiError(400, 'invalid_facts', error.problems);
      throw error;
    }
  });

  router.get('/jurisdictions', (req, res) => {
    const lang = requestLang(req);
    res.json({
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
          return question ? [questionPrompt(question, lang, 0, 0)].map(({ progress: _p, ...prompt }) => prompt) : [];
        }),
      })),
      opening: jurisdictionPrompt(lang),
    });
  });

  router.post('/sessions', async (req, res) => {
    const body = parseBody(CreateBody, req);
    const { id, view } = await sessions.create({ ...body, lang: body.lang ?? requestLang(req) });
    res.status(201).json({ id, ...conversationBody(view) });
  });

  router.get('/sessions/:id', async (req, res) => {
    const view = await found(sessions.get(req.params.id, req.query.result === '1' || req.query.result === 'true'));
    res.json({ id: req.params.id, ...conversationBody(view) });
  });

  const event = (path: string, toEvent: (req: Request) => Parameters<ConversationSessions['send']>[1]) =>
    router.post(`/sessions/:id/${path}`, async (req, res) => {
      const view = await found(sessions.send(req.params.id as string, toEvent(req)));
      res.status(view.error ? 422 : 200).json({ id: req.params.id, ...conversationBody(view) });
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
  event('back', () => ({ type: 'BACK' }));
  event('restart', () => ({ type: 'RESTART' }));
  event('results', () => ({ type: 'RESULTS' }));
  event('continue', () => ({ type: 'CONTINUE' }));
  event('lang', (req) => ({ type: 'SET_LANG', lang: parseBody(LangBody, req).lang }));

  router.use((_req, _res, next) => next(new ApiError(404, 'not_found')));
  return router;
}

async function found(view: Promise<SessionView | undefined>): Promise<SessionView> {
  const resolved = await view;
  if (!resolved) throw new ApiError(404, 'session_not_found');
  return resolved;
}

/** The contract's conversation body: `prompt` while asking, `result` once done, and the view's details. */
function conversationBody(view: SessionView): SessionView {
  return view;
}

/** Renders every error as `{ error: { code, message, details } }` in the request's language. */
export function apiErrors(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const lang = requestLang(req);
  const t = translator(lang, 'api');
  if (error instanceof ApiError) {
    res.status(error.status).json({ error: { code: error.code, message: t(`errors.${error.code}`), details: error.details ?? null } });
    return;
  }
  if (error instanceof StoreUnavailableError) {
    res.status(503).json({ error: { code: 'store_unavailable', message: t('errors.store_unavailable'), details: null } });
    return;
  }
  if (error instanceof SessionConflictError) {
    res.status(409).json({ error: { code: 'session_conflict', message: t('errors.session_conflict'), details: null } });
    return;
  }
  const status = (error as { status?: number; type?: string }).status;
  if (status === 413 || status === 400) {
    const code = status === 413 ? 'body_too_large' : 'invalid_json';
    res.status(status).json({ error: { code, message: t(`errors.${code}`), details: null } });
    return;
  }
  res.status(500).json({ error: { code: 'internal', message: t('errors.internal'), details: null } });
}
