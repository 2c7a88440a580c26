/**
 * Redis high availability with real processes on loopback (Debian's redis-server, also as `--sentinel`):
 *
 * Sentinel — a master, a replica, three sentinels; the REAL app process (`src/main.ts` with REDIS_SENTINELS,
 * REDIS_SENTINEL_NAME) and, in this process, the sessions layer the bot uses (ConversationSessions over a
 * RedisSessionStore built from the same target):
 *   - with the replica frozen, a write is not acknowledged: 503 `store_unavailable` in the caller's language
 *     (WAIT found no replica), and nothing is lost when it is back;
 *   - two conversations half done (API and bot), the master SIGKILLed: meanwhile only 503 `store_unavailable`
 *     (never a 500, the process stays up); once the replica is promoted the same process serves again without a
 *     restart, `/readyz` is 200, every acknowledged answer is there, and both conversations end with the
 *     same verdict and answers as one run without a failover.
 *
 * Cluster — three masters: the store and the rate limiter of two "processes" on REDIS_CLUSTER_NODES agree
 * (one session read by both, one limit counted by both), and keys land on more than one master.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prompt } from '../src/flows/prompts.js';
import { ConversationSessions, type SessionView } from '../src/flows/sessions.js';
import { translator } from '../src/i18n/index.js';
import type { Facts } from '../src/rules/facts.js';
import { apiRateLimit, connectRateLimitRedis, type RateLimitRedis } from '../src/server/rate-limit.js';
import { RedisSessionStore } from '../src/store/redis.js';
import type { RedisTarget } from '../src/store/redis-connection.js';
import { StoreUnavailableError } from '../src/store/types.js';
import { type ClusterSetup, command, hasRedisCli, kill, type SentinelSetup, startCluster, startSentinelSetup } from './support/redis-ha.js';
import { freePort, hasRedisServer } from './support/redis.js';
import { valueFor } from './support/typing.js';

const ROOT = new URL('../', import.meta.url).pathname;
const TODAY = '2026-11-23';
const FACTS = JSON.parse(readFileSync(new URL('../examples/shandong-eligible.json', import.meta.url), 'utf8')) as Facts;
const quiet = () => undefined;

interface Reply {
  status: number;
  body: Record<string, any>;
}

async function call(base: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(base + path, body === undefined ? { headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The answer the profile gives to `prompt` (null: "I don't know"). */
const answerFor = (prompt: Prompt) => valueFor(prompt, FACTS) ?? null;

/** Every status a request may get while Redis fails over: 200, or 503 store_unavailable — never a 500. */
function expectServedOrUnavailable(reply: Reply, lang: 'zh-CN' | 'en' = 'zh-CN'): void {
  if (reply.status === 200 || reply.status === 201) return;
  expect(reply.status).toBe(503);
  expect(reply.body.error).toEqual({ code: 'store_unavailable', message: translator(lang, 'api')('errors.store_unavailable'), details: null });
}

/**
 * Answers the current prompt of an API conversation (re-reading where it stands first, as a client after an
 * error would); returns the reply, and the answers it acknowledged when it was a 200.
 */
async function apiTurn(base: string, id: string): Promise<{ reply: Reply; done: boolean }> {
  const state = await call(base, `/api/sessions/${id}`);
  expectServedOrUnavailable(state);
  if (state.status !== 200) return { reply: state, done: false };
  if (state.body.state !== 'interviewing') return { reply: state, done: true };
  const prompt = state.body.prompt as Prompt;
  const reply = await call(base, `/api/sessions/${id}/answers`, { questionId: prompt.questionId, value: answerFor(prompt) });
  expectServedOrUnavailable(reply);
  return { reply, done: false };
}

/** The same through the sessions layer (what the bot does per update). */
async function botTurn(sessions: ConversationSessions, id: string): Promise<{ view: SessionView | undefined; failed: boolean; done: boolean }> {
  try {
    const view = await sessions.get(id);
    if (!view || view.state !== 'interviewing' || !view.prompt) return { view, failed: false, done: true };
    const next = await sessions.send(id, { type: 'ANSWER', questionId: view.prompt.questionId, value: answerFor(view.prompt) });
    return { view: next, failed: false, done: false };
  } catch (error) {
    // The only failure allowed during a failover: the store says it is unavailable.
    expect(error).toBeInstanceOf(StoreUnavailableError);
    return { view: undefined, failed: true, done: false };
  }
}

/** What must not change with a failover: the answers given and the verdict. */
function outcome(view: { answers: { questionId: string }[]; result?: { verdict: string } | undefined }) {
  return { answers: view.answers.map((a) => JSON.stringify(a)), verdict: view.result?.verdict };
}

interface RunningApp {
  base: string;
  child: ChildProcess;
  output: () => string;
}

async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '10000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) return { base, child, output: () => output };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not answer within 20 s:\n${output}`);
}

describe.runIf(hasRedisServer())('Redis Sentinel: a failover loses no acknowledged answer', { timeout: 120_000 }, () => {
  let setup: SentinelSetup;
  let app: RunningApp;
  let target: RedisTarget;
  let store: RedisSessionStore;
  let sessions: ConversationSessions;

  beforeAll(async () => {
    setup = await startSentinelSetup();
    target = { kind: 'sentinel', name: setup.name, sentinels: setup.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port })) };
    app = await startApp({ REDIS_SENTINELS: setup.sentinels.map((s) => `127.0.0.1:${s.port}`).join(','), REDIS_SENTINEL_NAME: setup.name });
    store = await new RedisSessionStore({ target, onError: quiet }).connect();
    // The same day as the app's (today in China), so that both give the same verdict.
    sessions = new ConversationSessions(store);
  }, 60_000);

  afterAll(async () => {
    if (app?.child.exitCode === null) app.child.kill('SIGKILL');
    await store?.close();
    await setup?.stop();
  });

  it('serves through Sentinel, and a write no replica confirms is a 503 in the caller’s language', async () => {
    expect((await call(app.base, '/readyz')).status).toBe(200);
    const created = await call(app.base, '/api/sessions', { jurisdiction: 'shandong' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    setup.replica.child.kill('SIGSTOP'); // the replica stops acknowledging (but stays a replica)
    try {
      const prompt = created.body.prompt as Prompt;
      const reply = await call(app.base, `/api/sessions/${id}/answers?lang=en`, { questionId: prompt.questionId, value: answerFor(prompt) });
      expect(reply.status).toBe(503);
      expect(reply.body.error).toEqual({ code: 'store_unavailable', message: translator('en', 'api')('errors.store_unavailable'), details: null });
    } finally {
      setup.replica.child.kill('SIGCONT');
    }
    // The master did run the write (WAIT does not undo it); it was only not acknowledged. Once the replica is
    // back, the conversation goes on from where the master has it: the answer once, not lost, not doubled.
    const state = await call(app.base, `/api/sessions/${id}`);
    expect(state.status).toBe(200);
    expect(state.body.answers).toHaveLength(1);
    const turn = await apiTurn(app.base, id);
    expect(turn.reply.status).toBe(200);
    expect(turn.reply.body.answers).toHaveLength(2);
  });

  it('two conversations half done, the master SIGKILLed: they continue on the promoted replica with every acknowledged answer', async () => {
    // The same profile without a failover, for comparison.
    const baseline = await call(app.base, '/api/sessions', { jurisdiction: 'shandong' });
    let last: Reply = baseline;
    for (let turn = 0; turn < 200; turn++) {
      const { reply, done } = await apiTurn(app.base, baseline.body.id);
      if (done) break;
      expect(reply.status).toBe(200);
      last = reply;
    }
    expect(last.body.state).toBe('results');
    const expected = outcome(last.body as never);
    expect(expected.answers.length).toBeGreaterThan(6);
    expect(expected.verdict).toBe('eligible');

    // Half of each conversation before the failover: through the API, and through the sessions layer (the bot).
    const api = await call(app.base, '/api/sessions', { jurisdiction: 'shandong' });
    const apiId = api.body.id as string;
    const bot = await sessions.create({ jurisdiction: 'shandong', lang: 'zh-CN' });
    const half = Math.floor(expected.answers.length / 2);
    let acknowledged: string[] = [];
    let botAcknowledged: string[] = [];
    for (let i = 0; i < half; i++) {
      const { reply } = await apiTurn(app.base, apiId);
      expect(reply.status).toBe(200);
      acknowledged = outcome(reply.body as never).answers;
      const { view } = await botTurn(sessions, bot.id);
      botAcknowledged = outcome(view as never).answers;
    }
    expect(acknowledged).toHaveLength(half);
    expect(botAcknowledged).toHaveLength(half);
    const oldMaster = await setup.masterPort();
    expect(oldMaster).toBe(setup.master.port);

    await kill(setup.master, 'SIGKILL');
    // Readiness follows: not ready while there is no master (the sentinels wait 1 s before they even agree that
    // it is down), ready again after the promotion (checked below).
    let readyz = await call(app.base, '/readyz');
    for (let i = 0; i < 20 && readyz.status === 200; i++) readyz = await call(app.base, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body.status).toBe('unavailable');

    // Keep both conversations going through the failover; every acknowledged answer must stay.
    let apiFinal: Record<string, any> | undefined;
    let botFinal: SessionView | undefined;
    let unavailable = 0;
    const deadline = Date.now() + 60_000;
    while ((!apiFinal || !botFinal) && Date.now() < deadline) {
      if (!apiFinal) {
        const { reply, done } = await apiTurn(app.base, apiId);
        if (reply.status === 503) unavailable += 1;
        else {
          const now = outcome(reply.body as never).answers;
          expect(now.slice(0, acknowledged.length)).toEqual(acknowledged);
          acknowledged = now;
          if (done) apiFinal = reply.body;
        }
      }
      if (!botFinal) {
        const { view, failed, done } = await botTurn(sessions, bot.id);
        if (failed) unavailable += 1;
        else {
          expect(view).toBeDefined(); // the session survived the failover
          const now = outcome(view as never).answers;
          expect(now.slice(0, botAcknowledged.length)).toEqual(botAcknowledged);
          botAcknowledged = now;
          if (done) botFinal = await sessions.get(bot.id, true);
        }
      }
      if (unavailable > 0) await sleep(100);
    }
    expect(apiFinal, app.output()).toBeDefined();
    expect(botFinal).toBeDefined();

    // The promoted replica is the master now; the same process serves, ready again, never restarted.
    expect(await setup.masterPort()).toBe(setup.replica.port);
    expect((await call(app.base, '/readyz')).status).toBe(200);
    expect(app.child.exitCode).toBeNull();
    expect(app.output()).not.toMatch(/\n\s+at /); // no stack trace

    expect(outcome(apiFinal as never)).toEqual(expected);
    expect(outcome(botFinal as never)).toEqual(expected);
    // And the new master really holds them (not only this process's view).
    expect(await command(setup.replica.port, ['EXISTS', `park-advisor:session:${apiId}`])).toBe(':1\r\n');
  });
});

describe.runIf(hasRedisServer() && hasRedisCli())('Redis Cluster: three masters', { timeout: 60_000 }, () => {
  let cluster: ClusterSetup;
  let target: RedisTarget;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    target = { kind: 'cluster', nodes: cluster.nodes.slice(0, 1).map((n) => ({ host: '127.0.0.1', port: n.port })) };
  }, 40_000);

  afterAll(async () => {
    for (const close of closers) await close();
    await cluster?.stop();
  });

  it('two processes share sessions and one rate limit, with keys on several masters', async () => {
    const stores = await Promise.all([0, 1].map(() => new RedisSessionStore({ target, onError: quiet }).connect()));
    for (const s of stores) closers.push(() => s.close());
    const [one, two] = stores as [RedisSessionStore, RedisSessionStore];
    const a = new ConversationSessions(one, () => TODAY);
    const b = new ConversationSessions(two, () => TODAY);

    // Turns alternate between the two "processes".
    const { id } = await a.create({ jurisdiction: 'shandong' });
    for (let turn = 0; turn < 6; turn++) {
      const sessions = turn % 2 === 0 ? a : b;
      const view = (await sessions.get(id)) as SessionView;
      const next = await sessions.send(id, { type: 'ANSWER', questionId: view.prompt?.questionId as string, value: answerFor(view.prompt as Prompt) });
      expect(next?.answers).toHaveLength(turn + 1);
      expect((await (turn % 2 === 0 ? b : a).get(id))?.answers).toHaveLength(turn + 1);
    }

    // Many sessions spread over the masters (each is one key: no hash tags needed).
    const ids = await Promise.all(Array.from({ length: 30 }, () => a.create({ jurisdiction: 'jilin', date: TODAY }).then((s) => s.id)));
    const perNode = await Promise.all(cluster.nodes.map((n) => command(n.port, ['DBSIZE'])));
    expect(perNode.filter((reply) => reply !== ':0\r\n').length).toBeGreaterThan(1);
    for (const sid of ids.slice(0, 5)) expect(await b.get(sid)).toBeDefined();

    // The rate limit is counted once for both processes, whichever master holds a client's counter.
    const limiters = await Promise.all([0, 1].map(() => connectRateLimitRedis(target, { onError: quiet })));
    for (const l of limiters) closers.push(() => l.close());
    const prefix = `park-advisor-test:${Date.now()}:`;
    const server = (limiter: RateLimitRedis) => {
      const app = express();
      app.use(apiRateLimit({ limit: 3, redis: limiter, prefix }), (_req, res) => {
        res.json({ ok: true });
      });
      return app;
    };
    const [first, second] = limiters.map(server) as [express.Express, express.Express];
    const statuses: number[] = [];
    for (const app of [first, second, first, second]) statuses.push((await request(app).get('/')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
