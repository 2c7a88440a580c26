/**
 * The session stores: one contract, run against memory and against a real redis-server; then what only one
 * of them does (eviction; sharing between processes, expiry in real time, surviving a Redis outage).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import {
  MemorySessionStore,
  RedisSessionStore,
  SessionConflictError,
  type SessionStore,
  StoreUnavailableError,
  type StoredSession,
  createSessionStore,
  updateWithRetry,
} from '../src/store/index.js';
import { runsWithRedis } from './support/prerequisites.js';
import { type SpawnedRedis, type TestRedis, spawnRedis, startRedis } from './support/redis.js';
import { delegating } from './support/stores.js';

interface Payload {
  items: string[];
}

/** One kind of store, as the contract suite sees it. */
interface Backend {
  /** A store; a second call opens another handle onto the same sessions (another process, for Redis). */
  open(options?: { ttlSeconds?: number }): Promise<SessionStore>;
  /** Lets `ms` pass for session `id`: the memory store's clock moves; a Redis key's remaining TTL shrinks. */
  age(id: string, ms: number): Promise<void>;
  /** Closes whatever `open` opened. */
  reset(): Promise<void>;
}

const quiet = () => undefined;
let redis: TestRedis;
const connectRaw = (url: string) => createClient({ url }).on('error', quiet).connect();
/** A plain client, to look at keys behind the store's back. */
let raw: Awaited<ReturnType<typeof connectRaw>>;
let sequence = 0;
/** A session id no other test uses. */
const newId = () => `s${++sequence}`;

beforeAll(async () => {
  redis = await startRedis();
  raw = await connectRaw(redis.url);
});
afterAll(async () => {
  raw?.destroy();
  await redis?.stop();
});

function memoryBackend(): Backend {
  let clock = Date.parse('2026-11-23T08:00:00Z');
  let shared: MemorySessionStore | undefined;
  return {
    // One process has one memory store: every handle is the same instance.
    open: async ({ ttlSeconds = 10 } = {}) => (shared ??= new MemorySessionStore({ ttlSeconds, now: () => clock })),
    age: async (_id, ms) => void (clock += ms),
    reset: async () => shared?.close(),
  };
}

function redisBackend(): Backend {
  const opened: RedisSessionStore[] = [];
  return {
    open: async ({ ttlSeconds = 10 } = {}) => {
      const store = new RedisSessionStore({ url: redis.url, keyPrefix: redis.keyPrefix, ttlSeconds, onError: quiet });
      opened.push(store);
      return store.connect();
    },
    age: async (id, ms) => {
      // Shrinking the remaining TTL is what waiting would do, without the wait. PTTL must be positive: a key
      // without a TTL (-1) or without a key (-2) would make the test pass for the wrong reason.
      const key = redis.keyPrefix + id;
      const remaining = await raw.pTTL(key);
      if (remaining <= 0) throw new Error(`${key} has PTTL ${remaining}`);
      await raw.pExpire(key, remaining - ms); // 0 or less deletes the key, as expiry would
    },
    reset: async () => {
      await Promise.all(opened.map((store) => store.close()));
    },
  };
}

const append = (item: string) => (current: { data: Payload }) => ({ items: [...current.data.items, item] });

describe.each([
  ['memory', memoryBackend],
  ['redis', redisBackend],
] as const)('the %s store keeps the contract', (_name, makeBackend) => {
  let backend: Backend;
  let store: SessionStore;
  const start = async (options?: { ttlSeconds?: number }) => {
    backend = makeBackend();
    store = await backend.open(options);
  };
  afterEach(async () => backend.reset());

  it('creates, reads, updates and deletes; create never overwrites', async () => {
    await start();
    const id = newId();
    expect(await store.get(id)).toBeUndefined();
    expect(await store.create<Payload>(id, 1, { items: ['a'] })).toBe(true);
    expect(await store.create<Payload>(id, 1, { items: ['other'] })).toBe(false);
    const created = await store.get<Payload>(id);
    expect(created).toMatchObject({ version: 1, schemaVersion: 1, data: { items: ['a'] } });
    expect(new Date(created!.updatedAt).toISOString()).toBe(created!.updatedAt);

    const updated = await store.update<Payload>(id, 1, 2, { items: ['a', 'b'] });
    expect(updated).toMatchObject({ version: 2, schemaVersion: 2, data: { items: ['a', 'b'] } });
    expect(await store.get(id)).toEqual(updated);

    await store.delete(id);
    expect(await store.get(id)).toBeUndefined();
    expect(await store.update(id, 2, 2, { items: [] })).toBeUndefined();
    await store.delete(id); // deleting an absent session is fine
  });

  it('rejects a write based on a stale version and keeps the winner', async () => {
    await start();
    const id = newId();
    await store.create<Payload>(id, 1, { items: [] });
    expect(await store.update<Payload>(id, 1, 1, { items: ['first'] })).toMatchObject({ version: 2 });
    expect(await store.update<Payload>(id, 1, 1, { items: ['stale'] })).toBeUndefined();
    expect(await store.get(id)).toMatchObject({ version: 2, data: { items: ['first'] } });
  });

  it('hands out copies: changing what went in or came out changes nothing stored', async () => {
    await start();
    const id = newId();
    const data: Payload = { items: ['a'] };
    await store.create(id, 1, data);
    data.items.push('mutated');
    const read = await store.get<Payload>(id);
    read!.data.items.push('mutated');
    expect((await store.get<Payload>(id))!.data).toEqual({ items: ['a'] });
    await expect(store.create(newId(), 1, undefined)).rejects.toThrow(TypeError);
  });

  it('expires a session after its TTL; reading does not extend it; an expired id can be created again', async () => {
    await start({ ttlSeconds: 10 });
    const id = newId();
    await store.create<Payload>(id, 1, { items: [] });
    await backend.age(id, 9_000);
    expect(await store.get(id)).toBeDefined();
    await backend.age(id, 1_000);
    expect(await store.get(id)).toBeUndefined();
    expect(await store.update(id, 1, 1, { items: [] })).toBeUndefined();
    expect(await store.create<Payload>(id, 1, { items: ['again'] })).toBe(true);
    expect(await store.get(id)).toMatchObject({ version: 1, data: { items: ['again'] } });
  });

  it('update and touch give the session a full TTL again; touching an absent session creates nothing', async () => {
    await start({ ttlSeconds: 10 });
    const id = newId();
    await store.create<Payload>(id, 1, { items: [] });
    await backend.age(id, 8_000);
    await store.update<Payload>(id, 1, 1, { items: ['x'] });
    await backend.age(id, 8_000);
    await store.touch(id);
    await backend.age(id, 8_000);
    expect(await store.get(id)).toMatchObject({ version: 2, data: { items: ['x'] } });
    await backend.age(id, 2_000);
    expect(await store.get(id)).toBeUndefined();
    await store.touch(id);
    expect(await store.get(id)).toBeUndefined();
  });

  it('two concurrent read-change-writes of one session both land', async () => {
    await start();
    const id = newId();
    await store.create<Payload>(id, 1, { items: [] });
    await Promise.all([updateWithRetry(store, id, 1, append('a')), updateWithRetry(store, id, 1, append('b'))]);
    const after = await store.get<Payload>(id);
    expect(after!.version).toBe(3);
    expect([...after!.data.items].sort()).toEqual(['a', 'b']);
  });

  it('twenty concurrent appends through two handles all land', async () => {
    await start();
    const other = await backend.open();
    const id = newId();
    await store.create<Payload>(id, 1, { items: [] });
    const items = Array.from({ length: 20 }, (_, i) => `item${i}`);
    // 20 attempts always suffice: each failed attempt means another writer's write landed, and there are 19.
    await Promise.all(items.map((item, i) => updateWithRetry(i % 2 ? store : other, id, 1, append(item), 20)));
    const after = await store.get<Payload>(id);
    expect(after!.version).toBe(21);
    expect([...after!.data.items].sort()).toEqual([...items].sort());
  });

  it("updateWithRetry over the caller's last write: no read while nobody wrote since; a read and the change re-applied when somebody did; a gone session left alone", async () => {
    await start();
    let reads = 0;
    const counted = delegating(store, {
      get: (id) => {
        reads += 1;
        return store.get(id);
      },
    });
    const id = newId();
    await store.create<Payload>(id, 1, { items: [] });
    const first = await updateWithRetry(counted, id, 1, append('a'));
    const second = await updateWithRetry(counted, id, 1, append('b'), 5, first);
    expect(reads).toBe(1);
    await updateWithRetry(store, id, 1, append('x')); // somebody else
    const third = await updateWithRetry(counted, id, 1, append('c'), 5, second);
    expect(reads).toBe(2);
    expect(third?.version).toBe(5);
    expect((await store.get<Payload>(id))?.data.items).toEqual(['a', 'b', 'x', 'c']);
    await store.delete(id);
    const change = () => {
      throw new Error('must not be called');
    };
    expect(await updateWithRetry(counted, id, 1, append('d'), 5, third)).toBeUndefined();
    expect(await updateWithRetry(counted, id, 1, change)).toBeUndefined();
  });

  it('updateWithRetry leaves absent and incompatible sessions alone', async () => {
    await start();
    const change = () => {
      throw new Error('must not be called');
    };
    expect(await updateWithRetry(store, newId(), 1, change)).toBeUndefined();
    const id = newId();
    await store.create<Payload>(id, 1, { items: ['old shape'] });
    expect(await updateWithRetry(store, id, 2, change)).toBeUndefined();
    expect(await store.get(id)).toMatchObject({ version: 1, schemaVersion: 1 });
  });

  it('answers ping', async () => {
    await start();
    expect(await store.ping()).toBe(true);
  });
});

describe('updateWithRetry when every write conflicts', () => {
  it('tries `attempts` times, then throws SessionConflictError', async () => {
    // Someone else always writes first.
    class Contested extends MemorySessionStore {
      override async update<T>(): Promise<StoredSession<T> | undefined> {
        return undefined;
      }
    }
    const contested = new Contested();
    await contested.create<Payload>('busy', 1, { items: [] });
    let calls = 0;
    const change = append('mine');
    const counting = (current: { data: Payload }) => (calls++, change(current));
    await expect(updateWithRetry(contested, 'busy', 1, counting, 3)).rejects.toThrow(SessionConflictError);
    expect(calls).toBe(3);
    await expect(updateWithRetry(contested, 'busy', 1, counting, 0)).rejects.toThrow(RangeError);
  });
});

describe('the memory store', () => {
  it('evicts the least recently used session when full', async () => {
    const store = new MemorySessionStore({ maxSessions: 3 });
    for (const id of ['a', 'b', 'c']) await store.create(id, 1, { id });
    await store.get('a'); // a is now more recent than b
    await store.create('d', 1, { id: 'd' });
    expect(await store.get('b')).toBeUndefined();
    for (const id of ['a', 'c', 'd']) expect(await store.get(id)).toBeDefined();
  });

  it('rejects settings it cannot honour', () => {
    expect(() => new MemorySessionStore({ ttlSeconds: 0 })).toThrow(RangeError);
    expect(() => new MemorySessionStore({ maxSessions: 0 })).toThrow(RangeError);
  });
});

describe('the redis store', () => {
  const opened: SessionStore[] = [];
  const open = async (options: { ttlSeconds?: number; url?: string } = {}) => {
    const store = new RedisSessionStore({ url: redis.url, keyPrefix: redis.keyPrefix, onError: quiet, ...options });
    opened.push(store);
    return store.connect();
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('keeps one key per session, with the TTL set on create', async () => {
    const store = await open({ ttlSeconds: 600 });
    const id = newId();
    await store.create(id, 1, { items: [] });
    expect(await raw.exists(redis.keyPrefix + id)).toBe(1);
    expect(await raw.pTTL(redis.keyPrefix + id)).toBeGreaterThan(599_000);
  });

  it('really expires a session after ttlSeconds', async () => {
    const store = await open({ ttlSeconds: 1 });
    const id = newId();
    await store.create(id, 1, { items: [] });
    await sleep(1_100);
    expect(await store.get(id)).toBeUndefined();
  });

  it('a session written by one instance is read by another after the first is gone (a restart)', async () => {
    const first = await open();
    const id = newId();
    await first.create<Payload>(id, 1, { items: ['before restart'] });
    await first.close();
    const second = await open();
    expect(await second.get(id)).toMatchObject({ version: 1, data: { items: ['before restart'] } });
  });

  it('createSessionStore picks Redis for a URL and memory without one', async () => {
    const store = await createSessionStore({ redisUrl: redis.url, keyPrefix: redis.keyPrefix });
    opened.push(store);
    expect(store).toBeInstanceOf(RedisSessionStore);
    expect(await store.ping()).toBe(true);
    expect(await createSessionStore({})).toBeInstanceOf(MemorySessionStore);
    expect(await createSessionStore({ redisUrl: '' })).toBeInstanceOf(MemorySessionStore);
  });
});

// The outage needs a server of our own to kill, even when REDIS_URL names a shared one.
describe.skipIf(!runsWithRedis())('the redis store through an outage', () => {
  let own: SpawnedRedis;
  beforeAll(async () => {
    own = await spawnRedis();
  });
  afterAll(async () => own?.stop());

  it('does not connect to a Redis that is not there, and says so quickly', async () => {
    const store = new RedisSessionStore({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 300, onError: quiet });
    const started = Date.now();
    await expect(store.connect()).rejects.toThrow(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
    await store.close();
  });

  it('fails fast while Redis is down and recovers by itself when it is back', async () => {
    const errors: Error[] = [];
    const store = new RedisSessionStore({ url: own.url, keyPrefix: own.keyPrefix, onError: (e) => errors.push(e) });
    await store.connect();
    try {
      await store.create('s', 1, { items: [] });
      await own.stop();
      await waitFor(async () => !(await store.ping()));

      const started = Date.now();
      const calls: Promise<unknown>[] = [
        store.get('s'),
        store.create('t', 1, {}),
        store.update('s', 1, 1, {}),
        store.touch('s'),
        store.delete('s'),
        updateWithRetry<Payload>(store, 's', 1, append('x')),
      ];
      for (const call of calls) await expect(call).rejects.toThrow(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await store.ping()).toBe(false);
      expect(errors.length).toBeGreaterThan(0); // reported, not thrown: the process is still here

      await own.restart(); // same port, empty data (no persistence)
      await waitFor(() => store.ping());
      expect(await store.create<Payload>('s', 1, { items: ['after'] })).toBe(true);
      expect(await store.get('s')).toMatchObject({ version: 1, data: { items: ['after'] } });
    } finally {
      await store.close();
    }
  }, 15_000);
});

/** Polls `condition` every 50 ms for up to 4 s. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 4_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 4 s');
    await sleep(50);
  }
}
