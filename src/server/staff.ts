/**
 * The front-desk staff console (`/staff`): one page on which a staff member answers an enquiry for any of the
 * five jurisdictions — every question on one screen, the verdict live, the five side by side, quick answers,
 * and the documents to hand over. Mounted before the static files (createApp does, with STAFF_TOKEN):
 *
 *     app.use(staffRoutes({ token: config.staffToken }));
 *
 * Routes (all under /staff; see src/staff/server/access.ts for who may use them):
 *
 * | route | what it does |
 * |---|---|
 * | `GET /staff` | the console page (`?lang=en`) |
 * | `GET /staff/assets/{staff,login,doc}.js`, `{staff,doc}.css` | its script (esbuild, built once) and styles |
 * | `POST /staff/login`, `POST /staff/logout` | token login (a session cookie) and logout |
 * | `GET /staff/api/catalog` | questions by article, criteria, quick answers, in one language |
 * | `POST /staff/api/assess` | `{ jurisdiction, answers: { questionId: typedText } }` → facts, per-field reading, result |
 * | `POST /staff/api/compare` | `{ answers }` → the five jurisdictions, row by topic |
 * | `POST /staff/api/import` | `{ facts }` → the typed answers that say the same |
 * | `POST /staff/api/document-answers` | a .docx (or plain text) an applicant wrote → the answers it gives, each with its line |
 * | `GET /staff/api/insights` | `?from=&to=&jurisdiction=&channels=&includeStaff=` → anonymous figures (src/insights/) |
 * | `POST /staff/doc/{checklist,mudanjiang-form,jilin-form}` | `payload={ jurisdiction, facts, details, lang }` → a printable page (`?download=1`: a file) |
 * | `POST /staff/docx/<name>` | the same payload → the Word document (`src/documents`; names: `documentsOf(jurisdiction)`) |
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { buildDocument, DOCX_TYPE, documentsOf, isDocumentName } from '../documents/index.js';
import { DocumentReadError, docxLines, MAX_DOCUMENT_BYTES } from '../documents/read-docx.js';
import { answersInLines } from '../flows/document-answers.js';
import { questionById } from '../flows/questions.js';
import { factLabelIn } from '../rules/labels.js';
import type { Lang } from '../i18n/index.js';
import { LANGUAGES } from '../i18n/index.js';
import { summarizeResult } from '../flows/sessions.js';
import { type Insights, InsightsQueryError } from '../insights/index.js';
import { todayInChina } from '../rules/dates.js';
import { describeIssues } from '../rules/errors.js';
import { FactsSchema } from '../rules/facts.js';
import { JURISDICTION_IDS, type JurisdictionId } from '../rules/types.js';
import { clearSession, decideAccess, setSession, tokenMatches } from '../staff/server/access.js';
import { answersFromFacts } from '../staff/server/answers.js';
import { assessAnswers, compareAnswers } from '../staff/server/assess.js';
import { type Asset, script, type ScriptName, stylesheet, type StylesheetName } from '../staff/server/bundle.js';
import { catalog } from '../staff/server/catalog.js';
import { renderDocument } from '../staff/server/documents.js';
import { cleanDetails } from '../staff/server/forms.js';
import { consolePage, errorPage, forbiddenPage, ICON_SVG, loginPage } from '../staff/server/pages.js';
import { consoleLang, staffT } from '../staff/server/text.js';
import { DOC_KINDS, type DocKind } from '../staff/shared/types.js';
import { sendDocument } from './documents.js';

/** How the console is set up. */
export interface StaffOptions {
  /** When set (STAFF_TOKEN), the console requires a login with it; unset or empty: loopback clients only. */
  token?: string;
  /** Today in China, `YYYY-MM-DD` (tests fix it). */
  today?: () => string;
  /** Failed logins allowed per client per 15 minutes (default 10). */
  loginAttempts?: number;
  /** Enquiry insights: each result the console shows is counted (channel `staff`), and the figures are served. */
  insights?: Insights;
}

/** The policy of every console response: no inline script or style, nothing from elsewhere, never framed. */
export const STAFF_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const LangSchema = z.enum(LANGUAGES);
const DateSchema = z.iso.date();
const Answers = z
  .record(z.string().max(40), z.string().max(500))
  .refine((answers) => Object.keys(answers).length <= 200, { message: 'too many answers' });
const AssessBody = z.strictObject({ jurisdiction: z.enum(JURISDICTION_IDS), answers: Answers, lang: LangSchema.optional(), date: DateSchema.optional() });
const CompareBody = z.strictObject({ answers: Answers, lang: LangSchema.optional(), date: DateSchema.optional() });
const ImportBody = z.strictObject({ facts: z.unknown(), lang: LangSchema.optional() });
const DocBody = z.strictObject({
  jurisdiction: z.enum(JURISDICTION_IDS),
  facts: z.unknown(),
  details: z.record(z.string(), z.unknown()).optional(),
  lang: LangSchema.optional(),
});
/** A URL fragment carried through the login (the shared profile), in base64url / query characters only. */
const FRAGMENT = /^#[A-Za-z0-9_\-=&.~%]{0,16000}$/;

/** An error of the console's JSON API. */
class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: unknown = null,
  ) {
    super(code);
  }
}

/** A Word file's media type. */

/** Routes of the staff console. */
export function staffRoutes(options: StaffOptions = {}): Router {
  const token = options.token ? options.token : undefined;
  const today = options.today ?? todayInChina;
  const router = Router();
  const json = express.json({ limit: '64kb', strict: true });
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 20 });
  const langOf = (req: Request): Lang =>
    consoleLang(req.query.lang, (req.body as { lang?: unknown } | undefined)?.lang, req.acceptsLanguages('zh-CN', 'zh', 'en') === 'en');
  const html = (res: Response, status: number, body: string) => res.status(status).type('html').send(body);

  router.use('/staff', (req, res, next) => {
    res.setHeader('Content-Security-Policy', STAFF_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', req.path.startsWith('/assets/') ? 'no-cache' : 'no-store');
    res.vary('Accept-Language');
    next();
  });

  const sendAsset = (load: () => Promise<Asset>, type: string) => async (req: Request, res: Response) => {
    const asset = await load();
    res.setHeader('ETag', asset.etag);
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return;
    }
    res.type(type).send(asset.body);
  };
  const sendScript = (name: ScriptName) => sendAsset(() => script(name), 'text/javascript');
  const sendSheet = (name: StylesheetName) => sendAsset(() => stylesheet(name), 'text/css');

  // Served to anyone: the login and refusal pages need them, and they hold no data.
  router.get('/staff/assets/staff.css', sendSheet('staff.css'));
  router.get('/staff/assets/login.js', sendScript('login.js'));
  router.get('/staff/assets/icon.svg', (_req, res) => {
    res.type('image/svg+xml').send(ICON_SVG);
  });

  router.get('/staff/login', (req, res) => res.redirect(303, `/staff?lang=${langOf(req)}`));
  router.post(
    '/staff/login',
    form,
    rateLimit({
      windowMs: 15 * 60 * 1000,
      limit: options.loginAttempts ?? 10,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, res) => html(res, 429, loginPage(langOf(req), 'tooMany')),
    }),
    (req, res) => {
      const lang = langOf(req);
      const body = (req.body ?? {}) as { token?: unknown; hash?: unknown };
      if (!token) {
        res.redirect(303, `/staff?lang=${lang}`);
        return;
      }
      if (!tokenMatches(body.token, token)) {
        html(res, 401, loginPage(lang, 'wrong'));
        return;
      }
      setSession(req, res, token);
      const hash = typeof body.hash === 'string' && FRAGMENT.test(body.hash) ? body.hash : '';
      res.redirect(303, `/staff?lang=${lang}${hash}`);
    },
  );
  router.post('/staff/logout', (req, res) => {
    clearSession(req, res);
    res.redirect(303, `/staff?lang=${langOf(req)}`);
  });

  // Everything else needs access.
  router.use('/staff', (req, res, next) => {
    const access = decideAccess(req, token);
    if (access === 'allow') {
      next();
      return;
    }
    const lang = langOf(req);
    const status = access === 'login' ? 401 : 403;
    if (req.path.startsWith('/api/')) {
      const code = access === 'login' ? 'unauthorized' : 'forbidden';
      res.status(status).json({ error: { code, message: staffT(lang)(`api.${code}`), details: null } });
    } else {
      html(res, status, access === 'login' ? loginPage(lang) : forbiddenPage(lang));
    }
  });

  router.get('/staff', (req, res) => html(res, 200, consolePage(langOf(req), token !== undefined)));
  router.get('/staff/assets/staff.js', sendScript('staff.js'));
  router.get('/staff/assets/doc.js', sendScript('doc.js'));
  router.get('/staff/assets/doc.css', sendSheet('doc.css'));

  router.get('/staff/api/catalog', (req, res) => {
    res.json(catalog(langOf(req), token !== undefined, today()));
  });

  router.post('/staff/api/assess', json, (req, res) => {
    const body = parse(AssessBody, req.body);
    const lang = body.lang ?? langOf(req);
    const response = assessAnswers(body.jurisdiction, body.answers, { lang, date: body.date ?? today() });
    // Each result shown is one staff check; the insights keep only its verdict and statuses.
    options.insights?.staffCheck(summarizeResult(response.result));
    res.json(response);
  });

  router.get('/staff/api/insights', async (req, res) => {
    if (!options.insights) throw new StaffApiError(404, 'not_found');
    try {
      res.json(await options.insights.report(req.query as Record<string, unknown>, langOf(req)));
    } catch (error) {
      if (error instanceof InsightsQueryError) throw new StaffApiError(400, error.code, error.details);
      throw error;
    }
  });

  router.post('/staff/api/compare', json, (req, res) => {
    const body = parse(CompareBody, req.body);
    const lang = body.lang ?? langOf(req);
    res.json(compareAnswers(body.answers, { lang, date: body.date ?? today() }));
  });

  // An applicant's own Word file (申报书, 情况说明): the answers it gives, to be checked field by field before they count.
  const upload = express.raw({ type: [DOCX_TYPE, 'application/octet-stream', 'text/plain'], limit: MAX_DOCUMENT_BYTES });
  router.post('/staff/api/document-answers', upload, async (req, res) => {
    const lang = langOf(req);
    const body = req.body instanceof Buffer ? req.body : Buffer.alloc(0);
    if (body.length === 0) throw new StaffApiError(400, 'not_a_document');
    let lines: string[];
    try {
      lines = req.is('text/plain') ? body.toString('utf8').split(/\r?\n/) : await docxLines(body);
    } catch (error) {
      if (error instanceof DocumentReadError) throw new StaffApiError(error.code === 'tooLarge' ? 413 : 400, error.code === 'tooLarge' ? 'too_large' : 'not_a_document');
      throw error;
    }
    const jurisdiction = (JURISDICTION_IDS as readonly string[]).includes(String(req.query.jurisdiction)) ? (req.query.jurisdiction as JurisdictionId) : undefined;
    const { found, conflicting } = answersInLines(lines, today());
    const label = (questionId: string) => factLabelIn(questionById(questionId)!.fact, lang, jurisdiction);
    res.json({
      found: found.map((answer) => ({ ...answer, label: label(answer.questionId) })),
      conflicting: conflicting.map((questionId) => ({ questionId, label: label(questionId) })),
    });
  });

  router.post('/staff/api/import', json, (req, res) => {
    const body = parse(ImportBody, req.body);
    const lang = body.lang ?? langOf(req);
    const facts = FactsSchema.safeParse(body.facts, { reportInput: true });
    if (!facts.success) throw new StaffApiError(400, 'invalid_facts', describeIssues(facts.error.issues, lang));
    res.json(answersFromFacts(facts.data, lang));
  });

  router.post('/staff/doc/:kind', form, async (req, res) => {
    const uiLang = langOf(req);
    const kind = req.params.kind as DocKind;
    if (!(DOC_KINDS as readonly string[]).includes(kind)) {
      html(res, 404, errorPage(uiLang, staffT(uiLang)('error.notFound')));
      return;
    }
    const payload = String((req.body as { payload?: unknown } | undefined)?.payload ?? '');
    const body = DocBody.safeParse(parseJson(payload));
    const facts = body.success ? FactsSchema.safeParse(body.data.facts) : undefined;
    if (!body.success || !facts?.success) {
      html(res, 400, errorPage(uiLang, staffT(uiLang)('error.badDocument')));
      return;
    }
    const download = req.query.download === '1';
    if (req.query.preview === '1' && !download) {
      // Shown in the console's preview frame (same origin only); every other response stays unframeable.
      res.setHeader('Content-Security-Policy', STAFF_CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    }
    const doc = renderDocument({
      kind,
      jurisdiction: body.data.jurisdiction,
      facts: facts.data,
      details: cleanDetails(body.data.details),
      lang: body.data.lang ?? uiLang,
      uiLang,
      date: today(),
      payload,
      download,
      // A downloaded file stands alone: its stylesheet goes inside it.
      css: download ? (await stylesheet('doc.css')).body : '',
    });
    if (download) res.attachment(doc.filename);
    html(res, 200, doc.html);
  });

  // The Word documents, built from the posted profile (the console has no session): same payload as /staff/doc.
  router.post('/staff/docx/:name', form, async (req, res) => {
    const uiLang = langOf(req);
    const body = DocBody.safeParse(parseJson(String((req.body as { payload?: unknown } | undefined)?.payload ?? '')));
    const facts = body.success ? FactsSchema.safeParse(body.data.facts) : undefined;
    if (!body.success || !facts?.success) {
      html(res, 400, errorPage(uiLang, staffT(uiLang)('error.badDocument')));
      return;
    }
    const name = String(req.params.name);
    const date = today();
    if (!isDocumentName(name) || !documentsOf(body.data.jurisdiction, date).includes(name)) {
      html(res, 404, errorPage(uiLang, staffT(uiLang)('error.notFound')));
      return;
    }
    const doc = await buildDocument(name, {
      jurisdiction: body.data.jurisdiction,
      facts: facts.data,
      details: cleanDetails(body.data.details),
      lang: body.data.lang ?? uiLang,
      date,
    });
    sendDocument(res, doc);
  });

  router.use('/staff/api', (_req, _res, next) => next(new StaffApiError(404, 'not_found')));
  router.use('/staff', (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const lang = langOf(req);
    const t = staffT(lang);
    const known = error instanceof StaffApiError ? error : undefined;
    const status = known?.status ?? ((error as { status?: number }).status === 413 ? 413 : (error as { status?: number }).status === 400 ? 400 : 500);
    const code = known?.code ?? (status === 413 ? 'too_large' : status === 400 ? 'invalid_json' : 'internal');
    if (status === 500) console.error('[staff]', error);
    if (req.path.startsWith('/api/')) {
      res.status(status).json({ error: { code, message: t(`api.${code}`), details: known?.details ?? null } });
    } else {
      html(res, status, errorPage(lang, t(`api.${code}`)));
    }
  });
  return router;
}

/** JSON text, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new StaffApiError(400, 'invalid_body', parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: i.code })));
  }
  return parsed.data;
}
