/**
 * A messaging platform that cannot be reached never takes the web product down — the REAL process
 * (`node --import tsx src/main.ts`, in-memory sessions, JSON logs as in production):
 *
 *   - started with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT pointing at a loopback port where nothing listens, it
 *     answers /healthz, /readyz (200, `channels.telegram` not "up") and a whole widget/API turn at once;
 *   - when a Bot API server appears on that port, the bot connects without a restart (`channels.telegram` "up")
 *     and answers /start;
 *   - when the Bot API goes away while the bot polls, the channel is down and the web product serves on; when it
 *     is back, the bot answers again — still the same process;
 *   - each outage is logged as one line when the channel is found down and one when it is back, never the token.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { type BotApi, startBotApi } from './support/bot-api.js';
import { freePort } from './support/redis.js';

const ROOT = new URL('../', import.meta.url).pathname;
const TOKEN = `123456789:${'Pa'.repeat(18)}`;

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve(check()).catch(() => false)) return true;
    await sleep(100);
  }
  return false;
}

async function json(base: string, path: string, body?: unknown) {
  const res = await fetch(base + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('the process with a Bot API that cannot be reached', { timeout: 90_000 }, () => {
  let child: ChildProcess | undefined;
  let api: BotApi | undefined;
  let output = '';
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await api?.close();
  });

  it('serves the web product at once, and the bot joins without a restart when the Bot API appears', async () => {
    const apiPort = await freePort(); // nothing listens here yet
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        RATE_LIMIT_PER_MINUTE: '0',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const base = `http://127.0.0.1:${port}`;

    // Listening within seconds although Telegram cannot be reached (the start-up itself takes a few seconds here).
    expect(await waitUntil(async () => (await fetch(`${base}/healthz`)).ok, 20_000), output).toBe(true);
    const ready = await json(base, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(['connecting', 'down']).toContain(ready.body.channels.telegram);

    // A widget/API conversation works meanwhile.
    const created = await json(base, '/api/sessions', { jurisdiction: 'shandong', lang: 'en' });
    expect(created.status).toBe(201);
    const turn = await json(base, `/api/sessions/${created.body.id}/answers`, { questionId: created.body.prompt.questionId, value: 'single' });
    expect(turn.status).toBe(200);
    expect(turn.body.answers).toHaveLength(1);

    // Found down (after the first failed attempt): one warning line.
    expect(await waitUntil(async () => (await json(base, '/readyz')).body.channels.telegram === 'down', 15_000)).toBe(true);

    // The Bot API appears on that port: the channel connects by itself.
    api = await startBotApi(apiPort);
    expect(await waitUntil(async () => (await json(base, '/readyz')).body.channels.telegram === 'up', 40_000), output).toBe(true);
    expect(api.methods).toEqual(expect.arrayContaining(['getMe', 'deleteWebhook', 'getUpdates']));

    const client = api.server.getClient(TOKEN, { chatId: 4242, userId: 4242 });
    await client.sendCommand(client.makeCommand('/start shandong', { from: { language_code: 'zh' } }));
    const botApi = api;
    expect(await waitUntil(() => botApi.server.storage.botMessages.some((m) => m.botToken === TOKEN), 15_000)).toBe(true);
    const reply = botApi.server.storage.botMessages.find((m) => m.botToken === TOKEN)?.message as { text?: string };
    expect(reply.text).toContain('山东');
    expect(child.exitCode).toBeNull();

    // The web product never stopped: the same conversation continues.
    const again = await json(base, `/api/sessions/${created.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.answers).toHaveLength(1);

    // Telegram disappears while the bot polls: marked down, the web product serves on; back: the bot answers again.
    await api.close();
    expect(await waitUntil(async () => (await json(base, '/readyz')).body.channels.telegram === 'down', 20_000)).toBe(true);
    expect((await json(base, `/api/sessions/${created.body.id}`)).status).toBe(200);
    api = await startBotApi(apiPort);
    const back = api;
    expect(await waitUntil(async () => (await json(base, '/readyz')).body.channels.telegram === 'up', 40_000), output).toBe(true);
    const again2 = back.server.getClient(TOKEN, { chatId: 4343, userId: 4343 });
    await again2.sendCommand(again2.makeCommand('/start jilin', { from: { language_code: 'zh' } }));
    expect(await waitUntil(() => back.server.storage.botMessages.some((m) => m.botToken === TOKEN), 15_000)).toBe(true);

    // One line per outage and one per recovery, never a line per retry, never the token.
    const channelLines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { component?: string; state?: string; channel?: string; msg?: string })
      .filter((entry) => entry.component === 'channels' && entry.channel === 'telegram');
    expect(channelLines.map((e) => e.state)).toEqual(['down', 'up', 'down', 'up']);
    expect(channelLines[1]?.msg).toMatch(/back/);
    expect(output).not.toContain(TOKEN.split(':')[1]);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace

    child.kill('SIGTERM');
    const code = await Promise.race([new Promise<number | null>((resolve) => child?.once('exit', resolve)), sleep(12_000).then(() => 'timeout')]);
    expect(code).toBe(0);
  });
});
