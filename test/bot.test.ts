/**
 * The Telegram bot against `telegram-test-api`, a real Bot API peer over HTTP on loopback: the bot runs with
 * @grammyjs/runner (long polling, sequentialized per chat) and every call it makes goes to the emulator.
 *
 * The emulator lacks what the bot uses of files and commands: sendDocument, getFile, the file endpoint
 * (`/file/bot<token>/<path>`) and setMyCommands; a small recording proxy in front of it answers those (storing a
 * sent document as the bot's message, so it shows in the chat's history; serving the files a test's user sent)
 * and forwards every other call untouched. The proxy also records each call, which is how the tests see that every
 * callback query was answered.
 *
 * Proved here: whole conversations in Chinese (deep link, buttons, typed "1.2万平方米") and English (opening
 * buttons, typed figures) reach the result; /start's language and deep link; /back; /lang mid-way; /skip; a
 * stale button (answered, outdated, not counted twice); multi-choice toggles; a long result split under 4096
 * characters a message; /checklist with its Markdown document; HTML typed by a user escaped in the reply; an
 * unreachable store (an apology, and the next update handled); other failures (an apology, a log line without
 * personal data); changing an earlier answer (/answers, Change, a typed or pressed new answer sent as CHANGE,
 * a parse hint that keeps the change pending, a "what if" in the results, a stale Change button, Cancel and
 * /cancel); a Word file sent into the conversation (answers filled in with their lines, an answer given kept, what
 * the text does not ask left out; a PDF, a broken file, a file with nothing readable, a file before a text is
 * chosen: each told so, nothing lost); the webhook (wrong secret 401, right secret handled; setWebhook with the secret); and
 * startTelegram in both modes.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { Document as WordDocument, Packer, Paragraph } from 'docx';
import express from 'express';
import type { Bot } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import request from 'supertest';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/bot.js';
import { decodeAction } from '../src/bot/callbacks.js';
import { startTelegram } from '../src/bot/index.js';
import { ChatKeys } from '../src/bot/keys.js';
import { MESSAGE_LIMIT } from '../src/bot/html.js';
import { startPolling } from '../src/bot/polling.js';
import { SECRET_HEADER, registerWebhook, webhookRouter } from '../src/bot/webhook.js';
import { type Prompt, questionText } from '../src/flows/prompts.js';
import { questionById } from '../src/flows/questions.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { compiledTranslator } from '../src/i18n/compiled.js';
import type { Lang } from '../src/i18n/index.js';
import type { Facts } from '../src/rules/facts.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { type SessionStore, StoreUnavailableError } from '../src/store/types.js';
import { forward, readBody } from './support/bot-api.js';
// The emulator reads port 0 as 9000, so it must be given a real free one.
import { freePort } from './support/redis.js';
import { typed, valueFor } from './support/typing.js';

const TODAY = '2026-11-23';
const TOKEN = '100001:park-advisor-main';
const bt = (lang: Lang) => compiledTranslator(lang, 'bot');
const profile = (id: string) => JSON.parse(readFileSync(new URL(`../examples/${id}-eligible.json`, import.meta.url), 'utf8')) as Facts;

// ── the emulator and the recording proxy ─────────────────────────────────────────────────────────────────

interface ApiCall {
  token: string;
  method: string;
  body: Record<string, unknown>;
}

interface SentDocument {
  token: string;
  chatId: number;
  filename: string;
  caption: string;
  content: string;
}

interface Emulator {
  server: TelegramServer;
  /** Where the bot points `apiRoot`: the proxy in front of the emulator. */
  apiRoot: string;
  calls: ApiCall[];
  documents: SentDocument[];
  /** Files users sent, by file_id: what getFile describes and the file endpoint serves. */
  files: Map<string, Buffer>;
  close(): Promise<void>;
}

/** The parts of a multipart/form-data body, by name (enough of RFC 7578 for what grammY sends). */
function multipart(raw: Buffer, contentType: string): Map<string, { filename?: string; content: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const delimiter = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const parts = new Map<string, { filename?: string; content: Buffer }>();
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const name = /name="?([^";\r\n]+)"?/.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
    if (name) parts.set(name, { ...(filename ? { filename } : {}), content: part.subarray(split + 4) });
    start = next;
  }
  return parts;
}

async function startEmulator(): Promise<Emulator> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  const calls: ApiCall[] = [];
  const documents: SentDocument[] = [];
  const files = new Map<string, Buffer>();
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const contentType = req.headers['content-type'] ?? '';
      const route = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      // The Bot API's file endpoint: GET /file/bot<token>/<file_path>, the path getFile gave.
      const fileRoute = /^\/file\/bot([^/]+)\/documents\/(\w+)$/.exec(req.url ?? '');
      if (fileRoute) {
        const file = files.get(fileRoute[2] ?? '');
        res.writeHead(file ? 200 : 404, { 'content-type': 'application/octet-stream' });
        res.end(file ?? '');
        return;
      }
      if (route) {
        const [, token = '', method = ''] = route;
        if (contentType.startsWith('multipart/form-data')) {
          const parts = multipart(raw, contentType);
          const field = (name: string) => parts.get(name)?.content.toString('utf8') ?? '';
          const chatId = Number(field('chat_id'));
          const caption = field('caption');
          calls.push({ token, method, body: { chat_id: chatId, caption } });
          // grammY sends `document: attach://<part>` and the file as that part.
          const file = parts.get(field('document').replace(/^attach:\/\//, ''));
          if (method === 'sendDocument' && file?.filename) {
            const filename = file.filename;
            documents.push({ token, chatId, filename, caption, content: file.content.toString('utf8') });
            const message = server.addBotMessage({ chat_id: chatId, caption, document: { file_name: filename } } as never, token);
            return reply(200, { ok: true, result: { ...message, document: { file_id: `doc${message.message_id}`, file_unique_id: 'u', file_name: filename } } });
          }
          return reply(400, { ok: false, error_code: 400, description: 'Bad Request: unexpected upload' });
        }
        const body = raw.length > 0 && contentType.includes('json') ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
        calls.push({ token, method, body });
        if (method === 'setMyCommands') return reply(200, { ok: true, result: true });
        if (method === 'getFile') {
          const fileId = String(body.file_id);
          const file = files.get(fileId);
          if (!file) return reply(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
          return reply(200, { ok: true, result: { file_id: fileId, file_unique_id: `u${fileId}`, file_size: file.length, file_path: `documents/${fileId}` } });
        }
      }
      await forward(req, res, raw, server.config.apiURL);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const apiRoot = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    server,
    apiRoot,
    calls,
    documents,
    files,
    close: async () => {
      proxy.closeAllConnections();
      proxy.close();
      await server.stop();
    },
  };
}

// ── a bot on the emulator, and a person chatting with it ─────────────────────────────────────────────────

interface Running {
  token: string;
  bot: Bot;
  sessions: ConversationSessions;
  keys: ChatKeys;
  logs: Record<string, unknown>[];
  /** Updates sent to this bot, and updates it has finished handling. */
  counts: { sent: number; handled: number };
  stop(): Promise<void>;
}

/** Starts a bot with the runner on the emulator, counting the updates it has finished handling. */
async function launch(emulator: Emulator, token: string, store: SessionStore = new MemorySessionStore()): Promise<Running> {
  const sessions = new ConversationSessions(store, () => TODAY);
  const logs: Record<string, unknown>[] = [];
  const bot = createBot({ token, sessions, store, apiRoot: emulator.apiRoot, log: (entry) => logs.push({ ...entry }) });
  const counts = { sent: 0, handled: 0 };
  // An update is done when handleUpdate resolves, or, if it failed, when the error handler (bot.catch) is done.
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, envelope) => {
    await handleUpdate(update, envelope);
    counts.handled += 1;
  };
  const errorHandler = bot.errorHandler;
  bot.errorHandler = async (error) => {
    try {
      await errorHandler(error);
    } finally {
      counts.handled += 1;
    }
  };
  const handle = await startPolling(bot, { idleMs: 5 });
  return { token, bot, sessions, keys: new ChatKeys(token), logs, counts, stop: () => handle.stop() };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the emulator stored of one message the bot sent. */
interface BotMessage {
  id: number;
  text: string;
  keyboard: InlineKeyboardButton.CallbackButton[][];
}

let nextChatId = 5000;

/** One person in a private chat with a running bot. */
class Chat {
  readonly chatId = nextChatId++;
  readonly client;
  #mark = 0;

  constructor(
    readonly emulator: Emulator,
    readonly running: Running,
    readonly languageCode: string,
    type: 'private' | 'group' = 'private',
  ) {
    this.client = emulator.server.getClient(running.token, { chatId: this.chatId, userId: this.chatId, firstName: 'Xiaoming', userName: 'xiaoming_wang', type });
  }

  get #from() {
    return { from: { language_code: this.languageCode } };
  }

  /** Sends an update and waits until the bot has finished handling it. */
  async #deliver(send: () => Promise<unknown>): Promise<BotMessage[]> {
    this.#mark = this.messages().length;
    this.running.counts.sent += 1;
    await send();
    await until(() => this.running.counts.handled >= this.running.counts.sent, 'the bot to handle the update');
    return this.messages().slice(this.#mark);
  }

  command(text: string): Promise<BotMessage[]> {
    return this.#deliver(() => this.client.sendCommand(this.client.makeCommand(text, this.#from)));
  }

  /** Sends a sticker (a message without text). */
  sticker(): Promise<BotMessage[]> {
    const { text: _text, ...message } = this.client.makeMessage('', this.#from);
    return this.#deliver(() => this.client.sendMessage({ ...message, sticker: { file_id: 'sticker' } } as never));
  }

  /** Sends a file as Telegram delivers it: a message with a document, its bytes behind getFile. */
  document(fileName: string, content: Buffer, mimeType?: string): Promise<BotMessage[]> {
    const fileId = `f${this.chatId}x${this.emulator.files.size}`;
    this.emulator.files.set(fileId, content);
    const { text: _text, ...message } = this.client.makeMessage('', this.#from);
    const document = { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, file_size: content.length, ...(mimeType ? { mime_type: mimeType } : {}) };
    return this.#deliver(() => this.client.sendMessage({ ...message, document } as never));
  }

  say(text: string): Promise<BotMessage[]> {
    return this.#deliver(() => this.client.sendMessage(this.client.makeMessage(text, this.#from)));
  }

  /**
   * Presses a button of message `messageId` (as Telegram sends it: with the message the keyboard is on), and
   * checks that the bot answered the callback query exactly once.
   */
  async press(data: string, messageId: number): Promise<BotMessage[]> {
    const answered = this.answers().length;
    const messages = await this.#deliver(() => this.client.sendCallback(this.client.makeCallbackQuery(data, { ...this.#from, message: { message_id: messageId } })));
    expect(this.answers().length, `callback ${data} answered once`).toBe(answered + 1);
    return messages;
  }

  /** Every message the bot sent to this chat, as currently stored (edits included). */
  messages(): BotMessage[] {
    return this.emulator.server.storage.botMessages
      .filter((m) => m.botToken === this.running.token && Number(m.message.chat_id) === this.chatId)
      .map((m) => {
        const markup = m.message.reply_markup as InlineKeyboardMarkup | undefined;
        const message = m.message as { text?: string; caption?: string };
        return {
          id: m.messageId,
          text: message.text ?? message.caption ?? '',
          keyboard: (markup?.inline_keyboard ?? []) as InlineKeyboardButton.CallbackButton[][],
        };
      });
  }

  /** The newest message with buttons. */
  live(): BotMessage {
    const message = this.messages().findLast((m) => m.keyboard.flat().length > 0);
    if (!message) throw new Error('no message with a keyboard');
    return message;
  }

  /** Presses the live keyboard's button whose data satisfies `match`. */
  async tap(match: (data: string, label: string) => boolean): Promise<BotMessage[]> {
    const live = this.live();
    const button = live.keyboard.flat().find((b) => match(b.callback_data, b.text));
    if (!button) throw new Error(`no such button in ${JSON.stringify(live.keyboard)}`);
    return this.press(button.callback_data, live.id);
  }

  /** The question the live keyboard belongs to ('' in results). */
  question(): string {
    const data = this.live().keyboard.flat().map((b) => b.callback_data).find((d) => /^[ajtdsbrcn]\|/.test(d));
    return data?.split('|')[1] ?? '';
  }

  /** Callback queries of this bot answered so far, with their texts. */
  answers(): { id: string; text?: string }[] {
    return this.emulator.calls
      .filter((c) => c.token === this.running.token && c.method === 'answerCallbackQuery')
      .map((c) => ({ id: String(c.body.callback_query_id), ...(typeof c.body.text === 'string' ? { text: c.body.text } : {}) }));
  }

  /** The conversation as stored (to check what was counted). */
  async view() {
    return this.running.sessions.get(this.running.keys.session(this.chatId));
  }
}

/** Answers every question from `facts`: buttons for choices, yes/no and multi choices, typed figures. */
async function answerAll(chat: Chat, facts: Facts, lang: Lang): Promise<BotMessage[]> {
  let last: BotMessage[] = [];
  for (let turn = 0; turn < 80; turn++) {
    const questionId = chat.question();
    if (questionId === '') return last; // the results keyboard
    const spec = questionById(questionId);
    if (!spec) throw new Error(`unknown question ${questionId}`);
    const prompt = { questionId, kind: spec.kind } as Prompt;
    const value = valueFor(prompt, facts);
    const index = (v: unknown) => (spec.kind === 'boolean' ? (v ? 0 : 1) : (spec.options ?? []).indexOf(v as string));
    if (value === undefined) last = await chat.tap((d) => d.startsWith('s|'));
    else if (spec.kind === 'boolean' || spec.kind === 'choice') last = await chat.tap((d) => d.startsWith('a|') && d.endsWith(`|${index(value).toString(36)}`));
    else if (spec.kind === 'multi') {
      for (const v of value as string[]) await chat.tap((d) => d.startsWith('t|') && d.endsWith(`|${index(v).toString(36)}`));
      last = await chat.tap((d) => d.startsWith('d|'));
    } else last = await chat.say(typed(prompt, value, lang, 0));
    const view = await chat.view();
    expect(view?.error, `${questionId} = ${JSON.stringify(value)}`).toBeUndefined();
  }
  throw new Error('the conversation did not end');
}

// ── the tests ────────────────────────────────────────────────────────────────────────────────────────────

let emulator: Emulator;
let running: Running;

beforeAll(async () => {
  emulator = await startEmulator();
  running = await launch(emulator, TOKEN);
});

afterAll(async () => {
  await running?.stop();
  await emulator?.close();
});

describe('a whole conversation', () => {
  it('in Chinese: a deep link presets Shandong; buttons and typed figures reach the result', { timeout: 20_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-hans');
    const opening = await chat.command('/start shandong');
    expect(opening).toHaveLength(1);
    expect(opening[0]?.text).toContain(bt('zh-CN')('start.preset', { name: compiledTranslator('zh-CN', 'shandong')('name') }));
    expect(chat.question()).toBe('layout');
    const single = compiledTranslator('zh-CN', 'facts')('layout.values.single');
    expect(opening[0]?.keyboard.flat().map((b) => b.text)).toContain(single);

    // The first answer by button: the pressed keyboard is marked with the answer and the press answered.
    const layout = chat.live();
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    expect(chat.messages().find((m) => m.id === layout.id)?.keyboard).toEqual([[{ text: `✓ ${single}`, callback_data: 'x' }]]);

    // A figure typed as people type it: parsed, and shown back as understood.
    while (chat.question() !== 'floorArea') await answerAll1(chat, profile('shandong'));
    const area = chat.live();
    const reply = await chat.say('1.2万平方米');
    expect(reply[0]?.text).not.toContain('⚠️');
    expect(chat.messages().find((m) => m.id === area.id)?.keyboard.flat()[0]?.text).toBe('✓ 12,000 平方米');

    const end = await answerAll(chat, profile('shandong'), 'zh-CN');
    const result = end.map((m) => m.text).join('\n');
    expect(result).toContain('结论：符合申报条件');
    expect(result).toContain('申报材料清单');
    expect(result).toContain('办理程序');
    expect((await chat.view())?.state).toBe('results');
  });

  it('in English: the opening buttons choose Wenzhou; the interview reaches the result; /checklist sends the file', { timeout: 20_000 }, async () => {
    const chat = new Chat(emulator, running, 'en-GB');
    const [opening] = await chat.command('/start');
    expect(opening?.text).toContain('Which jurisdiction are you applying in?');
    expect(chat.question()).toBe('jurisdiction');
    await chat.tap((_, label) => label.startsWith('Wenzhou'));
    expect(chat.question()).toBe('layout');
    expect(chat.live().text).toContain('Question 1 of about');

    const end = await answerAll(chat, profile('wenzhou'), 'en');
    expect(end.map((m) => m.text).join('\n')).toContain('Verdict: Meets the conditions to apply');
    expect(end.at(-1)?.keyboard.flat().map((b) => b.callback_data)).toContain('k');

    const sent = await chat.command('/checklist');
    expect(sent.at(0)?.text).toContain('Checklist of materials · Wenzhou');
    const document = emulator.documents.find((d) => d.chatId === chat.chatId);
    expect(document?.filename).toBe(`checklist-wenzhou-${TODAY}.md`);
    expect(document?.caption).toBe(bt('en')('checklist.caption'));
    expect(document?.content).toMatch(/^# Checklist of materials · Wenzhou/);
    expect(document?.content).toContain('\n- [ ] ');
    expect(document?.content).toContain('## Procedure');

    // The results keyboard's checklist button does the same.
    const before = emulator.documents.length;
    await chat.tap((d) => d === 'k');
    expect(emulator.documents.length).toBe(before + 1);
  });
});

/** Answers the live question from `facts` (one step of answerAll). */
async function answerAll1(chat: Chat, facts: Facts): Promise<void> {
  const questionId = chat.question();
  const spec = questionById(questionId);
  const value = valueFor({ questionId } as Prompt, facts);
  if (!spec || value === undefined) {
    await chat.tap((d) => d.startsWith('s|'));
    return;
  }
  if (spec.kind === 'boolean') await chat.tap((d) => d.startsWith('a|') && d.endsWith(value ? '|0' : '|1'));
  else if (spec.kind === 'choice') await chat.tap((d) => d.startsWith('a|') && d.endsWith(`|${(spec.options ?? []).indexOf(value as string).toString(36)}`));
  else await chat.say(typed({ questionId, kind: spec.kind } as Prompt, value, 'zh-CN', 0));
}

describe('commands', () => {
  it('/start follows the Telegram language: zh* → Chinese, anything else → English', async () => {
    const zh = await new Chat(emulator, running, 'zh-TW').command('/start');
    expect(zh[0]?.text).toContain('请选择要申报的地区');
    const de = await new Chat(emulator, running, 'de').command('/start');
    expect(de[0]?.text).toContain('Which jurisdiction are you applying in?');
    const unknown = await new Chat(emulator, running, 'en').command('/start nowhere');
    expect(unknown[0]?.text).toContain(bt('en')('start.unknownLink'));
  });

  it('in a group, /start points to a private chat and other messages are left alone', async () => {
    const group = new Chat(emulator, running, 'en', 'group');
    expect((await group.command('/start')).map((m) => m.text)).toEqual([bt('en')('privateOnly')]);
    expect(await group.say('hello everyone')).toEqual([]);
  });

  it('says the text applied from the first message; "我们在乐清" offers Wenzhou, one tap switches, answers kept; the change button too', { timeout: 10_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    const first = await chat.command('/start shandong');
    expect(first.at(-1)?.text).toContain('📘 按《山东省省级人力资源服务产业园管理暂行办法》逐条核对');
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    const offered = await chat.say('我们在乐清');
    expect(offered.at(-1)?.text).toContain('“我们在乐清”属于温州市');
    expect((await chat.view())?.jurisdiction).toBe('shandong');
    const switched = await chat.tap((d, label) => d.startsWith('p|') && label.includes('温州市'));
    expect(switched.map((m) => m.text).join('\n')).toContain('已改为按《温州市市级人力资源服务产业园建设和评估办法（试行）》核对');
    const view = await chat.view();
    expect(view?.jurisdiction).toBe('wenzhou');
    expect(view?.answers.map((a) => a.questionId)).toEqual(['layout']);

    // From the first question, the change button lists the other four texts.
    const other = new Chat(emulator, running, 'zh-CN');
    await other.command('/start wenzhou');
    const menu = await other.tap((d) => d.startsWith('w|'));
    expect(menu.at(-1)?.keyboard.flat().map((b) => b.text)).toHaveLength(4);
    await other.tap((d, label) => d.startsWith('p|') && label.includes('吉林'));
    expect((await other.view())?.jurisdiction).toBe('jilin');
  });

  it('/back undoes the last answer and asks that question again', async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    expect(chat.question()).toBe('locationType');
    const back = await chat.command('/back');
    expect(back.at(-1)?.text).toContain(compiledTranslator('zh-CN', 'questions')('layout.text'));
    expect(chat.question()).toBe('layout');
    expect((await chat.view())?.answers).toEqual([]);
    // The back button does the same.
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    await chat.tap((d) => d.startsWith('b|'));
    expect(chat.question()).toBe('layout');
    expect((await chat.view())?.answers).toEqual([]);
  });

  it('/lang mid-way: the next prompt is in the new language, and stays so', async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    const english = await chat.command('/lang en');
    expect(english.at(-1)?.text).toContain('Switched to English.');
    expect(english.at(-1)?.text).toContain('Where is the park located?');
    expect(chat.live().keyboard.flat().map((b) => b.text)).toContain('a prefecture-level city');
    // The Telegram language (zh) no longer decides: the next turn is still in English.
    const next = await chat.tap((d) => d.startsWith('a|locationType|') && d.endsWith('|0'));
    expect(next.at(-1)?.text).toMatch(/Question 3 of about/);
    // /lang without an argument offers both; pressing 中文 switches back.
    const offer = await chat.command('/lang');
    expect(offer[0]?.keyboard.flat().map((b) => b.callback_data)).toEqual(['l|zh-CN', 'l|en']);
    const chinese = await chat.tap((d) => d === 'l|zh-CN');
    expect(chinese.at(-1)?.text).toContain('已切换为中文。');
    expect(chinese.at(-1)?.text).toContain('第 3 题');
    expect(chat.messages().find((m) => m.id === offer[0]?.id)?.keyboard).toEqual([]);
  });

  it('/skip leaves the question unknown and moves on; the skip button too', async () => {
    const chat = new Chat(emulator, running, 'en');
    await chat.command('/start jilin');
    const first = chat.question();
    const asked = chat.live();
    await chat.command('/skip');
    expect(chat.question()).not.toBe(first);
    expect((await chat.view())?.answers).toEqual([expect.objectContaining({ questionId: first, skipped: true })]);
    expect(chat.messages().find((m) => m.id === asked.id)?.keyboard.flat()[0]?.text).toBe("✓ Don't know");
    const second = chat.question();
    await chat.tap((d) => d.startsWith('s|'));
    expect((await chat.view())?.answers.map((a) => [a.questionId, a.skipped])).toEqual([
      [first, true],
      [second, true],
    ]);
  });

  it('a month for the day of a revocation: its one follow-up with its own buttons, answered by a tap', { timeout: 10_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    for (let i = 0; i < 40 && chat.question() !== 'previousOutcome'; i++) await chat.command('/skip');
    await chat.say('被撤销了');
    const replies = await chat.say('2023年11月');
    expect(replies.map((m) => m.text).join('\n')).toContain('按 2023年11月计。');
    expect(chat.question()).toBe('settle.previousOutcomeDate');
    expect(chat.live().text).toContain('是否在 2023-11-22 或之前？');
    await chat.tap((_data, text) => text === '是');
    expect((await chat.view())?.answers.find((a) => a.questionId === 'previousOutcomeDate')?.answer).toBe('2023-11-01 至 2023-11-22 之间');
  });

  it('/results at any time; /help; an unknown command; a sticker', async () => {
    const chat = new Chat(emulator, running, 'en');
    await chat.command('/start shandong');
    const results = await chat.command('/results');
    expect(results[0]?.text).toContain('Here is the result from your answers so far');
    expect(results.at(-1)?.keyboard.flat().map((b) => b.text)).toEqual(expect.arrayContaining(['▶ Continue', '🔁 Start again']));
    // Continue goes back to the interview.
    await chat.tap((d) => d.startsWith('c|'));
    expect(chat.question()).toBe('layout');
    const help = await chat.command('/help');
    expect(help[0]?.text).toContain('/checklist — ');
    const unknown = await chat.command('/frobnicate');
    expect(unknown[0]?.text).toBe(bt('en')('unknownCommand'));
    const sticker = await chat.sticker();
    expect(sticker[0]?.text).toBe(bt('en')('unsupported'));
  });
});

describe('buttons', () => {
  it('a press on an outdated keyboard is answered, said to be outdated, and never counted twice', async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    const layout = chat.live();
    const yes = layout.keyboard.flat().find((b) => b.callback_data.startsWith('a|layout|'));
    if (!yes) throw new Error('no option button');
    await chat.press(yes.callback_data, layout.id);
    const answered = chat.answers().length;
    const again = await chat.press(yes.callback_data, layout.id);
    expect(again).toEqual([]); // nothing new said in the chat
    expect(chat.answers()).toHaveLength(answered + 1);
    expect(chat.answers().at(-1)?.text).toBe(bt('zh-CN')('outdated'));
    expect((await chat.view())?.answers.map((a) => a.questionId)).toEqual(['layout']);
    // Even after /back makes layout current again, the old keyboard's back button stays outdated.
    const location = chat.live();
    const back = location.keyboard.flat().find((b) => b.callback_data.startsWith('b|'));
    await chat.command('/back');
    await chat.press(back?.callback_data ?? '', location.id);
    expect(chat.answers().at(-1)?.text).toBe(bt('zh-CN')('outdated'));
    expect((await chat.view())?.prompt?.questionId).toBe('layout');
    // Data the bot never made is outdated too.
    await chat.press('a|layout|zzzzzz|0', layout.id);
    expect(chat.answers().at(-1)?.text).toBe(bt('zh-CN')('outdated'));
  });

  it('multi choices toggle in the keyboard and are taken with Done', { timeout: 10_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    while (chat.question() !== 'supportingServices') await answerAll1(chat, profile('shandong'));
    const message = chat.live();
    await chat.tap((d) => d.startsWith('t|') && d.endsWith('|0'));
    await chat.tap((d) => d.startsWith('t|') && d.endsWith('|1'));
    await chat.tap((d) => d.startsWith('t|') && d.endsWith('|1')); // off again
    const labels = chat.messages().find((m) => m.id === message.id)?.keyboard.flat().map((b) => b.text) ?? [];
    expect(labels[0]).toMatch(/^☑ /);
    expect(labels[1]).toMatch(/^☐ /);
    const done = await chat.tap((d) => d.startsWith('d|'));
    expect(done.at(-1)?.text).not.toContain('⚠️');
    const taken = (await chat.view())?.answers.find((a) => a.questionId === 'supportingServices');
    expect(taken?.answer).toBe('会议');
    expect(chat.messages().find((m) => m.id === message.id)?.keyboard).toEqual([[{ text: '✓ 会议', callback_data: 'x' }]]);
  });
});

describe('messages', () => {
  it('splits a long result into several messages of at most 4096 characters', async () => {
    const chat = new Chat(emulator, running, 'en');
    await chat.command('/start wenzhou');
    const results = await chat.command('/results');
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const message of results) expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const text = results.map((m) => m.text).join('\n\n');
    expect(text).toContain('<b>Conditions still to be confirmed</b>');
    expect(text).toContain('<b>Checklist of materials</b>');
    // Only the last message carries the keyboard; each message has balanced tags.
    expect(results.slice(0, -1).every((m) => m.keyboard.length === 0)).toBe(true);
    for (const message of results) expect((message.text.match(/<b>/g) ?? []).length).toBe((message.text.match(/<\/b>/g) ?? []).length);
  });

  it('escapes HTML the user typed when the reply quotes it', async () => {
    const chat = new Chat(emulator, running, 'en');
    await chat.command('/start');
    const [reply] = await chat.say('<script>alert("x")</script> & co');
    expect(reply?.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(reply?.text).not.toContain('<script>');
    const call = emulator.calls.findLast((c) => c.token === TOKEN && c.method === 'sendMessage');
    expect(call?.body.parse_mode).toBe('HTML');
  });

  it('shows the parse hint for a figure it cannot read, and the feedback for an unmet condition', async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    while (chat.question() !== 'floorArea') await answerAll1(chat, profile('shandong'));
    const [hint] = await chat.say('很大');
    expect(hint?.text).toMatch(/⚠️ /);
    expect(chat.question()).toBe('floorArea');
    const [feedback] = await chat.say('9999平方米');
    expect(feedback?.text).toContain('📌 ');
    expect(feedback?.text).toContain('还差 1 平方米');
  });

  it('takes approximate answers: says how each was taken, and one follow-up with 是 / 否 / 不清楚 buttons', async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    await chat.say('就一个园区');
    await chat.say('地级市');
    expect(chat.question()).toBe('floorArea');
    const [range] = await chat.say('约1万平方米');
    expect(range?.text).toContain('✔️ 按 9,000–11,000 平方米计。');
    expect(range?.text).toContain('是否不少于 10,000 平方米？');
    expect(chat.question()).toBe('settle.floorArea');
    expect(chat.live().keyboard[0]?.map((b) => b.text)).toEqual(['是', '否', '不清楚']);
    const [narrowed] = await chat.tap((data, label) => label === '否' && data.includes('settle.floorArea'));
    expect(narrowed?.text).toContain('✔️ 按 9,000–9,999.99 平方米计。');
    expect(narrowed?.text).toContain('📌 ');
    expect(chat.question()).toBe('occupiedArea');
    const [decided] = await chat.say('8000左右');
    expect(decided?.text).toContain('✔️ 按 7,200–8,800 平方米计。');
    expect(chat.question()).not.toMatch(/^settle\./);
  });
});

describe('a Word file sent into the conversation', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const word = (...lines: string[]) => Packer.toBuffer(new WordDocument({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));

  it('fills the questions not answered yet, quoting each line; an answer given stands; then the next question', { timeout: 20_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh');
    await chat.command('/start shandong');
    expect(chat.question()).toBe('layout');
    await chat.say('一个园区');
    const file = await word('园区布局：一核两园', '园区总建筑面积1.2万平方米，入驻人力资源服务机构32家，其中经营性人力资源服务机构25家。', '入园企业总数40家', '专职工作人员：6人');
    const replies = await chat.document('申报书.docx', file, DOCX);
    const text = replies.map((m) => m.text).join('\n');
    expect(text).toContain('从“申报书.docx”读出并填入 3 项回答');
    expect(text).toContain('1.2万平方米（原文：“园区总建筑面积1.2万平方米，入驻人力资源服务机构32家，其中经营性人力资源服务机构25家。”）');
    // 一个园区 was answered: the file's 一核两园 does not replace it.
    expect(text).toContain('以下 1 项您已回答过，保留您的回答');
    // Shandong asks for 经营性 institutions, not all of them, nor for every enterprise in the park.
    expect(text).toContain('文件中另有 2 项不是本办法询问的内容，未填入。');
    const view = await chat.view();
    const answer = (id: string) => view?.answers.find((a) => a.questionId === id)?.answer;
    expect(answer('layout')).toBe('设立一个园区');
    expect(answer('floorArea')).toBe('12,000 平方米');
    expect(answer('commercialHrInstitutions')).toBe('25 家');
    expect(answer('fullTimeStaff')).toBe('6 人');
    expect(answer('hrInstitutions')).toBeUndefined();
    // The next question is asked, with its keyboard, and it is none of those the file answered.
    expect(['floorArea', 'commercialHrInstitutions', 'fullTimeStaff', 'layout']).not.toContain(view?.prompt?.questionId);
    expect(replies.at(-1)?.keyboard.flat().length).toBeGreaterThan(0);
  });

  it('a file that is not Word, cannot be read, or says nothing readable: told so in the user\'s language, nothing lost', { timeout: 20_000 }, async () => {
    const chat = new Chat(emulator, running, 'en');
    await chat.command('/start wenzhou');
    await chat.say('one site');
    const before = (await chat.view())?.answers;
    expect((await chat.document('notes.pdf', Buffer.from('%PDF-1.4'), 'application/pdf')).map((m) => m.text)).toEqual([bt('en')('document.notWord')]);
    expect((await chat.document('broken.docx', Buffer.from('not a zip archive'), DOCX)).map((m) => m.text)).toEqual([bt('en')('document.notWord')]);
    expect((await chat.document('hello.docx', await word('Hello, nice to meet you.'))).map((m) => m.text)).toEqual([
      bt('en')('document.nothingFound', { file: 'hello.docx' }),
    ]);
    expect((await chat.view())?.answers).toEqual(before);
    // Before a text is chosen, the file cannot be read against its questions.
    const fresh = new Chat(emulator, running, 'zh');
    await fresh.command('/start');
    expect((await fresh.document('申报书.docx', await word('园区总建筑面积1.2万平方米'), DOCX)).map((m) => m.text)).toEqual([bt('zh-CN')('document.chooseFirst')]);
  });
});

describe('changing an earlier answer', () => {
  const zh = bt('zh-CN');
  /** The Change button of the answer to `questionId` in the newest answers list, and that list. */
  async function changeButton(chat: Chat, list: BotMessage, questionId: string) {
    const index = (await chat.view())?.answers.findIndex((a) => a.questionId === questionId) ?? -1;
    expect(index, `${questionId} answered`).toBeGreaterThanOrEqual(0);
    const button = list.keyboard.flat().find((b) => b.text === zh('buttons.change', { n: index + 1 }));
    if (!button) throw new Error(`no Change button ${index + 1} in ${JSON.stringify(list.keyboard)}`);
    expect(decodeAction(button.callback_data)).toMatchObject({ op: 'change', index });
    return button;
  }

  it('/answers lists the answers; Change re-asks a figure; a parse hint keeps the change; a short figure shows the gap', { timeout: 10_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    while (chat.question() !== 'floorArea') await answerAll1(chat, profile('shandong'));
    await chat.say('1.2万平方米');
    const current = chat.question();
    expect(current).not.toBe('floorArea');
    const asked = chat.live();

    const [list] = await chat.command('/answers');
    if (!list) throw new Error('no answers list');
    expect(list.text).toContain(`<b>${zh('answers.heading')}</b>`);
    expect(list.text).toContain(`${compiledTranslator('zh-CN', 'questions')('floorArea.text')} — <b>12,000 平方米</b>`);
    expect(list.text).toMatch(/^1\. /m);
    // The list does not take the question's buttons away.
    expect(chat.messages().find((m) => m.id === asked.id)?.keyboard.length).toBeGreaterThan(0);

    const [prompt] = await chat.press((await changeButton(chat, list, 'floorArea')).callback_data, list.id);
    expect(prompt?.text).toContain(zh('change.heading'));
    expect(prompt?.text).toContain(`${zh('change.current')}<b>12,000 平方米</b>`);
    expect(prompt?.text).toContain(compiledTranslator('zh-CN', 'questions')('floorArea.text'));
    expect(prompt?.text).toContain(zh('hints.number', { example: '1.2万平方米' }));
    expect(prompt?.keyboard.flat().map((b) => b.callback_data.split('|').slice(0, 2).join('|'))).toEqual(['y|floorArea', 'q|floorArea']);
    expect(chat.messages().find((m) => m.id === list.id)?.keyboard).toEqual([]);

    // Not a figure: the hint, and the same question asked again as a change.
    const [hint] = await chat.say('很大');
    expect(hint?.text).toMatch(/^⚠️ /);
    expect(hint?.text).toContain(zh('change.heading'));
    expect((await chat.view())?.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('12,000 平方米');

    // A figure short of the threshold: taken as a change, with the gap; the interview goes on where it was.
    const changed = await chat.say('9999平方米');
    const text = changed.map((m) => m.text).join('\n');
    expect(text).toContain(zh('change.done', { question: compiledTranslator('zh-CN', 'questions')('floorArea.text'), answer: '9,999 平方米' }));
    expect(text).toContain('📌 ');
    expect(text).toContain('还差 1 平方米');
    expect(chat.question()).toBe(current);
    expect(chat.messages().find((m) => m.id === hint?.id)?.keyboard.flat()[0]?.text).toBe('✓ 9,999 平方米');
    const view = await chat.view();
    expect(view?.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('9,999 平方米');
    expect(view?.prompt?.questionId).toBe(current);

    const [again] = await chat.command('/answers');
    expect(again?.text).toContain('— <b>9,999 平方米</b>');
    // The next typed text answers the question asked now, not the change.
    expect(await chat.say('8000平方米')).toHaveLength(1);
    expect((await chat.view())?.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('9,999 平方米');
  });

  it('in the results, "My answers" → Change annualRevenue to 4.9亿: the verdict becomes 暂不符合', { timeout: 20_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    const end = await answerAll(chat, profile('shandong'), 'zh-CN');
    expect(end.map((m) => m.text).join('\n')).toContain('结论：符合申报条件');
    const results = chat.live();
    expect(results.keyboard.flat().find((b) => b.callback_data === 'm')?.text).toBe(zh('buttons.answers'));

    const [list] = await chat.tap((d) => d === 'm');
    if (!list) throw new Error('no answers list');
    expect(list.text).toContain('6.2 亿元');
    expect(chat.messages().find((m) => m.id === results.id)?.keyboard.length).toBeGreaterThan(0); // results keep their buttons
    await chat.press((await changeButton(chat, list, 'annualRevenue')).callback_data, list.id);
    expect(chat.messages().find((m) => m.id === results.id)?.keyboard).toEqual([]); // the change prompt is the live keyboard now

    const whatIf = await chat.say('4.9亿');
    const text = whatIf.map((m) => m.text).join('\n');
    expect(text).toContain('结论：暂不符合申报条件');
    // Shandong's own wording (第十二条（三）: 园区年营业收入), not Wenzhou's 上一年度（含代收代付）.
    expect(text).toContain(zh('change.done', { question: questionText(questionById('annualRevenue')!, 'zh-CN', 'shandong'), answer: '4.9 亿元' }));
    expect(text).toContain('园区年营业收入是多少？');
    const view = await chat.view();
    expect(view?.state).toBe('results');
    expect(view?.answers.find((a) => a.questionId === 'annualRevenue')?.answer).toBe('4.9 亿元');
    expect(whatIf.at(-1)?.keyboard.flat().map((b) => b.callback_data)).toContain('m');
    // Typed text in the results, with no change pending, is not taken as one.
    await chat.say('6.2亿');
    expect((await chat.view())?.answers.find((a) => a.questionId === 'annualRevenue')?.answer).toBe('4.9 亿元');
  });

  it('a Change button from before /restart is outdated and changes nothing', async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    const [list] = await chat.command('/answers');
    if (!list) throw new Error('no answers list');
    const button = await changeButton(chat, list, 'layout');
    await chat.command('/restart');
    expect((await chat.view())?.answers).toEqual([]);
    const pressed = await chat.press(button.callback_data, list.id);
    expect(pressed).toEqual([]);
    expect(chat.answers().at(-1)?.text).toBe(zh('outdated'));
    expect(chat.messages().find((m) => m.id === list.id)?.keyboard).toEqual([]);
    expect((await chat.view())?.answers).toEqual([]);
    expect(chat.question()).toBe('layout');
    // Typed text now answers the question asked, as usual.
    await chat.say('1');
    expect((await chat.view())?.answers.map((a) => a.questionId)).toEqual(['layout']);
  });

  it('Cancel and /cancel leave the answer unchanged; a button of the change prompt changes a choice', { timeout: 10_000 }, async () => {
    const chat = new Chat(emulator, running, 'zh-CN');
    await chat.command('/start shandong');
    await chat.tap((d) => d.startsWith('a|layout|') && d.endsWith('|0'));
    await chat.tap((d) => d.startsWith('a|locationType|') && d.endsWith('|0'));
    const current = chat.question();
    const before = (await chat.view())?.answers;

    // The Cancel button: said so, the question asked now shown again with its buttons.
    let [list] = await chat.command('/answers');
    await chat.press((await changeButton(chat, list!, 'locationType')).callback_data, list!.id);
    const prompt = chat.live();
    expect(prompt.keyboard.flat().filter((b) => b.callback_data.startsWith('v|locationType|')).length).toBeGreaterThan(1);
    const cancelled = await chat.tap((d) => d.startsWith('q|locationType|'));
    expect(cancelled.at(-1)?.text).toContain(zh('change.cancelled'));
    expect(chat.question()).toBe(current);
    expect((await chat.view())?.answers).toEqual(before);
    expect(chat.messages().find((m) => m.id === prompt.id)?.keyboard).toEqual([]);
    // The cancelled prompt's buttons are outdated now.
    const option = prompt.keyboard.flat().find((b) => b.callback_data.startsWith('v|'));
    expect(await chat.press(option?.callback_data ?? '', prompt.id)).toEqual([]);
    expect(chat.answers().at(-1)?.text).toBe(zh('outdated'));
    expect((await chat.view())?.answers).toEqual(before);

    // /cancel: the same; afterwards typed text answers the question asked now.
    [list] = await chat.command('/answers');
    await chat.press((await changeButton(chat, list!, 'locationType')).callback_data, list!.id);
    const [said] = await chat.command('/cancel');
    expect(said?.text).toContain(zh('change.cancelled'));
    expect((await chat.view())?.answers).toEqual(before);
    expect((await chat.command('/cancel'))[0]?.text).toBe(zh('change.nothing'));

    // A button of the change prompt: the choice changes, the prompt is marked with it.
    [list] = await chat.command('/answers');
    await chat.press((await changeButton(chat, list!, 'locationType')).callback_data, list!.id);
    const changePrompt = chat.live();
    const other = changePrompt.keyboard.flat().find((b) => b.callback_data.startsWith('v|locationType|') && b.callback_data.endsWith('|1'));
    const done = await chat.press(other?.callback_data ?? '', changePrompt.id);
    expect(done.at(0)?.text).toContain(zh('change.done', { question: compiledTranslator('zh-CN', 'questions')('locationType.text'), answer: other?.text ?? '' }));
    expect((await chat.view())?.answers.find((a) => a.questionId === 'locationType')?.answer).toBe(other?.text);
    expect(chat.messages().find((m) => m.id === changePrompt.id)?.keyboard.flat()[0]?.text).toBe(`✓ ${other?.text}`);
  });

  it('/help mentions /answers and /cancel', async () => {
    const chat = new Chat(emulator, running, 'en');
    const [help] = await chat.command('/help');
    expect(help?.text).toContain(`/answers — ${bt('en')('commands.answers')}`);
    expect(help?.text).toContain('/cancel — ');
    await chat.command('/start');
    expect((await chat.command('/answers'))[0]?.text).toBe(bt('en')('answers.none'));
  });
});

/** A store that can be made unreachable, as Redis is when it is down. */
class FlakyStore extends MemorySessionStore {
  down = false;
  #check(): void {
    if (this.down) throw new StoreUnavailableError();
  }
  override async get<T>(id: string) {
    this.#check();
    return super.get<T>(id);
  }
  override async create<T>(id: string, schemaVersion: number, data: T) {
    this.#check();
    return super.create(id, schemaVersion, data);
  }
  override async update<T>(id: string, expectedVersion: number, schemaVersion: number, data: T) {
    this.#check();
    return super.update(id, expectedVersion, schemaVersion, data);
  }
  override async delete(id: string) {
    this.#check();
    return super.delete(id);
  }
}

describe('failures', () => {
  it('an unreachable store: the user is told, and the next update is handled normally', async () => {
    const store = new FlakyStore();
    const flaky = await launch(emulator, '100002:park-advisor-flaky', store);
    try {
      const chat = new Chat(emulator, flaky, 'zh-CN');
      await chat.command('/start shandong');
      const layout = chat.live();
      store.down = true;
      const down = await chat.command('/start');
      expect(down.map((m) => m.text)).toEqual([bt('zh-CN')('errors.storeUnavailable')]);
      const pressed = await chat.tap((d) => d.startsWith('a|layout|'));
      expect(pressed.map((m) => m.text)).toEqual([bt('zh-CN')('errors.storeUnavailable')]);
      expect(chat.answers().at(-1)?.text).toBe(bt('zh-CN')('errors.storeUnavailable'));
      expect(flaky.logs.at(-1)).toMatchObject({ level: 'warn', msg: 'session store unavailable', error: 'StoreUnavailableError' });
      store.down = false;
      await chat.press(layout.keyboard.flat()[0]?.callback_data ?? '', layout.id);
      expect(chat.question()).toBe('locationType');
      const again = await chat.command('/start');
      expect(again[0]?.text).toContain('请选择要申报的地区');
    } finally {
      await flaky.stop();
    }
  });

  it('any other failure: an apology in the user language, and a log line without personal data', async () => {
    const store = new MemorySessionStore();
    const broken = await launch(emulator, '100003:park-advisor-broken', store);
    try {
      const chat = new Chat(emulator, broken, 'en');
      await chat.command('/start');
      store.get = async () => {
        throw new Error(`cannot read ${chat.chatId} for Xiaoming`);
      };
      const [apology] = await chat.say('my secret park at 12 Main Street');
      expect(apology?.text).toBe(bt('en')('errors.generic'));
      const line = JSON.stringify(broken.logs.at(-1));
      expect(broken.logs.at(-1)).toMatchObject({ level: 'error', msg: 'update failed', kind: 'message', error: 'Error' });
      expect(broken.logs.at(-1)?.chat).toBe(broken.keys.log(chat.chatId));
      for (const secret of [String(chat.chatId), 'Xiaoming', 'xiaoming', 'Main Street', 'secret park']) expect(line).not.toContain(secret);
      delete (store as Partial<MemorySessionStore>).get;
      const [next] = await chat.command('/help');
      expect(next?.text).toContain('/start — ');
    } finally {
      await broken.stop();
    }
  });
});

describe('webhook', () => {
  it('rejects a wrong or missing secret token, and handles an update with the right one', async () => {
    const token = '100004:park-advisor-webhook';
    const store = new MemorySessionStore();
    const bot = createBot({ token, sessions: new ConversationSessions(store, () => TODAY), store, apiRoot: emulator.apiRoot, log: () => undefined });
    await bot.init();
    const app = express().use(webhookRouter(bot, { path: '/telegram/hook', secretToken: 'right-secret_1' }));
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 777, type: 'private', first_name: 'A' },
        from: { id: 777, is_bot: false, first_name: 'A', language_code: 'en' },
        text: '/start guangxi',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    const stored = () => emulator.server.storage.botMessages.filter((m) => m.botToken === token);
    expect((await request(app).post('/telegram/hook').set(SECRET_HEADER, 'wrong').send(update)).status).toBe(401);
    expect((await request(app).post('/telegram/hook').send(update)).status).toBe(401);
    expect(stored()).toHaveLength(0);
    const accepted = await request(app).post('/telegram/hook').set(SECRET_HEADER, 'right-secret_1').send(update);
    expect(accepted.status).toBe(200);
    expect(stored()).toHaveLength(1);
    expect(String((stored()[0]?.message as { text?: string }).text)).toContain('Guangxi');

    expect((await request(app).get('/telegram/hook').set(SECRET_HEADER, 'right-secret_1')).status).toBe(405);

    // A failing update is acknowledged (Telegram would resend it forever) and the user gets the apology.
    store.get = async () => {
      throw new StoreUnavailableError();
    };
    const failed = await request(app).post('/telegram/hook').set(SECRET_HEADER, 'right-secret_1').send({ ...update, update_id: 2 });
    expect(failed.status).toBe(200);
    expect(String((stored().at(-1)?.message as { text?: string }).text)).toBe(bt('en')('errors.storeUnavailable'));

    await registerWebhook(bot.api, 'https://example.org/telegram/hook', 'right-secret_1');
    const registered = emulator.calls.findLast((c) => c.token === token && c.method === 'setWebhook');
    expect(registered?.body).toMatchObject({ url: 'https://example.org/telegram/hook', secret_token: 'right-secret_1' });
    await bot.api.deleteWebhook();
  });
});

describe('startTelegram', () => {
  it('webhook mode mounts the route on the app, registers the webhook and the commands in both languages', async () => {
    const token = '100005:park-advisor-start-webhook';
    const store = new MemorySessionStore();
    const app = express();
    const logs: Record<string, unknown>[] = [];
    const telegram = await startTelegram(
      { token, webhookUrl: 'http://127.0.0.1:1/tg/hook', secretToken: 'abc', apiRoot: emulator.apiRoot },
      { sessions: new ConversationSessions(store, () => TODAY), store, app, log: (e) => logs.push(e) },
    );
    try {
      expect(telegram.mode).toBe('webhook');
      const commands = emulator.calls.filter((c) => c.token === token && c.method === 'setMyCommands');
      expect(commands.map((c) => c.body.language_code)).toEqual([undefined, 'zh']);
      expect((commands[1]?.body.commands as { command: string }[]).map((c) => c.command)).toEqual([
        'start', 'results', 'answers', 'checklist', 'back', 'skip', 'cancel', 'restart', 'lang', 'help',
      ]);
      expect(emulator.calls.findLast((c) => c.token === token && c.method === 'setWebhook')?.body).toMatchObject({ secret_token: 'abc' });
      const update = {
        update_id: 9,
        message: { message_id: 9, date: 1, chat: { id: 778, type: 'private', first_name: 'B' }, from: { id: 778, is_bot: false, first_name: 'B' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] },
      };
      expect((await request(app).post('/tg/hook').set(SECRET_HEADER, 'nope').send(update)).status).toBe(401);
      expect((await request(app).post('/tg/hook').set(SECRET_HEADER, 'abc').send(update)).status).toBe(200);
      expect(emulator.server.storage.botMessages.some((m) => m.botToken === token)).toBe(true);
    } finally {
      await telegram.stop();
    }
  });

  it('polling mode answers through the runner and stops cleanly', async () => {
    const token = '100006:park-advisor-start-polling';
    const store = new MemorySessionStore();
    const telegram = await startTelegram({ token, apiRoot: emulator.apiRoot, pollIdleMs: 5 }, { sessions: new ConversationSessions(store, () => TODAY), store, log: () => undefined });
    try {
      expect(telegram.mode).toBe('polling');
      const client = emulator.server.getClient(token, { chatId: 779, userId: 779 });
      await client.sendCommand(client.makeCommand('/start mudanjiang', { from: { language_code: 'zh' } }));
      await until(() => emulator.server.storage.botMessages.some((m) => m.botToken === token), 'a reply');
      const reply = emulator.server.storage.botMessages.find((m) => m.botToken === token)?.message as { text?: string };
      expect(reply.text).toContain('牡丹江');
    } finally {
      await telegram.stop();
    }
  });
});
