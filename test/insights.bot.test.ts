/**
 * Insights from the Telegram channel: a conversation with the real bot (grammY, long polling through the
 * runner) against `telegram-test-api`, a Bot API emulator over HTTP on loopback, moves the same counters as the
 * web does, under channel `telegram` — a start from the deep link, one result with its verdict and statuses, and
 * the fact answered with /skip — and nothing under any other channel.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import type { Bot } from 'grammy';
import type { RunnerHandle } from '@grammyjs/runner';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/bot.js';
import { ChatKeys } from '../src/bot/keys.js';
import { startPolling } from '../src/bot/polling.js';
import { combineObservers, ConversationSessions } from '../src/flows/sessions.js';
import { createInsights, type Insights, MemoryInsightsStore } from '../src/insights/index.js';
import { fieldOf } from '../src/insights/counters.js';
import type { Facts } from '../src/rules/facts.js';
import { createMetrics } from '../src/server/metrics.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { typed, valueFor } from './support/typing.js';

const TODAY = '2026-11-23';
const TOKEN = '100002:park-advisor-insights';
const facts = JSON.parse(readFileSync(new URL('../examples/shandong-eligible.json', import.meta.url), 'utf8')) as Facts;

let server: TelegramServer;
let bot: Bot;
let handle: RunnerHandle;
let sessions: ConversationSessions;
let insights: Insights;
let store: MemoryInsightsStore;
const counts = { sent: 0, handled: 0 };

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  store = new MemoryInsightsStore({ today: () => TODAY });
  insights = createInsights(store, { today: () => TODAY });
  const sessionStore = new MemorySessionStore();
  sessions = new ConversationSessions(sessionStore, () => TODAY, combineObservers(createMetrics().sessions, insights.observer));
  bot = createBot({ token: TOKEN, sessions, store: sessionStore, apiRoot: server.config.apiURL, log: () => undefined });
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, envelope) => {
    try {
      await handleUpdate(update, envelope);
    } finally {
      counts.handled += 1;
    }
  };
  handle = await startPolling(bot, { idleMs: 5 });
}, 20_000);

afterAll(async () => {
  await handle?.stop();
  await server?.stop();
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the bot');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a Telegram conversation', () => {
  it('moves the counters under channel telegram', { timeout: 30_000 }, async () => {
    const chatId = 7001;
    const client = server.getClient(TOKEN, { chatId, userId: chatId, firstName: 'Xiaoming', userName: 'xm', type: 'private' });
    const from = { from: { language_code: 'zh-hans' } };
    const deliver = async (send: () => Promise<unknown>) => {
      counts.sent += 1;
      await send();
      await until(() => counts.handled >= counts.sent);
    };
    const sessionId = new ChatKeys(TOKEN).session(chatId);
    await deliver(() => client.sendCommand(client.makeCommand('/start shandong', from)));

    let skipped: string | undefined;
    for (let turn = 0; turn < 80; turn++) {
      const view = await sessions.get(sessionId);
      if (!view || view.state !== 'interviewing' || !view.prompt) break;
      const prompt = view.prompt;
      if (skipped === undefined && prompt.kind === 'boolean') {
        skipped = prompt.questionId;
        await deliver(() => client.sendCommand(client.makeCommand('/skip', from)));
        continue;
      }
      await deliver(() => client.sendMessage(client.makeMessage(typed(prompt, valueFor(prompt, facts), 'zh-CN', 0), from)));
    }
    const end = await sessions.get(sessionId, true);
    expect(end?.state).toBe('results');
    await insights.flush();

    const counters = Object.fromEntries([...((await store.read([TODAY])).get(TODAY) ?? [])].filter(([, n]) => n !== 0));
    const t = (counted: Parameters<typeof fieldOf>[2]) => fieldOf('shandong', 'telegram', counted);
    const result = end?.result;
    expect(result).toBeDefined();
    const expected: Record<string, number> = {
      [t({ kind: 'started' })]: 1,
      [t({ kind: 'completed' })]: 1,
      [t({ kind: 'verdict', verdict: result?.verdict ?? 'eligible' })]: 1,
      [t({ kind: 'unknown', fact: skipped as string })]: 1,
    };
    for (const c of result?.criteria ?? []) if (c.status !== 'not_applicable') expected[t({ kind: 'criterion', id: c.id, status: c.status })] = 1;
    if (result?.criteria.filter((c) => c.severity === 'required' && c.status === 'unmet').length === 1) expected[t({ kind: 'close' })] = 1;
    expect(counters).toEqual(expected);
    // The skipped yes/no leaves its condition to be confirmed: the result is counted as it was shown.
    expect(Object.keys(counters).some((f) => f.endsWith('|unknown'))).toBe(true);
  });
});
