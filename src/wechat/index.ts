/**
 * The WeChat Official Account (公众号) channel: `createWechatChannel` builds the `/wechat` router over the
 * shared conversations, the reply gate (once per message, within the deadline) and, with an AppSecret, the
 * API client that sends late replies as customer-service messages.
 */
import type { Router } from 'express';
import type { ConversationSessions } from '../flows/sessions.js';
import type { ResultLinks } from '../server/result-page.js';
import type { WechatConfig } from '../server/config.js';
import type { SessionStore } from '../store/types.js';
import { WechatApi } from './api.js';
import { WechatConversations } from './conversation.js';
import { OpenIdKeys } from './keys.js';
import { ReplyGate } from './replies.js';
import { type WechatLogger, wechatRouter } from './router.js';

export { WechatApi, WechatApiError } from './api.js';
export { customMenu, MENU_KEYS } from './menu.js';
export { OpenIdKeys } from './keys.js';
export { REPLY_DEADLINE_MS } from './replies.js';
export type { WechatLogger } from './router.js';

/** What the channel runs on. */
export interface WechatDependencies {
  sessions: ConversationSessions;
  store: SessionStore;
  links?: ResultLinks;
  log?: WechatLogger;
  /** The passive-reply deadline (tests shorten it); default 4.5 s. */
  replyDeadlineMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** A built channel. */
export interface WechatChannel {
  /** Mount at `/wechat`. */
  router: Router;
  /** The API client (absent without AppID and AppSecret). */
  api: WechatApi | undefined;
  /** Waits for late replies in flight (shutdown). */
  drain(): Promise<void>;
}

/** Builds the channel from WECHAT_* configuration. */
export function createWechatChannel(config: WechatConfig, deps: WechatDependencies): WechatChannel {
  const keys = new OpenIdKeys(config.token);
  const api =
    config.appId && config.appSecret
      ? new WechatApi({ apiRoot: config.apiRoot, appId: config.appId, appSecret: config.appSecret, store: deps.store, ...(deps.now ? { now: deps.now } : {}) })
      : undefined;
  const conversations = new WechatConversations({
    sessions: deps.sessions,
    store: deps.store,
    keys,
    ...(config.jurisdiction ? { jurisdiction: config.jurisdiction } : {}),
    ...(deps.links ? { links: deps.links } : {}),
  });
  const gate = new ReplyGate(deps.store, deps.replyDeadlineMs === undefined ? {} : { deadlineMs: deps.replyDeadlineMs });
  const router = wechatRouter({
    token: config.token,
    ...(config.appId ? { appId: config.appId } : {}),
    ...(config.encodingAesKey ? { encodingAesKey: config.encodingAesKey } : {}),
    conversations,
    gate,
    keys,
    ...(api ? { sendLater: (openId: string, text: string) => api.sendText(openId, text) } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  return { router, api, drain: () => gate.drain() };
}
