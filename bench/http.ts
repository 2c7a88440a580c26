/**
 * What the HTTP benchmarks share: starting and stopping a server process, reading its RSS, and autocannon's request
 * list for whole conversations (a session id carried from one request to the next in the per-connection context).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type autocannon from 'autocannon';
import { type ConversationScript, scriptTurn } from './script.js';

const ROOT = new URL('../', import.meta.url).pathname;

/**
 * Node's arguments for the server under test: the built artifact (`npm run build` first), which is what production
 * runs, or with `SOAK_SERVER=src` the sources through tsx.
 */
export function serverArgs(): string[] {
  if (process.env.SOAK_SERVER === 'src') return ['--import', 'tsx', 'src/main.ts'];
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  return ['dist/main.js'];
}

/** A child process listening on `port`, ready once `probe` answers. */
export async function startProcess(args: string[], env: Record<string, string>, port: number, probe: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  process.once('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 30_000;
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

/** SIGTERM, then the exit code (null when it had to be killed after 12 s). */
export async function stopProcess(child: ChildProcess): Promise<number | null> {
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
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/**
 * CPU time `pid` has used so far (user + system, every thread: the garbage collector's helpers too), in seconds
 * (Linux, /proc). Read before and after a load, it gives what the requests cost the server, whatever the load
 * generator and Redis took of the shared cores.
 */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/** Linux's USER_HZ (the unit of /proc/<pid>/stat's times). */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Conversations that reached their result, and those that did not (or were refused on the way). */
export interface Tally {
  completed: number;
  broken: number;
  firstProblem?: string;
}

/** What a connection carries from one request to the next. */
interface Conversation {
  script?: number;
  /** The conversation's number (its figures are its own). */
  conversation?: number;
  id?: string;
}

/**
 * autocannon's request list for whole conversations: [create, answer 1, …, answer N]. Each connection carries its
 * session id and script in its context; when a script has fewer answers than the list, `setupRequest` returns
 * nothing, which makes autocannon start the list again with a fresh context — the next conversation.
 */
export function conversationRequests(scripts: ConversationScript[], tally: Tally): autocannon.Request[] {
  const longest = Math.max(...scripts.map((s) => s.turns.length));
  let next = 0;
  const problem = (why: string) => {
    tally.broken += 1;
    tally.firstProblem ??= why;
  };
  const create: autocannon.Request = {
    method: 'POST',
    path: '/api/sessions',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req, context: Conversation) => {
      const script = next % scripts.length;
      context.script = script;
      // Each conversation's own figures (see bench/script.ts): numbered from 1, whatever the connection.
      context.conversation = ++next;
      return { ...req, body: JSON.stringify({ jurisdiction: scripts[script]?.jurisdiction }) };
    },
    onResponse: (status, body, context: Conversation) => {
      if (status === 201) context.id = (JSON.parse(body) as { id: string }).id;
      else problem(`create: ${status}`);
    },
  };
  const answers = Array.from({ length: longest }, (_, i): autocannon.Request => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req, context: Conversation) => {
      const script = scripts[context.script as number];
      const turn = script && scriptTurn(script, i, context.conversation as number);
      if (!turn || typeof context.id !== 'string') return undefined as unknown as autocannon.Request;
      return { ...req, path: `/api/sessions/${context.id}/answers`, body: JSON.stringify(turn) };
    },
    onResponse: (status, body, context: Conversation) => {
      const script = scripts[context.script as number] as ConversationScript;
      if (status !== 200) return problem(`${script.jurisdiction} ${script.turns[i]?.questionId}: ${status} ${body.slice(0, 200)}`);
      if (i !== script.turns.length - 1) return;
      const state = (JSON.parse(body) as { state?: string }).state;
      if (state === 'results') tally.completed += 1;
      else problem(`${script.jurisdiction}: ended in ${String(state)}`);
    },
  }));
  return [create, ...answers];
}

