/**
 * What stands between the internet and the API: a request id on every response, helmet's headers with a strict
 * Content-Security-Policy for our own pages, the one cross-origin resource (`/widget.js`), CORS for the bureau
 * sites that embed the widget, and the checks every request body passes before a route sees it.
 */
import { randomUUID } from 'node:crypto';
import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ApiError } from './errors.js';
import { addVary, type ApiRequest, bodyIs, headerOf, type NodeMiddleware } from './node-http.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An incoming request id is kept when it is short and plain (a UUID, a proxy's trace id); otherwise replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Sets `X-Request-Id` on every response: the caller's (or proxy's) when sane, else a fresh UUID. */
export function requestId(): NodeMiddleware {
  return (req, res, next) => {
    const incoming = headerOf(req, REQUEST_ID_HEADER);
    const id = incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/**
 * The Content-Security-Policy of our own pages (the demo page, anything under `public/`). Nothing inline,
 * nothing evaluated, nothing from elsewhere. The widget's styles are constructed stylesheets in its Shadow DOM,
 * which `style-src 'self'` does not block.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/** helmet with the strict CSP above; framing is refused (also for browsers that only know X-Frame-Options). */
export function securityHeaders(): NodeMiddleware {
  const headers = helmetHeaders();
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * helmet's headers for our options, computed once: none depends on the request (no nonces, no functions), and
 * running helmet's dozen middlewares on every request cost more than setting the same headers from a list.
 */
function helmetHeaders(): [string, string][] {
  const captured: [string, string][] = [];
  const recorder = { setHeader: (name: string, value: unknown) => void captured.push([name, String(value)]), removeHeader: () => undefined };
  let done = false;
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    xFrameOptions: { action: 'deny' },
    // same-origin for everything but what crossOriginResources() opens up.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })({} as Request, recorder as unknown as Response, () => (done = true));
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return captured;
}

/** Resources other sites embed: the widget bundle (and its source map). */
export const CROSS_ORIGIN_PATHS: readonly string[] = ['/widget.js', '/widget.js.map'];

/**
 * Lets bureau sites load the widget: `Cross-Origin-Resource-Policy: cross-origin` (helmet's same-origin
 * would make browsers refuse the script), and `Access-Control-Allow-Origin: *` so that a page may also load it
 * with `crossorigin` (for Subresource Integrity or as a module). It is a public file: nothing is exposed.
 * Must run after securityHeaders() and before the widget's routes.
 */
export function crossOriginResources(paths: readonly string[] = CROSS_ORIGIN_PATHS): RequestHandler {
  const open = new Set(paths);
  return (req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && open.has(req.path)) {
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.setHeader('Access-Control-Allow-Origin', '*');
    }
    next();
  };
}

/** Response headers a page on another origin may read (CORS hides all others). */
export const EXPOSED_HEADERS = ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'];

/**
 * CORS for the API: only pages of `allowedOrigins` get CORS headers (other origins none at all, so browsers
 * refuse them the response); same-origin requests need none. Preflights are answered here (204), from any
 * origin, so they never reach the rate limiter or the routes.
 */
export function apiCors(allowedOrigins: readonly string[]): NodeMiddleware {
  const allowed = new Set(allowedOrigins);
  const corsHandler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Accept-Language', 'X-Request-Id'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    credentials: false,
  });
  return (req, res, next) => {
    // The answer depends on Origin even when it carries no CORS headers: caches must keep them apart.
    addVary(res, 'Origin');
    const then = (error?: unknown) => {
      if (error) return next(error);
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.setHeader('Content-Length', '0');
        res.end();
        return;
      }
      next();
    };
    // For an origin it does not allow (or none: same-origin and server-to-server calls), `cors` sets nothing and
    // goes on; asked only when it has something to do, it no longer copies its options on every request.
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return then();
    corsHandler(req, res, then);
  };
}

/**
 * 415 for a body that is not JSON (`application/json`). Commands without parameters may come without a body.
 * This also means a page elsewhere cannot post to the API with a "simple" (form or text/plain) request that
 * skips the CORS preflight.
 */
export function requireJsonBody(): NodeMiddleware {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const length = headerOf(req, 'content-length');
    const hasContent = headerOf(req, 'transfer-encoding') !== undefined || (length !== undefined && length !== '0');
    if (hasContent && !bodyIs(req, ['application/json'])) return next(new ApiError('unsupported_media_type'));
    next();
  };
}

/** Keys that could reach an object's prototype if any code merged the body into an object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Where the first forbidden key of a parsed JSON value is (`facts.__proto__`), or undefined. Iterative: deep nesting cannot overflow the stack. */
export function findForbiddenKey(value: unknown): string | undefined {
  const stack: Array<{ node: unknown; path: string }> = [{ node: value, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: string };
    if (typeof node !== 'object' || node === null) continue;
    for (const key of Object.keys(node)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return at;
      stack.push({ node: (node as Record<string, unknown>)[key], path: at });
    }
  }
  return undefined;
}

/** 400 `forbidden_key` for a JSON body with `__proto__`, `constructor` or `prototype` as a key, at any depth. */
export function rejectForbiddenKeys(): NodeMiddleware<ApiRequest> {
  return (req, _res, next) => {
    const at = findForbiddenKey(req.body);
    if (at !== undefined) return next(new ApiError('forbidden_key', [{ field: at, problem: 'forbidden_key' }]));
    next();
  };
}
