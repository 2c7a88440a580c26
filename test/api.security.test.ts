/**
 * The headers that protect the service and its callers, against the real app: helmet with a strict CSP on our
 * pages and on the API, `/widget.js` loadable from bureau sites (CORP cross-origin), and CORS only for the
 * origins in ALLOWED_ORIGINS — preflights included — while same-origin requests need nothing.
 */
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import type { AppConfig } from '../src/server/config.js';
import { CSP_DIRECTIVES } from '../src/server/security.js';
import { MemorySessionStore } from '../src/store/memory.js';

const BUREAU = 'https://hrss.example.gov.cn';
const OTHER = 'https://evil.example.com';

function app(config: Partial<AppConfig> = {}) {
  const store = new MemorySessionStore();
  return createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store, config: { allowedOrigins: [BUREAU], ...config } });
}

/** The CSP as a map of directive → sources. */
function csp(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

const accessControl = (headers: Record<string, string>) => Object.keys(headers).filter((h) => h.startsWith('access-control-'));

describe('helmet and the Content-Security-Policy', () => {
  it.each(['/', '/api/jurisdictions', '/api/nope', '/healthz'])('%s carries the strict CSP and helmet\'s headers', async (path) => {
    const res = await request(app()).get(path);
    const policy = csp(res.headers['content-security-policy']);
    expect(Object.fromEntries(policy)).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sets exactly the headers helmet itself would set, though they are computed once', async () => {
    const reference = express();
    reference.use(
      helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES }, xFrameOptions: { action: 'deny' }, crossOriginResourcePolicy: { policy: 'same-origin' } }),
    );
    reference.get('/', (_req, res) => res.send('ok'));
    const expected = (await request(reference).get('/')).headers;
    const ours = (await request(app()).get('/')).headers;
    const names = Object.keys(expected).filter((name) => !['content-type', 'content-length', 'etag', 'date', 'connection', 'x-powered-by'].includes(name));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect([name, ours[name]]).toEqual([name, expected[name]]);
    expect(ours['x-powered-by']).toBeUndefined();
  });

  it('serves /widget.js with Cross-Origin-Resource-Policy: cross-origin, so bureau sites can embed it', async () => {
    const res = await request(app()).get('/widget.js');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // A public script: also loadable with `crossorigin` (Subresource Integrity, modules).
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // Only the widget: the page and the API stay same-origin.
    expect((await request(app()).get('/index.html')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});

describe('CORS on /api', () => {
  it('gives an allowed origin its CORS headers, exposing the request id and rate-limit headers', async () => {
    const res = await request(app()).post('/api/sessions').set('origin', BUREAU).send({ jurisdiction: 'jilin' });
    expect(res.status).toBe(201);
    expect(res.headers['access-control-allow-origin']).toBe(BUREAU);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
    const exposed = (res.headers['access-control-expose-headers'] ?? '').split(',').map((h: string) => h.trim().toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'ratelimit', 'ratelimit-policy', 'retry-after']));
  });

  it('answers an allowed origin\'s preflight for a JSON POST', async () => {
    const res = await request(app())
      .options('/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/answers')
      .set('origin', BUREAU)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(BUREAU);
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toMatch(/content-type/);
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
  });

  it('gives any other origin no CORS headers at all, preflight or not', async () => {
    const preflight = await request(app())
      .options('/api/sessions')
      .set('origin', OTHER)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type');
    expect(preflight.status).toBe(204);
    expect(accessControl(preflight.headers)).toEqual([]);
    const post = await request(app()).post('/api/sessions').set('origin', OTHER).send({});
    expect(accessControl(post.headers)).toEqual([]);
    expect(post.headers.vary).toMatch(/Origin/); // a cache must not serve this to the bureau
    // An origin that merely starts like an allowed one is another origin.
    const lookalike = await request(app()).get('/api/jurisdictions').set('origin', `${BUREAU}.evil.example.com`);
    expect(accessControl(lookalike.headers)).toEqual([]);
  });

  it('with no ALLOWED_ORIGINS, no origin gets CORS headers', async () => {
    const res = await request(app({ allowedOrigins: [] })).get('/api/jurisdictions').set('origin', BUREAU);
    expect(res.status).toBe(200);
    expect(accessControl(res.headers)).toEqual([]);
  });

  it('always serves same-origin requests (the demo page), with or without an Origin header', async () => {
    const server = app({ allowedOrigins: [] });
    const agent = request(server);
    const noOrigin = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    expect(noOrigin.status).toBe(201);
    // Browsers send Origin on same-origin POSTs too; the request is served as usual.
    const sameOrigin = await agent.post(`/api/sessions/${noOrigin.body.id}/answers`).set('origin', 'http://127.0.0.1:3000').send({ questionId: 'layout', value: 'single' });
    expect(sameOrigin.status).toBe(200);
  });

  it('does not add CORS to the pages', async () => {
    const res = await request(app()).get('/').set('origin', BUREAU);
    expect(accessControl(res.headers)).toEqual([]);
  });
});
