/**
 * The application: the API under `/api`, health checks, the widget and the demo page. Built from its dependencies
 * so that tests and the composition root (`src/main.ts`) assemble it the same way.
 *
 * `/api` is served by express's own router (the `router` package) on Node's request and response objects, without
 * express's application layer; everything else by express. Measured on this machine (README, Performance), express's
 * application layer — it swaps the prototypes of Node's request and response for its own on every request, which
 * also slows Node's code that runs on them afterwards — cost about as much server time as the rest of a bare JSON
 * route: a JSON POST took 23 µs on Node alone, 40 µs through the router with body-parser, 170 µs through express.
 * The API's middleware and routes therefore use only what Node's objects have (`src/server/node-http.ts`), and the
 * same routing, body parsing, CORS and rate limiting libraries as before.
 *
 * Every response carries `X-Request-Id` and helmet's headers (a strict CSP), and is timed and logged. `/api` adds,
 * in this order: CORS for ALLOWED_ORIGINS (preflights end there), the rate limit, a JSON-only body of at most 32 KB
 * without prototype-polluting keys, the routes, and errors as `{ error: { code, message, details } }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
import express, { type Express, type Router } from 'express';
import createRouter from 'router';
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
import { clientAddress, inSeries, type NodeMiddleware } from './node-http.js';
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
  /**
   * The express application to build everything but `/api` on; default a new one. Routes it has already (a
   * messaging channel's webhook) come before the app's own, whose last answers 404.
   */
  web?: Express;
}

/**
 * The application as Node's request listener (`http.createServer(app)`), also usable as middleware inside
 * another express app (a request it does not serve goes on to `next`).
 */
export type App = ((req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void) & {
  /** The express application that serves everything but `/api`. */
  readonly web: Express;
};

/** Paths served by the API's router; the rest go to express. Case-insensitive, as express's mount was. */
const API_PATH = /^\/api(?:[/?#]|$)/i;

/** The largest request body accepted (413 beyond). */
export const BODY_LIMIT = '32kb';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** Creates the application (not listening). */
export function createApp(deps: AppDependencies): App {
  const config: AppConfig = { ...DEFAULT_CONFIG, ...deps.config };
  // Every response: timed, given its request id, logged, with helmet's headers.
  const everyRequest: NodeMiddleware[] = [...(deps.metrics ? [deps.metrics.http] : []), requestId(), httpLogger(deps.logger ?? defaultLogger), securityHeaders()];
  const api = apiApp(deps, config, everyRequest);
  const web = webApp(deps, config, everyRequest);
  // express's types know its app only as a listener; called with `next`, it hands on what it does not serve.
  const serveWeb = web as unknown as (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
  const app = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => (API_PATH.test(req.url ?? '') ? api(req, res) : serveWeb(req, res, next));
  return Object.assign(app, { web });
}

/** `/api` on express's router alone (see the module's comment). */
function apiApp({ sessions, rateLimitRedis, rateLimitPrefix }: AppDependencies, config: AppConfig, everyRequest: NodeMiddleware[]) {
  const api = createRouter();
  api.use(
    inSeries([
      apiCors(config.allowedOrigins),
      apiRateLimit({ limit: config.rateLimitPerMinute, redis: rateLimitRedis, clientIp: clientAddress(config.trustProxy), ...(rateLimitPrefix ? { prefix: rateLimitPrefix } : {}) }),
      requireJsonBody(),
      bodyParser.json({ limit: BODY_LIMIT, strict: true }),
      rejectForbiddenKeys() as NodeMiddleware,
    ]),
  );
  apiRouter(sessions, api);
  api.use(apiErrors);
  const root = createRouter();
  root.use(inSeries(everyRequest));
  root.use('/api', api);
  return (req: IncomingMessage, res: ServerResponse) =>
    root(req, res, (error?: unknown) => {
      if (error === undefined || error === 'router' || error === 'route') return notFound(req, res);
      // An error after the response had started (apiErrors passes those on): end the connection, as express does.
      if (res.headersSent) return void req.socket.destroy();
      apiErrors(error, req, res, () => undefined);
    });
}

/** Everything but `/api`, on express. */
function webApp({ store, metrics, insights, wechat, resultLinks, channels, web = express() }: AppDependencies, config: AppConfig, everyRequest: NodeMiddleware[]): Express {
  const app = web;
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(...everyRequest, crossOriginResources());
  if (metrics) app.get('/metrics', metricsRoute(metrics, config.metricsToken));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await store.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', ...(channels ? { channels: channels() } : {}) });
  });
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
