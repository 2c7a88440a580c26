/**
 * Every error the service sends: `{ error: { code, message, details } }`, the message in the language the
 * request asks for (`lang` in the body or query, then Accept-Language, then zh-CN). A 422 is not here: an
 * answer that cannot be understood returns the conversation's view, with the same prompt and its `error`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_LANG, isLang, type Lang, translator } from '../i18n/index.js';
import { JURISDICTION_IDS } from '../rules/types.js';
import { SessionConflictError, StoreUnavailableError } from '../store/types.js';
import { defaultLogger, logErrorOf, loggedUrl } from './logger.js';
import { acceptedLanguage, sendJson, queryOf } from './node-http.js';

/** A request of the API or of express's pages: errors need only what Node's has, and the body when parsed. */
type AnyRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** Every `error.code` with its HTTP status. Each has a message under `errors.<code>` in `locales/<lang>/api.json`. */
export const API_ERRORS = {
  invalid_body: 400,
  invalid_json: 400,
  invalid_facts: 400,
  unknown_jurisdiction: 400,
  forbidden_key: 400,
  not_found: 404,
  session_not_found: 404,
  document_not_found: 404,
  method_not_allowed: 405,
  session_conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  store_unavailable: 503,
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;
export const API_ERROR_CODES = Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]];

/** An error the API reports with a status and a localized message. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    readonly details: unknown = undefined,
  ) {
    super(code);
    this.status = API_ERRORS[code];
  }
}

/** The language a request asks for: `lang` in the body or query, then Accept-Language, then zh-CN. */
export function requestLang(req: AnyRequest): Lang {
  const body = req.body;
  const fromBody = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { lang?: unknown }).lang : undefined;
  const asked = fromBody ?? queryOf(req).lang;
  if (isLang(asked)) return asked;
  return acceptedLanguage(req, ['zh-CN', 'zh', 'en']) === 'en' ? 'en' : DEFAULT_LANG;
}

/** Sends `{ error: { code, message, details } }` with the code's status. */
export function sendError(req: AnyRequest, res: ServerResponse, code: ApiErrorCode, details: unknown = null): void {
  // `ids` names the five jurisdictions for unknown_jurisdiction; other messages have no placeholder.
  const message = translator(requestLang(req), 'api')(`errors.${code}`, { ids: JURISDICTION_IDS.join(', ') });
  sendJson(res, API_ERRORS[code], { error: { code, message, details: details ?? null } });
}

/** What body-parser's error `type`s mean to a caller. */
const PARSER_ERRORS: Record<string, ApiErrorCode> = {
  'entity.parse.failed': 'invalid_json',
  'entity.too.large': 'body_too_large',
  'charset.unsupported': 'unsupported_media_type',
  'encoding.unsupported': 'unsupported_media_type',
};

/** The code of any error thrown or passed on while serving `req`. */
export function errorCodeOf(error: unknown, req?: AnyRequest): { code: ApiErrorCode; details: unknown } {
  if (error instanceof ApiError) return { code: error.code, details: error.details };
  // A path parameter that is not valid percent-encoding (`/api/sessions/%E0%A4%A`) names nothing of ours.
  if (error instanceof URIError) return { code: (req?.originalUrl ?? req?.url ?? '').startsWith('/api/sessions/') ? 'session_not_found' : 'not_found', details: null };
  if (error instanceof StoreUnavailableError) return { code: 'store_unavailable', details: null };
  if (error instanceof SessionConflictError) return { code: 'session_conflict', details: null };
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof type === 'string' && PARSER_ERRORS[type]) return { code: PARSER_ERRORS[type], details: null };
  if (status === 413) return { code: 'body_too_large', details: null };
  if (status === 415) return { code: 'unsupported_media_type', details: null };
  // Any other client error from a library (an aborted upload, a malformed URL): the request was bad.
  if (typeof status === 'number' && status >= 400 && status < 500) return { code: status === 404 ? 'not_found' : 'invalid_body', details: null };
  return { code: 'internal', details: null };
}

/** Renders every error as `{ error: { code, message, details } }` in the request's language. */
export function apiErrors(error: unknown, req: AnyRequest, res: ServerResponse, next: (error?: unknown) => void): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { code, details } = errorCodeOf(error, req);
  if (code === 'internal') {
    // The access log's line for this response carries the error; without the access log (an app assembled
    // without it), one line here. Never the body: it may hold a typed answer.
    const err = error instanceof Error ? error : new Error(String(error));
    if (!logErrorOf(res, err)) defaultLogger.error({ err, reqId: res.getHeader('x-request-id'), method: req.method, url: loggedUrl(req.originalUrl ?? req.url ?? '') }, 'request failed');
  }
  sendError(req, res, code, details);
}

/** The last route: nothing matched. */
export function notFound(req: AnyRequest, res: ServerResponse): void {
  sendError(req, res, 'not_found');
}
