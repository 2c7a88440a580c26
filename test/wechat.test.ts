/**
 * The WeChat Official Account channel against a simulated platform (test/support/wechat-platform.ts: its own
 * node:crypto implementation of the signatures and of safe mode's AES, independent of the code under test)
 * and a fake server API on loopback.
 *
 * Proved here: the verification handshake; bad signatures, stale timestamps, a wrong msg_signature and a
 * message sealed for another AppID all get 401 with nothing echoed; plaintext, compatible (only the encrypted
 * part is trusted) and safe mode, replies encrypted with a valid MsgSignature; a repeat of the same MsgId (or
 * event) is not applied twice and gets the same reply; a slow reply falls back to `success` and one
 * customer-service message; the access token cached, renewed before expiry and on errcode 40001, fetched once
 * by concurrent instances sharing Redis; every passive reply within 2,048 bytes, the longest results included;
 * whole conversations for each of the five jurisdictions typed in Chinese (digits for options included); the
 * result link (works, expires, 404 for a forged token, nothing but the result); the menu (`npm run
 * wechat:menu`, its clicks); two app instances sharing one redis-server continuing one user's conversation;
 * logs without OpenIDs or content; configuration; and the result link under the Telegram bot's summary.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderView } from '../src/bot/render.js';
import type { Prompt } from '../src/flows/prompts.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { compiledTranslator } from '../src/i18n/compiled.js';
import type { Lang } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTION_IDS, type JurisdictionId } from '../src/rules/types.js';
import { type App, createApp } from '../src/server/app.js';
import { ConfigError, loadConfig, type WechatConfig } from '../src/server/config.js';
import { loggedUrl } from '../src/server/logger.js';
import { ResultLinks } from '../src/server/result-page.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { RedisSessionStore } from '../src/store/redis.js';
import { type SessionStore, StoreUnavailableError } from '../src/store/types.js';
import { customMenu, MENU_KEYS, OpenIdKeys, WechatApi } from '../src/wechat/index.js';
import { createWechatChannel } from '../src/wechat/index.js';
import { PASSIVE_REPLY_LIMIT } from '../src/wechat/protocol.js';
import { renderSummary } from '../src/wechat/render.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { typed, valueFor } from './support/typing.js';
import {
  ACCOUNT,
  AES_KEY,
  APP_ID,
  APP_SECRET,
  delivery,
  eventXml,
  type FakeApi,
  type Mode,
  nextMsgId,
  platformEncrypt,
  readReply,
  sha1Sorted,
  startFakeApi,
  textXml,
  voiceXml,
  TOKEN,
} from './support/wechat-platform.js';

const TODAY = '2026-11-23';
const PUBLIC_URL = 'https://advisor.example.gov.cn';
const bytes = (s: string) => Buffer.byteLength(s);
const tf = (lang: Lang) => compiledTranslator(lang, 'flow');
const tw = (lang: Lang) => compiledTranslator(lang, 'wechat');
const tr = (lang: Lang) => compiledTranslator(lang, 'rules');
const profile = (id: string) => JSON.parse(readFileSync(new URL(`../examples/${id}-eligible.json`, import.meta.url), 'utf8')) as Facts;
const PLACES: Record<JurisdictionId, string> = { shandong: '济南', jilin: '延边', mudanjiang: '牡丹江', guangxi: '南宁', wenzhou: '乐清' };
let users = 0;
const newOpenId = () => `oABCD-${randomBytes(9).toString('base64url')}${(users += 1)}`;

// ── the harness ──────────────────────────────────────────────────────────────────────────────────────────

/** A store whose session writes (not the channel's own records) are slow: a reply that misses the deadline. */
class SlowSessions implements SessionStore {
  delayMs = 0;
  /** Redis is down: every call fails as the Redis store's do. */
  down = false;
  constructor(readonly inner: SessionStore) {}
  get<T>(id: string) {
    if (this.down) return Promise.reject(new StoreUnavailableError());
    return this.inner.get<T>(id);
  }
  create<T>(id: string, schemaVersion: number, data: T) {
    if (this.down) return Promise.reject(new StoreUnavailableError());
    return this.inner.create(id, schemaVersion, data);
  }
  async update<T>(id: string, expectedVersion: number, schemaVersion: number, data: T) {
    if (id.startsWith('wx_') && this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    return this.inner.update(id, expectedVersion, schemaVersion, data);
  }
  delete(id: string) {
    return this.inner.delete(id);
  }
  touch(id: string) {
    return this.inner.touch(id);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

interface Harness {
  app: App;
  store: SlowSessions;
  sessions: ConversationSessions;
  keys: OpenIdKeys;
  logs: unknown[];
  links: ResultLinks;
  clock: { offsetMs: number };
  drain(): Promise<void>;
}

interface HarnessOptions {
  store?: SessionStore;
  api?: FakeApi;
  jurisdiction?: JurisdictionId;
  deadlineMs?: number;
}

function harness({ store = new MemorySessionStore(), api, jurisdiction, deadlineMs }: HarnessOptions = {}): Harness {
  const slow = new SlowSessions(store);
  const sessions = new ConversationSessions(slow, () => TODAY);
  const clock = { offsetMs: 0 };
  const links = new ResultLinks(slow, { publicUrl: PUBLIC_URL, ttlSeconds: 3600, now: () => Date.now() + clock.offsetMs });
  const config: WechatConfig = {
    token: TOKEN,
    appId: APP_ID,
    appSecret: APP_SECRET,
    encodingAesKey: AES_KEY,
    apiRoot: api?.root ?? 'http://127.0.0.1:9',
    jurisdiction,
  };
  const logs: unknown[] = [];
  const channel = createWechatChannel(config, {
    sessions,
    store: slow,
    links,
    log: (entry) => logs.push(entry),
    ...(deadlineMs === undefined ? {} : { replyDeadlineMs: deadlineMs }),
  });
  const app = createApp({ sessions, store: slow, wechat: channel.router, resultLinks: links, config: { rateLimitPerMinute: 0 } });
  return { app, store: slow, sessions, keys: new OpenIdKeys(TOKEN), logs, links, clock, drain: () => channel.drain() };
}

/** A WeChat user of the account, in one message mode. */
class User {
  readonly openId = newOpenId();
  constructor(
    readonly h: Harness,
    readonly mode: Mode = 'plaintext',
  ) {}

  async deliver(xml: string): Promise<request.Response> {
    const { path, body } = delivery(xml, this.mode, this.openId);
    return request(this.h.app).post(path).set('content-type', 'text/xml').send(body);
  }

  /** Sends `xml` and reads the reply as the platform does ('' for `success`). */
  async send(xml: string): Promise<string> {
    const res = await this.deliver(xml);
    expect(res.status).toBe(200);
    const reply = readReply(res.text, this.mode);
    if (reply.success) return '';
    expect(reply.to).toBe(this.openId);
    expect(reply.from).toBe(ACCOUNT);
    expect(bytes(reply.content ?? '')).toBeLessThanOrEqual(PASSIVE_REPLY_LIMIT);
    return reply.content ?? '';
  }

  say(text: string, msgId = nextMsgId()): Promise<string> {
    return this.send(textXml(this.openId, text, msgId));
  }

  event(event: string, key = ''): Promise<string> {
    return this.send(eventXml(this.openId, event, key));
  }

  view(withResult = false) {
    return this.h.sessions.get(this.h.keys.session(this.openId), withResult);
  }
}

/** How a WeChat user types an answer: option numbers every other time, else the words (support/typing). */
function typedHere(prompt: Prompt, value: unknown, i: number): string {
  const options = prompt.options ?? [];
  if (i % 2 === 1 && prompt.kind === 'boolean') return value ? '1' : '2';
  if (i % 2 === 1 && prompt.kind === 'multi' && Array.isArray(value) && value.length > 0) {
    return value.map((v) => options.findIndex((o) => o.value === v) + 1).join('、');
  }
  return typed(prompt, value, 'zh-CN', i);
}

/**
 * Answers every question of the user's conversation from `facts`, checking that each reply asks the question
 * the conversation is at; skips what the profile does not know or what is refused twice. Returns the last reply.
 */
async function answerAll(user: User, facts: Facts, first: string): Promise<string> {
  let reply = first;
  let last = '';
  for (let i = 0; i < 120; i += 1) {
    const view = await user.view();
    if (!view) throw new Error('no conversation');
    if (view.state === 'results') return reply;
    const prompt = view.prompt as Prompt;
    expect(reply).toContain(prompt.text);
    const value = valueFor(prompt, facts);
    const again = prompt.questionId === last;
    last = prompt.questionId;
    reply = await user.say(value === undefined || again ? '跳过' : typedHere(prompt, value, i));
  }
  throw new Error('the conversation did not end');
}

/** A profile that fails every numeric and yes/no condition it can: the longest list of unmet conditions. */
function failing(facts: Facts): Facts {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    if (typeof value === 'number') out[key] = 1;
    else if (typeof value === 'boolean') out[key] = false;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = [];
    else out[key] = value;
  }
  return out as Facts;
}

function linkIn(text: string): string {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}(/r/[A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`no result link in: ${text.slice(-300)}`);
  return match[1] as string;
}

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(async () => {
  await api.close();
});

// ── the protocol ─────────────────────────────────────────────────────────────────────────────────────────

describe('verification and authenticity', () => {
  const h = harness();
  const handshake = (timestamp: string, nonce: string, signature: string) =>
    request(h.app).get('/wechat').query({ signature, timestamp, nonce, echostr: '1234567890123456789' });

  it('echoes echostr when the signature is the sha1 of the sorted token, timestamp and nonce', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await handshake(ts, '42', sha1Sorted(TOKEN, ts, '42'));
    expect(res.status).toBe(200);
    expect(res.text).toBe('1234567890123456789');
  });

  it('refuses a wrong signature or a stale timestamp with 401 and echoes nothing', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const wrong = await handshake(ts, '42', sha1Sorted('another-token', ts, '42'));
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('1234567890123456789');
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    const old = await handshake(stale, '42', sha1Sorted(TOKEN, stale, '42'));
    expect(old.status).toBe(401);
    expect(old.text).toBe('');
  });

  it('refuses messages that are unsigned, signed with another token, or older than five minutes', async () => {
    const user = new User(h);
    const xml = textXml(user.openId, '济南');
    const forged = delivery(xml, 'plaintext', user.openId, { token: 'someoneElse' });
    expect((await request(h.app).post(forged.path).set('content-type', 'text/xml').send(forged.body)).status).toBe(401);
    const stale = delivery(xml, 'plaintext', user.openId, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect((await request(h.app).post(stale.path).set('content-type', 'text/xml').send(stale.body)).status).toBe(401);
    expect((await request(h.app).post('/wechat').set('content-type', 'text/xml').send(xml)).status).toBe(401);
    // None of them reached the conversation.
    expect(await user.view()).toBeUndefined();
  });

  it('refuses an encrypted message with a wrong msg_signature or sealed for another AppID', async () => {
    const user = new User(h, 'safe');
    const good = delivery(textXml(user.openId, '济南'), 'safe', user.openId);
    const url = new URL(good.path, 'http://x');
    url.searchParams.set('msg_signature', sha1Sorted(TOKEN, 'tampered'));
    expect((await request(h.app).post(`${url.pathname}${url.search}`).set('content-type', 'text/xml').send(good.body)).status).toBe(401);

    const ts = String(Math.floor(Date.now() / 1000));
    const encrypted = platformEncrypt(textXml(user.openId, '济南'), 'wx00000000000000ff');
    const query = new URLSearchParams({ signature: sha1Sorted(TOKEN, ts, '7'), timestamp: ts, nonce: '7', encrypt_type: 'aes', msg_signature: sha1Sorted(TOKEN, ts, '7', encrypted) });
    const res = await request(h.app).post(`/wechat?${query}`).set('content-type', 'text/xml').send(`<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`);
    expect(res.status).toBe(401);
    expect(await user.view()).toBeUndefined();
  });

  it('refuses a body that declares a DOCTYPE or entities', async () => {
    const user = new User(h);
    const res = await user.deliver(`<!DOCTYPE xml [<!ENTITY a "济南">]>${textXml(user.openId, '&a;')}`);
    expect(res.status).toBe(400);
    expect(await user.view()).toBeUndefined();
  });

  it('says the service is busy when the store is down, and carries on when it is back', async () => {
    const user = new User(h, 'safe');
    h.store.down = true;
    const reply = await user.say('你好');
    h.store.down = false;
    expect(reply).toBe(tw('zh-CN')('busy'));
    expect(await user.say('你好')).toContain(tf('zh-CN')('choose.text'));
  });

  it('limits the size of a message body', async () => {
    const user = new User(h);
    const res = await user.deliver(textXml(user.openId, '很长'.repeat(10_000)));
    expect(res.status).toBe(413);
  });
});

describe('message modes', () => {
  const h = harness();

  it.each(['plaintext', 'safe'] as const)('%s mode: a first message opens the conversation and a place chooses the jurisdiction', async (mode) => {
    const user = new User(h, mode);
    const greeting = await user.say('你好');
    expect(greeting).toContain(tf('zh-CN')('choose.text'));
    const next = await user.say('济南');
    const view = await user.view();
    expect(view?.jurisdiction).toBe('shandong');
    expect(next).toContain(view?.prompt?.text);
  });

  it('compatible mode trusts only the encrypted message, and answers encrypted', async () => {
    const user = new User(h, 'compatible');
    await user.say('你好');
    const ts = String(Math.floor(Date.now() / 1000));
    const inner = textXml(user.openId, '南宁'); // what the signed ciphertext says
    const encrypted = platformEncrypt(inner);
    const body = textXml(user.openId, '乐清').replace('</xml>', `<Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`); // a plaintext that disagrees
    const query = new URLSearchParams({ signature: sha1Sorted(TOKEN, ts, '9'), timestamp: ts, nonce: '9', openid: user.openId, encrypt_type: 'aes', msg_signature: sha1Sorted(TOKEN, ts, '9', encrypted) });
    const res = await request(h.app).post(`/wechat?${query}`).set('content-type', 'text/xml').send(body);
    expect(res.status).toBe(200);
    const reply = readReply(res.text, 'compatible');
    expect((await user.view())?.jurisdiction).toBe('guangxi');
    expect(reply.content).toContain((await user.view())?.prompt?.text);
  });

  it('a repeat of the same MsgId is applied once and answered with the same reply', async () => {
    const user = new User(h, 'safe');
    await user.say('你好');
    await user.say('济南');
    const before = await user.view();
    const prompt = before?.prompt as Prompt;
    const msgId = nextMsgId();
    const answer = typed(prompt, valueFor(prompt, profile('shandong')), 'zh-CN', 0);
    const first = await user.say(answer, msgId);
    const repeat = await user.say(answer, msgId);
    expect(repeat).toBe(first);
    const after = await user.view();
    expect(after?.answers.length).toBe((before?.answers.length ?? 0) + 1);
    // Concurrent deliveries of one message: still one answer.
    const msgId2 = nextMsgId();
    const prompt2 = after?.prompt as Prompt;
    const answer2 = typed(prompt2, valueFor(prompt2, profile('shandong')), 'zh-CN', 0);
    const [a, b] = await Promise.all([user.say(answer2, msgId2), user.say(answer2, msgId2)]);
    expect(a).toBe(b);
    expect((await user.view())?.answers.length).toBe((before?.answers.length ?? 0) + 2);
  });

  it('a repeated event (same user and CreateTime) is handled once', async () => {
    const user = new User(h);
    const xml = eventXml(user.openId, 'subscribe');
    const first = await user.send(xml);
    await user.say('济南');
    const repeat = await user.send(xml);
    expect(repeat).toBe(first);
    expect((await user.view())?.jurisdiction).toBe('shandong');
  });

  it('answers other kinds of message with a hint in words and the question again', async () => {
    const user = new User(h);
    await user.say('你好');
    const image = `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${user.openId}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl><MsgId>${nextMsgId()}</MsgId></xml>`;
    const reply = await user.send(image);
    expect(reply).toContain(tw('zh-CN')('unsupported'));
    expect(reply).toContain(tf('zh-CN')('choose.text'));
  });
});

describe('voice messages', () => {
  const h = harness();

  it('what the platform heard is answered as if typed, in safe mode too (三十多家。 → 31–39 家)', async () => {
    const user = new User(h, 'safe');
    await user.say('济南');
    for (let i = 0; i < 40 && (await user.view())?.prompt?.questionId !== 'commercialHrInstitutions'; i++) await user.say('不清楚');
    const reply = await user.send(voiceXml(user.openId, '三十多家。'));
    expect(reply).toContain('按 31–39 家计');
    expect((await user.view())?.answers.find((a) => a.questionId === 'commercialHrInstitutions')?.answer).toBe('31–39 家');
  });

  it('a voice message with nothing heard (or recognition off) asks to say it again or type it, and keeps the question', async () => {
    const user = new User(h);
    await user.say('济南');
    const before = (await user.view())?.prompt?.questionId;
    for (const recognition of ['', undefined]) {
      const reply = await user.send(voiceXml(user.openId, recognition));
      expect(reply).toContain(tw('zh-CN')('voiceUnheard'));
      expect((await user.view())?.prompt?.questionId).toBe(before);
    }
  });
});

describe('answers as people give them reach WeChat as they reach the widget', () => {
  const h = harness();

  it('a hedged yes is asked about once, and hedged again is said back as 不清楚', async () => {
    const user = new User(h);
    await user.say('济南');
    for (let i = 0; i < 40 && (await user.view())?.prompt?.kind !== 'boolean'; i++) await user.say('不清楚');
    const question = (await user.view())?.prompt?.questionId;
    expect(await user.say('好像有')).toContain('这个回答还拿不准');
    expect((await user.view())?.prompt?.questionId).toBe(question);
    expect(await user.say('应该有吧')).toContain('拿不准的按“不清楚”计');
    expect((await user.view())?.prompt?.questionId).not.toBe(question);
  });
});

describe('slow replies and the customer-service API', () => {
  it('a reply not ready by the deadline is answered `success`, then sent once as a customer-service message', async () => {
    const h = harness({ api, deadlineMs: 300 });
    const user = new User(h, 'safe');
    await user.say('你好');
    await user.say('济南');
    const sentBefore = api.sent().length;
    h.store.delayMs = 900;
    const msgId = nextMsgId();
    const prompt = (await user.view())?.prompt as Prompt;
    const answer = typed(prompt, valueFor(prompt, profile('shandong')), 'zh-CN', 0);
    const first = await user.say(answer, msgId);
    expect(first).toBe('');
    // The platform's retry arrives while the reply is still being made: also `success`, never applied again.
    const retry = await user.say(answer, msgId);
    expect(retry).toBe('');
    await h.drain();
    h.store.delayMs = 0;
    const sent = api.sent().slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.touser).toBe(user.openId);
    const view = await user.view();
    expect(sent[0]?.content).toContain(view?.prompt?.text);
    expect(bytes(sent[0]?.content ?? '')).toBeLessThanOrEqual(PASSIVE_REPLY_LIMIT);
    expect(view?.answers.length).toBe(1);
    // A later retry gets `success` too: the user has the reply already.
    expect(await user.say(answer, msgId)).toBe('');
    expect(api.sent().length - sentBefore).toBe(1);
  });
});

describe('the access token', () => {
  it('is fetched once, cached, renewed five minutes before it expires, and at once on errcode 40001', async () => {
    const store = new MemorySessionStore();
    let now = Date.parse('2026-11-23T08:00:00Z');
    const client = new WechatApi({ apiRoot: api.root, appId: APP_ID, appSecret: APP_SECRET, store, now: () => now });
    const calls = api.tokenCalls();
    const first = await client.accessToken();
    expect(await client.accessToken()).toBe(first);
    await client.sendText('oUser', '你好');
    expect(api.tokenCalls() - calls).toBe(1);
    now += (7200 - 6 * 60) * 1000; // six minutes left: still used
    expect(await client.accessToken()).toBe(first);
    now += 2 * 60 * 1000; // four minutes left: renewed
    const second = await client.accessToken();
    expect(second).not.toBe(first);
    expect(api.tokenCalls() - calls).toBe(2);
    // The platform says the token expired: a new one, and the message goes out once.
    api.revoked.add(second);
    const sentBefore = api.sent().length;
    await client.sendText('oUser', '再次');
    expect(api.tokenCalls() - calls).toBe(3);
    expect(api.sent().length - sentBefore).toBe(1);
    expect(await client.accessToken()).not.toBe(second);
  });

  it('never puts the AppSecret in an error', async () => {
    const client = new WechatApi({ apiRoot: api.root, appId: APP_ID, appSecret: 'ffffffffffffffffffffffffffffffff', store: new MemorySessionStore() });
    const error = await client.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain('40013');
    expect(String((error as Error).message)).not.toContain('ffffffff');
  });
});

// ── the conversation ─────────────────────────────────────────────────────────────────────────────────────

describe('whole conversations typed in Chinese, one per jurisdiction', () => {
  const h = harness({ api });

  it.each(JURISDICTION_IDS)('%s: greeting, place, every question, the summary and its result page', async (id) => {
    const user = new User(h, id === 'jilin' || id === 'wenzhou' ? 'safe' : 'plaintext');
    expect(await user.event('subscribe')).toContain(tf('zh-CN')('choose.text'));
    const facts = profile(id);
    const summary = await answerAll(user, facts, await user.say(PLACES[id]));
    const view = await user.view(true);
    expect(view?.jurisdiction).toBe(id);
    expect(view?.result?.verdict).toBe('eligible');
    expect(summary).toContain(tr('zh-CN')('verdict.eligible'));
    expect(summary).toContain(compiledTranslator('zh-CN', id)('name'));
    const page = await request(h.app).get(linkIn(summary));
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('<html lang="zh-CN">');
    for (const item of view?.result?.checklist ?? []) expect(page.text).toContain(item.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));
    // The checklist command and the menu's 申报材料 both give the materials.
    const checklist = await user.say('清单');
    expect(checklist).toContain(view?.result?.checklist[0]?.title);
    expect(await user.event('CLICK', MENU_KEYS.checklist)).toContain(view?.result?.checklist[0]?.title);
  });

  it.each(JURISDICTION_IDS)('%s: the longest result (every condition failed) stays within 2,048 bytes with its link whole', async (id) => {
    const user = new User(h);
    await user.say('你好');
    const summary = await answerAll(user, failing(profile(id)), await user.say(PLACES[id]));
    const view = await user.view(true);
    expect(view?.result?.verdict).not.toBe('eligible');
    expect(bytes(summary)).toBeLessThanOrEqual(PASSIVE_REPLY_LIMIT);
    expect(summary).toContain(tw('zh-CN')('summary.unmet'));
    expect((await request(h.app).get(linkIn(summary))).status).toBe(200);
  });

  it('the summary of every jurisdiction, in both languages, fits 2,048 bytes even with a long link', () => {
    const longLink = { url: `https://rsj.some-very-long-bureau-domain-name.example.gov.cn/park-advisor/r/${'x'.repeat(43)}`, hours: 24 };
    let longest = 0;
    for (const id of JURISDICTION_IDS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const result = evaluate(id, failing(profile(id)), { lang, date: TODAY });
        const view = { state: 'results' as const, lang, jurisdiction: id, feedback: [], answers: [], pending: 0, result };
        const text = renderSummary(view, result, longLink);
        longest = Math.max(longest, bytes(text));
        expect(bytes(text)).toBeLessThanOrEqual(PASSIVE_REPLY_LIMIT);
        expect(text).toContain(longLink.url);
        // Every unmet condition is named, or counted in the "more" line.
        const unmet = result.criteria.filter((c) => c.severity === 'required' && c.status === 'unmet');
        const named = unmet.filter((c) => text.includes(`${c.refText} ${c.title}`)).length;
        if (named < unmet.length) expect(text).toContain(tw(lang)('summary.more', { count: unmet.length - named }));
      }
    }
    expect(longest).toBeGreaterThan(500);
  });

  it('commands in words: 上一步, 跳过, 查看结果, 继续, English / 中文, 帮助, 重新开始', async () => {
    const user = new User(h);
    await user.say('你好');
    await user.say('济南');
    const facts = profile('shandong');
    const p1 = (await user.view())?.prompt as Prompt;
    await user.say(typed(p1, valueFor(p1, facts), 'zh-CN', 0));
    expect((await user.view())?.answers).toHaveLength(1);
    expect(await user.say('上一步')).toContain(p1.text);
    expect((await user.view())?.answers).toHaveLength(0);
    await user.say('跳过');
    expect((await user.view())?.answers[0]?.skipped).toBe(true);
    const results = await user.say('查看结果');
    expect(results).toContain(tf('zh-CN')('results.early', { count: (await user.view())?.pending ?? 0 }));
    expect(results).toContain(`${PUBLIC_URL}/r/`);
    expect((await user.say('继续')).length).toBeGreaterThan(0);
    expect((await user.view())?.state).toBe('interviewing');
    const english = await user.say('English');
    expect(english).toContain(tw('en')('langChanged'));
    expect(english).toContain((await user.view())?.prompt?.text);
    expect(await user.say('help')).toContain(tw('en')('help'));
    expect(await user.say('中文')).toContain(tw('zh-CN')('langChanged'));
    expect(await user.say('重新开始')).toContain(tf('zh-CN')('choose.text'));
    expect((await user.view())?.answers).toHaveLength(0);
  });

  it('a first message that names a place starts with it; any other greets without a complaint', async () => {
    const direct = new User(h);
    const reply = await direct.say('我在温州乐清');
    expect((await direct.view())?.jurisdiction).toBe('wenzhou');
    expect(reply).toContain((await direct.view())?.prompt?.text);
    const other = new User(h);
    expect(await other.say('你好')).not.toContain('⚠️');
    expect(await other.say('帮助')).not.toContain('⚠️');
  });

  it('the checklist before a jurisdiction is chosen asks to choose first', async () => {
    const user = new User(h);
    await user.say('你好');
    const reply = await user.say('清单');
    expect(reply).toContain(tw('zh-CN')('checklist.first'));
    expect(reply).toContain(tf('zh-CN')('choose.text'));
  });

  it('states the text applied, reads approximate figures, asks the one settling question, and switches on 切换', async () => {
    const user = new User(h);
    await user.say('你好');
    const first = await user.say('济南');
    expect(first).toContain('📘 按《山东省省级人力资源服务产业园管理暂行办法》逐条核对');
    const facts = profile('shandong');
    let view = await user.view();
    for (let i = 0; i < 10 && view?.prompt?.questionId !== 'floorArea'; i += 1) {
      const prompt = view?.prompt as Prompt;
      await user.say(typed(prompt, valueFor(prompt, facts), 'zh-CN', 0));
      view = await user.view();
    }
    expect(view?.prompt?.questionId).toBe('floorArea');
    // 约1万 is 9,000–11,000 m²: it straddles 第十二条's 1万平方米, so one yes/no question settles it.
    const approximate = await user.say('约1万平方米');
    expect(approximate).toContain('✔️ 按');
    expect(approximate).toMatch(/是否不少于 10,000 平方米？/);
    expect((await user.view())?.prompt?.kind).toBe('boolean');
    await user.say('1');
    expect((await user.view(true))?.result?.criteria.find((c) => c.id === 'shandong.floor-area')?.status).toBe('met');
    // A place under another jurisdiction is offered, never taken silently; 切换 confirms it and keeps the answers.
    const offered = await user.say('我们在乐清');
    expect(offered).toContain('⚠️');
    expect(offered).toContain('切换');
    expect((await user.view())?.jurisdiction).toBe('shandong');
    const answered = (await user.view())?.answers.length;
    await user.say('切换');
    const switched = await user.view();
    expect(switched?.jurisdiction).toBe('wenzhou');
    expect(switched?.answers.length).toBe(answered);
  });

  it('a bad answer gets a hint in the user language and the same question; nothing given is lost', async () => {
    const user = new User(h);
    await user.say('你好');
    await user.say('济南');
    const facts = profile('shandong');
    let view = await user.view();
    // Answer until a number is asked, then type nonsense.
    for (let i = 0; i < 10 && view?.prompt?.kind !== 'number'; i += 1) {
      const prompt = view?.prompt as Prompt;
      await user.say(typed(prompt, valueFor(prompt, facts), 'zh-CN', 0));
      view = await user.view();
    }
    const answered = view?.answers.length;
    const reply = await user.say('很大很大');
    const after = await user.view();
    expect(reply).toContain('⚠️');
    expect(reply).toContain(view?.prompt?.text);
    expect(after?.answers.length).toBe(answered);
    expect(after?.prompt?.questionId).toBe(view?.prompt?.questionId);
  });

  it('an account of one bureau (WECHAT_JURISDICTION) starts with its questions; the menu restarts; unsubscribing forgets the user', async () => {
    const bureau = harness({ jurisdiction: 'wenzhou' });
    const user = new User(bureau);
    const greeting = await user.event('subscribe');
    expect(greeting).toContain(tw('zh-CN')('greetingPreset', { name: compiledTranslator('zh-CN', 'wenzhou')('name') }));
    expect((await user.view())?.state).toBe('interviewing');
    // Mid-way, the checklist is the one the answers so far call for (as in the bot).
    expect(await user.event('CLICK', MENU_KEYS.checklist)).toContain(tw('zh-CN')('checklist.heading', { name: compiledTranslator('zh-CN', 'wenzhou')('name') }));
    const prompt = (await user.view())?.prompt as Prompt;
    await user.say(typed(prompt, valueFor(prompt, profile('wenzhou')), 'zh-CN', 0));
    await user.event('CLICK', MENU_KEYS.restart);
    expect((await user.view())?.answers).toHaveLength(0);
    expect((await user.view())?.jurisdiction).toBe('wenzhou');
    expect(await user.event('unsubscribe')).toBe('');
    expect(await user.view()).toBeUndefined();
  });

  it('logs carry neither OpenIDs nor what users typed', () => {
    const text = JSON.stringify(h.logs);
    expect(h.logs.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/oABCD-/);
    for (const typedWord of ['济南', '延边', '南宁', '乐清', '平方米', '清单']) expect(text).not.toContain(typedWord);
    expect(loggedUrl('/wechat?signature=a&openid=oABCD-secret')).toBe('/wechat');
    expect(loggedUrl(`/r/${'y'.repeat(43)}`)).not.toContain('yyyy');
  });
});

// ── the result page ──────────────────────────────────────────────────────────────────────────────────────

describe('the result page', () => {
  const h = harness();
  let path = '';
  let user: User;

  beforeAll(async () => {
    user = new User(h);
    await user.say('你好');
    await user.say('延边');
    path = linkIn(await user.say('查看结果'));
  });

  it('works (more than once), with the result, the checklist and the procedure, under the strict CSP', async () => {
    for (let i = 0; i < 2; i += 1) {
      const res = await request(h.app).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.text).not.toMatch(/<script|<style|\sstyle=/i);
      expect(res.text).toContain('<link rel="stylesheet" href="/result-page.css">');
      const result = (await user.view(true))?.result;
      expect(res.text).toContain(compiledTranslator('zh-CN', 'report')('sections.checklist'));
      expect(res.text).toContain(compiledTranslator('zh-CN', 'report')('sections.procedure'));
      expect(res.text).toContain(result?.procedure[0]?.refText);
    }
    const css = await request(h.app).get('/result-page.css');
    expect(css.status).toBe(200);
    expect(css.type).toBe('text/css');
  });

  it('exposes no other session data: no OpenID, session id or list of answers', async () => {
    const res = await request(h.app).get(path);
    expect(res.text).not.toContain(user.openId);
    expect(res.text).not.toContain(h.keys.session(user.openId));
    expect(res.text).not.toContain('wx_');
    // The token is not the session: the session API does not know it.
    expect((await request(h.app).get(`/api/sessions/${path.slice(3)}`)).status).toBe(404);
  });

  it('shows nothing (404) for a forged, altered or malformed token', async () => {
    for (const forged of [`/r/${randomBytes(32).toString('base64url')}`, `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`, '/r/abc', `/r/${h.keys.session(user.openId)}`]) {
      const res = await request(h.app).get(forged);
      expect(res.status).toBe(404);
      expect(res.text).toContain(compiledTranslator('zh-CN', 'resultPage')('notFound'));
      expect(res.text).not.toContain(compiledTranslator('zh-CN', 'jilin')('name'));
    }
  });

  it('expires', async () => {
    h.clock.offsetMs = 3601 * 1000;
    const res = await request(h.app).get(path);
    h.clock.offsetMs = 0;
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(compiledTranslator('zh-CN', 'jilin')('name'));
    // Gone for good, even if the clock went back.
    expect((await request(h.app).get(path)).status).toBe(404);
  });

  it('is in the user language', async () => {
    const english = new User(h);
    await english.say('English');
    await english.say('Nanning');
    const res = await request(h.app).get(linkIn(await english.say('results')));
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain(compiledTranslator('en', 'guangxi')('name'));
  });
});

describe('the Telegram bot', () => {
  it('puts the result link under the result summary, with the results keyboard', async () => {
    const sessions = new ConversationSessions(new MemorySessionStore(), () => TODAY);
    const { id } = await sessions.create({ jurisdiction: 'shandong', lang: 'zh-CN' });
    const view = await sessions.send(id, { type: 'RESULTS' }, true);
    const link = compiledTranslator('zh-CN', 'resultPage')('linkLine', { url: `${PUBLIC_URL}/r/abc`, hours: 24 });
    const messages = renderView(view!, { link });
    const last = messages.at(-1);
    expect(last?.html).toContain(`${PUBLIC_URL}/r/abc`);
    expect(last?.keyboard).toBeDefined();
    expect(renderView(view!).some((m) => m.html.includes('/r/'))).toBe(false);
  });
});

// ── the menu ─────────────────────────────────────────────────────────────────────────────────────────────

describe('npm run wechat:menu', () => {
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/wechat-menu.ts', ...args], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { PATH: process.env.PATH ?? '', ...env },
    });

  it('prints the menu; --apply posts it to /cgi-bin/menu/create', async () => {
    const printed = await run([], {});
    expect(JSON.parse(printed.stdout)).toEqual(customMenu());
    expect(printed.stdout).toContain('开始自测');
    const before = api.calls.filter((c) => c.path === '/cgi-bin/menu/create').length;
    const applied = await run(['--apply'], { WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_API_ROOT: api.root });
    const posted = api.calls.filter((c) => c.path === '/cgi-bin/menu/create');
    expect(posted.length - before).toBe(1);
    expect(posted.at(-1)?.body).toEqual(customMenu());
    expect(applied.stderr).not.toContain(APP_SECRET);
    const keys = customMenu().button.map((b) => b.key);
    expect(keys).toEqual([MENU_KEYS.start, MENU_KEYS.checklist, MENU_KEYS.restart]);
  }, 30_000);
});

// ── configuration ────────────────────────────────────────────────────────────────────────────────────────

describe('configuration', () => {
  const base = { WECHAT_TOKEN: TOKEN, WECHAT_APP_ID: APP_ID, WECHAT_APP_SECRET: APP_SECRET, WECHAT_ENCODING_AES_KEY: AES_KEY };

  it('turns the channel on with WECHAT_TOKEN and reads the rest', () => {
    const config = loadConfig({ ...base, WECHAT_JURISDICTION: 'jilin', PUBLIC_URL: 'https://advisor.example.gov.cn/' });
    expect(config.wechat).toEqual({ token: TOKEN, appId: APP_ID, appSecret: APP_SECRET, encodingAesKey: AES_KEY, apiRoot: 'https://api.weixin.qq.com', jurisdiction: 'jilin' });
    expect(config.publicUrl).toBe('https://advisor.example.gov.cn');
    expect(loadConfig({}).wechat).toBeUndefined();
  });

  it('names a wrong variable in one line without repeating a secret', () => {
    const wrong = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    const short = wrong({ ...base, WECHAT_ENCODING_AES_KEY: 'tooShortSecretKey' });
    expect(short).toContain('WECHAT_ENCODING_AES_KEY');
    expect(short).not.toContain('tooShortSecretKey');
    expect(wrong({ WECHAT_APP_ID: APP_ID })).toContain('WECHAT_TOKEN is required');
    expect(wrong({ ...base, WECHAT_JURISDICTION: 'beijing' })).toContain('WECHAT_JURISDICTION');
    expect(wrong({ PUBLIC_URL: 'ftp://x' })).toContain('PUBLIC_URL');
    expect(wrong({ ...base, WECHAT_APP_SECRET: 'bad secret!' })).not.toContain('bad secret!');
  });
});

// ── Redis: instances that share it ───────────────────────────────────────────────────────────────────────

describe('two instances sharing one redis-server', () => {
  let redis: TestRedis;
  const stores: RedisSessionStore[] = [];
  const connect = async () => {
    const store = await new RedisSessionStore({ url: redis.url, keyPrefix: redis.keyPrefix }).connect();
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis.stop();
  });

  it('continue one user conversation, whichever instance each message reaches', async () => {
    const a = harness({ store: await connect(), api });
    const b = harness({ store: await connect(), api });
    const openId = newOpenId();
    const onA = Object.assign(new User(a, 'safe'), { openId }) as User;
    const onB = Object.assign(new User(b, 'safe'), { openId }) as User;
    await onA.say('你好');
    let reply = await onB.say('南宁');
    const facts = profile('guangxi');
    for (let i = 0; i < 120; i += 1) {
      const here = i % 2 === 0 ? onA : onB;
      const view = await here.view();
      if (view?.state === 'results') break;
      const prompt = view?.prompt as Prompt;
      expect(reply).toContain(prompt.text);
      const value = valueFor(prompt, facts);
      reply = await here.say(value === undefined ? '跳过' : typedHere(prompt, value, i));
    }
    expect((await onA.view(true))?.result?.verdict).toBe('eligible');
    // A link one instance issued opens on the other.
    expect((await request(a.app).get(linkIn(reply))).status).toBe(200);
    expect((await request(b.app).get(linkIn(reply))).status).toBe(200);
    // A repeat delivered to the other instance is not applied again.
    const msgId = nextMsgId();
    const first = await onA.say('上一步', msgId);
    const answers = (await onA.view())?.answers.length;
    expect(await onB.say('上一步', msgId)).toBe(first);
    expect((await onB.view())?.answers.length).toBe(answers);
  });

  it('fetch the access token once for all instances, under a lock', async () => {
    const clients = await Promise.all([connect(), connect(), connect()]).then((s) =>
      s.map((store) => new WechatApi({ apiRoot: api.root, appId: APP_ID, appSecret: APP_SECRET, store })),
    );
    const before = api.tokenCalls();
    api.tokenDelayMs = 300;
    const tokens = await Promise.all(clients.map((c) => c.accessToken()));
    api.tokenDelayMs = 0;
    expect(new Set(tokens).size).toBe(1);
    expect(api.tokenCalls() - before).toBe(1);
  });
});
