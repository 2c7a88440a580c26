/**
 * `npm test`'s pretest (scripts/prerequisites.ts): what it decides for each situation, and, as a real process on
 * a machine where nothing it needs can be found, that it stops with the one command to run instead of letting the
 * suite start. (Installing for real is left to CI's root container: a test must not apt-get.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommand, plan, PREREQUISITES } from '../scripts/prerequisites.js';
import { ROOT } from './support/processes.js';

const byName = (...names: string[]) => PREREQUISITES.filter((p) => names.includes(p.pkg));

describe('the prerequisites step', () => {
  it('checks redis-server, Debian chromium and fonts-noto-cjk', () => {
    expect(PREREQUISITES.map((p) => p.pkg)).toEqual(['redis-server', 'chromium', 'fonts-noto-cjk']);
  });

  it('does nothing when everything is there', () => {
    expect(plan([], { root: false, hasAptGet: true })).toEqual({ action: 'none' });
  });

  it('installs exactly what is missing with apt-get when root', () => {
    const decided = plan(byName('redis-server', 'fonts-noto-cjk'), { root: true, hasAptGet: true });
    expect(decided.action).toBe('install');
    if (decided.action !== 'install') return;
    expect(decided.command.at(-1)).toEqual(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server', 'fonts-noto-cjk']);
  });

  it('otherwise stops, naming what is missing and the one command to run', () => {
    const decided = plan(byName('chromium'), { root: false, hasAptGet: true });
    expect(decided.action).toBe('stop');
    if (decided.action !== 'stop') return;
    expect(decided.message).toContain('chromium (the widget and staff-console browser tests)');
    expect(decided.message).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
    expect(plan(byName('redis-server'), { root: true, hasAptGet: false })).toMatchObject({ action: 'stop' });
    expect(installCommand(['redis-server'], true)).toBe('apt-get update && apt-get install -y --no-install-recommends redis-server');
  });

  it('as a process, with none of them (nor apt-get) on the PATH, exits 1 before the suite runs', () => {
    const bin = mkdtempSync(join(tmpdir(), 'park-advisor-path-'));
    try {
      symlinkSync(process.execPath, join(bin, 'node'));
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prerequisites.ts'], {
        cwd: ROOT,
        env: { ...process.env, PATH: bin },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/redis-server \(/);
      expect(result.stderr).toMatch(/apt-get install -y --no-install-recommends redis-server/);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
