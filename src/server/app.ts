/**
 * The express application: the API under `/api`, health checks, the widget and the demo page. Built from its
 * dependencies so that tests and the composition root (`src/main.ts`) assemble it the same way.
 *
 * Every response carries `X-Request-Id` and helmet's headers (a strict CSP). `/api` adds, in this order: CORS
 * for ALLOWED_ORIGINS (preflights end there), the rate limit, a JSON-only body of at most 32 KB without
 * prototype-polluting keys, the routes, and errors as `{ error: { code, message, details } }`.
 */
import express, { type Express } from 'express';
import type { ConversationSessions } from '../flows/sessions.js';
import type { SessionStore } from '../store/types.js';
import { apiRouter } from './api.js';
import { type AppConfig, DEFAULT_CONFIG } from './config.js';
import { apiErrors, notFound } from './errors.js';
import { methodNotAllowed } from './methods.js';
import { defaultLogger, httpLogger, type Logger } from './logger.js';
import { apiRateLimit, type RateLimitRedis } from './rate-limit.js';
import { apiCors, crossOriginResources, rejectForbiddenKeys, requestId, requireJsonBody, securityHeaders } from './security.js';
import { staffRoutes } from './staff.js';
import { widgetRoutes } from './widget.js';

/** What the application needs. */
export interface AppDependencies {
  sessions: ConversationSessions;
  store: SessionStore;
  /** The configuration (`loadConfig()`); anything left out takes its default (`DEFAULT_CONFIG`). */
  config?: Partial<AppConfig>;
  /**
   * Where the rate limiter counts (see `connectRateLimitRedis`), shared by every process on that Redis;
   * absent, each process counts in its own memory.
   */
  rateLimitRedis?: RateLimitRedis;
  /** The Redis key prefix of the rate limiter's counters (tests keep theirs apart). */
  rateLimitPrefix?: string;
  /** Where the access log and errors go (`createLogger()`); default `defaultLogger` (silent under NODE_ENV=test). */
  logger?: Logger;
}

/** The largest request body accepted (413 beyond). */
export const BODY_LIMIT = '32kb';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** Creates the application (not listening). */
export function createApp({ sessions, store, config: given = {}, rateLimitRedis, rateLimitPrefix, logger = defaultLogger }: AppDependencies): Express {
  const config: AppConfig = { ...DEFAULT_CONFIG, ...given };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestId(), httpLogger(logger), securityHeaders(), crossOriginResources());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await store.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });

  app.use(
    '/api',
    apiCors(config.allowedOrigins),
    apiRateLimit({ limit: config.rateLimitPerMinute, redis: rateLimitRedis, ...(rateLimitPrefix ? { prefix: rateLimitPrefix } : {}) }),
    requireJsonBody(),
    express.json({ limit: BODY_LIMIT, strict: true }),
    rejectForbiddenKeys(),
    apiRouter(sessions),
    apiErrors,
  );
  app.use(widgetRoutes());
  app.use(staffRoutes({ token: config.staffToken }));
  app.use(express.static(PUBLIC_DIR.pathname, { index: 'index.html', maxAge: '1h' }));
  app.use(methodNotAllowed(app.router));
  app.use(notFound);
  app.use(apiErrors);
  return app;
}
