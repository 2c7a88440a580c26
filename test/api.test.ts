/**
 * The HTTP API of the contract, against the real express app: assessment, jurisdictions, a conversation from
 * the first question to the result, and every error a caller can meet.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import type { SessionStore } from '../src/store/types.js';
import { StoreUnavailableError } from '../src/store/types.js';

function app(store: SessionStore = new MemorySessionStore()) {
  return createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store });
}

describe('POST /api/assess', () => {
  it('returns the contract result', async () => {
    const res = await request(app())
      .post('/api/assess')
      .send({ jurisdiction: 'shandong', facts: { layout: 'single', floorArea: 9999 }, lang: 'en', date: '2026-11-23' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jurisdiction: 'shandong', date: '2026-11-23', verdict: 'ineligible' });
    expect(res.body.criteria.find((c: { id: string }) => c.id === 'shandong.floor-area').explanation).toContain('short by 1 m²');
  });

  it('names each offending fact in a 400, in the requested language', async () => {
    const res = await request(app())
      .post('/api/assess')
      .set('accept-language', 'en')
      .send({ jurisdiction: 'jilin', facts: { floorArea: -5, hrInstitution: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_facts');
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['floorArea', 'hrInstitution']);
    expect(res.body.error.details[0].message).toMatch(/must not be negative|not a known fact/);
  });

  it('rejects an unknown jurisdiction, a bad date and a malformed body', async () => {
    expect((await request(app()).post('/api/assess').send({ jurisdiction: 'beijing', facts: {} })).body.error.details[0].field).toBe('jurisdiction');
    expect((await request(app()).post('/api/assess').send({ jurisdiction: 'jilin', facts: {}, date: '2026-02-30' })).status).toBe(400);
    const missing = await request(app()).post('/api/assess').send({ facts: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_body');
    const broken = await request(app()).post('/api/assess').set('content-type', 'application/json').send('{"jurisdiction":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await request(app()).post('/api/assess').send({ jurisdiction: 'jilin', facts: { x: 'a'.repeat(40_000) } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });
});

describe('GET /api/jurisdictions', () => {
  it('lists the five with their questions, localized', async () => {
    const res = await request(app()).get('/api/jurisdictions?lang=en');
    expect(res.status).toBe(200);
    expect(res.body.jurisdictions.map((j: { id: string }) => j.id)).toEqual(['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou']);
    const guangxi = res.body.jurisdictions.find((j: { id: string }) => j.id === 'guangxi');
    expect(guangxi.questions.map((q: { questionId: string }) => q.questionId)).toContain('branches.0.floorArea');
    expect(guangxi.questions.find((q: { questionId: string }) => q.questionId === 'layout')).toMatchObject({ kind: 'choice', options: [{ value: 'single' }, { value: 'multi' }] });
    expect(guangxi.questions[0].text).toMatch(/single site/);
  });
});

describe('conversations over HTTP', () => {
  it('goes from the first question to the result, typed as people type', async () => {
    const agent = request(app());
    const created = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.body.prompt).toMatchObject({ questionId: 'layout', kind: 'choice' });
    let body = created.body;
    const answers: Record<string, unknown> = {
      layout: '一个', locationType: '设区市', floorArea: '1.2万平方米', occupiedArea: '8000平米', commercialHrInstitutions: '二十五家',
      annualRevenue: '6.2亿元', fullTimeStaff: '6人', publicServices: '就业创业、社会保障、人事人才',
      supportingServices: '会议，培训，金融，法律，餐饮，网络信息', previousOutcome: '无',
    };
    for (let i = 0; i < 40 && body.state === 'interviewing'; i++) {
      const q = body.prompt.questionId as string;
      const value = answers[q] ?? (body.prompt.kind === 'boolean' ? '是' : null);
      const res = await agent.post(`/api/sessions/${created.body.id}/answers`).send({ questionId: q, value });
      expect(res.status, `${q}: ${JSON.stringify(res.body.error)}`).toBe(200);
      body = res.body;
    }
    expect(body.state).toBe('results');
    expect(body.result.verdict).toBe('eligible');
    const read = await agent.get(`/api/sessions/${created.body.id}`);
    expect(read.body.result.verdict).toBe('eligible');
  });

  it('answers an unreadable value with the same question and a hint (422), never a 500', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'jilin', lang: 'en' });
    const res = await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'layout', value: 'a castle' });
    expect(res.status).toBe(422);
    expect(res.body.prompt.questionId).toBe('layout');
    expect(res.body.error.message.length).toBeGreaterThan(0);
  });

  it('supports back, skip, change, restart, results and language', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'wenzhou' });
    const id = body.id as string;
    await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'layout', value: 'single' });
    expect((await agent.post(`/api/sessions/${id}/back`)).body.prompt.questionId).toBe('layout');
    expect((await agent.post(`/api/sessions/${id}/skip`).send({})).body.answers[0]).toMatchObject({ questionId: 'layout', skipped: true });
    expect((await agent.post(`/api/sessions/${id}/change`).send({ questionId: 'layout', value: 'multi' })).body.answers[0].skipped).toBe(false);
    expect((await agent.post(`/api/sessions/${id}/lang`).send({ lang: 'en' })).body.prompt.text).toMatch(/[a-z]/);
    expect((await agent.post(`/api/sessions/${id}/results`)).body.result.verdict).toBe('incomplete');
    expect((await agent.post(`/api/sessions/${id}/restart`)).body.answers).toEqual([]);
  });

  it('starts with the jurisdiction question and matches a typed place', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({});
    expect(body.prompt.questionId).toBe('jurisdiction');
    const chosen = await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'jurisdiction', value: '延边' });
    expect(chosen.body.jurisdiction).toBe('jilin');
    const elsewhere = await agent.post('/api/sessions').send({});
    const notCovered = await agent.post(`/api/sessions/${elsewhere.body.id}/answers`).send({ questionId: 'jurisdiction', value: '上海' });
    expect(notCovered.status).toBe(422);
    expect(notCovered.body.error.message).toContain('上海');
  });

  it('404s on a session that is not ours, and on unknown routes', async () => {
    const agent = request(app());
    const res = await agent.post('/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/answers').send({ questionId: 'layout', value: 'single' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('session_not_found');
    expect((await agent.get('/api/nope')).status).toBe(404);
  });

  it('400s on a body of the wrong shape', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({});
    expect((await agent.post('/api/sessions').send({ jurisdiction: 'tokyo' })).status).toBe(400);
    expect((await agent.post(`/api/sessions/${body.id}/answers`).send({ value: 1 })).status).toBe(400);
    expect((await agent.post(`/api/sessions/${body.id}/lang`).send({ lang: 'fr' })).status).toBe(400);
  });

  it('503s with a clear message when the session store is down', async () => {
    const down: SessionStore = Object.assign(new MemorySessionStore(), {
      create: async () => { throw new StoreUnavailableError(); },
      ping: async () => false,
    });
    const res = await request(app(down)).post('/api/sessions').set('accept-language', 'en').send({});
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/temporarily unavailable/);
    expect((await request(app(down)).get('/readyz')).status).toBe(503);
    expect((await request(app(down)).get('/healthz')).status).toBe(200);
  });
});

describe('demo page', () => {
  it('serves a bureau page that loads the demo client', async () => {
    const res = await request(app()).get('/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<script src="/demo.js"');
    expect((await request(app()).get('/demo.js')).status).toBe(200);
  });
});

describe('concurrency', () => {
  it('409s when a session stays contended through every retry', async () => {
    const store = new MemorySessionStore();
    const contended: SessionStore = {
      get: (id) => store.get(id),
      create: (id, version, data) => store.create(id, version, data),
      update: async () => undefined, // someone else always wrote first
      delete: (id) => store.delete(id),
      touch: (id) => store.touch(id),
      ping: () => store.ping(),
      close: () => store.close(),
    };
    const agent = request(app(contended));
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    const res = await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'layout', value: 'single' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('session_conflict');
  });
});
