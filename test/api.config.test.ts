/**
 * Configuration from the environment (src/server/config.ts): defaults, every variable's accepted forms, one
 * clear line naming the variable for a wrong value (never echoing a Redis password) — and the real process:
 * `node --import tsx src/main.ts` with a bad PORT exits 2 with exactly that line; with a good environment it
 * serves, and stops cleanly on SIGTERM (closing Redis when it has one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../src/server/config.js';
import { runsWithRedis } from './support/prerequisites.js';
import { type SpawnedRedis, spawnRedis } from './support/redis.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('loadConfig', () => {
  it('has sensible defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      redisUrl: undefined,
      allowedOrigins: [],
      rateLimitPerMinute: 120,
      trustProxy: ['loopback'],
      nodeEnv: 'development',
      metricsEnabled: true,
      insightsRetentionDays: 400,
    });
    expect(DEFAULT_CONFIG).toEqual(loadConfig({}));
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        REDIS_URL: 'redis://:secret@redis:6379/2',
        ALLOWED_ORIGINS: ' https://hrss.example.gov.cn, http://localhost:8080/ ,https://hrss.example.gov.cn:443',
        RATE_LIMIT_PER_MINUTE: '0',
        TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::1',
        NODE_ENV: 'production',
        METRICS_ENABLED: 'false',
        INSIGHTS_RETENTION_DAYS: '30',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      redisUrl: 'redis://:secret@redis:6379/2',
      redis: { kind: 'url', url: 'redis://:secret@redis:6379/2' },
      allowedOrigins: ['https://hrss.example.gov.cn', 'http://localhost:8080'],
      rateLimitPerMinute: 0,
      trustProxy: ['loopback', '10.0.0.0/8', '2001:db8::1'],
      nodeEnv: 'production',
      metricsEnabled: false,
      insightsRetentionDays: 30,
    });
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ HOST: 'park-advisor.internal' }).host).toBe('park-advisor.internal');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
  });

  it('treats a blank value as unset (`KEY=` in an env file)', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '', ALLOWED_ORIGINS: '  ', NODE_ENV: '' })).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['HOST', 'http://0.0.0.0'],
    ['HOST', '0.0.0.0:3000'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_URL', 'http://redis:6379'],
    ['ALLOWED_ORIGINS', '*'],
    ['ALLOWED_ORIGINS', 'hrss.example.gov.cn'],
    ['ALLOWED_ORIGINS', 'https://hrss.example.gov.cn/path'],
    ['ALLOWED_ORIGINS', 'https://ok.example, ftp://files.example'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_PER_MINUTE', '-5'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['NODE_ENV', 'prod'],
    ['INSIGHTS_RETENTION_DAYS', '0'],
    ['INSIGHTS_RETENTION_DAYS', 'a year'],
    ['INSIGHTS_RETENTION_DAYS', '3661'],
    ['REDIS_SENTINELS', 'sentinel-1'],
    ['REDIS_SENTINELS', 'sentinel-1:0'],
    ['REDIS_SENTINELS', 'redis://sentinel-1:26379'],
    ['REDIS_CLUSTER_NODES', '10.0.0.1:7000, 10.0.0.2'],
    ['REDIS_SENTINEL_NAME', 'my master'],
    ['TELEGRAM_API_ROOT', 'ftp://bot-api.internal'],
    ['TELEGRAM_API_ROOT', 'http://bot-api.internal/?x=1'],
  ])('%s=%s stops with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).not.toMatch(/\n/);
  });

  it('reads Redis Sentinel and Cluster, one way at a time, and the Bot API root', () => {
    expect(
      loadConfig({ REDIS_SENTINELS: ' 10.0.0.11:26379,sentinel-2:26379 , [2001:db8::3]:26379', REDIS_SENTINEL_NAME: 'parkadvisor', REDIS_SENTINEL_PASSWORD: 's3cret', REDIS_PASSWORD: 'p4ss' }).redis,
    ).toEqual({
      kind: 'sentinel',
      name: 'parkadvisor',
      sentinels: [
        { host: '10.0.0.11', port: 26379 },
        { host: 'sentinel-2', port: 26379 },
        { host: '2001:db8::3', port: 26379 },
      ],
      sentinelPassword: 's3cret',
      password: 'p4ss',
    });
    expect(loadConfig({ REDIS_CLUSTER_NODES: 'redis-1:7000,redis-2:7001' }).redis).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-1', port: 7000 },
        { host: 'redis-2', port: 7001 },
      ],
      password: undefined,
    });
    expect(loadConfig({ REDIS_URL: 'redis://r:6379' }).redis).toEqual({ kind: 'url', url: 'redis://r:6379' });
    expect(loadConfig({}).redis).toBeUndefined();
    const token = `123456789:${'A'.repeat(35)}`;
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).telegram?.apiRoot).toBe('http://127.0.0.1:8081');
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token }).telegram?.apiRoot).toBeUndefined();

    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(problem({ REDIS_URL: 'redis://r:6379', REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'm' })).toMatch(/^Invalid configuration: REDIS_SENTINELS cannot be combined with REDIS_URL/);
    expect(problem({ REDIS_SENTINELS: 's:26379', REDIS_CLUSTER_NODES: 'c:7000', REDIS_SENTINEL_NAME: 'm' })).toMatch(/REDIS_CLUSTER_NODES cannot be combined with REDIS_SENTINELS/);
    expect(problem({ REDIS_SENTINELS: 's:26379' })).toMatch(/^Invalid configuration: REDIS_SENTINEL_NAME must be set with REDIS_SENTINELS/);
    expect(problem({ REDIS_SENTINEL_NAME: 'm' })).toMatch(/^Invalid configuration: REDIS_SENTINELS must be set with REDIS_SENTINEL_NAME/);
    expect(problem({ REDIS_URL: 'redis://r:6379', REDIS_PASSWORD: 'hunter2' })).toMatch(/REDIS_PASSWORD is only used with REDIS_SENTINELS or REDIS_CLUSTER_NODES/);
    // Passwords are never repeated.
    expect(problem({ REDIS_SENTINEL_PASSWORD: 'hunter2\nx', REDIS_SENTINELS: 's:1', REDIS_SENTINEL_NAME: 'm' })).not.toContain('hunter2');
  });

  it('names every wrong variable in the one line, and never repeats a Redis URL (it may hold a password)', () => {
    const message = (() => {
      try {
        loadConfig({ PORT: 'x', REDIS_URL: 'http://user:hunter2@redis', NODE_ENV: 'staging' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/PORT .*; REDIS_URL .*; NODE_ENV /);
    expect(message).not.toContain('hunter2');
    expect(message.split('\n')).toHaveLength(1);
  });
});

/** Runs `node --import tsx src/main.ts` with exactly `env` (plus PATH and HOME). */
function startMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdout: () => out, stderr: () => err };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

async function listeningUrl(child: ChildProcess, output: () => string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/\S+)/.exec(output());
    if (match?.[1]) return match[1];
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server did not start in time');
}

describe('the process (src/main.ts)', () => {
  const children: ChildProcess[] = [];
  let redis: SpawnedRedis | undefined;
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await redis?.stop();
  });

  it('exits 2 with exactly one line on stderr naming PORT when PORT is wrong', async () => {
    const child = startMain({ PORT: 'not-a-port' });
    children.push(child);
    const output = collect(child);
    expect(await exitOf(child)).toBe(2);
    const lines = output.stderr().split('\n').filter((l) => l !== '');
    expect(lines).toEqual(['Invalid configuration: PORT must be a whole number from 0 to 65535 (got "not-a-port")']);
    expect(output.stdout()).toBe('');
  }, 20_000);

  it('serves with a good environment and stops cleanly on SIGTERM', async () => {
    const child = startMain({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', ALLOWED_ORIGINS: 'https://hrss.example.gov.cn' });
    children.push(child);
    const output = collect(child);
    const url = await listeningUrl(child, output.stdout);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBeTruthy();
    const api = await fetch(`${url}/api/jurisdictions`, { headers: { origin: 'https://hrss.example.gov.cn' } });
    expect(api.headers.get('access-control-allow-origin')).toBe('https://hrss.example.gov.cn');
    expect(api.headers.get('ratelimit-policy')).toMatch(/q=120; w=60/);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(output.stderr()).toBe('');
  }, 30_000);

  it.skipIf(!runsWithRedis())('with REDIS_URL counts requests in Redis, and closes both connections on SIGTERM', async () => {
    redis = await spawnRedis();
    const child = startMain({ PORT: '0', REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '2' });
    children.push(child);
    const output = collect(child);
    const url = await listeningUrl(child, output.stdout);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/api/jurisdictions`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    // Exit 0 without waiting for the 10 s fallback: the store's and the limiter's Redis clients were closed.
    const started = Date.now();
    expect(await exitOf(child)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 30_000);
});
