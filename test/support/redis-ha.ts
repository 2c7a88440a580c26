/**
 * Real Redis high-availability setups for tests, all on free loopback ports, every process killed by `stop()`
 * (and on exit, should a test crash):
 *
 *   - {@link startSentinelSetup}: a master, one replica and three sentinels (`redis-server --sentinel`, quorum 2,
 *     the master considered down after 1 s), the master's name `parkadvisor`;
 *   - {@link startCluster}: a cluster of three masters (no replicas), slots assigned with `redis-cli --cluster`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './redis.js';

/** One process of the setup. */
export interface RedisProcess {
  port: number;
  child: ChildProcess;
}

/** Starts `redis-server` with `args` and waits until it answers on `port`. */
async function start(port: number, args: string[]): Promise<RedisProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    if ((await command(port, ['PING']).catch(() => '')).startsWith('+PONG')) return { port, child };
    await sleep(25);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server on ${port} did not answer within 10 s:\n${output}`);
}

/** Sends one command in RESP over a fresh connection and returns the raw reply text (enough for tests). */
export function command(port: number, args: string[], timeoutMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reply ? resolve(reply) : reject(new Error('no reply'));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
    socket.on('data', (data) => {
      reply += data.toString();
      // Enough for what tests ask (simple replies, integers, short arrays): settle on the first chunk's end.
      clearTimeout(timer);
      setTimeout(() => {
        socket.destroy();
        resolve(reply);
      }, 20);
    });
  });
}

/** Kills a process and waits for it to be gone. */
export async function kill(process: RedisProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const { child } = process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A master, a replica and three sentinels. */
export interface SentinelSetup {
  name: string;
  master: RedisProcess;
  replica: RedisProcess;
  sentinels: RedisProcess[];
  /** The port of the node the sentinels call master now. */
  masterPort(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the setup and waits until the replica is in sync and every sentinel knows it. */
export async function startSentinelSetup(): Promise<SentinelSetup> {
  const name = 'parkadvisor';
  const dir = mkdtempSync(join(tmpdir(), 'park-advisor-sentinel-'));
  const started: RedisProcess[] = [];
  try {
    const plain = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
    const masterPort = await freePort();
    const master = await start(masterPort, ['--port', String(masterPort), ...plain]);
    started.push(master);
    const replicaPort = await freePort();
    const replica = await start(replicaPort, ['--port', String(replicaPort), ...plain, '--replicaof', '127.0.0.1', String(masterPort)]);
    started.push(replica);
    await waitFor(async () => /master_link_status:up/.test(await command(replicaPort, ['INFO', 'replication'])), 'the replica to sync');

    const sentinels: RedisProcess[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const file = join(dir, `sentinel-${i}.conf`);
      // Sentinel rewrites its configuration file, so each gets its own, writable.
      writeFileSync(
        file,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${masterPort} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      const sentinel = await start(port, [file, '--sentinel']);
      started.push(sentinel);
      sentinels.push(sentinel);
    }
    for (const sentinel of sentinels) {
      await waitFor(async () => (await command(sentinel.port, ['SENTINEL', 'replicas', name])).includes(String(replicaPort)), 'the sentinels to see the replica');
    }
    const masterPortNow = async () => {
      for (const sentinel of sentinels) {
        const reply = await command(sentinel.port, ['SENTINEL', 'get-master-addr-by-name', name]).catch(() => '');
        const port = /\$\d+\r\n(\d+)\r\n$/.exec(reply)?.[1];
        if (port) return Number(port);
      }
      throw new Error('no sentinel answered');
    };
    return {
      name,
      master,
      replica,
      sentinels,
      masterPort: masterPortNow,
      stop: async () => {
        await Promise.all(started.map((p) => kill(p)));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((p) => kill(p)));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Three masters in one cluster. */
export interface ClusterSetup {
  nodes: RedisProcess[];
  stop(): Promise<void>;
}

/** Whether `redis-cli` can create a cluster here. */
export function hasRedisCli(): boolean {
  return spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Starts three cluster-enabled servers and joins them (all 16384 slots assigned, no replicas). */
export async function startCluster(): Promise<ClusterSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'park-advisor-cluster-'));
  const nodes: RedisProcess[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      nodes.push(
        await start(port, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`)]),
      );
    }
    const created = spawnSync('redis-cli', ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8', timeout: 20_000 });
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${created.stdout}\n${created.stderr}`);
    for (const node of nodes) await waitFor(async () => /cluster_state:ok/.test(await command(node.port, ['CLUSTER', 'INFO'])), 'the cluster to be ok');
    return {
      nodes,
      stop: async () => {
        await Promise.all(nodes.map((n) => kill(n)));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(nodes.map((n) => kill(n)));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
