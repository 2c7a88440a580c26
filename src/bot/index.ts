/**
 * The Telegram channel: the bot runs by long polling, or, when a webhook URL is configured, mounts its webhook
 * on the express app and registers it with Telegram. Either way the command menu is registered in Chinese and
 * English. `telegramChannel` (src/channels/telegram.ts) is what the service runs, in the background;
 * `startTelegram` makes one attempt in the foreground.
 */
import { telegramChannel, type TelegramConfig, type TelegramDependencies } from '../channels/telegram.js';

export { createBot, type BotDependencies } from './bot.js';
export { COMMANDS, commandList, registerCommands } from './commands.js';
export { ChatKeys } from './keys.js';
export { startPolling, type PollingOptions } from './polling.js';
export { registerWebhook, webhookRouter, webhookSecret, SECRET_HEADER } from './webhook.js';
export { telegramChannel, type TelegramChannel, type TelegramConfig, type TelegramDependencies } from '../channels/telegram.js';

/** A running bot. */
export interface TelegramHandle {
  /** Polling: stops fetching and waits for updates in progress. Webhook: the route stays; nothing to stop. */
  stop(): Promise<void>;
  mode: 'polling' | 'webhook';
}

/**
 * Starts the bot now, in the foreground: one attempt of the Telegram channel (see `telegramChannel`). Rejects
 * when Telegram cannot be reached or refuses the token or the webhook. The service itself does not use this:
 * it runs the channel under a supervisor that retries in the background (`src/channels/`).
 */
export async function startTelegram(config: TelegramConfig, deps: TelegramDependencies): Promise<TelegramHandle> {
  const channel = telegramChannel(config, deps);
  const never = new AbortController();
  await channel.connect({ down: () => undefined, up: () => undefined, signal: never.signal });
  return { mode: channel.mode, stop: () => channel.stop() };
}
