/**
 * Rate limiting of /api, against the real app with a tiny limit: the standard RateLimit headers, a 429 in the
 * contract's error shape with Retry-After; per client IP; in memory, and in Redis shared by two app instances
 * (two processes of one deployment) on a real redis-server; failing open while that Redis is stopped, and
 * counting again once it is back.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { connectRateLimitRedis, type RateLimitRedis } from '../src/server/rate-limit.js';
import { ErrorBody } from '../src/server/schemas.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { RedisSessionStore } from '../src/store/redis.js';
import type { SessionStore } from '../src/store/types.js';
import { runsWithRedis } from './support/prerequisites.js';
import { type SpawnedRedis, spawnRedis, startRedis, type TestRedis } from './support/redis.js';

function limitedApp(limit: number, extra: { store?: SessionStore; rateLimitRedis?: RateLimitRedis; rateLimitPrefix?: string } = {}) {
  const store = extra.store ?? new MemorySessionStore();
  return createApp({
    sessions: new ConversationSessions(store, () => '2026-11-23'),
    store,
    config: { rateLimitPerMinute: limit },
    ...(extra.rateLimitRedis ? { rateLimitRedis: extra.rateLimitRedis } : {}),
    ...(extra.rateLimitPrefix ? { rateLimitPrefix: extra.rateLimitPrefix } : {}),
  });
}

/** `"api"; r=2; t=60` → { r: 2, t: 60 } */
function draft8(header: string | undefined): Record<string, number> {
  return Object.fromEntries([...(header ?? '').matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1], Number(m[2])]));
}

describe('the rate limit (in memory)', () => {
  it('counts down in the RateLimit headers, then answers 429 with Retry-After in the error shape, in the caller\'s language', async () => {
    const server = limitedApp(3);
    for (let i = 1; i <= 3; i++) {
      const res = await request(server).get('/api/jurisdictions');
      expect(res.status).toBe(200);
      expect(draft8(res.headers.ratelimit)).toMatchObject({ r: 3 - i });
      expect(res.headers.ratelimit).toMatch(/^"api"; r=\d+; t=\d+$/);
      expect(draft8(res.headers['ratelimit-policy'])).toMatchObject({ q: 3, w: 60 });
    }
    const limited = await request(server).post('/api/sessions').set('accept-language', 'en').send({});
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(draft8(limited.headers.ratelimit)).toMatchObject({ r: 0 });
    expect(ErrorBody.safeParse(limited.body).success).toBe(true);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Too many requests/), details: { limit: 3, windowSeconds: 60, retryAfterSeconds: retryAfter } });
    const zh = await request(server).get('/api/jurisdictions');
    expect(zh.status).toBe(429);
    expect(zh.body.error.message).toMatch(/请求过于频繁/);
    expect(zh.headers['x-request-id']).toBeTruthy();
  });

  it('limits each client IP separately (X-Forwarded-For from a trusted proxy)', async () => {
    const server = limitedApp(1);
    const from = (ip: string) => request(server).get('/api/jurisdictions').set('x-forwarded-for', ip);
    expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('203.0.113.7')).status).toBe(429);
    expect((await from('198.51.100.23')).status).toBe(200);
  });

  it('counts every X-Forwarded-For as the proxy itself when no proxy is trusted (TRUST_PROXY=false)', async () => {
    const store = new MemorySessionStore();
    const server = createApp({ sessions: new ConversationSessions(store), store, config: { rateLimitPerMinute: 1, trustProxy: false } });
    const from = (ip: string) => request(server).get('/api/jurisdictions').set('x-forwarded-for', ip);
    expect((await from('203.0.113.7')).status).toBe(200);
    expect((await from('198.51.100.23')).status).toBe(429);
  });

  it('does not count health checks, pages or CORS preflights', async () => {
    const server = limitedApp(1);
    for (let i = 0; i < 3; i++) {
      expect((await request(server).get('/healthz')).status).toBe(200);
      expect((await request(server).get('/readyz')).status).toBe(200);
      expect((await request(server).options('/api/sessions').set('origin', 'https://a.example').set('access-control-request-method', 'POST')).status).toBe(204);
    }
    expect((await request(server).get('/api/jurisdictions')).status).toBe(200);
    expect((await request(server).get('/api/jurisdictions')).status).toBe(429);
  });

  it('is off with RATE_LIMIT_PER_MINUTE=0', async () => {
    const server = limitedApp(0);
    for (let i = 0; i < 5; i++) {
      const res = await request(server).get('/api/jurisdictions');
      expect(res.status).toBe(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
  });
});

describe('the rate limit in Redis, shared by two app instances', () => {
  let redis: TestRedis;
  const clients: RateLimitRedis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await redis?.stop();
  });

  it('counts every instance\'s requests against one limit', async () => {
    // Two processes of one deployment: each its own app and its own connection, one Redis.
    const a = await connectRateLimitRedis(redis.url);
    const b = await connectRateLimitRedis(redis.url);
    clients.push(a, b);
    const prefix = `${redis.keyPrefix}rl:`;
    const first = limitedApp(3, { rateLimitRedis: a, rateLimitPrefix: prefix });
    const second = limitedApp(3, { rateLimitRedis: b, rateLimitPrefix: prefix });
    expect((await request(first).get('/api/jurisdictions')).status).toBe(200);
    const two = await request(second).get('/api/jurisdictions');
    expect(two.status).toBe(200);
    expect(draft8(two.headers.ratelimit)).toMatchObject({ r: 1 });
    expect((await request(first).get('/api/jurisdictions')).status).toBe(200);
    const limited = await request(second).get('/api/jurisdictions').set('accept-language', 'en');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(first).get('/api/jurisdictions')).status).toBe(429);
    // The counter is in Redis, under the prefix, with the window as its lifetime.
    const keys: string[] = [];
    const probe = await connectRateLimitRedis(redis.url);
    clients.push(probe);
    const found = await probe.sendCommand(['KEYS', `${prefix}*`]);
    keys.push(...(found as string[]));
    expect(keys).toHaveLength(1);
    const ttl = Number(await probe.sendCommand(['PTTL', keys[0] as string]));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe.skipIf(!runsWithRedis())('the rate limit when its Redis stops', () => {
  let own: SpawnedRedis;
  let limiter: RateLimitRedis;
  let store: RedisSessionStore;
  const errors: Error[] = [];
  beforeAll(async () => {
    own = await spawnRedis();
    limiter = await connectRateLimitRedis(own.url, { onError: (error) => errors.push(error) });
    store = await new RedisSessionStore({ url: own.url, keyPrefix: own.keyPrefix, onError: () => undefined }).connect();
  });
  afterAll(async () => {
    await limiter?.close();
    await store?.close();
    await own?.stop();
  });

  it('lets requests through (fail open) while Redis is down, never a 500, and counts again once it is back', async () => {
    const server = limitedApp(2, { store, rateLimitRedis: limiter, rateLimitPrefix: own.keyPrefix });
    expect((await request(server).get('/api/jurisdictions')).status).toBe(200);

    await own.stop();
    await until(() => !limiter.isReady);
    for (let i = 0; i < 5; i++) {
      const res = await request(server).get('/api/jurisdictions');
      expect(res.status, res.text.slice(0, 200)).toBe(200); // unlimited, not 429, not 500
      expect(res.headers.ratelimit).toBeUndefined();
    }
    // What needs Redis for its own sake says so clearly; readiness fails; liveness does not.
    const create = await request(server).post('/api/sessions').set('accept-language', 'en').send({});
    expect(create.status).toBe(503);
    expect(create.body.error.code).toBe('store_unavailable');
    expect((await request(server).get('/readyz')).status).toBe(503);
    expect((await request(server).get('/healthz')).status).toBe(200);
    expect(errors.length).toBeGreaterThan(0);

    // A fresh, empty Redis on the same port: the client reconnects, the scripts are loaded again.
    await own.restart();
    await until(() => limiter.isReady);
    expect((await request(server).get('/api/jurisdictions')).status).toBe(200);
    expect((await request(server).get('/api/jurisdictions')).status).toBe(200);
    expect((await request(server).get('/api/jurisdictions')).status).toBe(429);
    // The session store reconnects on its own connection, in its own time.
    let ready = false;
    for (let i = 0; i < 200 && !ready; i++) {
      ready = (await request(server).get('/readyz')).status === 200;
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ready).toBe(true);
  }, 20_000);

  it('starts unlimited when Redis is unreachable at start-up, and limits once it can be reached', async () => {
    const lonely = await spawnRedis();
    await lonely.stop();
    const late = await connectRateLimitRedis(lonely.url, { connectTimeoutMs: 200, onError: () => undefined });
    try {
      const server = limitedApp(1, { rateLimitRedis: late, rateLimitPrefix: lonely.keyPrefix });
      for (let i = 0; i < 3; i++) expect((await request(server).get('/api/jurisdictions')).status).toBe(200);
      await lonely.restart();
      await until(() => late.isReady);
      expect((await request(server).get('/api/jurisdictions')).status).toBe(200);
      expect((await request(server).get('/api/jurisdictions')).status).toBe(429);
    } finally {
      await late.close();
      await lonely.stop();
    }
  }, 20_000);
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
