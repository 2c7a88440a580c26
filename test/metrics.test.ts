/**
 * `GET /metrics` as an operator's Prometheus would scrape it: what a conversation and an assessment move, label
 * values bounded (route templates, never a session id), the access rules, and the store's failures and conflicts.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createMetrics } from '../src/server/metrics.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { type SessionStore, StoreUnavailableError } from '../src/store/types.js';

function setup(store: SessionStore = new MemorySessionStore(), env: Record<string, string> = {}) {
  const metrics = createMetrics();
  const observed = metrics.observeStore(store);
  const sessions = new ConversationSessions(observed, () => '2026-11-23', metrics.sessions);
  const app = createApp({ sessions, store: observed, metrics, config: loadConfig(env) });
  return { app, metrics, store: observed };
}

/** The value of one sample line, e.g. `park_advisor_assessments_total{jurisdiction="shandong",channel="api"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)) : false);
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function scrape(app: ReturnType<typeof setup>['app']): Promise<string> {
  const res = await request(app).get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text;
}

describe('GET /metrics', () => {
  it('counts a whole conversation by jurisdiction and channel, and its verdict', async () => {
    const { app } = setup();
    const created = await request(app).post('/api/sessions').send({ jurisdiction: 'shandong' });
    expect(created.status).toBe(201);
    let view = created.body;
    let turns = 0;
    // "I don't know" to every question reaches the result quickly: the verdict is incomplete.
    while (view.state === 'interviewing' && turns < 60) {
      const res = await request(app).post(`/api/sessions/${created.body.id}/answers`).send({ questionId: view.prompt.questionId, value: null });
      expect(res.status).toBe(200);
      view = res.body;
      turns += 1;
    }
    expect(view.state).toBe('results');
    const text = await scrape(app);
    expect(sample(text, 'park_advisor_conversations_started_total', { channel: 'web' })).toBe(1);
    expect(sample(text, 'park_advisor_conversation_turns_total', { jurisdiction: 'shandong', channel: 'web' })).toBe(turns);
    expect(sample(text, 'park_advisor_verdicts_total', { jurisdiction: 'shandong', verdict: 'incomplete', channel: 'web' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/sessions/:id/answers', status: '200', method: 'POST' })).toBe(turns);
    // Label values are route templates: no session id ever appears.
    expect(text).not.toContain(created.body.id);
    // Node's process metrics are there too.
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('counts assessments of POST /api/assess with their verdict', async () => {
    const { app } = setup();
    await request(app).post('/api/assess').send({ jurisdiction: 'shandong', facts: { layout: 'single', floorArea: 9999 }, date: '2026-11-23' }).expect(200);
    await request(app).post('/api/assess').send({ jurisdiction: 'shandong', facts: { floorArea: -1 } }).expect(400);
    const text = await scrape(app);
    expect(sample(text, 'park_advisor_assessments_total', { jurisdiction: 'shandong', channel: 'api' })).toBe(1);
    expect(sample(text, 'park_advisor_verdicts_total', { jurisdiction: 'shandong', verdict: 'ineligible', channel: 'api' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { route: '/api/assess', status: '400' })).toBe(1);
  });

  it('labels requests that match no route as unmatched, not by their path', async () => {
    const { app } = setup();
    await request(app).get('/api/sessions/not-a-real-id-at-all/whatever').expect(404);
    const text = await scrape(app);
    expect(text).not.toContain('not-a-real-id-at-all');
    expect(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBe(1);
  });

  it('is refused to a client that came through a proxy, without a token', async () => {
    const { app } = setup();
    const res = await request(app).get('/metrics').set('x-forwarded-for', '203.0.113.9');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('http_request_duration_seconds');
  });

  it('needs the bearer token when METRICS_TOKEN is set, even from loopback', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const { app } = setup(new MemorySessionStore(), { METRICS_TOKEN: token });
    const without = await request(app).get('/metrics');
    expect(without.status).toBe(401);
    expect(without.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await request(app).get('/metrics').set('authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
    const ok = await request(app).get('/metrics').set('authorization', `Bearer ${token}`).set('x-forwarded-for', '203.0.113.9');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('http_request_duration_seconds');
  });

  it('counts the store being unavailable, and lost compare-and-set writes', async () => {
    class DownStore extends MemorySessionStore {
      override async create(): Promise<boolean> {
        throw new StoreUnavailableError();
      }
    }
    const down = setup(new DownStore());
    expect((await request(down.app).post('/api/sessions').send({})).status).toBe(503);
    expect(sample(await scrape(down.app), 'park_advisor_store_errors_total', { operation: 'create' })).toBe(1);

    const { app, store } = setup();
    await store.create('s1', 1, { n: 1 });
    expect(await store.update('s1', 1, 1, { n: 2 })).toBeDefined();
    // A writer that read version 1 loses to the one above.
    expect(await store.update('s1', 1, 1, { n: 3 })).toBeUndefined();
    expect(sample(await scrape(app), 'park_advisor_store_cas_conflicts_total')).toBe(1);
  });

  it('is not served by an app built without metrics (METRICS_ENABLED=false), and the switch is validated', async () => {
    expect(loadConfig({ METRICS_ENABLED: 'false' }).metricsEnabled).toBe(false);
    expect(loadConfig({}).metricsEnabled).toBe(true);
    expect(() => loadConfig({ METRICS_ENABLED: 'maybe' })).toThrow(/METRICS_ENABLED must be true or false/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    const store = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(store), store });
    expect((await request(app).get('/metrics')).status).toBe(404);
  });
});
