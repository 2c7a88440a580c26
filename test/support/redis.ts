/**
 * A Redis for tests: the one REDIS_URL names, or a private redis-server on a free port.
 *
 * Never the machine's own Redis on 6379 unless REDIS_URL says so: tests must not read or wipe anybody's data.
 * With REDIS_URL, everything a run writes lives under its own key prefix and is deleted by `stop()`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';

/** A Redis the tests may use. */
export interface TestRedis {
  /** `redis://host:port` to connect to. */
  url: string;
  /** The server's port (6379 when REDIS_URL names none). */
  port: number;
  /** Unique per call: tests put their keys under it so that runs sharing one Redis never collide. */
  keyPrefix: string;
  /** Stops the server we started, or deletes this run's keys from the one REDIS_URL named. */
  stop(): Promise<void>;
}

/** A redis-server this process started: it can also be restarted on the same port, to test recovery. */
export interface SpawnedRedis extends TestRedis {
  /** Stops the server (if running) and starts it again on the same port: empty, unless spawned with AOF. */
  restart(): Promise<void>;
}

/** Whether `redis-server` is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Uses process.env.REDIS_URL when set, otherwise spawns a private redis-server. */
export async function startRedis(): Promise<TestRedis> {
  const url = process.env.REDIS_URL;
  if (url === undefined || url === '') return spawnRedis();
  const keyPrefix = uniquePrefix();
  return { url, port: Number(new URL(url).port || 6379), keyPrefix, stop: () => deleteKeys(url, keyPrefix) };
}

/** Options of {@link spawnRedis}. */
export interface SpawnRedisOptions {
  /** Persist with AOF (fsync on every write) in this directory, so that data survives `restart()`. */
  appendOnlyDir?: string;
  /** More `redis-server` arguments, e.g. `['--enable-debug-command', 'yes']`. */
  extraArgs?: string[];
}

/**
 * Spawns `redis-server` on a free port and waits until it answers PING. Without `appendOnlyDir` nothing is
 * persisted, so `restart()` gives an empty server.
 */
export async function spawnRedis(options: SpawnRedisOptions = {}): Promise<SpawnedRedis> {
  const port = await freePort();
  const persistence = options.appendOnlyDir
    ? ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.appendOnlyDir]
    : ['--save', '', '--appendonly', 'no'];
  const args = [...persistence, ...(options.extraArgs ?? [])];
  let server: ChildProcess | undefined = await startServer(port, args);
  const stop = async () => {
    if (server !== undefined) await stopServer(server);
    server = undefined;
  };
  const restart = async () => {
    await stop();
    server = await startServer(port, args);
  };
  return { url: `redis://127.0.0.1:${port}`, port, keyPrefix: uniquePrefix(), stop, restart };
}

function uniquePrefix(): string {
  return `park-advisor-test:${randomUUID()}:`;
}

/** A port the OS considers free right now (it could be taken before we use it; good enough for tests). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startServer(port: number, extra: string[]): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', ...extra];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`cannot run redis-server (install it, or set REDIS_URL): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before answering:\n${output}`)));
  });
  failed.catch(() => undefined); // only observed while waiting below
  // A test that crashes must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  await Promise.race([waitForPong(port), failed]);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Polls with a raw PING over TCP (no client library, so no reconnection logic to get in the way). */
async function waitForPong(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answersPing(port)) return;
    await sleep(25);
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Deletes every key under `prefix` (SCAN, not KEYS, so a shared Redis is not blocked). */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = await createClient({ url }).on('error', () => undefined).connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    client.destroy();
  }
}
