/**
 * The Telegram channel: `startTelegram` builds the bot and runs it by long polling, or, when a webhook URL is
 * configured, mounts its webhook on the express app and registers it with Telegram. Either way the command
 * menu is registered in Chinese and English.
 */
import type { Express } from 'express';
import type { ConversationSessions } from '../flows/sessions.js';
import type { ResultLinks } from '../server/result-page.js';
import type { SessionStore } from '../store/types.js';
import { createBot } from './bot.js';
import { registerCommands } from './commands.js';
import { type BotLogger, describeError, stderrLogger } from './errors.js';
import { startPolling } from './polling.js';
import { registerWebhook, webhookRouter, webhookSecret } from './webhook.js';

export { createBot, type BotDependencies } from './bot.js';
export { COMMANDS, commandList, registerCommands } from './commands.js';
export { ChatKeys } from './keys.js';
export { startPolling, type PollingOptions } from './polling.js';
export { registerWebhook, webhookRouter, webhookSecret, SECRET_HEADER } from './webhook.js';

/** How to reach Telegram (from TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET). */
export interface TelegramConfig {
  token: string;
  /** Webhook mode when set: the public https URL Telegram posts to; its path is where the router listens. */
  webhookUrl?: string;
  /** The webhook's secret token; default derived from the bot token. */
  secretToken?: string;
  /** Another Bot API server; default https://api.telegram.org. */
  apiRoot?: string;
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
}

/** A running bot. */
export interface TelegramHandle {
  /** Polling: stops fetching and waits for updates in progress. Webhook: the route stays; nothing to stop. */
  stop(): Promise<void>;
  mode: 'polling' | 'webhook';
}

/**
 * Starts the bot. Rejects when Telegram refuses the token or the webhook (so a wrong configuration shows at
 * startup); a failure to register the command menu is only logged.
 */
export async function startTelegram(config: TelegramConfig, deps: TelegramDependencies): Promise<TelegramHandle> {
  if (!config.token) throw new RangeError('TELEGRAM_BOT_TOKEN is empty');
  const log = deps.log ?? stderrLogger;
  const bot = createBot({ token: config.token, sessions: deps.sessions, store: deps.store, log, ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), ...(deps.resultLinks ? { resultLinks: deps.resultLinks } : {}) });
  const menu = registerCommands(bot.api).catch((error: unknown) => log({ level: 'warn', msg: 'setMyCommands failed', ...describeError(error) }));

  if (config.webhookUrl) {
    if (!deps.app) throw new Error('webhook mode needs the express app to mount the webhook on');
    const url = new URL(config.webhookUrl); // Telegram itself refuses anything but https (a local Bot API server allows http)
    const secretToken = webhookSecret(config.token, config.secretToken);
    await bot.init();
    deps.app.use(webhookRouter(bot, { path: url.pathname, secretToken }));
    await registerWebhook(bot.api, url.href, secretToken);
    await menu;
    log({ level: 'info', msg: 'webhook registered', path: url.pathname, bot: bot.botInfo.username });
    return { mode: 'webhook', stop: async () => undefined };
  }

  const handle = await startPolling(bot, config.pollIdleMs === undefined ? {} : { idleMs: config.pollIdleMs });
  // The runner stops only if an error escapes bot.catch (it should not): say so rather than crash the process.
  handle.task()?.catch((error: unknown) => log({ level: 'error', msg: 'polling stopped', ...describeError(error) }));
  await menu;
  log({ level: 'info', msg: 'polling started' });
  return {
    mode: 'polling',
    stop: async () => {
      if (handle.isRunning()) await handle.stop();
    },
  };
}
