/**
 * The express application: the API under `/api`, health checks, the widget and the demo page. Built from its
 * dependencies so that tests and the composition root (`src/main.ts`) assemble it the same way.
 *
 * Every response carries `X-Request-Id` and helmet's headers (a strict CSP). `/api` adds, in this order: CORS
 * for ALLOWED_ORIGINS (preflights end there), the rate limit, a JSON-only body of at most 32 KB without
 * prototype-polluting keys, the routes, and errors as `{ error: { code, message, details } }`.
 */
import express, { type Express, type Router } from 'express';
import type { ChannelState } from '../channels/channel.js';
import type { ConversationSessions } from '../flows/sessions.js';
import type { Insights } from '../insights/index.js';
import type { SessionStore } from '../store/types.js';
import { apiRouter } from './api.js';
import { type AppConfig, DEFAULT_CONFIG } from './config.js';
import { apiErrors, notFound } from './errors.js';
import { methodNotAllowed } from './methods.js';
import { defaultLogger, httpLogger, type Logger } from './logger.js';
import { metricsRoute } from './metrics-route.js';
import type { Metrics } from './metrics.js';
import { apiRateLimit, type RateLimitRedis } from './rate-limit.js';
import { type ResultLinks, resultPageRoutes } from './result-page.js';
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
  /** Operators' metrics (`createMetrics()`): when given, every request is timed and `GET /metrics` serves them. */
  metrics?: Metrics;
  /** Enquiry insights (`createInsights()`): the staff console counts its checks and serves the figures. */
  insights?: Insights;
  /** Where the access log and errors go (`createLogger()`); default `defaultLogger` (silent under NODE_ENV=test). */
  logger?: Logger;
  /** The WeChat channel's router (`createWechatChannel`), served at `/wechat`. */
  wechat?: Router;
  /** Result links (when PUBLIC_URL is set): their pages are served at `/r/<token>`; without, every such path is 404. */
  resultLinks?: ResultLinks;
  /**
   * The messaging channels' states (`ChannelRegistry.states`), shown by `/readyz`. They never make the web
   * product unready: the channels are optional and retry by themselves.
   */
  channels?: () => Record<string, ChannelState>;
}

/** The largest request body accepted (413 beyond). */
export const BODY_LIMIT = '32kb';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** Creates the application (not listening). */
export function createApp({ sessions, store, config: given = {}, rateLimitRedis, rateLimitPrefix, metrics, insights, logger = defaultLogger, wechat, resultLinks, channels }: AppDependencies): Express {
  const config: AppConfig = { ...DEFAULT_CONFIG, ...given };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  if (metrics) app.use(metrics.http);
  app.use(requestId(), httpLogger(logger), securityHeaders(), crossOriginResources());
  if (metrics) app.get('/metrics', metricsRoute(metrics, config.metricsToken));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await store.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...(channels ? { channels: channels() } : {}) });
  });

  // One router under /api: mounted handler by handler, each hop re-matched the mount path and re-parsed the URL.
  const api = express.Router();
  api.use(
    apiCors(config.allowedOrigins),
    apiRateLimit({ limit: config.rateLimitPerMinute, redis: rateLimitRedis, ...(rateLimitPrefix ? { prefix: rateLimitPrefix } : {}) }),
    requireJsonBody(),
    express.json({ limit: BODY_LIMIT, strict: true }),
    rejectForbiddenKeys(),
    apiRouter(sessions),
    apiErrors,
  );
  app.use('/api', api);
  if (wechat) {
    // Every message or event the platform delivers is an update (retries included: the platform sent them).
    if (metrics) app.post('/wechat', (_req, _res, next) => (metrics.channelUpdate('wechat'), next()));
    app.use('/wechat', wechat);
  }
  app.use(resultPageRoutes(resultLinks));
  app.use(widgetRoutes());
  app.use(staffRoutes({ token: config.staffToken, ...(insights ? { insights } : {}) }));
  app.use(express.static(PUBLIC_DIR.pathname, { index: 'index.html', maxAge: '1h' }));
  app.use(methodNotAllowed(app.router));
  app.use(notFound);
  app.use(apiErrors);
  return app;
}
