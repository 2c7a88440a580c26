/**
 * `/wechat`: the 公众号 server URL. `GET` is the platform's verification handshake (echo `echostr` when the
 * signature is right); `POST` carries messages in plaintext, compatible or safe mode. Every request must be
 * signed with the token and recent (5 minutes); otherwise 401 and nothing else is read. In compatible and
 * safe mode (`encrypt_type=aes`) only the encrypted part is trusted: its `msg_signature` is checked, it is
 * decrypted and its AppID compared, and the reply is encrypted with a fresh signature.
 *
 * Log lines carry the user only as a keyed pseudonym and never the content.
 */
import express, { type Request, Router } from 'express';
import type { OpenIdKeys } from './keys.js';
import type { WechatConversations } from './conversation.js';
import {
  asMessage,
  DecryptError,
  encryptedReplyXml,
  isFresh,
  openEnvelope,
  parseXml,
  PASSIVE_REPLY_LIMIT,
  signatureMatches,
  textReplyXml,
  truncateBytes,
} from './protocol.js';
import type { ReplyGate } from './replies.js';
import { wechatText } from './render.js';
import { DEFAULT_LANG } from '../i18n/index.js';

/** The largest message body accepted (413 beyond): messages are small. */
export const WECHAT_BODY_LIMIT = '16kb';

/** One log entry, free of personal data. */
export type WechatLogger = (entry: { level: 'info' | 'warn' | 'error'; msg: string; [field: string]: unknown }) => void;

/** What the route needs. */
export interface WechatRouterOptions {
  token: string;
  appId?: string;
  encodingAesKey?: string;
  conversations: WechatConversations;
  gate: ReplyGate;
  keys: OpenIdKeys;
  /** Sends a late reply through the customer-service API; absent (no AppSecret), late replies are lost. */
  sendLater?: (openId: string, text: string) => Promise<void>;
  log?: WechatLogger;
  /** The clock (tests). */
  now?: () => number;
}

const query = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
};

/** The `/wechat` routes (mount at `/wechat`). */
export function wechatRouter(options: WechatRouterOptions): Router {
  const { token, appId, encodingAesKey, conversations, gate, keys, sendLater, log = () => undefined, now = Date.now } = options;
  const router = Router();

  /** The request is the platform's: signed with the token and recent. */
  const authentic = (req: Request): boolean => {
    const timestamp = query(req, 'timestamp') ?? '';
    const nonce = query(req, 'nonce') ?? '';
    return isFresh(timestamp, now()) && signatureMatches(query(req, 'signature'), token, timestamp, nonce);
  };

  router.get('/', (req, res) => {
    const echostr = query(req, 'echostr');
    if (!echostr || !authentic(req)) {
      log({ level: 'warn', msg: 'wechat handshake refused' });
      res.status(401).type('text/plain').send('');
      return;
    }
    res.type('text/plain').send(echostr);
  });

  router.post('/', express.text({ type: () => true, limit: WECHAT_BODY_LIMIT }), async (req, res, next) => {
    try {
      if (!authentic(req)) {
        log({ level: 'warn', msg: 'wechat message refused: bad signature or stale timestamp' });
        res.status(401).type('text/plain').send('');
        return;
      }
      const body = typeof req.body === 'string' ? req.body : '';
      const outer = parseXml(body);
      const encrypted = query(req, 'encrypt_type') === 'aes';
      let fields = outer;
      if (encrypted) {
        const cipher = outer?.Encrypt;
        const timestamp = query(req, 'timestamp') ?? '';
        const nonce = query(req, 'nonce') ?? '';
        if (!encodingAesKey || !appId || !cipher || !signatureMatches(query(req, 'msg_signature'), token, timestamp, nonce, cipher)) {
          log({ level: 'warn', msg: 'wechat message refused: bad msg_signature or no EncodingAESKey' });
          res.status(401).type('text/plain').send('');
          return;
        }
        try {
          fields = parseXml(openEnvelope(encodingAesKey, appId, cipher));
        } catch (error) {
          if (!(error instanceof DecryptError)) throw error;
          log({ level: 'warn', msg: 'wechat message refused: cannot decrypt', reason: error.message });
          res.status(401).type('text/plain').send('');
          return;
        }
      }
      const message = asMessage(fields);
      if (!message) {
        res.status(400).type('text/plain').send('');
        return;
      }
      const openId = message.FromUserName;
      const user = keys.log(openId);
      const repeatKey = message.MsgId ? `msg:${message.MsgId}` : `event:${message.CreateTime}:${message.Event ?? ''}:${message.EventKey ?? ''}`;
      const compute = async () => {
        try {
          return await conversations.reply(message);
        } catch (error) {
          // The error's name only: a message could quote what the user typed.
          log({ level: 'error', msg: 'wechat reply failed', user, error: error instanceof Error ? error.name : 'error' });
          return wechatText(DEFAULT_LANG)('busy');
        }
      };
      let reply: string;
      try {
        reply = await gate.answer(keys.message(openId, repeatKey), compute, {
          send: async (text) => {
            if (!sendLater) throw new Error('no AppSecret: cannot send a late reply');
            await sendLater(openId, text);
            log({ level: 'info', msg: 'wechat late reply sent by customer service', user });
          },
          failed: (error) => log({ level: 'error', msg: 'wechat late reply lost', user, error: error instanceof Error ? error.message.slice(0, 200) : 'error' }),
        });
      } catch (error) {
        // The store is unreachable (Redis down): say so rather than leave the user with the platform's error.
        log({ level: 'error', msg: 'wechat reply failed', user, error: error instanceof Error ? error.name : 'error' });
        reply = wechatText(DEFAULT_LANG)('busy');
      }
      log({ level: 'info', msg: 'wechat message', user, type: message.MsgType, event: message.Event ?? undefined, replied: reply !== '' });
      if (reply === '') {
        res.type('text/plain').send('success');
        return;
      }
      const xml = textReplyXml(openId, message.ToUserName, truncateBytes(reply, PASSIVE_REPLY_LIMIT), now());
      res.type('application/xml').send(encrypted && encodingAesKey && appId ? encryptedReplyXml(token, encodingAesKey, appId, xml, now()) : xml);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
