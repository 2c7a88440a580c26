/**
 * The Telegram bot as a {@link Channel}: built at once (and, in webhook mode, its route mounted at once, so the
 * route order of the express app does not depend on Telegram), connected by its supervisor in the background.
 *
 * - Polling: one attempt = `getMe`, `deleteWebhook`, then `@grammyjs/runner`. While it runs, failing
 *   `getUpdates` calls mark the channel down (the runner retries them itself, keeping its offset, so no update
 *   is handled twice); when the runner gives up (after `POLL_RETRY_MS` of failures) the attempt ends and the
 *   supervisor starts another with its capped backoff.
 * - Webhook: one attempt = `getMe` and `setWebhook`; until one succeeds the route answers 503, which Telegram
 *   retries later.
 * - The command menu (`setMyCommands`) is registered with the first attempt that reaches Telegram; a failure
 *   there is only logged.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Bot, Transformer } from 'grammy';
import type { ConversationSessions } from '../flows/sessions.js';
import type { SessionStore } from '../store/types.js';
import { createBot } from '../bot/bot.js';
import type { ResultLinks } from '../server/result-page.js';
import { registerCommands } from '../bot/commands.js';
import { type BotLogger, describeError, stderrLogger } from '../bot/errors.js';
import { idlePause } from '../bot/polling.js';
import { registerWebhook, webhookRouter, webhookSecret } from '../bot/webhook.js';
import type { Channel, ChannelConnection, ChannelLink } from './channel.js';

/** How to reach Telegram (from TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_API_ROOT). */
export interface TelegramConfig {
  token: string;
  /** Webhook mode when set: the public https URL Telegram posts to; its path is where the router listens. */
  webhookUrl?: string | undefined;
  /** The webhook's secret token; default derived from the bot token. */
  secretToken?: string | undefined;
  /** Another Bot API server (self-hosted, or an emulator in tests); default https://api.telegram.org. */
  apiRoot?: string | undefined;
  /** Polling only: pause after an empty batch (see PollingOptions.idleMs). */
  pollIdleMs?: number;
}

/** What the bot runs on. */
export interface TelegramDependencies {
  sessions: ConversationSessions;
  store: SessionStore;
  /** The express app to mount the webhook on (required in webhook mode). */
  app?: Express;
  log?: BotLogger;
  /** Result pages (PUBLIC_URL): the link goes under the result summary. */
  resultLinks?: ResultLinks;
  /** Told of every update received (metrics). */
  onUpdate?: () => void;
}

/** How long the runner retries failing `getUpdates` calls itself before the attempt ends. */
const POLL_RETRY_MS = 60_000;

/** Long-polling timeout asked of Telegram, in seconds. */
const POLL_TIMEOUT_SECONDS = 30;

/**
 * A Bot API request may take this long before it counts as failed (grammY's default is 500 s): long enough for
 * a long poll, short enough that a platform that swallows packets is reported down within a minute.
 */
const API_TIMEOUT_SECONDS = POLL_TIMEOUT_SECONDS + 30;

/** A Telegram channel with its mode, for the start-up log line. */
export interface TelegramChannel extends Channel {
  readonly mode: 'polling' | 'webhook';
}

/** Builds the Telegram channel (nothing is sent to Telegram until its supervisor connects it). */
export function telegramChannel(config: TelegramConfig, deps: TelegramDependencies): TelegramChannel {
  if (!config.token) throw new RangeError('TELEGRAM_BOT_TOKEN is empty');
  const log = deps.log ?? stderrLogger;
  const bot = createBot({
    token: config.token,
    sessions: deps.sessions,
    store: deps.store,
    log,
    timeoutSeconds: API_TIMEOUT_SECONDS,
    ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    ...(deps.resultLinks ? { resultLinks: deps.resultLinks } : {}),
    ...(deps.onUpdate ? { onUpdate: deps.onUpdate } : {}),
  });
  let link: ChannelLink | undefined;
  let menuRegistered = false;
  /** Never rejects: a menu that cannot be registered is not worth a failed attempt. */
  const registerMenu = async (): Promise<void> => {
    if (menuRegistered) return;
    await registerCommands(bot.api).then(
      () => (menuRegistered = true),
      (error: unknown) => log({ level: 'warn', msg: 'setMyCommands failed', ...describeError(error) }),
    );
  };

  if (config.webhookUrl) {
    const app = deps.app;
    if (!app) throw new Error('webhook mode needs the express app to mount the webhook on');
    const url = new URL(config.webhookUrl); // Telegram itself refuses anything but https (a local Bot API server allows http)
    const secretToken = webhookSecret(config.token, config.secretToken);
    let ready = false;
    const router = webhookRouter(bot, { path: url.pathname, secretToken });
    app.use((req: Request, res: Response, next: NextFunction) => {
      // Until Telegram has been reached, updates are refused with 503: Telegram delivers them again later.
      if (!ready && req.path === url.pathname) {
        res.status(503).set('retry-after', '10').end();
        return;
      }
      router(req, res, next);
    });
    return {
      name: 'telegram',
      mode: 'webhook',
      async connect(current) {
        link = current;
        await identify(bot, current.signal);
        await bot.api.setWebhook(url.href, { secret_token: secretToken, allowed_updates: ['message', 'callback_query'] }, grammySignal(current.signal));
        await registerMenu();
        ready = true;
        log({ level: 'info', msg: 'webhook registered', path: url.pathname, bot: bot.botInfo.username });
      },
      stop: async () => undefined,
    };
  }

  // Installed once (not per attempt): empty batches pause, and getUpdates reports whether Telegram answers.
  bot.api.config.use(idlePause(config.pollIdleMs ?? 250));
  bot.api.config.use(watchPolling(() => link));
  let handle: RunnerHandle | undefined;
  return {
    name: 'telegram',
    mode: 'polling',
    async connect(current): Promise<ChannelConnection> {
      link = current;
      await identify(bot, current.signal);
      // Telegram refuses getUpdates while a webhook is set.
      await bot.api.deleteWebhook(undefined, grammySignal(current.signal));
      await registerMenu();
      handle = run(bot, {
        runner: {
          fetch: { timeout: POLL_TIMEOUT_SECONDS, allowed_updates: ['message', 'callback_query'] },
          // Failures are reported through the channel's state (one line per outage), not per retry on stderr.
          silent: true,
          maxRetryTime: POLL_RETRY_MS,
        },
      });
      log({ level: 'info', msg: 'polling started' });
      return { ended: handle.task() ?? Promise.resolve() };
    },
    async stop() {
      if (handle?.isRunning()) await handle.stop();
    },
  };
}

/**
 * `getMe` once (what `bot.init()` does, except that grammY's init retries network failures forever, and so
 * would never report the platform down): one attempt, failing like any other call.
 */
async function identify(bot: Bot, signal: AbortSignal): Promise<void> {
  if (!bot.isInited()) bot.botInfo = await bot.api.getMe(grammySignal(signal));
}

/** grammY types its signals with the `abort-controller` shim's class; Node's own AbortSignal is what it gets. */
type GrammySignal = Parameters<Bot['init']>[0];
const grammySignal = (signal: AbortSignal): GrammySignal => signal as unknown as GrammySignal;

/** Tells the channel's link when `getUpdates` fails and when it answers again. */
function watchPolling(link: () => ChannelLink | undefined): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      link()?.up();
      return result;
    } catch (error) {
      if (!signal?.aborted) link()?.down(error);
      throw error;
    }
  };
}
