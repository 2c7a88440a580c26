/**
 * The composition root: reads and validates the environment (`src/server/config.ts`: a wrong value stops here
 * with one line naming it), builds the session store, the conversations and the web application, and serves
 * them. `npm start` runs this with the in-memory store unless Redis is configured (REDIS_URL, Sentinel or
 * Cluster). Messaging channels (src/channels/) start only once the web server listens, in the background: a
 * platform that cannot be reached never keeps the web product from serving.
 */
import { createServer, type Server } from 'node:http';
import express from 'express';
import { configuredChannels } from './channels/configured.js';
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
import { createSessionStore, describeTarget, type SessionStore, StoreUnavailableError } from './store/index.js';
import { ResultLinks } from './server/result-page.js';
import { createWechatChannel } from './wechat/index.js';

const config = loadConfigOrExit();
const { port, host, redis } = config;
const logger = createLogger({ nodeEnv: config.nodeEnv });

const metrics = config.metricsEnabled ? createMetrics() : undefined;
let store: SessionStore;
try {
  store = await createSessionStore(redis ? { redis } : {});
  if (metrics) store = metrics.observeStore(store);
} catch (error) {
  if (!(error instanceof StoreUnavailableError)) throw error;
  // One line, like a configuration error (the URL itself is never printed: it may hold a password).
  const which = redis?.kind === 'sentinel' ? 'REDIS_SENTINELS' : redis?.kind === 'cluster' ? 'REDIS_CLUSTER_NODES' : 'REDIS_URL';
  const what = redis?.kind === 'url' || !redis ? 'Redis (REDIS_URL)' : describeTarget(redis);
  process.stderr.write(`Cannot reach ${what}: ${error.message.replace(/[\r\n]+/g, ' ')}. Start Redis or fix ${which}.\n`);
  process.exit(1);
}
// The rate limiter counts in Redis too when there is one, on its own connection.
const rateLimitRedis: RateLimitRedis | undefined = redis && config.rateLimitPerMinute > 0 ? await connectRateLimitRedis(redis) : undefined;
// Anonymous enquiry counters (src/insights/): in Redis when there is one, on their own connection.
const insightsRedis = redis ? await connectInsightsRedis(redis, (error) => logger.warn({ err: error.message }, 'insights: Redis error')) : undefined;
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
// Messaging channels: registered now (a webhook's route is mounted in front of the app, whose last handler
// answers 404), started once the server listens.
const root = express();
root.disable('x-powered-by');
const channels = configuredChannels(config, { sessions, store, app: root, logger, ...(resultLinks ? { resultLinks } : {}), ...(metrics ? { onUpdate: metrics.channelUpdate } : {}) });
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
  channels: () => channels.states(),
  // The webhook routes registered on it above come before the app's own.
  web: root,
});
const server: Server = createServer(app).listen(port, host, () => {
  // The port actually bound (PORT=0 picks a free one).
  const bound = (server.address() as AddressInfo | null)?.port ?? port;
  const where = `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}`;
  const names = channels.names;
  logger.info({ port: bound }, `Park Advisor listening on ${where} (${redis ? (redis.kind === 'url' ? 'Redis' : describeTarget(redis)) : 'in-memory'} sessions${names.length ? `; channels connecting in the background: ${names.join(', ')}` : ''}${wechat ? '; WeChat at /wechat' : ''})`);
  channels.start();
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
  // Stop the channels first (bot updates and WeChat replies in flight finish), before the store closes.
  void Promise.allSettled([channels.stop(), wechat?.drain()]).then(() =>
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
