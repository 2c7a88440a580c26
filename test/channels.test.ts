/**
 * The channel life cycle (src/channels/): a channel whose platform fails is retried in the background with capped
 * exponential backoff; its state goes connecting → down → up; one line is logged when it goes down and one when
 * it is back, however many attempts fail in between; a channel that stops serving by itself is reconnected;
 * `/readyz` shows every channel's state and stays 200 whatever they are. (The Telegram channel against a Bot
 * API that appears late, in the real process: channels.process.test.ts.)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { type Channel, type ChannelLink, ChannelRegistry, ChannelSupervisor } from '../src/channels/index.js';
import { telegramChannel } from '../src/channels/telegram.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { freePort } from './support/redis.js';

interface Line {
  level: string;
  msg: string;
  state: unknown;
}

/** A platform that refuses the first `failures` attempts, then serves until `end()` is called. */
function flakyChannel(name: string, failures: number) {
  let attempts = 0;
  let stops = 0;
  let link: ChannelLink | undefined;
  let endServing: ((reason: unknown) => void) | undefined;
  const channel: Channel = {
    name,
    async connect(current) {
      link = current;
      attempts += 1;
      if (attempts <= failures) throw new Error(`ECONNREFUSED https://api.example/bot123456:secretTOKEN_x/getMe (attempt ${attempts})`);
      return { ended: new Promise((_, reject) => (endServing = reject)) };
    },
    async stop() {
      stops += 1;
      endServing?.(new Error('stopped'));
    },
  };
  return {
    channel,
    attempts: () => attempts,
    stops: () => stops,
    link: () => link as ChannelLink,
    end: (reason: unknown) => endServing?.(reason),
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe('ChannelSupervisor', () => {
  it('retries a failing platform in the background: connecting → down → up, one line down and one line back', async () => {
    const lines: Line[] = [];
    const flaky = flakyChannel('telegram', 4);
    const supervisor = new ChannelSupervisor(flaky.channel, { minDelayMs: 5, maxDelayMs: 20, log: (level, msg, f) => lines.push({ level, msg, state: f.state }) });
    expect(supervisor.state).toBe('connecting');
    supervisor.start(); // returns at once: nothing waits for the platform
    expect(supervisor.state).toBe('connecting');
    await until(() => supervisor.state === 'down', 'down');
    await until(() => supervisor.state === 'up', 'up');
    expect(flaky.attempts()).toBe(5);
    expect(lines.map((l) => [l.level, l.state])).toEqual([
      ['warn', 'down'],
      ['info', 'up'],
    ]);
    expect(lines[0]?.msg).toMatch(/^telegram: cannot reach the platform \(ECONNREFUSED .*\); the web product keeps serving/);
    expect(lines[0]?.msg).not.toContain('secretTOKEN'); // a Bot API URL carries the token
    expect(lines[1]?.msg).toMatch(/back/);
    await supervisor.stop();
    expect(flaky.stops()).toBeGreaterThanOrEqual(1);
  });

  it('a channel that reports failures while it serves, or stops serving, is down once and back once each time', async () => {
    const lines: Line[] = [];
    const flaky = flakyChannel('wechat', 0);
    const supervisor = new ChannelSupervisor(flaky.channel, { minDelayMs: 5, maxDelayMs: 20, log: (level, msg, f) => lines.push({ level, msg, state: f.state }) });
    supervisor.start();
    await until(() => supervisor.state === 'up', 'up');
    // e.g. a token refresh failing three times, then succeeding
    for (let i = 0; i < 3; i++) flaky.link().down(new Error('token refresh failed'));
    expect(supervisor.state).toBe('down');
    flaky.link().up();
    expect(supervisor.state).toBe('up');
    // the connection ends by itself: reconnected without anyone's help
    flaky.end(new Error('poller gave up'));
    await until(() => flaky.attempts() === 2 && supervisor.state === 'up', 'a second connection');
    expect(lines.map((l) => l.state)).toEqual(['up', 'down', 'up', 'down', 'up']);
    await supervisor.stop();
  });

  it('waits twice as long after each failure, never longer than the cap', () => {
    const supervisor = new ChannelSupervisor(flakyChannel('x', 0).channel, { minDelayMs: 1000, maxDelayMs: 30_000 });
    const delays = [1, 2, 3, 4, 5, 6, 10, 50].map((n) => supervisor.delayMs(n));
    const bases = [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000];
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(bases[i] as number);
      expect(delay).toBeLessThanOrEqual((bases[i] as number) * 1.1);
    });
  });

  it('stop() ends the retries: no attempt after it', async () => {
    const flaky = flakyChannel('telegram', Number.POSITIVE_INFINITY);
    const supervisor = new ChannelSupervisor(flaky.channel, { minDelayMs: 5, maxDelayMs: 5 });
    supervisor.start();
    await until(() => flaky.attempts() >= 2, 'two attempts');
    await supervisor.stop();
    const after = flaky.attempts();
    await sleep(50);
    expect(flaky.attempts()).toBe(after);
  });
});

describe('/readyz with channels', () => {
  it('reports each channel’s state and stays ready whatever they are', async () => {
    const registry = new ChannelRegistry({ minDelayMs: 5, maxDelayMs: 10 });
    const down = flakyChannel('telegram', Number.POSITIVE_INFINITY);
    const fine = flakyChannel('wechat', 0);
    registry.add(down.channel).add(fine.channel);
    expect(() => registry.add(flakyChannel('telegram', 0).channel)).toThrow(/already registered/);
    const store = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(store), store, channels: () => registry.states() });

    const before = await request(app).get('/readyz');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ status: 'ready', channels: { telegram: 'connecting', wechat: 'connecting' } });

    registry.start();
    await until(() => registry.states().telegram === 'down' && registry.states().wechat === 'up', 'states');
    const after = await request(app).get('/readyz');
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ status: 'ready', channels: { telegram: 'down', wechat: 'up' } });
    await registry.stop();
  });
});

describe('the Telegram channel in webhook mode while Telegram cannot be reached', () => {
  it('mounts its route at once, answers Telegram 503 until registered, and leaves every other route alone', async () => {
    const store = new MemorySessionStore();
    const sessions = new ConversationSessions(store);
    const root = express();
    const channel = telegramChannel(
      { token: `123456789:${'W'.repeat(35)}`, webhookUrl: 'https://advisor.example.gov.cn/tg/hook', apiRoot: `http://127.0.0.1:${await freePort()}` },
      { sessions, store, app: root, log: () => undefined },
    );
    root.use(createApp({ sessions, store }));
    const never = new AbortController();
    // One attempt fails quickly (nothing listens there) instead of hanging or retrying forever.
    await expect(channel.connect({ down: () => undefined, up: () => undefined, signal: never.signal })).rejects.toThrow();
    const update = await request(root).post('/tg/hook').send({ update_id: 1 });
    expect(update.status).toBe(503);
    expect(update.headers['retry-after']).toBe('10');
    expect((await request(root).get('/healthz')).status).toBe(200);
    expect((await request(root).post('/api/sessions').send({ jurisdiction: 'jilin' })).status).toBe(201);
    await channel.stop();
  });
});
