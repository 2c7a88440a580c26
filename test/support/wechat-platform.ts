/**
 * A simulated WeChat Official Account platform for the tests, written from the published protocol with
 * node:crypto alone (independent of src/wechat and of the library it uses):
 *
 * - signatures: sha1 of the sorted token, timestamp and nonce (and, for `msg_signature`, the Encrypt value);
 * - safe mode: AES-256-CBC with key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes, no cipher
 *   padding but PKCS#7 to 32-byte blocks over 16 random bytes + the message length (4 bytes, network order)
 *   + the message + the AppID;
 * - messages and replies as XML with CDATA, read back here with regular expressions.
 *
 * Also a fake of the server API on loopback (`/cgi-bin/token`, `/cgi-bin/message/custom/send`,
 * `/cgi-bin/menu/create`) that records every call.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'parkAdvisorToken42';
export const APP_ID = 'wx1234567890abcdef';
export const APP_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
/** 43 characters of base64 without padding (32 bytes). */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A random EncodingAESKey: 43 letters and digits, as the platform generates. */
export const AES_KEY = Array.from(randomBytes(43), (b) => ALNUM[b % 62]).join('');
export const ACCOUNT = 'gh_0123456789ab';

export function sha1Sorted(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

function aesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('bad EncodingAESKey');
  return key;
}

/** Encrypts as the platform does. */
export function platformEncrypt(xml: string, appId = APP_ID, encodingAesKey = AES_KEY): string {
  const key = aesKey(encodingAesKey);
  const message = Buffer.from(xml, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(message.length, 0);
  const plain = Buffer.concat([randomBytes(16), length, message, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/** Decrypts as the platform does, checking padding, length and AppID; returns the message. */
export function platformDecrypt(encrypted: string, appId = APP_ID, encodingAesKey = AES_KEY): string {
  const key = aesKey(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1] as number;
  if (pad < 1 || pad > 32 || padded.length % 32 !== 0) throw new Error(`bad padding ${pad}`);
  for (let i = padded.length - pad; i < padded.length; i += 1) if (padded[i] !== pad) throw new Error('bad padding bytes');
  const plain = padded.subarray(0, padded.length - pad);
  const length = plain.readUInt32BE(16);
  const message = plain.subarray(20, 20 + length).toString('utf8');
  const id = plain.subarray(20 + length).toString('utf8');
  if (id !== appId) throw new Error(`reply sealed for ${id}, not ${appId}`);
  return message;
}

/** A field of an XML document (CDATA or plain). */
export function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return match ? (match[1] ?? match[2]) : undefined;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

let msgIds = 7_300_000_000_000_000_000n;
/** A 64-bit MsgId beyond 2^53, so that a parser that reads numbers would corrupt it. */
export function nextMsgId(): string {
  msgIds += 1n;
  return msgIds.toString();
}

/** A user's text message. */
export function textXml(openId: string, content: string, msgId = nextMsgId(), createTime = Math.floor(Date.now() / 1000)): string {
  return `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><FromUserName>${cdata(openId)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content><MsgId>${msgId}</MsgId></xml>`;
}

/**
 * A user's voice message, as the platform sends it to an account with 接收语音识别结果 on: `Recognition` is what it
 * heard (empty when it made out nothing; absent when the option is off).
 */
export function voiceXml(openId: string, recognition: string | undefined, msgId = nextMsgId(), createTime = Math.floor(Date.now() / 1000)): string {
  const heard = recognition === undefined ? '' : `<Recognition>${cdata(recognition)}</Recognition>`;
  return `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><FromUserName>${cdata(openId)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('voice')}</MsgType><MediaId>${cdata('media_id_1234')}</MediaId><Format>${cdata('amr')}</Format>${heard}<MsgId>${msgId}</MsgId></xml>`;
}

/** An event (subscribe, CLICK with a key …). */
export function eventXml(openId: string, event: string, key = '', createTime = Math.floor(Date.now() / 1000)): string {
  return `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><FromUserName>${cdata(openId)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata(event)}</Event>${key ? `<EventKey>${cdata(key)}</EventKey>` : ''}</xml>`;
}

export type Mode = 'plaintext' | 'compatible' | 'safe';

/** How the platform would POST `xml` in `mode`: the query string and the body. */
export function delivery(xml: string, mode: Mode, openId: string, options: { timestamp?: number; token?: string } = {}): { path: string; body: string } {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const token = options.token ?? TOKEN;
  const query = new URLSearchParams({ signature: sha1Sorted(token, timestamp, nonce), timestamp, nonce, openid: openId });
  if (mode === 'plaintext') return { path: `/wechat?${query}`, body: xml };
  const encrypted = platformEncrypt(xml);
  query.set('encrypt_type', 'aes');
  query.set('msg_signature', sha1Sorted(token, timestamp, nonce, encrypted));
  // Compatible mode sends the plaintext fields beside the ciphertext; safe mode only the account and ciphertext.
  const body =
    mode === 'compatible'
      ? xml.replace('</xml>', `<Encrypt>${cdata(encrypted)}</Encrypt></xml>`)
      : `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><Encrypt>${cdata(encrypted)}</Encrypt></xml>`;
  return { path: `/wechat?${query}`, body };
}

/** A reply as the platform reads it: checks the envelope's signature in safe/compatible mode and decrypts. */
export function readReply(body: string, mode: Mode): { content: string | undefined; success: boolean; to?: string; from?: string } {
  if (body === 'success' || body === '') return { content: undefined, success: true };
  let xml = body;
  if (mode !== 'plaintext') {
    const encrypted = xmlField(body, 'Encrypt');
    const signature = xmlField(body, 'MsgSignature');
    const timestamp = xmlField(body, 'TimeStamp');
    const nonce = xmlField(body, 'Nonce');
    if (!encrypted || !signature || !timestamp || !nonce) throw new Error(`reply is not an encrypted envelope: ${body.slice(0, 200)}`);
    if (sha1Sorted(TOKEN, timestamp, nonce, encrypted) !== signature) throw new Error('reply MsgSignature does not match');
    xml = platformDecrypt(encrypted);
  }
  if (xmlField(xml, 'MsgType') !== 'text') throw new Error(`not a text reply: ${xml.slice(0, 200)}`);
  return { content: xmlField(xml, 'Content'), success: false, to: xmlField(xml, 'ToUserName'), from: xmlField(xml, 'FromUserName') };
}

/** One call the fake API received. */
export interface ApiCall {
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The API answered errcode 0. */
  ok?: boolean;
}

/** The fake server API. */
export interface FakeApi {
  root: string;
  calls: ApiCall[];
  /** Tokens it has issued; a token in `revoked` gets errcode 40001 on use. */
  revoked: Set<string>;
  /** Delay of /cgi-bin/token, to let concurrent fetchers collide. */
  tokenDelayMs: number;
  /** expires_in of issued tokens. */
  expiresIn: number;
  tokenCalls(): number;
  sent(): Array<{ touser: string; content: string }>;
  close(): Promise<void>;
}

export async function startFakeApi(): Promise<FakeApi> {
  let issued = 0;
  const calls: ApiCall[] = [];
  const api: Partial<FakeApi> = { calls, revoked: new Set(), tokenDelayMs: 0, expiresIn: 7200 };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const call: ApiCall = { path: url.pathname, query: Object.fromEntries(url.searchParams), body: raw ? JSON.parse(raw) : undefined };
      calls.push(call);
      const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/cgi-bin/token') {
        if (url.searchParams.get('appid') !== APP_ID || url.searchParams.get('secret') !== APP_SECRET) return send({ errcode: 40013, errmsg: 'invalid appid' });
        await new Promise((r) => setTimeout(r, api.tokenDelayMs));
        issued += 1;
        return send({ access_token: `TOKEN-${issued}`, expires_in: api.expiresIn });
      }
      const token = url.searchParams.get('access_token') ?? '';
      if (!/^TOKEN-\d+$/.test(token)) return send({ errcode: 40014, errmsg: 'invalid access_token' });
      if (api.revoked?.has(token)) return send({ errcode: 40001, errmsg: 'access_token expired' });
      if (url.pathname === '/cgi-bin/message/custom/send' || url.pathname === '/cgi-bin/menu/create') {
        call.ok = true;
        return send({ errcode: 0, errmsg: 'ok' });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    root: `http://127.0.0.1:${port}`,
    tokenCalls: () => calls.filter((c) => c.path === '/cgi-bin/token').length,
    sent: () =>
      calls
        .filter((c) => c.path === '/cgi-bin/message/custom/send' && c.ok)
        .map((c) => {
          const body = c.body as { touser: string; text: { content: string } };
          return { touser: body.touser, content: body.text.content };
        }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeApi;
}
