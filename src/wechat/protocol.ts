/**
 * The 公众号 message interface on the wire: request signatures, the freshness of timestamps, the AES scheme of
 * safe mode (through `@wecom/crypto`, the same scheme WeCom uses, with the checks it leaves out: block size,
 * length field, AppID), and the XML of messages and replies (parsed with `fast-xml-parser`, every value kept
 * as a string so 64-bit MsgIds stay exact; replies written with CDATA).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/** Requests older (or further in the future) than this are replays: 5 minutes. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The most a passive text reply's content may hold, in UTF-8 bytes. */
export const PASSIVE_REPLY_LIMIT = 2048;

/** sha1 of the sorted parts, hex: `signature` (token, timestamp, nonce) and `msg_signature` (… and Encrypt). */
export function sign(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Whether `given` is the signature of `parts`, compared in constant time. */
export function signatureMatches(given: unknown, ...parts: string[]): boolean {
  if (typeof given !== 'string' || !/^[0-9a-f]{40}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), 'latin1'), Buffer.from(sign(...parts), 'latin1'));
}

/** Whether a request's `timestamp` (seconds) is within {@link MAX_CLOCK_SKEW_SECONDS} of now. */
export function isFresh(timestamp: unknown, nowMs: number, maxSkewSeconds = MAX_CLOCK_SKEW_SECONDS): boolean {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= maxSkewSeconds;
}

/** An encrypted message that cannot be read: bad base64, bad padding, a wrong length or another AppID. */
export class DecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptError';
  }
}

/** Decrypts an `Encrypt` value and checks that it was sealed for `appId`; returns the inner XML. */
export function openEnvelope(encodingAesKey: string, appId: string, encrypted: string): string {
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length === 0 || bytes.length % 32 !== 0) throw new DecryptError('ciphertext is not whole 32-byte blocks');
  let opened: { message: string; id: string; random: Buffer };
  try {
    opened = decrypt(encodingAesKey, encrypted);
  } catch {
    throw new DecryptError('ciphertext does not decrypt');
  }
  // The library trusts the length field; a forged one would slice wrongly, and the AppID check then fails.
  if (opened.id !== appId) throw new DecryptError('message is not for this AppID');
  return opened.message;
}

/** Encrypts a reply for `appId` (16 fresh random bytes). */
export function sealEnvelope(encodingAesKey: string, appId: string, xml: string): string {
  return encrypt(encodingAesKey, xml, appId, randomBytes(16));
}

/** An incoming message or event, as the platform sends it (every field a string). */
export interface IncomingMessage {
  ToUserName: string;
  FromUserName: string;
  CreateTime: string;
  MsgType: string;
  Content?: string;
  MsgId?: string;
  Event?: string;
  EventKey?: string;
  Encrypt?: string;
  /** A voice message's text, when the account has 接收语音识别结果 on ('' when nothing was made out). */
  Recognition?: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

/**
 * The fields of a `<xml>` document; undefined when it is not one. Messages never declare a DOCTYPE or
 * entities: a body that does is refused before parsing (no entity expansion to abuse).
 */
export function parseXml(body: string): Record<string, string> | undefined {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) return undefined;
  let doc: unknown;
  try {
    doc = parser.parse(body, true);
  } catch {
    return undefined;
  }
  const root = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).xml : undefined;
  if (typeof root !== 'object' || root === null) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(root)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = String(value);
  }
  return fields;
}

/** A message's fields checked for what every message has; undefined when one is missing. */
export function asMessage(fields: Record<string, string> | undefined): IncomingMessage | undefined {
  if (!fields) return undefined;
  const { ToUserName, FromUserName, CreateTime, MsgType } = fields;
  if (!ToUserName || !FromUserName || !CreateTime || !MsgType) return undefined;
  return fields as unknown as IncomingMessage;
}

/** Text inside CDATA: a `]]>` in it is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** A passive text reply to `to` from the account `from`. */
export function textReplyXml(to: string, from: string, content: string, nowMs: number): string {
  return `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${Math.floor(nowMs / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${cdata(content)}</Content></xml>`;
}

/** The encrypted envelope of a reply, with a fresh timestamp, nonce and `MsgSignature`. */
export function encryptedReplyXml(token: string, encodingAesKey: string, appId: string, xml: string, nowMs: number): string {
  const encrypted = sealEnvelope(encodingAesKey, appId, xml);
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = String(randomBytes(5).readUIntBE(0, 5));
  const signature = sign(token, timestamp, nonce, encrypted);
  return `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}

/** `text` cut to at most `limit` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, limit: number): string {
  if (Buffer.byteLength(text) <= limit) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (used + size > limit - 3) break;
    out += ch;
    used += size;
  }
  return `${out}…`;
}
