/**
 * `npm test`'s `pretest`: the system packages the suite runs against, checked before anything else.
 *
 *   - `redis-server`: the Redis tests start their own on a free port (test/support/redis.ts).
 *   - Debian's `chromium` at /usr/bin/chromium: the widget and staff-console browser tests (playwright-core).
 *   - `fonts-noto-cjk`: Chinese text in those browsers' screenshots and printed pages.
 *
 * Missing ones are installed with apt-get when this runs as root on Debian (a fresh container, CI); otherwise it
 * stops with the one command to run. Nothing is ever skipped silently: the tests that need these fail without
 * them under CI=true (test/support/prerequisites.ts).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A system package the tests need, and how to tell it is there. */
export interface Prerequisite {
  /** The Debian package. */
  pkg: string;
  /** What needs it (printed when it is missing). */
  why: string;
  present(): boolean;
}

const runs = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** Whether `path` is an executable file. */
function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether dpkg lists `pkg` as installed; undefined where there is no dpkg. */
function dpkgInstalled(pkg: string): boolean | undefined {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  if (result.error) return undefined;
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Debian's Chromium, where the browser tests launch it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Everything the suite needs from the system. */
export const PREREQUISITES: readonly Prerequisite[] = [
  { pkg: 'redis-server', why: 'the Redis store, rate-limit and resilience tests', present: () => runs('redis-server', ['--version']) },
  { pkg: 'chromium', why: 'the widget and staff-console browser tests', present: () => executable(CHROMIUM_PATH) },
  {
    pkg: 'fonts-noto-cjk',
    why: 'Chinese text in browser screenshots',
    // Without dpkg (not Debian), fontconfig knows whether a font covers Chinese.
    present: () => dpkgInstalled('fonts-noto-cjk') ?? (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim() !== '',
  },
];

/** What to do about the missing packages. */
export type Plan = { action: 'none' } | { action: 'install'; command: string[][] } | { action: 'stop'; message: string };

/** The one command that installs `pkgs` (what a person runs, with sudo unless root). */
export const installCommand = (pkgs: readonly string[], root: boolean): string =>
  `${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;

/** Decides from what is missing, whether we are root and whether apt-get exists. */
export function plan(missing: readonly Prerequisite[], { root, hasAptGet }: { root: boolean; hasAptGet: boolean }): Plan {
  if (missing.length === 0) return { action: 'none' };
  const pkgs = missing.map((p) => p.pkg);
  if (root && hasAptGet) {
    return { action: 'install', command: [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]] };
  }
  const lines = [
    `The tests need ${pkgs.length === 1 ? 'a system package' : 'system packages'} that ${pkgs.length === 1 ? 'is' : 'are'} not installed:`,
    ...missing.map((p) => `  ${p.pkg} (${p.why})`),
    hasAptGet ? 'Install with:' : 'Install them with your system\'s package manager; on Debian or Ubuntu:',
    `  ${installCommand(pkgs, root)}`,
  ];
  return { action: 'stop', message: lines.join('\n') };
}

/** Checks, installs if it can, and exits non-zero if anything is still missing. */
function main(): void {
  const missing = PREREQUISITES.filter((p) => !p.present());
  const decided = plan(missing, { root: process.getuid?.() === 0, hasAptGet: runs('apt-get', ['--version']) });
  if (decided.action === 'none') return;
  if (decided.action === 'stop') {
    process.stderr.write(`${decided.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Installing ${missing.map((p) => p.pkg).join(', ')} for the tests (apt-get)…\n`);
  for (const [command, ...args] of decided.command) {
    const result = spawnSync(command as string, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      process.stderr.write(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).\n`);
      process.exit(1);
    }
  }
  const still = PREREQUISITES.filter((p) => !p.present());
  if (still.length > 0) {
    process.stderr.write(`Still missing after apt-get: ${still.map((p) => p.pkg).join(', ')}\n`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
