/**
 * Enquiry insights (issue 14) against the real app: conversations driven through the HTTP API move the counters
 * exactly (started, results, verdicts, criteria, facts not known, where they stop — abandoned once the session
 * must have expired, with the clock injected), staff checks are counted apart and can be left out, the JSON has
 * the shape with criteria sorted by unmet and small counts shown as "<5", bad queries get a localized 400,
 * and the console's access rules hold. With a real redis-server: counters survive a restart and expire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { createClient } from 'redis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { combineObservers, ConversationSessions } from '../src/flows/sessions.js';
import { createInsights, type Insights, type InsightsStore, MemoryInsightsStore, RedisInsightsStore } from '../src/insights/index.js';
import { fieldOf } from '../src/insights/counters.js';
import { expiryOf } from '../src/insights/redis.js';
import { addPeriod } from '../src/rules/dates.js';
import { getJurisdiction } from '../src/rules/registry.js';
import { createApp } from '../src/server/app.js';
import { createMetrics } from '../src/server/metrics.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { runsWithRedis } from './support/prerequisites.js';
import { spawnRedis, type SpawnedRedis } from './support/redis.js';

const DAY = '2026-11-23';

/** The app as main.ts builds it, on an injected clock (`clock.today`), with metrics too (they must keep working). */
function setup(store: InsightsStore | undefined = undefined, config: Record<string, unknown> = {}) {
  const clock = { today: DAY };
  const today = () => clock.today;
  const insights = createInsights(store ?? new MemoryInsightsStore({ today }), { today });
  const metrics = createMetrics();
  const sessionStore = new MemorySessionStore();
  const sessions = new ConversationSessions(sessionStore, today, combineObservers(metrics.sessions, insights.observer));
  const app = createApp({ sessions, store: sessionStore, insights, metrics, config });
  return { app, clock, insights, metrics };
}

/** The exact counters of one day (what is stored, before any suppression). */
async function countersOf(store: InsightsStore, day: string): Promise<Record<string, number>> {
  const days = await store.read([day]);
  return Object.fromEntries([...(days.get(day) ?? [])].filter(([, n]) => n !== 0));
}

const SHANDONG_ANSWERS: Record<string, unknown> = {
  layout: '一个', locationType: '设区市', floorArea: '9999平方米', occupiedArea: '8000平米', commercialHrInstitutions: '二十五家',
  annualRevenue: '6.2亿元', fullTimeStaff: '6人', publicServices: '就业创业、社会保障、人事人才',
  supportingServices: '会议，培训，金融，法律，餐饮，网络信息', previousOutcome: '无',
};

/** Answers a Shandong conversation to the end; the first yes/no question is answered 不清楚 (null). */
async function converse(agent: ReturnType<typeof request>, id: string, first: Record<string, unknown>) {
  let body = first;
  let skipped: string | undefined;
  for (let i = 0; i < 60 && body.state === 'interviewing'; i++) {
    const prompt = body.prompt as { questionId: string; kind: string };
    let value = SHANDONG_ANSWERS[prompt.questionId] ?? (prompt.kind === 'boolean' ? '是' : null);
    if (prompt.kind === 'boolean' && skipped === undefined) {
      skipped = prompt.questionId;
      value = null;
    }
    const res = await agent.post(`/api/sessions/${id}/answers`).send({ questionId: prompt.questionId, value });
    expect(res.status, JSON.stringify(res.body.error)).toBe(200);
    body = res.body;
  }
  return { body, skipped: skipped as string };
}

describe('conversations over the HTTP API move the counters exactly', () => {
  it('counts a start, one result with its verdict and statuses, close to eligible and a fact not known — once', async () => {
    const store = new MemoryInsightsStore({ today: () => DAY });
    const { app, insights } = setup(store);
    const agent = request(app);
    const created = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    const { body, skipped } = await converse(agent, created.body.id, created.body);
    expect(body.state).toBe('results');
    await insights.flush();

    const result = body.result as { verdict: string; criteria: { id: string; status: string; severity: string }[] };
    const unmetRequired = result.criteria.filter((c) => c.severity === 'required' && c.status === 'unmet');
    expect(unmetRequired.map((c) => c.id)).toEqual(['shandong.floor-area']);
    const expected: Record<string, number> = {
      [fieldOf('shandong', 'web', { kind: 'started' })]: 1,
      [fieldOf('shandong', 'web', { kind: 'completed' })]: 1,
      [fieldOf('shandong', 'web', { kind: 'verdict', verdict: result.verdict as 'ineligible' })]: 1,
      [fieldOf('shandong', 'web', { kind: 'close' })]: 1,
      [fieldOf('shandong', 'web', { kind: 'unknown', fact: skipped })]: 1,
    };
    for (const c of result.criteria) {
      if (c.status !== 'not_applicable') expected[fieldOf('shandong', 'web', { kind: 'criterion', id: c.id, status: c.status as 'met' })] = 1;
    }
    // At the result it waits at no question: every "open" it left on the way has been taken back.
    expect(await countersOf(store, DAY)).toEqual(expected);

    // A what-if change on the result shows a new result, but the conversation was already counted.
    const change = await agent.post(`/api/sessions/${created.body.id}/change`).send({ questionId: 'floorArea', value: '12000' });
    expect(change.body.result.verdict).not.toBe(result.verdict);
    await insights.flush();
    expect(await countersOf(store, DAY)).toEqual(expected);
  });

  it('counts where conversations stop, as abandoned only once their session must have expired', async () => {
    const store = new MemoryInsightsStore({ today: () => DAY });
    const { app, clock, insights } = setup(store);
    const agent = request(app);
    const ids: string[] = [];
    let waitingAt = '';
    for (let i = 0; i < 6; i++) {
      const created = await agent.post('/api/sessions').send({ jurisdiction: 'jilin' });
      const q = created.body.prompt.questionId as string;
      const next = await agent.post(`/api/sessions/${created.body.id}/answers`).send({ questionId: q, value: q === 'layout' ? '一个' : '是' });
      expect(next.status).toBe(200);
      waitingAt = next.body.prompt.questionId;
      ids.push(created.body.id);
    }
    await insights.flush();
    const open = fieldOf('jilin', 'web', { kind: 'open', questionId: waitingAt });
    expect((await countersOf(store, DAY))[open]).toBe(6);

    // The next day one of them goes on: its 1 moves from yesterday's question to today's.
    clock.today = addPeriod(DAY, { days: 1 });
    const moved = await agent.post(`/api/sessions/${ids[0]}/answers`).send({ questionId: waitingAt, value: null });
    expect(moved.status).toBe(200);
    const nowAt = moved.body.prompt.questionId as string;
    await insights.flush();
    expect((await countersOf(store, DAY))[open]).toBe(5);
    expect(await countersOf(store, clock.today)).toEqual({
      [fieldOf('jilin', 'web', { kind: 'open', questionId: nowAt })]: 1,
      [fieldOf('jilin', 'web', { kind: 'unknown', fact: waitingAt })]: 1,
    });

    const range = `from=${DAY}&to=${addPeriod(DAY, { days: 3 })}&jurisdiction=jilin`;
    // A day later they might still answer: not abandoned yet.
    expect((await agent.get(`/staff/api/insights?${range}`)).body.jurisdictions.jilin.abandonedAt).toEqual([]);
    // Two days after their last turn, their sessions are gone: abandoned where they stopped.
    clock.today = addPeriod(DAY, { days: 2 });
    expect((await agent.get(`/staff/api/insights?${range}`)).body.jurisdictions.jilin.abandonedAt).toEqual([{ questionId: waitingAt, label: expect.any(String), count: 5 }]);
    clock.today = addPeriod(DAY, { days: 3 });
    const report = (await agent.get(`/staff/api/insights?${range}`)).body.jurisdictions.jilin;
    expect(report.abandonedAt).toEqual([
      { questionId: waitingAt, label: expect.any(String), count: 5 },
      { questionId: nowAt, label: expect.any(String), count: '<5' },
    ]);
    expect(report.started).toBe(6);
  });

  it('counts a start per jurisdiction entered, and moves the open conversation back out when it goes back to choosing', async () => {
    const store = new MemoryInsightsStore({ today: () => DAY });
    const { app, insights } = setup(store);
    const agent = request(app);
    const created = await agent.post('/api/sessions').send({});
    expect(created.body.state).toBe('choosing');
    const id = created.body.id as string;
    const jilin = await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'jurisdiction', value: '吉林' });
    expect(jilin.body.jurisdiction).toBe('jilin');
    await agent.post(`/api/sessions/${id}/back`).send({});
    const shandong = await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'jurisdiction', value: '山东' });
    expect(shandong.body.jurisdiction).toBe('shandong');
    // Choosing Jilin again later is the same conversation: not a second start.
    await agent.post(`/api/sessions/${id}/back`).send({});
    await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'jurisdiction', value: '吉林' });
    await insights.flush();
    expect(await countersOf(store, DAY)).toEqual({
      [fieldOf('jilin', 'web', { kind: 'started' })]: 1,
      [fieldOf('shandong', 'web', { kind: 'started' })]: 1,
      [fieldOf('jilin', 'web', { kind: 'open', questionId: jilin.body.prompt.questionId })]: 1,
    });
  });

  it('keeps the metrics counting alongside', async () => {
    const { app, metrics } = setup();
    const agent = request(app);
    await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    expect(await metrics.registry.getSingleMetricAsString('park_advisor_conversations_started_total')).toMatch(/channel="web"} 1/);
  });
});

const Cell = z.union([z.number().int().min(5), z.literal(0), z.literal('<5')]);
const ReportSchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  jurisdictions: z.record(
    z.string(),
    z.strictObject({
      started: Cell,
      completed: Cell,
      verdicts: z.strictObject({ eligible: Cell, ineligible: Cell, incomplete: Cell }),
      closeToEligible: Cell,
      criteria: z.array(z.strictObject({ id: z.string(), ref: z.looseObject({ article: z.number() }), title: z.string().min(1), met: Cell, unmet: Cell, unknown: Cell })),
      unknownFacts: z.array(z.strictObject({ fact: z.string(), label: z.string(), count: Cell })),
      abandonedAt: z.array(z.strictObject({ questionId: z.string(), label: z.string(), count: Cell })),
    }),
  ),
});

describe('GET /staff/api/insights', () => {
  it('has the issue\'s shape, sorts criteria by unmet, shows 1–4 as "<5" and titles in the asked language', async () => {
    const store = new MemoryInsightsStore({ today: () => DAY });
    const { app } = setup(store);
    const ids = getJurisdiction('wenzhou').criteria.map((c) => c.id);
    const [a, b, c, d] = ids as [string, string, string, string];
    const unmet = (id: string) => fieldOf('wenzhou', 'web', { kind: 'criterion', id, status: 'unmet' });
    await store.add(DAY, new Map([[unmet(b), 3], [unmet(c), 9], [unmet(d), 5], [fieldOf('wenzhou', 'web', { kind: 'started' }), 12], [fieldOf('wenzhou', 'telegram', { kind: 'started' }), 2]]));
    await store.add(addPeriod(DAY, { days: -1 }), new Map([[unmet(a), 1], [unmet(b), 4], [fieldOf('wenzhou', 'web', { kind: 'unknown', fact: 'annualRevenue' }), 2]]));

    const res = await request(app).get(`/staff/api/insights?from=${addPeriod(DAY, { days: -1 })}&to=${DAY}&jurisdiction=wenzhou&lang=en`);
    expect(res.status).toBe(200);
    expect(ReportSchema.parse(res.body)).toBeTruthy();
    expect(Object.keys(res.body.jurisdictions)).toEqual(['wenzhou']);
    const w = res.body.jurisdictions.wenzhou;
    expect(w.started).toBe(14);
    // b: 3 + 4 = 7 over the two days; c 9; d 5; a 1 → "<5"; the rest 0, in the text's order.
    expect(w.criteria.slice(0, 4).map((x: { id: string; unmet: unknown }) => [x.id, x.unmet])).toEqual([[c, 9], [b, 7], [d, 5], [a, '<5']]);
    expect(w.criteria.slice(4).every((x: { unmet: unknown }) => x.unmet === 0)).toBe(true);
    expect(w.criteria).toHaveLength(ids.length);
    expect(w.criteria[0].title).toMatch(/[a-z]/);
    expect(w.criteria[0].ref).toEqual(getJurisdiction('wenzhou').criteria.find((x) => x.id === c)?.ref);
    expect(w.unknownFacts).toEqual([{ fact: 'annualRevenue', label: 'Park operating revenue last year (pass-through included)', count: '<5' }]);

    const zh = await request(app).get(`/staff/api/insights?from=${DAY}&to=${DAY}&jurisdiction=wenzhou&lang=zh-CN`);
    expect(zh.body.jurisdictions.wenzhou.criteria[0].title).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.body.jurisdictions.wenzhou.criteria[0]).toMatchObject({ id: c, unmet: 9 });
    // Without a jurisdiction: all five; without dates: the last 30 days up to today.
    const all = await request(app).get('/staff/api/insights');
    expect(Object.keys(all.body.jurisdictions)).toEqual(['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou']);
    expect(all.body).toMatchObject({ from: addPeriod(DAY, { days: -29 }), to: DAY });
  });

  it('counts each result the staff console shows as a staff check, apart, and leaves them out on request', async () => {
    const store = new MemoryInsightsStore({ today: () => DAY });
    const { app, insights } = setup(store);
    for (let i = 0; i < 5; i++) {
      const res = await request(app).post('/staff/api/assess').send({ jurisdiction: 'guangxi', answers: { floorArea: String(10000 + i) } });
      expect(res.status).toBe(200);
    }
    await insights.flush();
    const counters = await countersOf(store, DAY);
    expect(counters[fieldOf('guangxi', 'staff', { kind: 'completed' })]).toBe(5);
    expect(Object.keys(counters).every((f) => f.startsWith('guangxi|staff|'))).toBe(true);
    const q = `from=${DAY}&to=${DAY}&jurisdiction=guangxi`;
    expect((await request(app).get(`/staff/api/insights?${q}`)).body.jurisdictions.guangxi.completed).toBe(5);
    expect((await request(app).get(`/staff/api/insights?${q}&includeStaff=false`)).body.jurisdictions.guangxi.completed).toBe(0);
    expect((await request(app).get(`/staff/api/insights?${q}&channels=web,telegram,wechat`)).body.jurisdictions.guangxi.started).toBe(0);
    expect((await request(app).get(`/staff/api/insights?${q}&channels=staff`)).body.jurisdictions.guangxi.started).toBe(5);
  });

  it('refuses bad dates, ranges, jurisdictions and channels with a 400 in the console\'s language', async () => {
    const { app } = setup();
    const cases: [string, string, RegExp, RegExp][] = [
      ['from=2026-02-30&to=2026-03-01', 'invalid_dates', /YYYY-MM-DD/, /YYYY-MM-DD/],
      ['from=yesterday', 'invalid_dates', /valid/, /有效日期/],
      ['from=2026-11-20&to=2026-11-01', 'invalid_range', /after the end/, /不能晚于/],
      ['from=2025-01-01&to=2026-11-01', 'range_too_long', /400 days/, /400 天/],
      ['jurisdiction=beijing', 'unknown_jurisdiction', /one of the five/, /五个地区/],
      ['channels=fax', 'unknown_channel', /web, telegram/, /渠道/],
    ];
    for (const [query, code, en, zh] of cases) {
      const english = await request(app).get(`/staff/api/insights?${query}&lang=en`);
      expect(english.status, query).toBe(400);
      expect(english.body.error.code).toBe(code);
      expect(english.body.error.message).toMatch(en);
      const chinese = await request(app).get(`/staff/api/insights?${query}`).set('accept-language', 'zh-CN');
      expect(chinese.body.error.message).toMatch(zh);
    }
    // 400 days, both ends included, is the longest period.
    expect((await request(app).get(`/staff/api/insights?from=${addPeriod(DAY, { days: -399 })}&to=${DAY}`)).status).toBe(200);
  });

  it('is served under the console\'s access rules', async () => {
    const token = 'correct horse battery staple 7';
    const guarded = setup(undefined, { staffToken: token }).app;
    const refused = await request(guarded).get('/staff/api/insights');
    expect(refused.status).toBe(401);
    expect(refused.body.jurisdictions).toBeUndefined();
    const login = await request(guarded).post('/staff/login').type('form').send({ token, lang: 'en', hash: '' });
    const cookie = ([login.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] ?? '';
    expect((await request(guarded).get('/staff/api/insights').set('cookie', cookie)).status).toBe(200);

    // Without a token: loopback only, never through a proxy, never from elsewhere.
    const open = setup().app;
    expect((await request(open).get('/staff/api/insights').set('x-forwarded-for', '198.51.100.1')).status).toBe(403);
    const remote = express();
    remote.use((req, _res, next) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: '192.0.2.1', configurable: true });
      next();
    });
    remote.use(open);
    expect((await request(remote).get('/staff/api/insights')).status).toBe(403);
  });
});

describe('insights in memory', () => {
  it('drops a day once its retention has run out, as Redis would', async () => {
    const clock = { today: DAY };
    const store = new MemoryInsightsStore({ retentionDays: 2, today: () => clock.today });
    const field = fieldOf('wenzhou', 'web', { kind: 'started' });
    await store.add(DAY, new Map([[field, 3]]));
    clock.today = addPeriod(DAY, { days: 2 });
    expect((await store.read([DAY])).get(DAY)?.get(field)).toBe(3);
    clock.today = addPeriod(DAY, { days: 3 });
    expect((await store.read([DAY])).size).toBe(0);
    // A late write to a day past its retention is not kept either.
    await store.add(DAY, new Map([[field, 1]]));
    expect((await store.read([DAY])).size).toBe(0);
  });
});

describe.runIf(runsWithRedis())('insights in Redis', () => {
  let redis: SpawnedRedis;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'insights-redis-'));
    redis = await spawnRedis({ appendOnlyDir: dir });
  }, 20_000);
  afterAll(async () => {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = () => createClient({ url: redis.url }).on('error', () => undefined).connect();

  it('keeps the counters of conversations across a restart of Redis and of the app', async () => {
    const client = await connect();
    const prefix = `${redis.keyPrefix}insights:`;
    const first = setup(new RedisInsightsStore(client, { keyPrefix: prefix }));
    const agent = request(first.app);
    for (let i = 0; i < 5; i++) {
      const created = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
      await converse(agent, created.body.id, created.body);
    }
    await first.insights.flush();
    client.destroy();
    await redis.restart();

    const again = await connect();
    try {
      const second = setup(new RedisInsightsStore(again, { keyPrefix: prefix }));
      const report = (await request(second.app).get(`/staff/api/insights?from=${DAY}&to=${DAY}&jurisdiction=shandong`)).body.jurisdictions.shandong;
      expect(report).toMatchObject({ started: 5, completed: 5, closeToEligible: 5 });
      expect(report.criteria[0]).toMatchObject({ id: 'shandong.floor-area', unmet: 5 });
      expect(report.unknownFacts).toEqual([{ fact: expect.any(String), label: expect.any(String), count: 5 }]);
    } finally {
      again.destroy();
    }
  });

  it('sets each day to expire after the retention, and a day past it is gone', async () => {
    const client = await connect();
    try {
      const prefix = `${redis.keyPrefix}expiry:`;
      const store = new RedisInsightsStore(client, { keyPrefix: prefix, retentionDays: 1 });
      const now = Math.floor(Date.now() / 1000);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const field = fieldOf('jilin', 'web', { kind: 'started' });
      await store.add(today, new Map([[field, 2]]));
      // Kept through the day and one more; Redis holds the expiry.
      const ttl = await client.ttl(store.keyOf(today));
      expect(ttl).toBeGreaterThan(86_400);
      expect(ttl).toBeLessThanOrEqual(2 * 86_400);
      expect(expiryOf(today, 1) - now).toBeGreaterThanOrEqual(ttl);
      // A default store keeps 400 days.
      await new RedisInsightsStore(client, { keyPrefix: `${prefix}default:` }).add(today, new Map([[field, 1]]));
      expect(await client.ttl(`${prefix}default:${today}`)).toBeGreaterThan(400 * 86_400);
      // A day whose retention has run out expires at once, even when a late turn still writes to it.
      const old = addPeriod(today, { days: -2 });
      await store.add(old, new Map([[field, 1]]));
      expect(await client.exists(store.keyOf(old))).toBe(0);
      expect((await store.read([old, today])).get(today)?.get(field)).toBe(2);
      expect((await store.read([old])).size).toBe(0);
    } finally {
      client.destroy();
    }
  });
});

describe('a store that fails', () => {
  it('never fails a conversation, and reports an outage once', async () => {
    const errors: unknown[] = [];
    let down = true;
    const inner = new MemoryInsightsStore({ today: () => DAY });
    const flaky: InsightsStore = {
      add: (day, deltas) => (down ? Promise.reject(new Error('Redis is down')) : inner.add(day, deltas)),
      read: (days) => inner.read(days),
    };
    const insights = createInsights(flaky, { today: () => DAY, onError: (e) => errors.push(e) });
    const sessionStore = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(sessionStore, () => DAY, insights.observer), store: sessionStore, insights });
    const agent = request(app);
    for (let i = 0; i < 3; i++) expect((await agent.post('/api/sessions').send({ jurisdiction: 'guangxi' })).status).toBe(201);
    await insights.flush();
    expect(errors).toHaveLength(1);
    down = false;
    expect((await agent.post('/api/sessions').send({ jurisdiction: 'guangxi' })).status).toBe(201);
    await insights.flush();
    expect((await countersOf(inner, DAY))[fieldOf('guangxi', 'web', { kind: 'started' })]).toBe(1);
  });
});

describe('writes are coalesced', () => {
  /** A memory store that counts its writes. */
  function countingStore() {
    const inner = new MemoryInsightsStore({ today: () => DAY });
    const counted = { writes: 0, store: inner as InsightsStore };
    counted.store = { add: (day, deltas) => ((counted.writes += 1), inner.add(day, deltas)), read: (days) => inner.read(days) };
    return counted;
  }

  /** `count` whole Shandong conversations through the API, with the recorder coalescing for `coalesceMs`. */
  async function conversationWith(coalesceMs: number, count = 1) {
    const counting = countingStore();
    const insights = createInsights(counting.store, { today: () => DAY, coalesceMs });
    const sessionStore = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(sessionStore, () => DAY, insights.observer), store: sessionStore, insights });
    const agent = request(app);
    for (let i = 0; i < count; i++) {
      const created = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
      const { body } = await converse(agent, created.body.id as string, created.body as Record<string, unknown>);
      expect(body.state).toBe('results');
    }
    return { counting, insights, agent };
  }

  it('counts exactly what uncoalesced writes count, in one write per day instead of one per turn', async () => {
    const each = await conversationWith(0);
    await each.insights.flush();
    const coalesced = await conversationWith(60_000);
    // Nothing written yet: the changes wait in memory for the delay (a minute here).
    expect(coalesced.counting.writes).toBe(0);
    await coalesced.insights.flush();
    expect(coalesced.counting.writes).toBe(1);
    expect(each.counting.writes).toBeGreaterThan(5);
    expect(await countersOf(coalesced.counting.store, DAY)).toEqual(await countersOf(each.counting.store, DAY));
  });

  it('writes by itself once the delay has passed', async () => {
    // No flush: every count of the conversation reaches the store by itself (in how many writes depends on how long
    // the conversation took on this machine, a write at most every 30 ms; that it is one is the test above).
    const { counting } = await conversationWith(30);
    const completed = fieldOf('shandong', 'web', { kind: 'completed' });
    await vi.waitFor(async () => expect((await countersOf(counting.store, DAY))[completed]).toBe(1), { timeout: 2000, interval: 10 });
    expect((await countersOf(counting.store, DAY))[fieldOf('shandong', 'web', { kind: 'started' })]).toBe(1);
  });

  it('shows the staff console what this process counted, written yet or not', async () => {
    // Five conversations: smaller counts are shown as "<5".
    const { agent, counting } = await conversationWith(60_000, 5);
    expect(counting.writes).toBe(0);
    const report = await agent.get('/staff/api/insights').query({ from: DAY, to: DAY, jurisdiction: 'shandong' });
    expect(report.status).toBe(200);
    expect(report.body.jurisdictions.shandong).toMatchObject({ started: 5, completed: 5 });
  });
});
