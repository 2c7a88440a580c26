/**
 * What the service survives, end to end: the REAL server process (`node --import tsx src/main.ts`) on a
 * private redis-server with AOF (so that its data survives a restart of Redis itself).
 *
 *   - Redis stops: /readyz 503, the API 503 with the localized message, /healthz 200, the process stays up;
 *     Redis returns on the same port: service resumes without restarting the app, the conversation continues.
 *   - The app stops (SIGTERM: exit 0, port closed, a request in flight finished) and a new one continues the
 *     same conversation; two processes on one Redis serve one conversation alternately.
 *   - Redis down at start-up: one clear line and exit 1, no stack trace.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.js';
import { runsWithRedis } from './support/prerequisites.js';
import { portIsClosed } from './support/processes.js';
import { freePort, type SpawnedRedis, spawnRedis } from './support/redis.js';

const ROOT = new URL('../', import.meta.url).pathname;

interface RunningApp {
  base: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` on a free port and waits for /healthz. */
async function startApp(redisUrl: string): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: redisUrl, NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0', TELEGRAM_BOT_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, port, child, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not answer /healthz within 20 s:\n${output}`);
}

/** SIGTERM and the exit code (null if it had to be killed after 10 s). */
async function stopApp(app: RunningApp): Promise<number | null> {
  if (app.child.exitCode !== null) return app.child.exitCode;
  app.child.kill('SIGTERM');
  const timeout = sleep(10_000).then(() => 'timeout' as const);
  const result = await Promise.race([app.exited, timeout]);
  if (result === 'timeout') {
    app.child.kill('SIGKILL');
    return null;
  }
  return result;
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function get(base: string, path: string) {
  const res = await fetch(base + path);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Answers shandong's questions with values it accepts (JSON values of the fact vocabulary). */
const ANSWERS: Record<string, unknown> = { layout: 'single', locationType: 'prefecture_city', floorArea: 12_000, occupiedArea: 8_000 };

/** Answers the current prompt of `id` on `base`; returns the next prompt's question id. */
async function answerCurrent(base: string, id: string, questionId: string): Promise<{ status: number; next: string | undefined; answers: number }> {
  const value = questionId in ANSWERS ? ANSWERS[questionId] : null;
  const res = await post(base, `/api/sessions/${id}/answers`, { questionId, value });
  return { status: res.status, next: res.body.prompt?.questionId, answers: (res.body.answers ?? []).length };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(100);
  }
  return false;
}

describe.runIf(runsWithRedis())('resilience of the real server process', { timeout: 60_000 }, () => {
  let redis: SpawnedRedis;
  let dir: string;
  const apps: RunningApp[] = [];
  let sessionId = '';
  let question = '';
  let answered = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'park-advisor-aof-'));
    redis = await spawnRedis({ appendOnlyDir: dir, extraArgs: ['--enable-debug-command', 'yes'] });
  });

  afterAll(async () => {
    for (const app of apps) if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves a conversation', async () => {
    const app = await startApp(redis.url);
    apps.push(app);
    expect((await get(app.base, '/readyz')).status).toBe(200);
    const created = await post(app.base, '/api/sessions', { jurisdiction: 'shandong' });
    expect(created.status).toBe(201);
    sessionId = created.body.id;
    question = created.body.prompt.questionId;
    const turn = await answerCurrent(app.base, sessionId, question);
    expect(turn.status).toBe(200);
    question = turn.next as string;
    answered = turn.answers;
    expect(answered).toBe(1);
  });

  it('with Redis down: /readyz 503, the API 503 in the caller’s language, /healthz 200, the process stays up', async () => {
    const app = apps[0] as RunningApp;
    await redis.stop();
    expect((await get(app.base, '/readyz')).status).toBe(503);
    expect((await get(app.base, '/healthz')).status).toBe(200);

    const zh = await post(app.base, `/api/sessions/${sessionId}/answers`, { questionId: question, value: null });
    expect(zh.status).toBe(503);
    expect(zh.body.error).toEqual({ code: 'store_unavailable', message: translator('zh-CN', 'api')('errors.store_unavailable'), details: null });
    const en = await post(app.base, `/api/sessions/${sessionId}/answers`, { questionId: question, value: null }, { 'Accept-Language': 'en' });
    expect(en.status).toBe(503);
    expect(en.body.error.message).toBe(translator('en', 'api')('errors.store_unavailable'));
    expect((await post(app.base, '/api/sessions', {})).status).toBe(503);
    expect((await get(app.base, `/api/sessions/${sessionId}`)).status).toBe(503);

    await sleep(500);
    expect(app.child.exitCode).toBeNull();
    expect(app.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('when Redis returns on the same port, service resumes without restarting the app and the conversation continues', async () => {
    const app = apps[0] as RunningApp;
    await redis.restart();
    expect(await waitUntil(async () => (await get(app.base, '/readyz')).status === 200, 15_000)).toBe(true);
    const state = await get(app.base, `/api/sessions/${sessionId}`);
    expect(state.status).toBe(200);
    expect(state.body.prompt.questionId).toBe(question); // nothing taken during the outage, nothing lost
    expect(state.body.answers).toHaveLength(answered);
    const turn = await answerCurrent(app.base, sessionId, question);
    expect(turn.status).toBe(200);
    expect(turn.answers).toBe(answered + 1);
    question = turn.next as string;
    answered = turn.answers;
    expect(app.child.exitCode).toBeNull();
  });

  it('SIGTERM finishes the request in flight, closes the port and exits 0; a new process continues the conversation', async () => {
    const app = apps[0] as RunningApp;
    // Hold Redis for a moment so that the next answer is still in flight when SIGTERM arrives.
    const admin = await createClient({ url: redis.url }).on('error', () => undefined).connect();
    const sleeping = admin.sendCommand(['DEBUG', 'SLEEP', '0.8']);
    await sleep(50);
    const inFlight = answerCurrent(app.base, sessionId, question);
    await sleep(150);
    app.child.kill('SIGTERM');
    const turn = await inFlight;
    await sleeping;
    admin.destroy();
    expect(turn.status).toBe(200);
    expect(turn.answers).toBe(answered + 1);
    question = turn.next as string;
    answered = turn.answers;

    const exitCode = await Promise.race([app.exited, sleep(10_000).then(() => 'timeout')]);
    expect(exitCode).toBe(0);
    expect(await portIsClosed(app.port)).toBe(true);

    const next = await startApp(redis.url);
    apps.push(next);
    const state = await get(next.base, `/api/sessions/${sessionId}`);
    expect(state.status).toBe(200);
    expect(state.body.prompt.questionId).toBe(question);
    expect(state.body.answers).toHaveLength(answered);
  });

  it('two processes on one Redis serve the same conversation alternately', async () => {
    const other = await startApp(redis.url);
    apps.push(other);
    const pair = [apps[1] as RunningApp, other];
    for (let turn = 0; turn < 6 && question; turn++) {
      const app = pair[turn % 2] as RunningApp;
      const result = await answerCurrent(app.base, sessionId, question);
      expect(result.status).toBe(200);
      expect(result.answers).toBe(answered + 1);
      answered = result.answers;
      question = result.next as string;
      // The other process sees this turn at once.
      const seen = await get((pair[(turn + 1) % 2] as RunningApp).base, `/api/sessions/${sessionId}`);
      expect(seen.body.answers).toHaveLength(answered);
    }
    for (const app of pair) expect(await stopApp(app)).toBe(0);
  });

  it('with Redis down at start-up, prints one clear line and exits 1', async () => {
    const deadPort = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', REDIS_URL: `redis://127.0.0.1:${deadPort}`, NODE_ENV: 'test', RATE_LIMIT_PER_MINUTE: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Cannot reach Redis \(REDIS_URL\): .+\. Start Redis or fix REDIS_URL\.$/m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
