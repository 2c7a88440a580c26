/**
 * `npm run bench:profile`: where the server spends its time under conversation load. Starts the real server
 * (`node --cpu-prof`, NODE_ENV=production, a private redis-server), runs whole typed conversations against it with
 * autocannon for `PROFILE_SECONDS` (default 8), stops it with SIGTERM (which writes the profile) and prints the
 * functions with the most self time, as a share of the busy (non-idle) time, and the same summed by file. The
 * `.cpuprofile` is kept (path printed) for Chrome DevTools.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { freePort, spawnRedis } from '../test/support/redis.js';
import { conversationRequests, serverArgs, startProcess, stopProcess, type Tally } from './http.js';
import { conversationScript } from './script.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const TOP = 20;

/** Self time per key (function or file), in microseconds, and the busy total. */
function selfTimes(profile: CpuProfile, keyOf: (node: ProfileNode) => string, inclusive = false): { rows: [string, number][]; busy: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const totals = new Map<string, number>();
  let busy = 0;
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsed += delta;
    const node = byId.get(id);
    // Start-up (loading modules) is not what a request costs: only samples taken under load count.
    if (!node || node.callFrame.functionName === '(idle)' || elapsed < skipMicros) return;
    busy += delta;
    // Inclusive: every distinct key on the stack is charged once for the sample.
    const keys = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = inclusive ? parent.get(at.id) : undefined) keys.add(keyOf(at));
    for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + delta);
  });
  return { rows: [...totals].sort((a, b) => b[1] - a[1]), busy };
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/').replace(/^node:/, 'node:') || '(native)';

const dir = mkdtempSync(join(tmpdir(), 'park-advisor-profile-'));
const redis = await spawnRedis();
const port = await freePort();
const spawnedAt = performance.now();
const child = await startProcess(
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...serverArgs()],
  { HOST: '127.0.0.1', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0', TELEGRAM_BOT_TOKEN: '', REDIS_URL: redis.url },
  port,
  '/readyz',
);
/** Time from the process's start to its first ready answer, excluded from the figures. */
const skipMicros = (performance.now() - spawnedAt) * 1000;
try {
  const scripts = JURISDICTION_IDS.map((id) => conversationScript(id, '2026-11-23'));
  const tally: Tally = { completed: 0, broken: 0 };
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, duration: SECONDS, requests: conversationRequests(scripts, tally) });
  console.log(`profiled ${result.requests.total} requests (${result.requests.average.toFixed(0)} req/s), ${tally.completed} conversations completed, ${tally.broken} broken`);
} finally {
  await stopProcess(child);
  await redis.stop();
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
const percent = (us: number, busy: number) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
const functions = selfTimes(profile, (n) => `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`);
console.log(`\nTop ${TOP} functions by self time (share of busy time, ${(functions.busy / 1e6).toFixed(1)} s busy):`);
for (const [key, us] of functions.rows.slice(0, TOP)) console.log(`${percent(us, functions.busy)}  ${key}`);
const files = selfTimes(profile, (n) => shortUrl(n.callFrame.url).replace(/:\d+$/, ''));
console.log(`\nTop ${TOP} files by self time:`);
for (const [key, us] of files.rows.slice(0, TOP)) console.log(`${percent(us, files.busy)}  ${key}`);
const ours = selfTimes(profile, (n) => (n.callFrame.url.includes('/src/') || n.callFrame.url.includes('/node_modules/') ? `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}` : '(other)'), true);
console.log(`\nTop ${TOP} functions by total time (self and callees), project code and packages:`);
for (const [key, us] of ours.rows.filter(([k]) => k !== '(other)').slice(0, TOP)) console.log(`${percent(us, ours.busy)}  ${key}`);
console.log(`\nprofile: ${join(dir, file)}`);
