/**
 * The HTTP soak: the REAL server process (NODE_ENV=production, so the JSON access log is written — to /dev/null —
 * and with every middleware of production: security headers, request ids, validation, compare-and-set) against a
 * bare express app with one JSON POST route, both loaded by autocannon (50 keep-alive connections) from this
 * process, on loopback, on the same 2 cores. Every figure is a ratio to the bare route measured in the same run,
 * between every two rows: each row against the mean of the bare runs just before and just after it, so that the
 * targets hold on a machine whose speed drifts (by half within a minute, seen here). Each conversation server is
 * measured once warm: loaded until its cost per request settles, as a server that has run for a while (`warmUp`;
 * a fresh one spends its first 15–20 s compiling). The rate limit is OFF for the
 * measurement only (RATE_LIMIT_PER_MINUTE=0): with it on, 50 connections from one address would be refused.
 *
 * Scenarios:
 * - conversation turns with Redis: each connection runs whole conversations as a person would — `POST
 *   /api/sessions`, then every question of `examples/<id>-eligible.json` answered as typed ("1.2万平方米", "是"),
 *   round-robin over the five jurisdictions — carrying the session id from one request to the next in
 *   autocannon's per-connection context; a conversation that does not reach its result is an error. Run twice
 *   (two halves of the soak) to read the server's RSS in the middle and at the end: flat means no leak.
 * - `POST /api/assess` with a full profile (a 16 KB result);
 * - the same turns with the in-memory store, and with Redis but metrics off (`METRICS_ENABLED=false`), to show what
 *   `/metrics` costs (target < 5 %).
 *
 * Prints one table (route, req/s, p50, p99, errors, throughput ratio, p99 ratio, and the server's CPU time per
 * request with its ratio to the bare route's — the cost of a request, which the load generator's share of the two
 * cores does not blur) and exits non-zero when a target is missed. Last, the engine alone in this process: what a
 * turn's own work costs beside a bare request. Run by `npm run bench` last, or alone: `tsx bench/soak.ts`. Everything started is stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { advanceConversation, startConversation } from '../src/flows/conversation.js';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { freePort, spawnRedis, type SpawnedRedis } from '../test/support/redis.js';
import { conversationRequests, cpuSeconds, rssMiB, serverArgs, startProcess, stopProcess, type Tally } from './http.js';
import { conversationScript, scriptEvents } from './script.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.SOAK_SECONDS ?? 8);
/** Warm-up of the bare route and of `POST /api/assess` (on a server already warmed by conversations). */
const WARMUP_SECONDS = 3;
/** The conversation servers' warm-up: slices of this many seconds, until their cost settles (see `warmUp`). */
const WARMUP_SLICE = 2;
const WARMUP_MIN = 14;
const WARMUP_MAX = 24;
const DATE = '2026-11-23';
/** The server as production runs it: `node dist/main.js`, built first (`SOAK_SERVER=src`: the sources through tsx). */
const SERVER_ARGS = serverArgs();

/** One measured scenario. */
interface Row {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** The server process's CPU time (user + system, all its threads) per request, in µs: the cost of one. */
  cpu: number;
}

/** Runs autocannon and folds its result (non-2xx, socket errors, timeouts and `extraErrors`) into a row. */
async function cannon(label: string, server: ChildProcess, options: autocannon.Options, extraErrors: () => number = () => 0): Promise<Row> {
  const before = cpuSeconds(server.pid);
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const cpu = ((cpuSeconds(server.pid) - before) * 1e6) / Math.max(1, result.requests.total);
  return {
    cpu,
    label,
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts + extraErrors(),
    requests: result.requests.total,
  };
}

const scripts = JURISDICTION_IDS.map((id) => conversationScript(id, DATE));
const profile = JSON.parse(readFileSync(new URL('../examples/wenzhou-eligible.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const started: ChildProcess[] = [];
const exits: (number | null)[] = [];
let redis: SpawnedRedis | undefined;
let bare: ChildProcess | undefined;

async function server(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = await startProcess(SERVER_ARGS, { HOST: '127.0.0.1', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', TELEGRAM_BOT_TOKEN: '', ...env }, port, '/readyz');
  started.push(child);
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Stops a server of ours, which must drain and exit 0 on SIGTERM (the bare baseline has no handler: not counted). */
async function stop(child: ChildProcess, counted = true): Promise<void> {
  const code = await stopProcess(child);
  if (counted) exits.push(code);
  started.splice(started.indexOf(child), 1);
}

/**
 * Loads a freshly started server with conversations until it runs at its steady cost: slices of `WARMUP_SLICE`
 * seconds, at least `WARMUP_MIN` seconds and then until the server's CPU time per request of two slices in a row
 * differs by less than 5 % (this machine's noise alone moves it by more), at most `WARMUP_MAX` seconds. Measured here: a fresh server's cost per turn falls for 15–20 s under this load (1,019 →
 * 489 → 414 → 363 → … → 272 µs in 2 s slices) while V8 compiles the code a turn runs, and the compiler's threads
 * are the server's CPU too; a fixed 3 s warm-up measured half of that in the first row. Returns the seconds taken.
 */
async function warmUp(url: string, child: ChildProcess): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  for (let elapsed = WARMUP_SLICE; ; elapsed += WARMUP_SLICE) {
    const before = cpuSeconds(child.pid);
    const result = await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SLICE, requests: conversationRequests(scripts, { completed: 0, broken: 0 }) });
    const cost = (cpuSeconds(child.pid) - before) / Math.max(1, result.requests.total);
    if ((elapsed >= WARMUP_MIN && Math.abs(cost - last) < 0.05 * last) || elapsed >= WARMUP_MAX) return elapsed;
    last = cost;
  }
}
const warmUps: string[] = [];

/** Whole conversations for `SECONDS` after the warm-up; conversations cut off by the clock are not counted. */
async function turns(label: string, { url, child }: { url: string; child: ChildProcess }): Promise<{ row: Row; tally: Tally }> {
  warmUps.push(`${label}: ${await warmUp(url, child)} s`);
  const tally: Tally = { completed: 0, broken: 0 };
  const row = await cannon(label, child, { url, requests: conversationRequests(scripts, tally) }, () => tally.broken);
  return { row, tally };
}

/** Turns against a server started with metrics off (METRICS_ENABLED=false), then stopped. */
async function turnsWithoutMetrics(label: string): Promise<{ row: Row; tally: Tally }> {
  const noMetrics = await server({ REDIS_URL: (redis as SpawnedRedis).url, METRICS_ENABLED: 'false' });
  const measured = await turns(label, noMetrics);
  await stop(noMetrics.child);
  return measured;
}

/**
 * What a turn's own work costs with no HTTP and no store: every script played through the engine for a second to
 * warm up, then for a second measured; mean µs per turn. `live`: each turn goes on from the live conversation the
 * last returned, as the server does after its own write; otherwise from the stored JSON, parsed and validated, as
 * after another process's write. The persisted snapshot and the view are serialised as the API would. Each
 * conversation has figures of its own, as over HTTP.
 */
function engineMicrosPerTurn(live: boolean): number {
  let conversation = 0;
  const play = (ms: number): number => {
    let turnsPlayed = 0;
    const started = performance.now();
    while (performance.now() - started < ms) {
      for (const script of scripts) {
        const events = scriptEvents(script, ++conversation);
        const start = startConversation({ jurisdiction: script.jurisdiction, lang: 'zh-CN', date: DATE });
        let stored = JSON.stringify(start.persisted);
        let from: unknown = live ? start.live : undefined;
        for (const event of events) {
          const next = advanceConversation(from ?? JSON.parse(stored), event);
          stored = JSON.stringify(next.persisted);
          JSON.stringify(next.view);
          if (live) from = next.live;
          turnsPlayed += 1;
        }
      }
    }
    return ((performance.now() - started) * 1000) / turnsPlayed;
  };
  play(1000);
  return play(1000);
}

const rows: Row[] = [];

/** The mean of several runs of one route. */
function meanRow(label: string, runs: readonly Row[]): Row {
  const mean = (pick: (r: Row) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  return {
    label,
    rate: mean((r) => r.rate),
    p50: mean((r) => r.p50),
    p99: mean((r) => r.p99),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    cpu: mean((r) => r.cpu),
  };
}
const notes: string[] = [];
let failed = false;
try {
  // The baseline: a bare express app with one JSON route, in its own process.
  const barePort = await freePort();
  const bareSource = `import express from 'express';
    const app = express(); app.use(express.json());
    app.get('/hello', (_q, r) => r.json({ hello: 'world' }));
    app.post('/hello', (q, r) => r.json({ hello: 'world', got: q.body }));
    app.listen(Number(process.env.PORT), '127.0.0.1');`;
  bare = await startProcess(['--input-type=module', '-e', bareSource], {}, barePort, '/hello');
  started.push(bare);
  const bareOptions: autocannon.Options = {
    url: `http://127.0.0.1:${barePort}/hello`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ questionId: 'floorArea', value: '1.2万平方米' }),
  };
  await autocannon({ ...bareOptions, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  // The bare route is measured between every two rows, and each row is compared with the runs either side of it:
  // this machine's speed drifts by half within a minute, which a baseline taken only at the start and the end blurs.
  const bareRuns: Row[] = [];
  const bareRun = async (): Promise<Row> => {
    const row = await cannon(`bare express POST (run ${bareRuns.length + 1})`, bare as ChildProcess, bareOptions);
    bareRuns.push(row);
    return row;
  };
  const compared = async <T extends { row: Row }>(measure: () => Promise<T>): Promise<T & { baseline: Row }> => {
    const before = bareRuns.at(-1) ?? (await bareRun());
    const measured = await measure();
    const after = await bareRun();
    return { ...measured, baseline: meanRow('bare express POST (either side)', [before, after]) };
  };

  redis = await spawnRedis();
  // Metrics off before and after the main run, so that the machine's drift does not pass for their cost.
  const offBefore = await compared(() => turnsWithoutMetrics('turns, Redis, metrics off (before)'));
  const withRedis = await server({ REDIS_URL: redis.url });
  const rssStart = rssMiB(withRedis.child.pid);
  const first = await compared(() => turns('turns, Redis', withRedis));
  const rssMid = rssMiB(withRedis.child.pid);
  const second = await compared(async () => ({
    row: await cannon('turns, Redis (second half)', withRedis.child, { url: withRedis.url, requests: conversationRequests(scripts, first.tally) }, () => first.tally.broken),
  }));
  const rssEnd = rssMiB(withRedis.child.pid);
  const assessOptions: autocannon.Options = {
    url: `${withRedis.url}/api/assess`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jurisdiction: 'wenzhou', facts: profile }),
  };
  const assess = await compared(async () => {
    await autocannon({ ...assessOptions, connections: CONNECTIONS, duration: WARMUP_SECONDS });
    return { row: await cannon('POST /api/assess, full profile', withRedis.child, assessOptions) };
  });
  await stop(withRedis.child);

  const offAfter = await compared(() => turnsWithoutMetrics('turns, Redis, metrics off (after)'));

  const inMemory = await server({});
  const memory = await compared(() => turns('turns, memory store', inMemory));
  await stop(inMemory.child);
  await stop(bare, false);

  const measured = [first, second, assess, offBefore, offAfter, memory];
  const baseline = meanRow(`bare express POST (mean of ${bareRuns.length} runs)`, bareRuns);
  const ratio = (row: Row, base: Row) => ({ throughput: row.rate / base.rate, p99: row.p99 / base.p99, cpu: row.cpu / base.cpu });
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'throughput vs bare', 'p99 vs bare', 'server CPU µs/req', 'CPU vs bare'];
  const line = (r: Row, base: Row) => {
    const q = ratio(r, base);
    return [r.label, r.rate.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors), `${(q.throughput * 100).toFixed(0)} %`, `${q.p99.toFixed(2)}×`, r.cpu.toFixed(0), `${q.cpu.toFixed(2)}×`];
  };
  const table = [header, ...measured.map((m) => line(m.row, m.baseline)), ...[...bareRuns, baseline].map((r) => line(r, baseline))];
  rows.push(...measured.map((m) => m.row), ...bareRuns);
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  console.log('');
  console.log(`HTTP soak: autocannon, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per row after a warm-up (${WARMUP_SECONDS} s for the bare route and assess; conversation servers until their cost settles, see below); the real server (NODE_ENV=production, JSON access log, rate limit off for the measurement); Node ${process.version}, loopback, load generator on the same 2 cores`);
  console.log('Each row is compared with the bare route measured just before and just after it; the bare rows with their mean.');
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));

  const check = (what: string, ok: boolean) => {
    notes.push(`${ok ? 'met    ' : 'MISSED '} ${what}`);
    if (!ok) failed = true;
  };
  for (const { row, baseline: base } of [first, second, assess]) {
    const q = ratio(row, base);
    check(`${row.label}: throughput ≥ 50 % of the bare route (${(q.throughput * 100).toFixed(0)} %)`, q.throughput >= 0.5);
    check(`${row.label}: p99 ≤ 2× the bare route (${q.p99.toFixed(2)}×)`, q.p99 <= 2);
  }
  // Each as a share of the bare route beside it, so that the machine's drift between them does not count.
  const share = (m: { row: Row; baseline: Row }) => m.row.rate / m.baseline.rate;
  const metricsCost = 1 - (share(first) + share(second)) / (share(offBefore) + share(offAfter));
  notes.push(`warm-up of each conversation server until its CPU per request settled: ${warmUps.join(', ')}`);
  notes.push(`metrics cost: ${(metricsCost * 100).toFixed(1)} % of turn throughput (Redis, metrics on vs off; target < 5 %, within this machine's noise when negative)`);
  for (const row of rows) if (row.errors > 0) check(`${row.label}: no errors (${row.errors})`, false);
  const tallies: [string, Tally][] = [['Redis', first.tally], ['metrics off', { completed: offBefore.tally.completed + offAfter.tally.completed, broken: offBefore.tally.broken + offAfter.tally.broken }], ['memory', memory.tally]];
  for (const [label, tally] of tallies) {
    notes.push(`conversations reaching their result (${label}): ${tally.completed}, broken: ${tally.broken}${tally.firstProblem ? ` (first: ${tally.firstProblem})` : ''}`);
  }
  const firstHalf = rssMid - rssStart;
  const secondHalf = rssEnd - rssMid;
  notes.push(`server RSS (Redis): ${rssStart.toFixed(1)} MiB after start-up, ${rssMid.toFixed(1)} half-way, ${rssEnd.toFixed(1)} at the end (first half ${firstHalf >= 0 ? '+' : ''}${firstHalf.toFixed(1)} MiB, second half ${secondHalf >= 0 ? '+' : ''}${secondHalf.toFixed(1)} MiB)`);
  check(`server RSS flat over the second half (< 20 MiB growth: ${secondHalf.toFixed(1)} MiB)`, secondHalf < 20);
  const [live, stored] = [engineMicrosPerTurn(true), engineMicrosPerTurn(false)];
  notes.push(
    `the engine alone, in this process (transition → persist, the view, both as JSON): ${live.toFixed(0)} µs per turn going on from the live conversation (the server's own last write), ${stored.toFixed(0)} µs from the stored JSON (parsed, validated, restored: another process's write) = ${(live / baseline.cpu).toFixed(2)}× and ${(stored / baseline.cpu).toFixed(2)}× a bare request's server CPU (${baseline.cpu.toFixed(0)} µs, all bare runs); a turn over HTTP costs ${ratio(first.row, first.baseline).cpu.toFixed(2)}× the bare request beside it (${first.row.cpu.toFixed(0)} µs)`,
  );
  for (const note of notes) console.log(note);
} finally {
  for (const child of [...started]) await stop(child, child !== bare);
  await redis?.stop();
  const bad = exits.filter((code) => code !== 0);
  if (bad.length > 0) {
    console.log(`a server exited with ${bad.join(', ')} on SIGTERM (expected 0)`);
    failed = true;
  }
  if (failed) process.exitCode = 1;
}
