/**
 * Real processes for tests and benchmarks: start a command in its own process group, wait for its first 200 on
 * /healthz, stop it with a signal, and see what is left of its group and its port.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A command started by {@link startProcess}. */
export interface StartedProcess {
  child: ChildProcess;
  /** Its pid, which is also its process group's id (it leads a group of its own). */
  pid: number;
  /** What it printed so far (stdout and stderr, the last 20,000 characters). */
  output(): string;
  /** Resolves with the exit code and signal once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `command` in the repository with `env` added to this process's environment (REDIS_URL and a bot token
 * removed unless given), leading a new process group, so that everything it starts can be found and, should a
 * test fail, killed together.
 */
export function startProcess(command: string, args: string[], env: Record<string, string>): StartedProcess {
  const base = { ...process.env };
  delete base.REDIS_URL;
  delete base.TELEGRAM_BOT_TOKEN;
  const child = spawn(command, args, { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid === undefined) throw new Error(`cannot start ${command}`);
  const pid = child.pid;
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // A crashed test must not leave a server behind.
  const killGroup = () => killProcessGroup(pid);
  process.once('exit', killGroup);
  void exited.then(() => process.off('exit', killGroup));
  return { child, pid, output: () => output, exited };
}

/** SIGKILLs every process left in group `pgid` (no error if there is none). */
export function killProcessGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // the group is already empty
  }
}

/**
 * Polls `http://127.0.0.1:<port>/healthz` until it answers 200; returns the milliseconds since `since`.
 * Fails early when the process exits.
 */
export async function waitForHealthz(started: StartedProcess, port: number, { since = performance.now(), timeoutMs = 60_000, intervalMs = 20 } = {}): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (started.child.exitCode !== null || started.child.signalCode !== null) {
      throw new Error(`the process exited (${started.child.exitCode ?? started.child.signalCode}) before /healthz answered:\n${started.output()}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(intervalMs);
  }
  throw new Error(`/healthz did not answer 200 within ${timeoutMs} ms:\n${started.output()}`);
}

/** Whether nothing accepts connections on 127.0.0.1:`port`. */
export function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** The live (non-zombie) processes of group `pgid`, as `pid command` lines (Linux `ps`). */
export function processesInGroup(pgid: number): string[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' }).stdout ?? '';
  return listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, group, stat]) => Number(group) === pgid && !(stat ?? '').startsWith('Z'))
    .map(([pid, , , ...args]) => `${pid} ${args.join(' ')}`);
}

/** Polls `check` every 50 ms until it holds or `timeoutMs` has passed; returns whether it held. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
}
