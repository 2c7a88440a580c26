/**
 * `createBot`: the grammY bot of Park Advisor over the shared conversation flows and session store. The API
 * client retries on flood limits and Telegram's server errors (`@grammyjs/auto-retry`), not on network failures;
 * updates of one chat are handled one after another (`sequentialize`), in polling and webhook mode alike; failures are logged without personal data and answered
 * with an apology, and the bot keeps running.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { ConversationSessions } from '../flows/sessions.js';
import type { ResultLinks } from '../server/result-page.js';
import type { SessionStore } from '../store/types.js';
import { ChatRecords } from './chat-record.js';
import { botFileDownload, type FileDownload } from './documents.js';
import { type BotLogger, errorHandler, stderrLogger } from './errors.js';
import { conversationHandlers } from './handlers.js';
import { ChatKeys } from './keys.js';

/** What the bot is built from. */
export interface BotDependencies {
  /** The token BotFather gave. */
  token: string;
  sessions: ConversationSessions;
  /** The same store the sessions use: the bot keeps each chat's small record there too. */
  store: SessionStore;
  /** Another Bot API server (a local one, or a test emulator); default https://api.telegram.org. */
  apiRoot?: string;
  /** Where log lines go; default one JSON line per entry on stderr. */
  log?: BotLogger;
  /** The bot's own user, if known (skips the getMe call at start). */
  botInfo?: UserFromGetMe;
  /** Result pages (PUBLIC_URL): a link to the full result goes under the result summary. */
  resultLinks?: ResultLinks;
  /** How long a Bot API request may take before it fails; default grammY's (500 s). */
  timeoutSeconds?: number;
  /** Told of every update received, before anything else handles it (metrics). */
  onUpdate?: () => void;
  /** How files users send are fetched; default the Bot API's file endpoint at `apiRoot`. */
  download?: FileDownload;
}

/** The key that serialises updates: one queue per chat. */
export function chatOf(ctx: Context): string | undefined {
  return ctx.chat?.id.toString();
}

/** Builds the bot (not started: see `polling.ts` and `webhook.ts`). */
export function createBot(deps: BotDependencies): Bot {
  const bot = new Bot(deps.token, {
    client: { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), ...(deps.timeoutSeconds ? { timeoutSeconds: deps.timeoutSeconds } : {}) },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  // Flood limits and Telegram's 5xx are retried here; a network failure is not (auto-retry would otherwise retry
  // it forever, with waits growing to an hour, and a Telegram that cannot be reached would hang every call):
  // it fails at once, and the channel's supervisor reports the platform down and reconnects (src/channels/).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  const keys = new ChatKeys(deps.token);
  const log = deps.log ?? stderrLogger;
  const { onUpdate } = deps;
  if (onUpdate) bot.use((_ctx, next) => (onUpdate(), next()));
  bot.use(sequentialize(chatOf));
  const download = deps.download ?? botFileDownload(deps.token, deps.apiRoot);
  bot.use(conversationHandlers({ sessions: deps.sessions, store: deps.store, keys, records: new ChatRecords(deps.store, keys), download, ...(deps.resultLinks ? { links: deps.resultLinks } : {}) }));
  bot.catch(errorHandler(log, keys));
  return bot;
}
