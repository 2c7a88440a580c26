/**
 * What the API reads of a request and writes to a response, on Node's own `IncomingMessage` and `ServerResponse`.
 * The API is served by express's router alone, without express's application layer (`src/server/app.ts` says
 * why), so it cannot use the methods express grafts onto requests and responses. Each helper does what express's
 * method does, with the same library (accepts, type-is, vary, etag, fresh, proxy-addr), so that the API answers as
 * it did under express; the pages served by express use them too, which express's objects allow (they are Node's).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery, type ParsedUrlQuery } from 'node:querystring';
import accepts from 'accepts';
import createEtag from 'etag';
import fresh from 'fresh';
import proxyaddr from 'proxy-addr';
import typeIs from 'type-is';
import vary from 'vary';

/** A request as the API's middleware and routes see it: Node's, with what the router and the body parser add. */
export interface ApiRequest extends IncomingMessage {
  /** The route's parameters (`:id`), set by the router. */
  params: Record<string, string | undefined>;
  /** The mount path the router trimmed from `url` (`/api`). */
  baseUrl: string;
  /** The URL as received, before any router trimmed it. */
  originalUrl: string;
  /** The route that matched, set by the router (its `path` is the template the metrics label with). */
  route?: { path?: unknown };
  /** The parsed JSON body (body-parser), once read. */
  body?: unknown;
}

/**
 * Middleware that needs only Node's request and response, so that the API (served without express's application
 * layer) and express's pages share it.
 */
export type NodeMiddleware<Req extends IncomingMessage = IncomingMessage> = (req: Req, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Middleware run one after another as one: the router pays for each layer it walks (matching, closures to restore
 * what it trimmed), and measured about 10 KB allocated a request across the API's dozen; what runs for every request
 * needs none of that. An error, passed on or thrown, skips the rest and goes to `next`.
 */
export function inSeries(middleware: readonly NodeMiddleware[]): NodeMiddleware {
  if (middleware.length === 1) return middleware[0] as NodeMiddleware;
  return (req, res, next) => {
    let at = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined || at === middleware.length) return next(error);
      const current = middleware[at++] as NodeMiddleware;
      try {
        current(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}

/** A request header as one string (repeated headers joined as Node joins them), like express's `req.get`. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The URL as received: routers trim their mount path from `req.url`, not from `originalUrl`. */
function receivedUrl(req: IncomingMessage): string {
  return (req as Partial<ApiRequest>).originalUrl ?? req.url ?? '/';
}

/** The query string parsed as express's default ("simple") query parser does, with `node:querystring`. */
export function queryOf(req: IncomingMessage): ParsedUrlQuery {
  const url = receivedUrl(req);
  const start = url.indexOf('?');
  return start < 0 ? {} : parseQuery(url.slice(start + 1).split('#', 1)[0] ?? '');
}

/** The path of `req.url` without its query, like express's `req.path` (relative to the router's mount path). */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

/** The first of `languages` that Accept-Language takes (express's `req.acceptsLanguages`), or false. */
export function acceptedLanguage(req: IncomingMessage, languages: string[]): string | false {
  return accepts(req).languages(languages);
}

/** Whether the request carries a body of one of `types` (express's `req.is`); null when it has no body. */
export function bodyIs(req: IncomingMessage, types: string[]): boolean | null {
  const matched = typeIs(req, types);
  return matched === null ? null : matched !== false;
}

/** Adds `field` to the response's Vary header (once), like express's `res.vary`. */
export function addVary(res: ServerResponse, field: string): void {
  vary(res, field);
}

/**
 * Sends `body` as `application/json; charset=utf-8` with `status`; Node sets Content-Length from the string. No
 * ETag: a POST's answer is never cached, and hashing every body for one (as express's `res.json` does) cost a
 * fifth of the server's time per `POST /api/assess` (a 24 KB result). GET answers use {@link sendRevalidatable}.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Sends a GET's JSON with an ETag (`etag`, or express's weak one from the body), and 304 without a body when the
 * request's If-None-Match already names it: what express's `res.json` does for a GET.
 */
export function sendRevalidatable(req: IncomingMessage, res: ServerResponse, json: string | Buffer, etag?: string): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', etag ?? createEtag(json, { weak: true }));
  if (isFresh(req, res)) {
    res.statusCode = 304;
    res.removeHeader('Content-Type');
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(json));
  if (req.method === 'HEAD') res.end();
  else res.end(json);
}

/** express's `req.fresh`: a GET or HEAD whose cache validators still match a 2xx answer. */
function isFresh(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if ((res.statusCode < 200 || res.statusCode >= 300) && res.statusCode !== 304) return false;
  return fresh(req.headers, { etag: res.getHeader('ETag'), 'last-modified': res.getHeader('Last-Modified') });
}

/** Which proxies' X-Forwarded-For to believe: express's `trust proxy` values. */
export type TrustSetting = boolean | number | string | string[];

/**
 * The client's address as express's `req.ip` gives it for a `trust proxy` setting (compiled once, as express
 * compiles it): the socket's peer, or the nearest untrusted address X-Forwarded-For names.
 */
export function clientAddress(trust: TrustSetting): (req: IncomingMessage) => string | undefined {
  const trusted = compileTrust(trust);
  return (req) => proxyaddr(req, trusted);
}

/** express's `compileTrust` (lib/utils.js), for the values the configuration allows. */
function compileTrust(trust: TrustSetting): (address: string, hop: number) => boolean {
  if (trust === true) return () => true;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  const list = typeof trust === 'string' ? trust.split(',').map((item) => item.trim()) : trust === false ? [] : trust;
  return proxyaddr.compile(list);
}
