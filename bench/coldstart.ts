/**
 * Cold start: from spawning the command to the first 200 on /healthz, for the built artifact (`node
 * dist/main.js`, what the image runs) against `npm start` (what a newcomer types: build, then the same server)
 * and against running the sources through tsx (`node --import tsx src/main.ts`, the way the product used to
 * start). Each is started ROUNDS times in turn, interleaved so that a busy moment of the shared machine hits all
 * three; medians are reported, and ratios to `node dist/main.js` measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { eventually, portIsClosed, startProcess, waitForHealthz } from '../test/support/processes.js';
import { freePort } from '../test/support/redis.js';

const ROUNDS = 5;

interface Contender {
  label: string;
  command: string;
  args: string[];
}

const CONTENDERS: Contender[] = [
  { label: 'node dist/main.js', command: process.execPath, args: ['dist/main.js'] },
  { label: 'npm start (build + node dist/main.js)', command: 'npm', args: ['start', '--silent'] },
  { label: 'node --import tsx src/main.ts (sources)', command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'] },
];

/** Milliseconds from spawn to the first 200 on /healthz; the process is then stopped with SIGTERM. */
async function coldStart({ command, args }: Contender): Promise<number> {
  const port = await freePort();
  const since = performance.now();
  const started = startProcess(command, args, { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' });
  try {
    return await waitForHealthz(started, port, { since, intervalMs: 5 });
  } finally {
    process.kill(started.pid, 'SIGTERM');
    await started.exited;
    await eventually(() => portIsClosed(port), 5_000);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const build = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
const times = new Map<string, number[]>(CONTENDERS.map((c) => [c.label, []]));
await coldStart(CONTENDERS[0] as Contender); // warm the file system cache once
for (let round = 0; round < ROUNDS; round++) {
  for (const contender of CONTENDERS) times.get(contender.label)?.push(await coldStart(contender));
}

const baseline = median(times.get(CONTENDERS[0]?.label ?? '') ?? []);
console.log(`\nCold start to the first 200 on /healthz, median of ${ROUNDS}, Node ${process.version} (ratio to node dist/main.js):`);
for (const { label } of CONTENDERS) {
  const ms = median(times.get(label) ?? []);
  console.log(`  ${label.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / baseline).toFixed(1)}×`);
}
