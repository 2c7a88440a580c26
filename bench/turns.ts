/**
 * Conversation turns per second through restore → send → persist, run by `npm run bench` after the evaluate()
 * benchmark (or alone: `tsx bench/turns.ts`).
 *
 * The workload is a full conversation per jurisdiction: every question of `examples/<id>-eligible.json`
 * answered as people type ("1.2万平方米", "是", "1"), replayed round-robin over the five jurisdictions. Modes:
 *   (a) engine   advanceConversation going on from the live conversation the last turn returned, its persisted
 *                snapshot written as JSON (as ConversationSessions does for its own writes): the baseline, what a
 *                turn costs with no store at all;
 *   (b) memory   ConversationSessions over MemorySessionStore;
 *   (c) redis    ConversationSessions over RedisSessionStore, one session at a time;
 *   (d) redis×20 the same with 20 sessions in flight at once (one client, shared).
 * Each turn is timed on its own (median and p99, µs); turns/s is turns over the wall-clock time of the run,
 * opening the conversations included (one per ~25 turns). Every mode is bounded by a turn count and a time
 * budget. Redis is REDIS_URL when set (keys under a unique prefix, deleted afterwards), otherwise a private
 * redis-server on a free port that is stopped at the end.
 */
import { advanceConversation, startConversation } from '../src/flows/conversation.js';
import type { ConversationEvent } from '../src/flows/machine.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { JURISDICTION_IDS, type JurisdictionId } from '../src/rules/types.js';
import { MemorySessionStore, RedisSessionStore, type SessionStore } from '../src/store/index.js';
import { startRedis, type TestRedis } from '../test/support/redis.js';
import { type ConversationScript, conversationScript, scriptEvents } from './script.js';

const DATE = '2026-11-23';
const today = () => DATE;
/** Per mode: stop at whichever comes first. */
const MAX_TURNS = 40_000;
const BUDGET_MS = 4_000;
const CONCURRENCY = 20;
/** Targets the figures are reported against. */
const TURN_TARGET_US = 1_000;
const SNAPSHOT_TARGET_BYTES = 4_096;

interface Script {
  jurisdiction: JurisdictionId;
  events: ConversationEvent[];
}

/** The answers of a full conversation per jurisdiction (see bench/script.ts). */
const played = JURISDICTION_IDS.map((jurisdiction) => conversationScript(jurisdiction, DATE));
let conversations = 0;

/** The next conversation's events, round-robin over the jurisdictions, with figures of its own. */
function nextScript(): Script {
  const n = conversations++;
  const script = played[n % played.length] as ConversationScript;
  return { jurisdiction: script.jurisdiction, events: scriptEvents(script, n + 1) };
}


interface Run {
  /** Per-turn latencies in µs. */
  latencies: number[];
  wallMs: number;
}

/** Microseconds since `start` (from process.hrtime.bigint()). */
const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1000;

/**
 * Plays conversations one after another (round-robin over the scripts) with `open` and `turn`, until
 * MAX_TURNS or BUDGET_MS. `workers` > 1 runs that many conversations at once.
 */
async function measure<S>(
  open: (script: Script) => Promise<S> | S,
  turn: (state: S, event: ConversationEvent) => Promise<void> | void,
  workers = 1,
): Promise<Run> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = Date.now() + BUDGET_MS;
  const worker = async () => {
    while (latencies.length < MAX_TURNS && Date.now() < deadline) {
      const script = nextScript();
      const state = await open(script);
      for (const event of script.events) {
        const t = process.hrtime.bigint();
        await turn(state, event);
        latencies.push(since(t));
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { latencies, wallMs: since(started) / 1000 };
}

/** Three passes over every jurisdiction, unmeasured: JIT, caches, connections. */
async function warmUp<S>(open: (script: Script) => Promise<S> | S, turn: (state: S, event: ConversationEvent) => Promise<void> | void) {
  for (let i = 0; i < 3 * played.length; i++) {
    const script = nextScript();
    const state = await open(script);
    for (const event of script.events) await turn(state, event);
  }
}

// (a) The engine alone, going on from the live conversation, with the JSON a store would be given.
interface EngineState {
  live: unknown;
  json: string;
}
const engineOpen = (script: Script): EngineState => {
  const start = startConversation({ jurisdiction: script.jurisdiction, lang: 'zh-CN', date: DATE });
  return { live: start.live, json: JSON.stringify(start.persisted) };
};
const engineTurn = (state: EngineState, event: ConversationEvent) => {
  const next = advanceConversation(state.live ?? JSON.parse(state.json), event);
  state.live = next.live;
  state.json = JSON.stringify(next.persisted);
};

// (b–d) Through ConversationSessions.
interface SessionState {
  id: string;
}
function sessionsMode(sessions: ConversationSessions) {
  return {
    open: async (script: Script): Promise<SessionState> => ({ id: (await sessions.create({ jurisdiction: script.jurisdiction })).id }),
    turn: async (state: SessionState, event: ConversationEvent) => {
      const view = await sessions.send(state.id, event);
      if (view === undefined || view.error || view.notice) throw new Error(`turn failed: ${JSON.stringify(event)} → ${JSON.stringify(view?.error ?? view?.notice ?? 'no session')}`);
    },
  };
}

/** Stored payload sizes (bytes of the JSON a store keeps) at the end of a full conversation, per jurisdiction. */
async function snapshotSizes(store: SessionStore): Promise<Map<JurisdictionId, number>> {
  const sessions = new ConversationSessions(store, today);
  const sizes = new Map<JurisdictionId, number>();
  for (const script of JURISDICTION_IDS.map(() => nextScript())) {
    const { id } = await sessions.create({ jurisdiction: script.jurisdiction });
    for (const event of script.events) await sessions.send(id, event);
    const stored = await store.get(id);
    sizes.set(script.jurisdiction, Buffer.byteLength(JSON.stringify(stored?.data), 'utf8'));
  }
  return sizes;
}

interface Row {
  mode: string;
  run: Run;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
function stats(run: Run) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return { turns: sorted.length, median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), perSecond: sorted.length / (run.wallMs / 1000) };
}

const rows: Row[] = [];
let redis: TestRedis | undefined;
let redisStore: RedisSessionStore | undefined;
let redisNote = '';
const memoryStore = new MemorySessionStore({ maxSessions: 100_000 });
try {
  await warmUp(engineOpen, engineTurn);
  rows.push({ mode: '(a) engine (baseline)', run: await measure(engineOpen, engineTurn) });

  const memory = sessionsMode(new ConversationSessions(memoryStore, today));
  await warmUp(memory.open, memory.turn);
  rows.push({ mode: '(b) memory store', run: await measure(memory.open, memory.turn) });

  try {
    redis = await startRedis();
    redisStore = await new RedisSessionStore({ url: redis.url, keyPrefix: redis.keyPrefix, ttlSeconds: 600 }).connect();
  } catch (error) {
    redisNote = `Redis modes skipped: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (redisStore) {
    const overRedis = sessionsMode(new ConversationSessions(redisStore, today));
    await warmUp(overRedis.open, overRedis.turn);
    rows.push({ mode: '(c) redis, sequential', run: await measure(overRedis.open, overRedis.turn) });
    rows.push({ mode: `(d) redis, ${CONCURRENCY} concurrent sessions`, run: await measure(overRedis.open, overRedis.turn, CONCURRENCY) });
  }

  const base = stats((rows[0] as Row).run);
  const table = rows.map(({ mode, run }) => {
    const s = stats(run);
    return [
      mode,
      String(s.turns),
      s.median.toFixed(0),
      s.p99.toFixed(0),
      s.perSecond.toFixed(0),
      `×${(s.median / base.median).toFixed(2)}`,
      `×${(s.p99 / base.p99).toFixed(2)}`,
      `×${(s.perSecond / base.perSecond).toFixed(2)}`,
    ];
  });
  const header = ['mode', 'turns', 'median µs', 'p99 µs', 'turns/s', 'median vs (a)', 'p99 vs (a)', 'turns/s vs (a)'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log('');
  console.log(
    `Conversation turns (restore → send → persist), full conversations over ${played.length} jurisdictions, each with figures of its own ` +
      `(${played.map((s) => `${s.jurisdiction} ${s.turns.length}`).join(', ')} turns), ≤${MAX_TURNS} turns or ${BUDGET_MS / 1000} s per mode`,
  );
  console.log(line(header));
  for (const row of table) console.log(line(row));
  if (redisNote) console.log(redisNote);

  const memoryRow = rows.find((r) => r.mode.startsWith('(b)'));
  if (memoryRow) {
    const median = stats(memoryRow.run).median;
    console.log(`target: one turn < ${TURN_TARGET_US / 1000} ms median with the memory store: ${median.toFixed(0)} µs → ${median < TURN_TARGET_US ? 'yes' : 'NO'}`);
  }

  const sizes = await snapshotSizes(memoryStore);
  const sorted = [...sizes.values()].sort((a, b) => a - b);
  const [min, median, max] = [sorted[0] ?? 0, percentile(sorted, 0.5), sorted.at(-1) ?? 0];
  console.log(
    `stored snapshot after a full conversation: min ${min} B, median ${median} B, max ${max} B ` +
      `(${[...sizes].map(([id, bytes]) => `${id} ${bytes}`).join(', ')}); ` +
      `target < ${SNAPSHOT_TARGET_BYTES} B: ${max < SNAPSHOT_TARGET_BYTES ? 'yes' : 'NO'}`,
  );
} finally {
  await memoryStore.close();
  await redisStore?.close();
  await redis?.stop();
}
