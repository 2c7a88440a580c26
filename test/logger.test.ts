/**
 * The access log (src/server/logger.ts): every line carries the request id, session ids appear only hashed,
 * and no body (so no typed answer) is ever written. The logger's destination is captured in memory.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { createLogger, defaultLevel, hashId, loggedUrl } from '../src/server/logger.js';
import { MemorySessionStore } from '../src/store/memory.js';
import type { SessionStore } from '../src/store/types.js';

/** A logger at `info` whose lines are collected, parsed. */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  let raw = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      for (const line of chunk.toString().split('\n').filter((l) => l.trim() !== '')) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ nodeEnv: 'production', level: 'info', destination });
  return { logger, lines, raw: () => raw };
}

function appWith(logger: ReturnType<typeof createLogger>, store: SessionStore = new MemorySessionStore()) {
  return createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store, logger });
}

describe('logging', () => {
  it('hashes session ids in URLs and leaves other URLs alone', () => {
    expect(hashId('abc')).toMatch(/^[0-9a-f]{12}$/);
    expect(loggedUrl('/api/sessions/AbC_123/answers?lang=en')).toBe(`/api/sessions/#${hashId('AbC_123')}/answers?lang=en`);
    expect(loggedUrl('/api/sessions')).toBe('/api/sessions');
    expect(loggedUrl('/healthz')).toBe('/healthz');
  });

  it('is silent under NODE_ENV=test and at info elsewhere', () => {
    expect(defaultLevel('test')).toBe('silent');
    expect(defaultLevel('production')).toBe('info');
    expect(createLogger({ nodeEnv: 'test' }).level).toBe('silent');
  });

  it("writes one line per request with the request id, the session id hashed and never the answer", async () => {
    const { logger, lines, raw } = capture();
    const app = appWith(logger);
    const created = await request(app).post('/api/sessions').send({ jurisdiction: 'shandong' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const secret = '机密答案-7391-园区面积一点二万平方米';
    const answered = await request(app)
      .post(`/api/sessions/${id}/answers`)
      .set('X-Request-Id', 'req-fixed-42')
      .set('Cookie', 'pa_staff=should-not-appear')
      .send({ questionId: 'floorArea', value: secret });
    expect([200, 422]).toContain(answered.status);
    expect(answered.headers['x-request-id']).toBe('req-fixed-42');

    const line = lines.find((l) => l.reqId === 'req-fixed-42');
    expect(line).toBeDefined();
    expect(line).toMatchObject({ level: 30, req: { method: 'POST', url: `/api/sessions/#${hashId(id)}/answers` } });
    expect((line?.res as { statusCode: number }).statusCode).toBe(answered.status);
    // Every line has a request id; nothing identifying is written anywhere.
    const requestLines = lines.filter((l) => l.req !== undefined);
    expect(requestLines.length).toBe(2);
    for (const l of requestLines) expect(typeof l.reqId).toBe('string');
    expect(raw()).not.toContain(id);
    expect(raw()).not.toContain('7391');
    expect(raw()).not.toContain('should-not-appear');
  });

  it('logs a 500 with its error, at error level, under the request id', async () => {
    const { logger, lines } = capture();
    const store = new MemorySessionStore();
    store.create = () => Promise.reject(new Error('disk on fire'));
    const res = await request(appWith(logger, store)).post('/api/sessions').set('X-Request-Id', 'boom-1').send({});
    expect(res.status).toBe(500);
    const line = lines.find((l) => l.reqId === 'boom-1');
    expect(line).toMatchObject({ level: 50, res: { statusCode: 500 } });
    expect((line?.err as { message: string }).message).toBe('disk on fire');
  });

  it('logs a request the client gave up on before the answer, as aborted, with its request id', async () => {
    const { logger, lines } = capture();
    const store = new MemorySessionStore();
    const create = store.create.bind(store);
    store.create = (id, schemaVersion, data) => new Promise((resolve) => setTimeout(() => resolve(create(id, schemaVersion, data)), 150));
    const server = createServer(appWith(logger, store)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const req = httpRequest({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST', path: '/api/sessions', headers: { 'content-type': 'application/json', 'x-request-id': 'gone-1' } });
      req.on('error', () => undefined);
      req.end('{}');
      await new Promise((resolve) => setTimeout(resolve, 40));
      req.destroy();
      await vi.waitFor(() => expect(lines.find((l) => l.reqId === 'gone-1')).toBeDefined(), { timeout: 2000, interval: 10 });
      expect(lines.find((l) => l.reqId === 'gone-1')).toMatchObject({ level: 40, msg: 'request aborted', req: { method: 'POST', url: '/api/sessions' } });
      // Answered later into the void: still one line for the request.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(lines.filter((l) => l.reqId === 'gone-1')).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('writes nothing for the health probes', async () => {
    const { logger, lines } = capture();
    const app = appWith(logger);
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/readyz')).status).toBe(200);
    expect((await request(app).get('/api/jurisdictions')).status).toBe(200);
    expect(lines.map((l) => (l.req as { url: string } | undefined)?.url)).toEqual(['/api/jurisdictions']);
  });
});
