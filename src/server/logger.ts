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
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Level, type Logger, type LevelWithSilent } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { NodeEnv } from './config.js';

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
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

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

/**
 * The access log: one line per response (`info`, `error` for 5xx) with `reqId`, and `req.log` for handlers,
 * whose lines carry `reqId` too. Must come after `requestId()`, whose id it reuses.
 */
export function httpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = res.getHeader('x-request-id');
      return typeof id === 'string' && id !== '' ? id : randomUUID();
    },
    serializers: {
      // Only these fields: no headers (cookies, tokens), no body, no client address.
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: loggedUrl(req.url ?? '') }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error): Level => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // Container health probes every few seconds would drown everything else.
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
