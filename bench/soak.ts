/**
 * The soak: N concurrent simulated applicants against the REAL server process (`node --import tsx src/main.ts`,
 * NODE_ENV=production so the JSON access log is written, to /dev/null) with sessions in a private redis-server,
 * all on loopback, with the load generator on the same machine. Run by `npm run bench` after the other
 * benchmarks (or alone: `tsx bench/soak.ts`).
 *
 * Each applicant runs full conversations over HTTP: POST /api/sessions, then every question of
 * `examples/<id>-eligible.json` answered as people type ("1.2万平方米", "是"), round-robin over the five
 * jurisdictions, until the turn budget or the time budget runs out. Reported: turns/s, p50/p99 latency per
 * request, errors (anything but the expected status, or a conversation that does not reach its result: must be
 * 0), and the server's RSS (VmRSS) after start-up, after a warm-up and at the end. The baseline, in the same
 * run: a bare express app (one JSON POST route, express.json()) in its own process, hit by the same client
 * loop; the ratios compare the two. Node's fetch (undici) with keep-alive; everything started is stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { freePort, spawnRedis, type SpawnedRedis } from '../test/support/redis.js';
import { type ConversationScript, conversationScript } from './script.js';

const APPLICANTS = 50;
const MAX_TURNS = 12_000;
const BUDGET_MS = 24_000;
const WARMUP_TURNS = 1_000;
const DATE = '2026-11-23';
const ROOT = new URL('../', import.meta.url).pathname;

type Script = ConversationScript;

/** A child process listening on `port`, ready once `probe` answers. */
async function startProcess(args: string[], env: Record<string, string>, port: number, probe: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  process.once('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${probe}`)).ok) return child;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`process did not answer ${probe}: ${stderr}`);
}

async function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(12_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    return null;
  }
  return code;
}

/** VmRSS of `pid` in MiB (Linux). */
function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

interface Run {
  latenciesMs: number[];
  errors: number;
  wallMs: number;
  conversations: number;
  firstError?: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/** `APPLICANTS` workers, each repeating `unit` (which times its own requests) until `maxTurns` or `budgetMs`. */
async function load(unit: (record: (ms: number) => void, fail: (why: string) => void) => Promise<void>, maxTurns: number, budgetMs: number): Promise<Run> {
  const run: Run = { latenciesMs: [], errors: 0, wallMs: 0, conversations: 0 };
  const started = performance.now();
  const deadline = started + budgetMs;
  const record = (ms: number) => run.latenciesMs.push(ms);
  const fail = (why: string) => {
    run.errors += 1;
    run.firstError ??= why;
  };
  const worker = async () => {
    while (run.latenciesMs.length < maxTurns && performance.now() < deadline) {
      try {
        await unit(record, fail);
        run.conversations += 1;
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: APPLICANTS }, worker));
  run.wallMs = performance.now() - started;
  return run;
}

/** One timed JSON POST; the body is read (and parsed) before the clock stops. */
async function post(url: string, body: unknown, record: (ms: number) => void): Promise<{ status: number; json: Record<string, any> }> {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, any>;
  record(performance.now() - t);
  return { status: res.status, json };
}

const scripts = JURISDICTION_IDS.map((id) => conversationScript(id, DATE));
let redis: SpawnedRedis | undefined;
let bare: ChildProcess | undefined;
const apps: ChildProcess[] = [];
const exits: (number | null)[] = [];

interface StoreSoak {
  label: string;
  warmup: Run;
  soak: Run;
  rss: { start: number; warm: number; mid: number; end: number };
}

/** Starts the real server with `env`, soaks it with full conversations, stops it (recording its exit code). */
async function soakServer(label: string, env: Record<string, string>, budgetMs: number): Promise<StoreSoak> {
  const appPort = await freePort();
  const app = await startProcess(['--import', 'tsx', 'src/main.ts'], { HOST: '127.0.0.1', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', TELEGRAM_BOT_TOKEN: '', ...env }, appPort, '/readyz');
  apps.push(app);
  const base = `http://127.0.0.1:${appPort}`;
  let next = 0;
  const conversation = async (record: (ms: number) => void, fail: (why: string) => void) => {
    const script = scripts[next++ % scripts.length] as Script;
    const created = await post(`${base}/api/sessions`, { jurisdiction: script.jurisdiction }, record);
    if (created.status !== 201) return fail(`create: ${created.status}`);
    const id = created.json.id as string;
    let last: Record<string, any> = created.json;
    for (const turn of script.turns) {
      const res = await post(`${base}/api/sessions/${id}/answers`, turn, record);
      if (res.status !== 200) return fail(`${script.jurisdiction} ${turn.questionId}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
      last = res.json;
    }
    if (last.state !== 'results') fail(`${script.jurisdiction}: ended in ${String(last.state)}`);
  };
  const start = rssMiB(app.pid);
  const warmup = await load(conversation, WARMUP_TURNS, 10_000);
  const warm = rssMiB(app.pid);
  // In two halves, so that RSS in the middle tells a plateau (heap sized to the load) from steady growth (a leak).
  const first = await load(conversation, MAX_TURNS / 2, budgetMs / 2);
  const mid = rssMiB(app.pid);
  const second = await load(conversation, MAX_TURNS / 2, budgetMs / 2);
  const end = rssMiB(app.pid);
  exits.push(await stopProcess(app));
  apps.splice(apps.indexOf(app), 1);
  const soak: Run = {
    latenciesMs: [...first.latenciesMs, ...second.latenciesMs],
    errors: first.errors + second.errors,
    wallMs: first.wallMs + second.wallMs,
    conversations: first.conversations + second.conversations,
    ...(first.firstError ?? second.firstError ? { firstError: first.firstError ?? second.firstError } : {}),
  };
  return { label, warmup, soak, rss: { start, warm, mid, end } };
}

try {
  redis = await spawnRedis();
  const withRedis = await soakServer('park advisor, Redis', { REDIS_URL: redis.url }, BUDGET_MS);
  const inMemory = await soakServer('park advisor, memory', {}, BUDGET_MS / 2);

  // The baseline: a bare express app with one JSON route, in its own process, hit by the same loop.
  const barePort = await freePort();
  const bareSource = `import express from 'express';
    const app = express(); app.use(express.json());
    app.get('/hello', (_q, r) => r.json({ hello: 'world' }));
    app.post('/hello', (q, r) => r.json({ hello: 'world', got: q.body }));
    app.listen(Number(process.env.PORT), '127.0.0.1');`;
  bare = await startProcess(['--input-type=module', '-e', bareSource], {}, barePort, '/hello');
  const hello = async (record: (ms: number) => void, fail: (why: string) => void) => {
    for (let i = 0; i < 20; i++) {
      const res = await post(`http://127.0.0.1:${barePort}/hello`, { questionId: 'floorArea', value: '1.2万平方米' }, record);
      if (res.status !== 200) fail(`hello: ${res.status}`);
    }
  };
  await load(hello, WARMUP_TURNS, 10_000);
  const baseline = await load(hello, MAX_TURNS, BUDGET_MS);

  const describe = (run: Run) => {
    const sorted = [...run.latenciesMs].sort((a, b) => a - b);
    return { rate: (run.latenciesMs.length / run.wallMs) * 1000, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), n: run.latenciesMs.length };
  };
  const b = describe(baseline);
  console.log('');
  console.log(
    `Soak: ${APPLICANTS} concurrent applicants over HTTP (keep-alive), the real server (NODE_ENV=production, JSON access log), ` +
      `≤${MAX_TURNS} requests or ${BUDGET_MS / 1000} s (memory: half), after ${WARMUP_TURNS} warm-up requests; Node ${process.version}, loopback, load generator on the same machine`,
  );
  const rows = [['', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'throughput vs baseline', 'p99 vs baseline']];
  for (const run of [withRedis, inMemory]) {
    const s = describe(run.soak);
    rows.push([run.label, String(s.n), s.rate.toFixed(0), s.p50.toFixed(2), s.p99.toFixed(2), String(run.soak.errors + run.warmup.errors), `${((s.rate / b.rate) * 100).toFixed(0)}%`, `${(s.p99 / b.p99).toFixed(1)}×`]);
  }
  rows.push(['bare express (baseline)', String(b.n), b.rate.toFixed(0), b.p50.toFixed(2), b.p99.toFixed(2), String(baseline.errors), '100%', '1.0×']);
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  for (const run of [withRedis, inMemory]) {
    const { start, warm, mid, end } = run.rss;
    console.log(
      `${run.label}: conversations completed ${run.soak.conversations} (all reached a result: ${run.soak.errors === 0 ? 'yes' : 'NO'}); ` +
        `RSS ${start.toFixed(1)} MiB after start-up, ${warm.toFixed(1)} after warm-up, ${mid.toFixed(1)} half-way, ${end.toFixed(1)} at the end ` +
        `(growth: first half ${(mid - warm).toFixed(1)} MiB, second half ${(end - mid).toFixed(1)} MiB)`,
    );
    if (run.soak.errors + run.warmup.errors > 0) {
      console.log(`ERRORS (${run.label}): ${run.soak.errors + run.warmup.errors}; first: ${run.soak.firstError ?? run.warmup.firstError}`);
      process.exitCode = 1;
    }
  }
  console.log(`targets (issue 4): p99 < 20 ms; throughput with Redis ≥ 30% of the bare route's — both measured on this shared 2-core machine`);
} finally {
  for (const app of apps) exits.push(await stopProcess(app));
  if (bare) await stopProcess(bare);
  await redis?.stop();
  const bad = exits.filter((code) => code !== 0);
  if (bad.length > 0) {
    console.log(`a server exited with ${bad.join(', ')} on SIGTERM (expected 0)`);
    process.exitCode = 1;
  }
}
