/**
 * The channels the configuration asks for, registered (not started) for the composition root. Each channel's
 * block reads its part of the configuration; a new channel (WeChat's access-token refresher, …) adds its own
 * block here and nothing in `src/main.ts` changes.
 */
import type { Express } from 'express';
import type { ConversationSessions } from '../flows/sessions.js';
import type { AppConfig } from '../server/config.js';
import type { ResultLinks } from '../server/result-page.js';
import type { Logger } from '../server/logger.js';
import type { SessionStore } from '../store/types.js';
import { ChannelRegistry } from './index.js';
import { telegramChannel } from './telegram.js';

/** What the channels run on. */
export interface ChannelDependencies {
  sessions: ConversationSessions;
  store: SessionStore;
  /** The root express app: channels that receive webhooks mount their routes on it, in front of the web app. */
  app: Express;
  logger: Logger;
  /** Result pages (PUBLIC_URL): the bot links the full result under its summary. */
  resultLinks?: ResultLinks;
  /** Told of every update a channel receives (metrics). */
  onUpdate?: (channel: 'telegram' | 'wechat') => void;
}

/** A registry holding every configured channel; `start()` it once the web server listens. */
export function configuredChannels(config: AppConfig, { sessions, store, app, logger, resultLinks, onUpdate }: ChannelDependencies): ChannelRegistry {
  const channels = new ChannelRegistry({ log: (level, msg, fields) => logger[level]({ component: 'channels', ...fields }, msg) });
  if (config.telegram) {
    const botLog = logger.child({ component: 'telegram' });
    channels.add(
      telegramChannel(config.telegram, {
        sessions,
        store,
        app,
        ...(resultLinks ? { resultLinks } : {}),
        ...(onUpdate ? { onUpdate: () => onUpdate('telegram') } : {}),
        // The bot's entries are already free of personal data (src/bot/errors.ts): { level, msg, ...fields }.
        log: ({ level, msg, ...fields }) => {
          const at = level === 'error' || level === 'warn' || level === 'debug' ? level : 'info';
          botLog[at](fields, typeof msg === 'string' ? msg : '');
        },
      }),
    );
  }
  return channels;
}
