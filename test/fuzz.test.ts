/**
 * Hostile input against the real express app (rate limit off): random JSON bodies, random answers, random
 * strings in paths and raw bodies, to every API endpoint. Never a 500: always the error shape, or a valid
 * conversation view (or assessment). Also: unknown session ids 404, oversized bodies 413, prototype-polluting
 * keys 400, and every well-formed session id (known or not) costs exactly one store read, so whether an id
 * exists is not told apart by how much work is done. (The parser alone is fuzzed in test/parse.test.ts.)
 * Runs are bounded and seeded.
 */
import { createServer, type Server } from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { AssessmentResultSchema } from '../src/rules/result.js';
import { createApp } from '../src/server/app.js';
import { ConversationResponse, ErrorBody, SESSION_ID_PATTERN } from '../src/server/schemas.js';
import { MemorySessionStore } from '../src/store/memory.js';

const SEED = 20261123;
const COMMANDS = ['answers', 'choose', 'change', 'skip', 'back', 'restart', 'results', 'continue', 'lang'] as const;

let server: Server;
let store: MemorySessionStore;
let questionIds: string[] = [];

beforeAll(async () => {
  store = new MemorySessionStore();
  const app = createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store, config: { rateLimitPerMinute: 0 } });
  server = await new Promise<Server>((resolve) => {
    const s = createServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  const jurisdictions = await request(server).get('/api/jurisdictions');
  questionIds = [...new Set((jurisdictions.body.jurisdictions as Array<{ questions: Array<{ questionId: string }> }>).flatMap((j) => j.questions.map((q) => q.questionId)))];
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Checks a response: no 5xx, and the body is the error shape or what the endpoint returns. */
function expectSane(res: request.Response, kind: 'conversation' | 'assess' | 'any'): void {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  if (res.status >= 400 && res.status !== 422) {
    expect(ErrorBody.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
    return;
  }
  if (kind === 'conversation') expect(ConversationResponse.safeParse(res.body).success, JSON.stringify(res.body).slice(0, 300)).toBe(true);
  if (kind === 'assess') expect(AssessmentResultSchema.safeParse(res.body).success).toBe(true);
}

async function newSession(jurisdiction = 'shandong'): Promise<string> {
  const res = await request(server).post('/api/sessions').send({ jurisdiction });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const jsonBody = fc.jsonValue({ maxDepth: 3 });
/** Answer-like bodies: mostly real question ids, values of every JSON kind and typed text. */
const answerBody = fc.record(
  {
    questionId: fc.oneof(fc.constantFrom(...['layout', 'floorArea', 'jurisdiction', 'hrInstitutions', 'annualRevenue', 'supportingServices']), fc.string({ maxLength: 40 })),
    value: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('1.2万平方米', '五亿', '是', '不清楚', '<script>alert(1)</script>', '1e309', '-0', 'NaN', '９９９９'),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
      jsonBody,
    ),
    lang: fc.constantFrom('zh-CN', 'en', 'fr', ''),
  },
  { requiredKeys: [] },
);

describe('fuzzing the HTTP API', { timeout: 60_000 }, () => {
  it('answers random JSON bodies on every endpoint without a 500', async () => {
    const id = await newSession();
    const endpoint = fc.constantFrom(
      '/api/assess',
      '/api/sessions',
      ...COMMANDS.map((c) => `/api/sessions/${id}/${c}`),
      `/api/sessions/${id}`,
    );
    await fc.assert(
      fc.asyncProperty(endpoint, jsonBody, async (path, body) => {
        const res = await request(server).post(path).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expectSane(res, path === '/api/assess' ? 'assess' : path.startsWith('/api/sessions') ? 'conversation' : 'any');
      }),
      { seed: SEED, numRuns: 250 },
    );
  });

  it('answers random answers and commands to a live conversation without a 500', async () => {
    const ids = await Promise.all(['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou'].map((j) => newSession(j)));
    const withReal = answerBody.chain((body) =>
      fc.constantFrom(...questionIds).map((real) => (body.questionId === undefined ? { ...body, questionId: real } : body)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ids), fc.constantFrom(...COMMANDS), withReal, async (id, command, body) => {
        const res = await request(server).post(`/api/sessions/${id}/${command}`).send(body);
        expectSane(res, 'conversation');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('answers random paths, session ids, query strings and raw bodies with the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(...COMMANDS, ''),
        fc.string({ maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        async (segment, command, query, raw) => {
          const path = `/api/sessions/${encodeURIComponent(segment)}${command ? `/${command}` : ''}?lang=${encodeURIComponent(query)}`;
          const got = await request(server).get(path);
          expectSane(got, 'any');
          const posted = await request(server).post(path).set('Content-Type', 'application/json').send(raw);
          expectSane(posted, 'any');
          const other = await request(server).post(`/api/${encodeURIComponent(segment)}`).set('Content-Type', 'application/json').send(raw);
          expectSane(other, 'any');
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('404s unknown session ids, well-formed or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.stringMatching(SESSION_ID_PATTERN), fc.string({ minLength: 1, maxLength: 60 })), async (id) => {
        const res = await request(server).get(`/api/sessions/${encodeURIComponent(id)}`);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe(id === '.' || id === '..' ? res.body.error.code : 'session_not_found');
        const posted = await request(server).post(`/api/sessions/${encodeURIComponent(id)}/answers`).send({ questionId: 'floorArea', value: 1 });
        expect(posted.status).toBe(404);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('hostile bodies', () => {
  it('413 for a body over 32 KB', async () => {
    const id = await newSession();
    const huge = { questionId: 'floorArea', value: 'x'.repeat(40_000) };
    for (const path of ['/api/assess', '/api/sessions', `/api/sessions/${id}/answers`]) {
      const res = await request(server).post(path).send(huge);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('body_too_large');
    }
  });

  it('400 forbidden_key for __proto__, constructor or prototype at any depth', async () => {
    const id = await newSession();
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
    const path = fc.array(fc.constantFrom('facts', 'value', 'a', 'b'), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(key, path, jsonBody, fc.constantFrom('/api/assess', '/api/sessions', `/api/sessions/${id}/answers`), async (bad, at, inner, endpoint) => {
        // Built as text: an object literal with __proto__ would set the prototype instead of a key.
        let json = `{${JSON.stringify(bad)}:${JSON.stringify(inner)}}`;
        for (const k of [...at].reverse()) json = `{${JSON.stringify(k)}:${json}}`;
        const res = await request(server).post(endpoint).set('Content-Type', 'application/json').send(json);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('forbidden_key');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('unknown session ids take the same path as known ones', () => {
  it('one store read for every well-formed id, known or not; none for malformed ones', async () => {
    const known = await Promise.all([newSession(), newSession('jilin')]);
    const get = vi.spyOn(store, 'get');
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constantFrom(...known), fc.stringMatching(SESSION_ID_PATTERN)), async (id) => {
          get.mockClear();
          const res = await request(server).get(`/api/sessions/${id}`);
          expect(res.status).toBe(known.includes(id) ? 200 : 404);
          expect(get).toHaveBeenCalledTimes(1);
          expect(get).toHaveBeenCalledWith(id);
        }),
        { seed: SEED, numRuns: 150 },
      );
      get.mockClear();
      const malformed = await request(server).get('/api/sessions/too-short');
      expect(malformed.status).toBe(404);
      expect(get).not.toHaveBeenCalled();
    } finally {
      get.mockRestore();
    }
  });
});
