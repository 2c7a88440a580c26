/**
 * The product as an operator runs it, as real processes:
 *
 *   - `npm run build` → `dist/`, whose server imports nothing but Node's modules and production dependencies, and
 *     which `node dist/main.js` serves without ever loading esbuild or tsx (a module hook refuses them), the
 *     widget it serves being the very bundle the sources build;
 *   - that server, sent SIGTERM while a request is still arriving, stops accepting connections at once, finishes
 *     the request and exits 0 (what `docker stop` does to the image's PID 1);
 *   - `npm start`, stopped by a SIGTERM to npm's pid (or Ctrl-C, SIGINT to its process group), leaves no process
 *     behind and frees the port within seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget } from '../src/server/widget.js';
import {
  eventually,
  killProcessGroup,
  portIsClosed,
  processesInGroup,
  ROOT,
  type StartedProcess,
  startProcess,
  waitForHealthz,
} from './support/processes.js';
import { freePort } from './support/redis.js';

const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const started: StartedProcess[] = [];
let hooksDir: string;

/** Options that make the server quiet and unlimited, on `port`. */
const serverEnv = (port: number, extra: Record<string, string> = {}) => ({ PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0', ...extra });

beforeAll(() => {
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
  // A module hook that fails any attempt to load the build tools.
  hooksDir = mkdtempSync(join(tmpdir(), 'park-advisor-hooks-'));
  const hooks = `export async function resolve(specifier, context, next) {
    if (/^(esbuild|tsx)(\\/|$)/.test(specifier)) throw new Error('loaded at runtime: ' + specifier);
    return next(specifier, context);
  }`;
  writeFileSync(join(hooksDir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});\n`);
}, 120_000);

afterEach(() => {
  for (const process of started.splice(0)) killProcessGroup(process.pid);
});

afterAll(() => {
  if (hooksDir) rmSync(hooksDir, { recursive: true, force: true });
});

/** The package a bare import specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('npm run build', () => {
  it('writes the server to dist/, importing only Node modules and production dependencies', () => {
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && !f.startsWith('bundles'));
    expect(files).toContain('main.js');
    const imported = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(DIST, file), 'utf8');
      // Static imports and re-exports only: a dynamic import() is loaded when reached (the development fallback).
      for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']/g)) {
        const specifier = match[1] as string;
        if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:')) imported.add(packageOf(specifier));
      }
    }
    expect(imported.size).toBeGreaterThan(3);
    const notProduction = [...imported].filter((name) => !(name in pkg.dependencies) && !builtinModules.includes(name));
    expect(notProduction).toEqual([]);
    for (const tool of ['esbuild', 'tsx']) expect(pkg.dependencies).not.toHaveProperty(tool);
  });

  it('builds the widget and the staff console ahead of time, and copies the demo page', () => {
    const bundles = readdirSync(join(DIST, 'bundles'), { recursive: true, encoding: 'utf8' });
    expect(bundles).toEqual(expect.arrayContaining(['widget.js', join('staff', 'staff.js'), join('staff', 'login.js')]));
    expect(readdirSync(join(DIST, 'server', 'public'))).toContain('index.html');
  });
});

describe('node dist/main.js', { timeout: 60_000 }, () => {
  it('serves the product without loading esbuild or tsx', async () => {
    const port = await freePort();
    const server = startProcess(process.execPath, ['--import', join(hooksDir, 'register.mjs'), 'dist/main.js'], serverEnv(port, { NODE_ENV: 'production' }));
    started.push(server);
    await waitForHealthz(server, port);
    const base = `http://127.0.0.1:${port}`;
    const widget = await fetch(`${base}/widget.js`);
    expect(widget.status).toBe(200);
    expect(await widget.text()).toBe((await buildWidget()).code);
    for (const path of ['/', '/staff', '/staff/assets/staff.js', '/staff/assets/staff.css', '/api/jurisdictions']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
    }
    const session = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: 'jilin', lang: 'en' }) });
    expect(session.status).toBe(201);
    expect(((await session.json()) as { prompt?: { text?: string } }).prompt?.text).toMatch(/[a-z]/i);
    expect(server.output()).not.toMatch(/loaded at runtime/);
  });

  it('on SIGTERM stops accepting at once, finishes the request still arriving, and exits 0', async () => {
    const port = await freePort();
    const server = startProcess(process.execPath, ['dist/main.js'], serverEnv(port, { NODE_ENV: 'production' }));
    started.push(server);
    await waitForHealthz(server, port);

    const body = JSON.stringify({ jurisdiction: 'shandong', lang: 'en', date: '2026-11-23', facts: { layout: 'single', floorArea: 12_000, commercialHrInstitutions: 25 } });
    const half = Math.floor(body.length / 2);
    // `Expect: 100-continue`: the server answers "100 Continue" once it has parsed the request, so the request
    // is known to be in flight before the signal is sent; its body then arrives in two parts.
    const request = http.request({ host: '127.0.0.1', port, path: '/api/assess', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      request.once('error', reject);
    });
    await new Promise<void>((resolve) => request.once('continue', () => resolve()));
    request.write(body.slice(0, half));

    process.kill(server.pid, 'SIGTERM');
    // New connections are refused while the request is still open...
    expect(await eventually(() => portIsClosed(port), 5_000)).toBe(true);
    expect(server.child.exitCode).toBeNull();
    // ...and the rest of its body is still read and answered.
    request.end(body.slice(half));
    const answered = await response;
    expect(answered.status).toBe(200);
    expect((JSON.parse(answered.text) as { jurisdiction?: string; verdict?: unknown }).verdict).toBeDefined();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM: shutting down/);
  });
});

describe('npm start', { timeout: 120_000 }, () => {
  /** Starts `npm start` on a free port (in development mode, as a newcomer runs it) and waits for /healthz. */
  async function npmStart(): Promise<{ npm: StartedProcess; port: number }> {
    const port = await freePort();
    const npm = startProcess('npm', ['start'], serverEnv(port, { NODE_ENV: 'development' }));
    started.push(npm);
    await waitForHealthz(npm, port, { timeoutMs: 90_000 });
    return { npm, port };
  }

  it("runs the server in npm's own process group, and a SIGTERM to npm's pid stops all of it and frees the port", async () => {
    const { npm, port } = await npmStart();
    const group = processesInGroup(npm.pid);
    expect(group.some((line) => line.includes('dist/main.js'))).toBe(true);

    process.kill(npm.pid, 'SIGTERM');
    await npm.exited;
    expect(await eventually(() => processesInGroup(npm.pid).length === 0, 10_000), processesInGroup(npm.pid).join('\n')).toBe(true);
    expect(await portIsClosed(port)).toBe(true);
    expect(npm.output()).toMatch(/SIGTERM: shutting down/);
  });

  it('Ctrl-C (SIGINT to the whole process group) stops all of it and frees the port', async () => {
    const { npm, port } = await npmStart();
    process.kill(-npm.pid, 'SIGINT');
    await npm.exited;
    expect(await eventually(() => processesInGroup(npm.pid).length === 0, 10_000), processesInGroup(npm.pid).join('\n')).toBe(true);
    expect(await portIsClosed(port)).toBe(true);
    expect(npm.output()).toMatch(/SIGINT: shutting down/);
  });
});
