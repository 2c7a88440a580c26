/**
 * The result link under the Telegram bot's summary (PUBLIC_URL): the bot (grammY, real HTTP) talks to a small
 * recording Bot API peer on loopback; a deep-linked conversation asked for its results ends with a message that
 * carries the link, and that link opens the result page on an app sharing the store. Without result links, no
 * message carries one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/bot.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { compiledTranslator } from '../src/i18n/compiled.js';
import { createApp } from '../src/server/app.js';
import { ResultLinks } from '../src/server/result-page.js';
import { MemorySessionStore } from '../src/store/memory.js';

const TOKEN = '100002:park-advisor-result-link-test-token';
const PUBLIC_URL = 'https://advisor.example.gov.cn';
const BOT = { id: 100002, is_bot: true as const, first_name: 'Park Advisor', username: 'park_advisor_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false };

interface Sent {
  method: string;
  body: Record<string, unknown>;
}

let peer: Server;
let apiRoot: string;
const sent: Sent[] = [];
let messageId = 1;

beforeAll(async () => {
  peer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').at(-1) ?? '';
      const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      sent.push({ method, body });
      const result = method === 'sendMessage' ? { message_id: (messageId += 1), date: 0, chat: { id: body.chat_id, type: 'private' }, text: body.text } : true;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
  apiRoot = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => peer.close(resolve));
});

let updateId = 1;
function command(chatId: number, text: string): Update {
  const entity = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]?.length ?? 0 }] : undefined;
  return {
    update_id: (updateId += 1),
    message: {
      message_id: (updateId += 1),
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Applicant' },
      from: { id: chatId, is_bot: false, first_name: 'Applicant', language_code: 'zh-hans' },
      text,
      ...(entity ? { entities: entity } : {}),
    },
  } as Update;
}

describe('the Telegram result summary', () => {
  it('ends with the link to the result page when PUBLIC_URL is set, and the link opens the page', async () => {
    const store = new MemorySessionStore();
    const sessions = new ConversationSessions(store, () => '2026-11-23');
    const links = new ResultLinks(store, { publicUrl: PUBLIC_URL });
    const bot = createBot({ token: TOKEN, sessions, store, apiRoot, botInfo: BOT, resultLinks: links });
    const from = sent.length;
    await bot.handleUpdate(command(4242, '/start shandong'));
    await bot.handleUpdate(command(4242, '/results'));
    const messages = sent.slice(from).filter((s) => s.method === 'sendMessage');
    const last = messages.at(-1);
    const text = String(last?.body.text ?? '');
    const match = /https:\/\/advisor\.example\.gov\.cn(\/r\/[A-Za-z0-9_-]{43})/.exec(text);
    expect(match).not.toBeNull();
    expect(text).toContain(compiledTranslator('zh-CN', 'resultPage')('linkLine', { url: `${PUBLIC_URL}${match?.[1]}`, hours: 24 }).split('\n')[0]);
    expect(last?.body.reply_markup).toBeDefined(); // the results keyboard stays under the last message
    const app = createApp({ sessions, store, resultLinks: links, config: { rateLimitPerMinute: 0 } });
    const page = await request(app).get(match?.[1] ?? '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain(compiledTranslator('zh-CN', 'shandong')('name'));
  });

  it('carries no link without PUBLIC_URL', async () => {
    const store = new MemorySessionStore();
    const bot = createBot({ token: TOKEN, sessions: new ConversationSessions(store, () => '2026-11-23'), store, apiRoot, botInfo: BOT });
    const from = sent.length;
    await bot.handleUpdate(command(4343, '/start jilin'));
    await bot.handleUpdate(command(4343, '/results'));
    const texts = sent.slice(from).filter((s) => s.method === 'sendMessage').map((s) => String(s.body.text));
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.some((t) => t.includes('/r/'))).toBe(false);
  });
});
