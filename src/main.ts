/**
 * The composition root: reads and validates the environment (`src/server/config.ts`: a wrong value stops here
 * with one line naming it), builds the session store, the conversations and the web application, and serves
 * them. `npm start` runs this with the in-memory store unless `REDIS_URL` is set.
 */
import type { Server } from 'node:http';
import express from 'express';
import { startTelegram } from './bot/index.js';
import type { AddressInfo } from 'node:net';
import { combineObservers, ConversationSessions } from './flows/sessions.js';
import { createInsights, type InsightsStore, MemoryInsightsStore, RedisInsightsStore } from './insights/index.js';
import { connectInsightsRedis } from './insights/connect.js';
import { todayInChina } from './rules/dates.js';
import { createApp } from './server/app.js';
import { loadConfigOrExit } from './server/config.js';
import { connectRateLimitRedis, type RateLimitRedis } from './server/rate-limit.js';
import { createLogger } from './server/logger.js';
import { createMetrics } from './server/metrics.js';
import { createSessionStore, type SessionStore, StoreUnavailableError } from './store/index.js';
import { ResultLinks } from './server/result-page.js';
import { createWechatChannel } from './wechat/index.js';

const config = loadConfigOrExit();
const { port, host, redisUrl } = config;
const logger = createLogger({ nodeEnv: config.nodeEnv });

const metrics = config.metricsEnabled ? createMetrics() : undefined;
let store: SessionStore;
try {
  store = await createSessionStore(redisUrl ? { redisUrl } : {});
  if (metrics) store = metrics.observeStore(store);
} catch (error) {
  if (!(error instanceof StoreUnavailableError)) throw error;
  // One line, like a configuration error (the URL itself is never printed: it may hold a password).
  process.stderr.write(`Cannot reach Redis (REDIS_URL): ${error.message.replace(/[\r\n]+/g, ' ')}. Start Redis or fix REDIS_URL.\n`);
  process.exit(1);
}
// The rate limiter counts in Redis too when there is one, on its own connection.
const rateLimitRedis: RateLimitRedis | undefined = redisUrl && config.rateLimitPerMinute > 0 ? await connectRateLimitRedis(redisUrl) : undefined;
// Anonymous enquiry counters (src/insights/): in Redis when there is one, on their own connection.
const insightsRedis = redisUrl ? await connectInsightsRedis(redisUrl, (error) => logger.warn({ err: error.message }, 'insights: Redis error')) : undefined;
const insightsStore: InsightsStore = insightsRedis
  ? new RedisInsightsStore(insightsRedis.client, { retentionDays: config.insightsRetentionDays })
  : new MemoryInsightsStore({ retentionDays: config.insightsRetentionDays, today: todayInChina });
const insights = createInsights(insightsStore, { onError: (error) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'insights: a counter could not be written') });
const sessions = new ConversationSessions(store, undefined, combineObservers(metrics?.sessions, insights.observer));
// Result pages (PUBLIC_URL) and the WeChat channel (WECHAT_TOKEN), both over the same store.
const resultLinks = config.publicUrl ? new ResultLinks(store, { publicUrl: config.publicUrl }) : undefined;
const wechatLog = logger.child({ component: 'wechat' });
const wechat = config.wechat
  ? createWechatChannel(config.wechat, {
      sessions,
      store,
      ...(resultLinks ? { links: resultLinks } : {}),
      // The channel's entries carry no OpenID and no content (src/wechat/router.ts).
      log: ({ level, msg, ...fields }) => wechatLog[level](fields, msg),
    })
  : undefined;
const app = createApp({
  sessions,
  store,
  config,
  logger,
  insights,
  ...(metrics ? { metrics } : {}),
  ...(rateLimitRedis ? { rateLimitRedis } : {}),
  ...(wechat ? { wechat: wechat.router } : {}),
  ...(resultLinks ? { resultLinks } : {}),
});
// The bot's webhook (when configured) is mounted in front of the app, whose last handler answers 404.
const root = express();
root.disable('x-powered-by');
const botLog = logger.child({ component: 'telegram' });
const telegram = config.telegram
  ? await startTelegram(config.telegram, {
      sessions,
      store,
      app: root,
      ...(resultLinks ? { resultLinks } : {}),
      // The bot's entries are already free of personal data (src/bot/errors.ts): { level, msg, ...fields }.
      log: ({ level, msg, ...fields }) => {
        const at = level === 'error' || level === 'warn' || level === 'debug' ? level : 'info';
        botLog[at](fields, typeof msg === 'string' ? msg : '');
      },
    })
  : undefined;
root.use(app);
const server: Server = root.listen(port, host, () => {
  // The port actually bound (PORT=0 picks a free one).
  const bound = (server.address() as AddressInfo | null)?.port ?? port;
  const where = `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}`;
  logger.info({ port: bound }, `Park Advisor listening on ${where} (${redisUrl ? 'Redis' : 'in-memory'} sessions${telegram ? `, Telegram bot by ${telegram.mode}` : ''}${wechat ? ', WeChat at /wechat' : ''})`);
});

/** Stops accepting, lets in-flight requests finish, then closes the store and the rate limiter's connection. */
let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: shutting down`);
  // Keep-alive connections that go idle once their request is answered are closed too (close() alone only
  // closes those idle at the moment it is called), so shutdown does not wait for the keep-alive timeout.
  setInterval(() => server.closeIdleConnections(), 100).unref();
  // Stop taking bot updates first, so that those in flight finish before the store closes.
  void Promise.allSettled([telegram?.stop(), wechat?.drain()]).then(() =>
    server.close(() => {
      // Counters still being written go out first, then every connection closes.
      void insights
        .flush()
        .then(() => Promise.allSettled([store.close(), rateLimitRedis?.close(), insightsRedis?.close()]))
        .finally(() => process.exit(0));
    }),
  );
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
