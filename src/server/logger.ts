/**
 * Logging with pino: one JSON object per line in production (and whenever stdout is not a terminal, so that CI
 * and log collectors get JSON), pino-pretty in development on a terminal, nothing below `warn`… nothing at all
 * under `NODE_ENV=test`.
 *
 * No personal data: a request's line carries its method, its URL with any session id replaced by a short hash
 * (sha256, first 12 hex characters: enough to follow one conversation through the log, useless to resume it),
 * the status and the time taken, and the request id (the `X-Request-Id` set by `security.ts`). Never a body,
 * so never a typed answer; no headers (cookies), no client address.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import type { NodeEnv } from './config.js';
import type { NodeMiddleware } from './node-http.js';

export type { Logger } from 'pino';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Picks the defaults: JSON in production, pretty on a terminal in development, silent in test. */
  nodeEnv?: NodeEnv;
  /** Overrides the level the environment implies. */
  level?: LevelWithSilent;
  /** Where lines go (tests capture them); default stdout. Given a destination, output is always JSON. */
  destination?: DestinationStream;
}

/** The level `nodeEnv` implies. */
export function defaultLevel(nodeEnv: NodeEnv): LevelWithSilent {
  return nodeEnv === 'test' ? 'silent' : 'info';
}

/** pino-pretty's stream when it is installed (a development dependency) and stdout is a terminal. */
function prettyStream(): DestinationStream | undefined {
  if (!process.stdout.isTTY) return undefined;
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined; // production install (--omit=dev): plain JSON
  }
}

/** A root logger for the process. */
export function createLogger({ nodeEnv = 'development', level, destination }: LoggerOptions = {}): Logger {
  const options = { level: level ?? defaultLevel(nodeEnv), base: { service: 'park-advisor' } };
  const stream = destination ?? (nodeEnv === 'development' ? prettyStream() : undefined);
  return stream ? pino(options, stream) : pino(options);
}

/** The process-wide default (from NODE_ENV as given): used where no logger was passed in, e.g. by tests. */
export const defaultLogger: Logger = createLogger({ nodeEnv: nodeEnvOf(process.env.NODE_ENV) });

function nodeEnvOf(raw: string | undefined): NodeEnv {
  return raw === 'production' || raw === 'test' ? raw : 'development';
}

/** sha256 of a session id, first 12 hex characters: the same id always gives the same pseudonym. */
export function hashId(id: string): string {
  let hashed = recentHashes.get(id);
  if (hashed === undefined) {
    hashed = createHash('sha256').update(id).digest('hex').slice(0, 12);
    // A conversation's requests come one after another: its id is hashed once, not on every line.
    if (recentHashes.size >= 1024) recentHashes.clear();
    recentHashes.set(id, hashed);
  }
  return hashed;
}
const recentHashes = new Map<string, string>();

const SESSION_PATH = /^(\/api\/sessions\/)([^/?#]+)/;

const WECHAT_PATH = /^(\/wechat\/?)\?.*$/;
const RESULT_PAGE = /^(\/r\/)([^/?#]+)/;

/**
 * A URL as logged: `/api/sessions/<id>…` and result pages `/r/<token>` with the id hashed (`#3f2a…`), `/wechat`
 * without its query (it names the user's OpenID); anything else unchanged.
 */
export function loggedUrl(url: string): string {
  return url
    .replace(SESSION_PATH, (_m, prefix: string, id: string) => `${prefix}#${hashId(id)}`)
    .replace(RESULT_PAGE, (_m, prefix: string, token: string) => `${prefix}#${hashId(token)}`)
    .replace(WECHAT_PATH, '$1');
}

/** Paths never logged: container health probes every few seconds would drown everything else. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * The access log: one line per response — `request completed` (`info`, `error` for a 5xx, with the error when
 * `apiErrors` handed one over through {@link logErrorOf}) or `request aborted` when the client left first — with
 * `reqId`, `req` (`id`, `method`, the URL as {@link loggedUrl} gives it), `res.statusCode` and `responseTime` (ms).
 * Must come after `requestId()`, whose id it reuses.
 *
 * Written here rather than with pino-http: the same line through the same pino logger, without a child logger and
 * serializers per request, which the profile of a conversation turn showed costing about an eighth of the
 * server's time (README, Performance).
 */
export function httpLogger(logger: Logger): NodeMiddleware {
  return (req, res, next) => {
    if (QUIET_PATHS.has(req.url ?? '')) return next();
    const started = performance.now();
    // The URL before express's routers trim their mount paths from req.url.
    const url = req.url ?? '/';
    (res as Tagged)[LOGGED] = true;
    res.once('close', () => {
      const header = res.getHeader('x-request-id');
      const reqId = typeof header === 'string' && header !== '' ? header : randomUUID();
      const line: AccessLine = {
        reqId,
        req: { id: reqId, method: req.method ?? '', url: loggedUrl(url) },
        res: { statusCode: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      const err = (res as Tagged)[ERROR];
      if (err) line.err = err;
      if (!res.writableFinished) logger.warn(line, 'request aborted');
      else if (err || res.statusCode >= 500) logger.error(line, 'request completed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}

/** One access-log line's fields. */
interface AccessLine {
  reqId: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
  err?: Error;
}

const LOGGED = Symbol('access-logged');
const ERROR = Symbol('access-log-error');
/** A response as the access log marks it. */
type Tagged = ServerResponse & { [LOGGED]?: true; [ERROR]?: Error };

/**
 * Hands a request's error to its access-log line; false when the request is not access-logged (an app assembled
 * without `httpLogger`), so that the caller logs the error itself.
 */
export function logErrorOf(res: ServerResponse, error: Error): boolean {
  const tagged = res as Tagged;
  if (!tagged[LOGGED]) return false;
  tagged[ERROR] = error;
  return true;
}
