/**
 * The HTTP API of the contract, against the real express app: assessment, jurisdictions, a conversation from
 * the first question to the result, and every error a caller can meet.
 */
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { translator } from '../src/i18n/index.js';
import { AssessmentResultSchema } from '../src/rules/result.js';
import { createApp } from '../src/server/app.js';
import { API_ERROR_CODES, API_ERRORS, type ApiErrorCode } from '../src/server/errors.js';
import { ROUTES } from '../src/server/openapi.js';
import { ConversationResponse, ErrorBody, JurisdictionsResponse, SessionResultSchema } from '../src/server/schemas.js';
import { MemorySessionStore } from '../src/store/memory.js';
import type { SessionStore } from '../src/store/types.js';
import { StoreUnavailableError } from '../src/store/types.js';
import { delegating } from './support/stores.js';

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

describe('how answers are sent', () => {
  it("sends a POST's JSON with its exact length in bytes and no ETag (never cached); a GET's can be revalidated", async () => {
    const a = app();
    const assessed = await request(a).post('/api/assess').send({ jurisdiction: 'wenzhou', facts: { layout: 'single', floorArea: 9999 }, lang: 'zh-CN', date: '2026-11-23' });
    expect(assessed.status).toBe(200);
    expect(assessed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(assessed.headers.etag).toBeUndefined();
    // Chinese text: the length counts UTF-8 bytes, not characters.
    expect(Number(assessed.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(assessed.body)));
    const created = await request(a).post('/api/sessions').send({ jurisdiction: 'jilin' });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBeUndefined();
    const refused = await request(a).post(`/api/sessions/${created.body.id}/answers`).send({ questionId: 'noSuchQuestion', value: '1' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBeTypeOf('string');
    const catalog = await request(a).get('/api/jurisdictions');
    expect(catalog.headers.etag).toBeTypeOf('string');
    expect((await request(a).get('/api/jurisdictions').set('if-none-match', catalog.headers.etag as string)).status).toBe(304);
  });

  it("revalidates a session's view until the next answer changes it", async () => {
    const a = app();
    const { body: created } = await request(a).post('/api/sessions').send({ jurisdiction: 'jilin' });
    const first = await request(a).get(`/api/sessions/${created.id}`);
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const same = await request(a).get(`/api/sessions/${created.id}`).set('if-none-match', etag);
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect((await request(a).post(`/api/sessions/${created.id}/answers`).send({ questionId: 'layout', value: '一个园区' })).status).toBe(200);
    const changed = await request(a).get(`/api/sessions/${created.id}`).set('if-none-match', etag);
    expect(changed.status).toBe(200);
    expect(changed.body.answers.length).toBe(1);
  });

  it('answers HEAD with the headers of GET and no body, and /API in any case as before', async () => {
    const a = app();
    const head = await request(a).head('/api/jurisdictions');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    expect(head.text ?? '').toBe('');
    const upper = await request(a).get('/API/jurisdictions?lang=en');
    expect(upper.status).toBe(200);
    expect(upper.body.jurisdictions).toHaveLength(5);
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

  it('400s an unknown jurisdiction naming the five ids, and opens a session from a place name', async () => {
    const agent = request(app());
    const unknown = await agent.post('/api/sessions').send({ jurisdiction: 'tokyo', lang: 'en' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_jurisdiction');
    for (const id of ['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou']) expect(unknown.body.error.message).toContain(id);
    expect(unknown.body.error.details).toEqual([{ field: 'jurisdiction', problem: 'unknown_jurisdiction', allowed: ['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou'] }]);
    expect((await agent.post('/api/sessions').send({ jurisdiction: '上海' })).body.error.message).toContain('wenzhou');
    for (const [place, id] of [['济南', 'shandong'], ['乐清', 'wenzhou'], ['jinan', 'shandong'], ['Wenzhou', 'wenzhou']] as const) {
      const created = await agent.post('/api/sessions').send({ jurisdiction: place });
      expect(created.status, place).toBe(201);
      expect(created.body.jurisdiction, place).toBe(id);
      expect(created.body.prompt.questionId, place).toBe('layout');
    }
  });

  it('switches the language after a misread answer with a 200, the hint and the question in the new language', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    const misread = await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'layout', value: '一座城堡' });
    expect(misread.status).toBe(422);
    const switched = await agent.post(`/api/sessions/${body.id}/lang`).send({ lang: 'en' });
    expect(switched.status).toBe(200);
    expect(switched.body.lang).toBe('en');
    expect(switched.body.prompt.questionId).toBe('layout');
    expect(switched.body.prompt.text).toMatch(/single site/);
    expect(switched.body.error?.message ?? '').not.toMatch(/[\u4e00-\u9fff]{4}/);
    // The next answer is read as before.
    expect((await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'layout', value: 'single site' })).status).toBe(200);
  });

  it('405s a known path asked with the wrong method, with Allow; 404s an unknown one', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({});
    const cases: Array<[string, () => request.Test, string]> = [
      ['GET /api/sessions', () => agent.get('/api/sessions'), 'OPTIONS, POST'],
      ['DELETE /api/sessions/:id', () => agent.delete(`/api/sessions/${body.id}`), 'GET, HEAD, OPTIONS'],
      ['GET /api/sessions/:id/answers', () => agent.get(`/api/sessions/${body.id}/answers`), 'OPTIONS, POST'],
      ['PUT /api/assess', () => agent.put('/api/assess'), 'OPTIONS, POST'],
      ['POST /api/jurisdictions', () => agent.post('/api/jurisdictions'), 'GET, HEAD, OPTIONS'],
      ['POST /healthz', () => agent.post('/healthz'), 'GET, HEAD, OPTIONS'],
    ];
    for (const [name, send, allow] of cases) {
      const res = await send().set('accept-language', 'en');
      expect(res.status, name).toBe(405);
      expect(res.headers.allow, name).toBe(allow);
      expect(res.body.error.code).toBe('method_not_allowed');
    }
    expect((await agent.delete('/api/nope')).status).toBe(404);
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
  it('serves a bureau page that embeds the widget with one script tag', async () => {
    const res = await request(app()).get('/');
    expect(res.status).toBe(200);
    expect(res.text.match(/<script\b/g)).toHaveLength(1);
    expect(res.text).toMatch(/<script src="\/widget\.js" data-jurisdiction="[a-z]+" data-lang="zh-CN" async><\/script>/);
    expect((await request(app()).get('/widget.js')).status).toBe(200);
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

// ---- Issue 4: every endpoint, every error code, hostile bodies -----------------------------------------------


/** A JSON body sent exactly as written (object literals would drop `__proto__`). */
const raw = (agent: ReturnType<typeof request>, path: string, json: string) =>
  agent.post(path).set('content-type', 'application/json').send(json);

describe('every conversation endpoint', () => {
  it('answers with the conversation shape of the OpenAPI document, 200 or 201 or 422', async () => {
    const agent = request(app());
    const seen: string[] = [];
    const check = (name: string, res: request.Response, status: number) => {
      expect(res.status, `${name}: ${res.text.slice(0, 300)}`).toBe(status);
      const parsed = ConversationResponse.safeParse(res.body);
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
      seen.push(name);
      return res.body;
    };
    const opened = check('create', await agent.post('/api/sessions').send({ lang: 'en' }), 201);
    const id = opened.id as string;
    check('choose (not covered)', await agent.post(`/api/sessions/${id}/choose`).send({ value: 'Tokyo' }), 422);
    check('choose', await agent.post(`/api/sessions/${id}/choose`).send({ value: '济南' }), 200);
    check('answers', await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'layout', value: 'single' }), 200);
    check('answers (unreadable)', await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'locationType', value: 'a castle' }), 422);
    check('answers (null)', await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'locationType', value: null }), 200);
    check('skip', await agent.post(`/api/sessions/${id}/skip`).send({}), 200);
    check('back', await agent.post(`/api/sessions/${id}/back`), 200);
    check('change', await agent.post(`/api/sessions/${id}/change`).send({ questionId: 'layout', value: 'multi' }), 200);
    check('lang', await agent.post(`/api/sessions/${id}/lang`).send({ lang: 'zh-CN' }), 200);
    const results = check('results', await agent.post(`/api/sessions/${id}/results`).send({}), 200);
    expect(results.state).toBe('results');
    expect(SessionResultSchema.safeParse(results.result).success).toBe(true);
    const continued = check('continue', await agent.post(`/api/sessions/${id}/continue`), 200);
    expect(continued.state).toBe('interviewing');
    check('get', await agent.get(`/api/sessions/${id}`), 200);
    const withResult = check('get ?result=1', await agent.get(`/api/sessions/${id}?result=1`), 200);
    expect(withResult.result.jurisdiction).toBe('shandong');
    const restarted = check('restart', await agent.post(`/api/sessions/${id}/restart`), 200);
    expect(restarted.answers).toEqual([]);
    // Every conversation route of the router was exercised.
    const conversationRoutes = ROUTES.filter((r) => r.path.startsWith('/api/sessions'));
    expect(seen.length).toBeGreaterThanOrEqual(conversationRoutes.length);
  });

  it('GET /api/jurisdictions and POST /api/assess answer with their documented schemas', async () => {
    const list = await request(app()).get('/api/jurisdictions');
    expect(JurisdictionsResponse.safeParse(list.body).success).toBe(true);
    const assessed = await request(app()).post('/api/assess').send({ jurisdiction: 'wenzhou', facts: {}, date: '2026-11-23' });
    expect(AssessmentResultSchema.safeParse(assessed.body).success).toBe(true);
  });

  it('a command without parameters takes no body or {}, nothing else', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'jilin' });
    const res = await agent.post(`/api/sessions/${body.id}/back`).send({ questionId: 'layout' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_body', details: [{ field: 'questionId', problem: 'unrecognized_keys' }] });
  });
});

describe('every error code', () => {
  /** Produces each code the API can answer with; every body must be the contract's error shape. */
  const cases: Array<[ApiErrorCode, () => Promise<request.Response>]> = [
    ['invalid_body', () => request(app()).post('/api/sessions').set('accept-language', 'en').send({ jurisdiction: 7 })],
    ['unknown_jurisdiction', () => request(app()).post('/api/sessions').set('accept-language', 'en').send({ jurisdiction: 'tokyo' })],
    ['method_not_allowed', () => request(app()).delete('/api/sessions?lang=en')],
    ['invalid_json', () => raw(request(app()), '/api/sessions', '{"lang":').set('accept-language', 'en')],
    ['invalid_facts', () => request(app()).post('/api/assess').send({ jurisdiction: 'jilin', facts: { floorArea: -1 }, lang: 'en' })],
    ['forbidden_key', () => raw(request(app()), '/api/sessions?lang=en', '{"__proto__":{"x":1}}')],
    ['not_found', () => request(app()).get('/api/nope?lang=en')],
    ['session_not_found', () => request(app()).get('/api/sessions/AAAAAAAAAAAAAAAAAAAAAA?lang=en')],
    ['document_not_found', async () => {
      const agent = request(app());
      const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
      return agent.get(`/api/sessions/${body.id}/documents/passport.docx?lang=en`);
    }],
    ['session_conflict', async () => {
      const contended = delegating(new MemorySessionStore(), { update: async () => undefined });
      const agent = request(app(contended));
      const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
      return agent.post(`/api/sessions/${body.id}/answers?lang=en`).send({ questionId: 'layout', value: 'single' });
    }],
    ['body_too_large', () => request(app()).post('/api/sessions?lang=en').send({ jurisdiction: 'x'.repeat(40_000) })],
    ['unsupported_media_type', () => request(app()).post('/api/sessions?lang=en').set('content-type', 'text/plain').send('jurisdiction=jilin')],
    ['rate_limited', async () => {
      const limited = createApp({ sessions: new ConversationSessions(new MemorySessionStore()), store: new MemorySessionStore(), config: { rateLimitPerMinute: 1 } });
      await request(limited).get('/api/jurisdictions');
      return request(limited).get('/api/jurisdictions?lang=en');
    }],
    ['internal', async () => {
      const broken: SessionStore = Object.assign(new MemorySessionStore(), { get: async () => { throw new Error('a bug'); } });
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        return await request(app(broken)).get('/api/sessions/AAAAAAAAAAAAAAAAAAAAAA?lang=en');
      } finally {
        quiet.mockRestore();
      }
    }],
    ['store_unavailable', () => {
      const down: SessionStore = Object.assign(new MemorySessionStore(), { create: async () => { throw new StoreUnavailableError(); } });
      return request(app(down)).post('/api/sessions?lang=en').send({});
    }],
  ];

  it('covers every code the API defines', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...API_ERROR_CODES].sort());
  });

  it.each(cases)('%s: its status, { error: { code, message, details } }, the message in English when asked', async (code, make) => {
    const res = await make();
    expect(res.status).toBe(API_ERRORS[code]);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const parsed = ErrorBody.safeParse(res.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toBe(translator('en', 'api')(`errors.${code}`, { ids: 'shandong, jilin, mudanjiang, guangxi, wenzhou' }));
    expect(res.body.error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('speaks Chinese by default, and the language `lang` in the body asks for', async () => {
    const zh = await request(app()).get('/api/nope');
    expect(zh.body.error.message).toBe('没有这个接口。');
    const en = await request(app()).post('/api/sessions').send({ lang: 'en', jurisdiction: 7 });
    expect(en.body.error.message).toMatch(/not valid/);
  });

  it('answers unknown routes outside the API in the same shape', async () => {
    const res = await request(app()).get('/no-such-page').set('accept-language', 'en');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'There is no such endpoint.', details: null });
  });

  it('415s a JSON body in another charset, and accepts an empty body without a type', async () => {
    const latin = await request(app()).post('/api/sessions').set('content-type', 'application/json; charset=latin1').send('{}');
    expect(latin.status).toBe(415);
    expect(latin.body.error.code).toBe('unsupported_media_type');
    const form = await request(app()).post('/api/sessions').type('form').send({ jurisdiction: 'jilin' });
    expect(form.status).toBe(415);
    expect((await request(app()).post('/api/sessions')).status).toBe(201);
  });

  it('422 is the view: the same prompt, and why the answer was not taken', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'shandong', lang: 'en' });
    const res = await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'layout', value: 'a castle' });
    expect(res.status).toBe(422);
    expect(res.body.prompt).toEqual(body.prompt);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(res.body.answers).toEqual([]);
  });
});

describe('hostile bodies and ids', () => {
  it.each([
    ['/api/sessions', '{"__proto__":{"polluted":true},"jurisdiction":"jilin"}', '__proto__'],
    ['/api/sessions', '{"constructor":{"prototype":{"polluted":true}}}', 'constructor'],
    ['/api/assess', '{"jurisdiction":"jilin","facts":{"branches":[{"__proto__":{"polluted":true}}]}}', 'facts.branches.0.__proto__'],
    ['/api/assess', '{"jurisdiction":"jilin","facts":{"prototype":1}}', 'facts.prototype'],
  ])('rejects prototype-pollution keys with 400 (%s %s)', async (path, json, field) => {
    const res = await raw(request(app()), path, json);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'forbidden_key', details: [{ field, problem: 'forbidden_key' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects them inside an answer too, at any depth, without a stack overflow', async () => {
    const agent = request(app());
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'jilin' });
    const nested = await raw(agent, `/api/sessions/${body.id}/answers`, '{"questionId":"layout","value":{"a":[{"b":{"__proto__":{}}}]}}');
    expect(nested.body.error.details[0].field).toBe('value.a.0.b.__proto__');
    const deep = await raw(agent, `/api/sessions/${body.id}/answers`, `{"questionId":"layout","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(deep.status).toBe(422); // parsed, walked, and answered as an unreadable answer; no 500
  });

  it('404s an id that is not 22 base64url characters without asking the store', async () => {
    const memory = new MemorySessionStore();
    let reads = 0;
    const counting = delegating(memory, {
      get: <T>(id: string) => {
        reads += 1;
        return memory.get<T>(id);
      },
    });
    const agent = request(app(counting));
    for (const id of ['short', 'A'.repeat(23), 'AAAAAAAAAAAAAAAAAAAA%2E%2E', '..%2F..%2Fetc%2Fpasswd', 'AAAAAAAAAAAAAAAAAAAA!!', 'AAAAAAAAAAAAAAAAAA%E0%A4%A']) {
      const res = await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'layout', value: 'single' });
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe('session_not_found');
      expect((await agent.get(`/api/sessions/${id}`)).status).toBe(404);
    }
    expect(reads).toBe(0);
    expect((await agent.get('/api/sessions/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect(reads).toBe(1);
  });
});

describe('request ids', () => {
  it('puts X-Request-Id on every response: the caller\'s when sane, a fresh UUID otherwise', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const path of ['/', '/healthz', '/readyz', '/api/jurisdictions', '/api/nope', '/widget.js', '/nowhere']) {
      expect((await request(app()).get(path)).headers['x-request-id'], path).toMatch(uuid);
    }
    expect((await request(app()).get('/healthz').set('x-request-id', 'lb-7f3a:42.1')).headers['x-request-id']).toBe('lb-7f3a:42.1');
    for (const bad of ['has space', 'x'.repeat(129), '<script>', 'a\u00e9']) {
      expect((await request(app()).get('/healthz').set('x-request-id', bad)).headers['x-request-id'], bad).toMatch(uuid);
    }
    const posted = await request(app()).post('/api/sessions').send({ jurisdiction: 'tokyo' });
    expect(posted.status).toBe(400);
    expect(posted.headers['x-request-id']).toMatch(uuid);
  });
});
