/**
 * `npm run bench:instructions`: what a request costs the server in instructions, counted by valgrind's callgrind —
 * a count this machine's noise does not move (CPU time per request of one build moved by a third between runs here;
 * instruction counts of the same build and load repeat to a fraction of a per cent). Three servers under callgrind,
 * side by side on one private redis-server: the bare express route of the soak, the product (conversation turns with
 * Redis), and the product with metrics off (`METRICS_ENABLED=false`). Each is warmed with `WARM` requests, its
 * counters are zeroed, then `WINDOWS` windows of `WINDOW` requests are sent (4 connections, autocannon's `amount`),
 * the counters dumped after each (`callgrind_control -d`). Prints instructions per request per window and the ratios
 * window by window: a turn against the bare route, and what metrics add. About ten minutes (valgrind runs Node
 * 50–80× slower); skipped when valgrind is not installed. Not part of `npm run bench`.
 *
 * Read the last window, and windows side by side: under valgrind V8's optimising compiler (a background thread,
 * serialised with the rest) lags far behind the requests, so a turn's count was still falling after 19,000 of them
 * (1,389k → 1,293k → 1,175k instructions), and the server with more code to compile (metrics on) falls later. A
 * fixed count of a fixed build and load repeats; the comparison of two builds is fair only window by window.
 *
 * What counts misses: time a cache miss costs without more instructions (V8's profiler shows those), the kernel's
 * share of I/O, and Redis's own work — so it measures the server's code, not the machine.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { freePort, spawnRedis } from '../test/support/redis.js';
import { conversationRequests, serverArgs } from './http.js';
import { conversationScript } from './script.js';

const WARM = Number(process.env.WARM ?? 4000);
const WINDOW = Number(process.env.WINDOW ?? 5000);
const WINDOWS = Number(process.env.WINDOWS ?? 3);
/**
 * Few connections: under valgrind a request takes 25–40 ms, and a queue of them would pass the session store's 2 s
 * deadline on Redis (a 503), which changes what is counted. The server's code is the same at any concurrency.
 */
const CONNECTIONS = 4;
const ROOT = new URL('../', import.meta.url).pathname;
/** vgdb (behind callgrind_control) finds a process by a pipe named after $HOST: the same for both sides. */
const HOST = '127.0.0.1';

if (spawnSync('valgrind', ['--version']).status !== 0 || spawnSync('callgrind_control', ['-h']).error) {
  console.log('valgrind (callgrind) is not installed: nothing measured (Debian: apt-get install valgrind)');
  process.exit(0);
}

interface Counted {
  label: string;
  child: ChildProcess;
  url: string;
  out: string;
  requests: () => autocannon.Options;
}

const dir = mkdtempSync(join(tmpdir(), 'park-advisor-callgrind-'));
const BARE = `import express from 'express';
  const app = express(); app.use(express.json());
  app.get('/hello', (_q, r) => r.json({ hello: 'world' }));
  app.post('/hello', (q, r) => r.json({ hello: 'world', got: q.body }));
  app.listen(Number(process.env.PORT), '127.0.0.1');`;

/** A Node process under callgrind (counting nothing until zeroed), ready once `probe` answers. */
async function counted(label: string, nodeArgs: string[], env: Record<string, string>, probe: string, requests: (url: string) => autocannon.Options): Promise<Counted> {
  const port = await freePort();
  const out = join(dir, `${label}.out`);
  const args = ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, '--dump-instr=no', '-q', process.execPath, ...nodeArgs];
  const child = spawn('valgrind', args, { cwd: ROOT, env: { ...process.env, ...env, HOST, PORT: String(port) }, stdio: 'ignore' });
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://${HOST}:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 300) throw new Error(`${label} did not start under valgrind`);
    if (await fetch(`${url}${probe}`).then((r) => r.ok, () => false)) break;
    await sleep(1000);
  }
  return { label, child, url, out, requests: () => requests(url) };
}

async function drive(server: Counted, amount: number): Promise<void> {
  const result = await autocannon({ ...server.requests(), connections: CONNECTIONS, amount, timeout: 120 });
  if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`${server.label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
}

function control(server: Counted, flag: '-z' | '-d'): void {
  const run = spawnSync('callgrind_control', [flag, String(server.child.pid)], { env: { ...process.env, HOST }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`callgrind_control ${flag} failed: ${run.stderr}`);
}

/** Instructions (Ir) of each dump of `server`, in order. */
function dumps(server: Counted): number[] {
  const base = `${server.label}.out.`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(base))
    .sort((a, b) => Number(a.slice(base.length)) - Number(b.slice(base.length)))
    .map((f) => Number(/^summary:\s*(\d+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? Number.NaN));
}

const scripts = JURISDICTION_IDS.map((id) => conversationScript(id, '2026-11-23'));
const turns = (url: string): autocannon.Options => ({ url, requests: conversationRequests(scripts, { completed: 0, broken: 0 }) });
const bareRequest = (url: string): autocannon.Options => ({
  url: `${url}/hello`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ questionId: 'floorArea', value: '1.2万平方米' }),
});

const redis = await spawnRedis();
const servers: Counted[] = [];
try {
  const product = { NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', TELEGRAM_BOT_TOKEN: '', REDIS_URL: redis.url };
  const args = serverArgs();
  servers.push(
    ...(await Promise.all([
      counted('bare', ['--input-type=module', '-e', BARE], {}, '/hello', bareRequest),
      counted('turns', args, product, '/readyz', turns),
      counted('turns-no-metrics', args, { ...product, METRICS_ENABLED: 'false' }, '/readyz', turns),
    ])),
  );
  await Promise.all(
    servers.map(async (server) => {
      await drive(server, WARM);
      control(server, '-z');
      for (let w = 0; w < WINDOWS; w++) {
        await drive(server, WINDOW);
        control(server, '-d');
      }
    }),
  );
  const perRequest = Object.fromEntries(servers.map((s) => [s.label, dumps(s).map((ir) => ir / WINDOW)])) as Record<string, number[]>;
  console.log(`Instructions per request (callgrind), ${WINDOWS} windows of ${WINDOW} requests after ${WARM}, ${CONNECTIONS} connections, Node ${process.version}`);
  for (const [label, values] of Object.entries(perRequest)) console.log(`${label.padEnd(18)} ${values.map((v) => `${(v / 1000).toFixed(0)}k`).join('  ')}`);
  const at = (label: string, w: number) => perRequest[label]?.[w] ?? Number.NaN;
  for (let w = 0; w < WINDOWS; w++) {
    const turn = at('turns', w);
    console.log(
      `window ${w + 1}: a turn = ${(turn / at('bare', w)).toFixed(2)}× a bare request; metrics add ${((turn / at('turns-no-metrics', w) - 1) * 100).toFixed(1)} % to a turn`,
    );
  }
} finally {
  for (const server of servers) server.child.kill('SIGKILL');
  await redis.stop();
}
