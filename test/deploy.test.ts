/**
 * The container files, checked without a Docker engine: the Dockerfile is parsed line by line (continuations
 * joined, comments dropped) and split into its stages and compose.yaml is checked with a few regexes over its indentation, which is all
 * its small, fixed shape needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions in order (parser directives and comments dropped, `\` continuations joined). */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (pending === '' && /^\s*#/.test(line)) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (whole !== '') logical.push(whole);
  }
  return logical.map((line) => {
    const match = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    return { op: (match[1] as string).toUpperCase(), args: match[2] ?? '' };
  });
}

/** A build stage: its name (`AS name`) and its instructions after FROM. */
interface Stage {
  name: string | undefined;
  body: Instruction[];
}

/** The stages in order. */
function stagesOf(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.op === 'FROM') stages.push({ name: /\sAS\s+(\S+)/i.exec(instruction.args)?.[1], body: [] });
    else stages.at(-1)?.body.push(instruction);
  }
  return stages;
}

/** A COPY's flags, sources and destination (shell form). */
function parseCopy(args: string): { flags: string[]; sources: string[]; dest: string } {
  const words = args.split(/\s+/).filter((w) => w !== '');
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  return { flags, sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
}

describe('Dockerfile', () => {
  const instructions = parseDockerfile(read('Dockerfile'));
  const all = (op: string) => instructions.filter((i) => i.op === op);
  const lastStage = instructions.slice(instructions.map((i) => i.op).lastIndexOf('FROM'));

  it('is multi-stage on node:20 bookworm-slim', () => {
    const froms = all('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from.args).toMatch(/^node:20-bookworm-slim\b/);
  });

  it('installs from the lockfile only (production dependencies only for the runtime)', () => {
    const runs = all('RUN').map((r) => r.args);
    expect(runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm (install|i)\b/.test(r))).toBe(false);
  });

  it('runs as a user other than root, in production mode, on 0.0.0.0:3000', () => {
    const users = lastStage.filter((i) => i.op === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)?.args).not.toMatch(/^(root|0)(:|$)/);
    const env = lastStage.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(all('EXPOSE').map((e) => e.args)).toContain('3000');
  });

  it('has a HEALTHCHECK on /healthz that needs no curl, and runs node dist/main.js itself as PID 1', () => {
    const health = all('HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(health[0]?.args).toContain('/healthz');
    expect(health[0]?.args).toMatch(/CMD \[?"?node"?/);
    expect(health[0]?.args).not.toMatch(/\bcurl\b|\bwget\b/);
    // Exec form (a JSON array), so no shell and no npm stands between docker stop's SIGTERM and the server.
    const cmd = JSON.parse(lastStage.filter((i) => i.op === 'CMD').at(-1)?.args ?? 'null') as string[];
    expect(cmd.slice(cmd[0] === 'tini' || cmd[0]?.endsWith('/tini') ? cmd.indexOf('--') + 1 : 0)).toEqual(['node', 'dist/main.js']);
    expect(lastStage.some((i) => i.op === 'ENTRYPOINT')).toBe(false);
    const stop = lastStage.find((i) => i.op === 'STOPSIGNAL');
    if (stop) expect(stop.args).toBe('SIGTERM');
  });

  it('builds dist/ in a build stage and gives the runtime stage dist/, production dependencies and no sources', () => {
    const stages = stagesOf(instructions);
    const runtime = stages.at(-1) as Stage;
    const copies = runtime.body.filter((i) => i.op === 'COPY').map((c) => parseCopy(c.args));
    const fromStage = (copy: ReturnType<typeof parseCopy>) => copy.flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
    // dist/ comes from a stage that ran `npm run build`...
    const dist = copies.find((c) => c.sources.some((s) => /\/dist\/?$/.test(s)));
    const builder = stages.find((s) => s.name === (dist ? fromStage(dist) : undefined));
    expect(builder?.body.some((i) => i.op === 'RUN' && /\bnpm run build\b/.test(i.args))).toBe(true);
    // ...node_modules from one that installed production dependencies only...
    const modules = copies.find((c) => c.sources.some((s) => /\/node_modules\/?$/.test(s)));
    const deps = stages.find((s) => s.name === (modules ? fromStage(modules) : undefined));
    expect(deps?.body.some((i) => i.op === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args))).toBe(true);
    // ...and nothing that compiles: no sources, no build tools, no npm at run time.
    const local = copies.filter((c) => fromStage(c) === undefined).flatMap((c) => c.sources.map((s) => s.replace(/\/$/, '')));
    expect(local).not.toContain('src');
    expect(local).not.toContain('scripts');
    expect(runtime.body.filter((i) => i.op === 'RUN').map((r) => r.args).join('\n')).not.toMatch(/\b(tsx|esbuild|npm)\b/);
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
    for (const tool of ['tsx', 'esbuild']) {
      expect(pkg.dependencies).not.toHaveProperty(tool);
      expect(pkg.devDependencies).toHaveProperty(tool);
    }
    // npm start runs the same artifact, exec'd so that npm's signals reach the server.
    expect(pkg.scripts.start).toMatch(/\bexec node dist\/main\.js$/);
  });

  it('copies only paths that exist, and everything the build and dist/main.js need', () => {
    const stages = stagesOf(instructions);
    const copiedIn = (stage: Stage) => {
      const copied = new Set<string>();
      for (const copy of stage.body.filter((i) => i.op === 'COPY').map((c) => parseCopy(c.args))) {
        if (copy.flags.some((f) => f.startsWith('--from'))) continue; // from another stage
        for (const source of copy.sources) {
          expect(existsSync(new URL(source, root)), `COPY ${source}`).toBe(true);
          copied.add(source.replace(/\/$/, ''));
        }
      }
      return copied;
    };
    const builder = stages.find((s) => s.body.some((i) => i.op === 'RUN' && /\bnpm run build\b/.test(i.args))) as Stage;
    for (const needed of ['src', 'scripts', 'locales', 'tsconfig.json', 'package.json', 'package-lock.json']) expect(copiedIn(builder)).toContain(needed);
    // At run time: locales are read at start-up, package.json makes dist/ ES modules.
    for (const needed of ['locales', 'package.json']) expect(copiedIn(stages.at(-1) as Stage)).toContain(needed);
    const deps = JSON.parse(read('package.json')).dependencies as Record<string, string>;
    for (const needed of ['pino', 'redis', 'express']) expect(deps).toHaveProperty(needed);
  });

  it('.dockerignore keeps node_modules, tests and .git out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    for (const entry of ['node_modules', 'test', '.git']) expect(ignored).toContain(entry);
    // ...but nothing the image copies.
    for (const needed of ['src', 'scripts', 'locales', 'regulations', 'package.json', 'package-lock.json', 'tsconfig.json']) expect(ignored).not.toContain(needed);
    // dist/ is built inside the image, never copied from the build context.
    expect(ignored).toContain('dist');
  });
});

describe('compose.yaml', () => {
  const text = read('compose.yaml');
  /** The block of a top-level service (its indented lines), from `  name:` to the next service or section. */
  const service = (name: string): string => {
    const match = new RegExp(`^  ${name}:\\n((?:(?:    .*)?\\n)*)`, 'm').exec(text);
    return match?.[1] ?? '';
  };

  it('has the app and Redis', () => {
    expect(text).toMatch(/^services:\s*$/m);
    expect(service('app')).toMatch(/^\s+build: \.\s*$/m);
    expect(service('redis')).toMatch(/^\s+image: redis:7-alpine\s*$/m);
  });

  it('points REDIS_URL at the redis service, waits for it to be healthy and restarts unless stopped', () => {
    const app = service('app');
    // The simple case by default; emptied (and the sentinels named) for the "ha" profile.
    expect(app).toMatch(/REDIS_URL: \$\{REDIS_URL-redis:\/\/redis:6379\}/);
    expect(app).toMatch(/REDIS_SENTINELS: \$\{REDIS_SENTINELS:-\}/);
    expect(app).toMatch(/REDIS_SENTINEL_NAME: \$\{REDIS_SENTINEL_NAME:-\}/);
    expect(app).toMatch(/depends_on:\s*\n\s+redis:\s*\n\s+condition: service_healthy/);
    expect(app).toMatch(/restart: unless-stopped/);
    expect(app).toMatch(/NODE_ENV: production/);
    expect(app).toMatch(/ALLOWED_ORIGINS:/);
    expect(app).toMatch(/STAFF_TOKEN:/);
  });

  it('gives Redis persistence (AOF on a volume) and a healthcheck', () => {
    const redis = service('redis');
    expect(redis).toMatch(/--appendonly", "yes"|--appendonly yes/);
    expect(redis).toMatch(/healthcheck:\s*\n\s+test: .*redis-cli.*ping/);
    expect(redis).toMatch(/volumes:\s*\n\s+- \S+:\/data/);
    expect(redis).toMatch(/restart: unless-stopped/);
  });

  it('has an optional "ha" profile: a replica of redis and three sentinels (quorum 2) watching it', () => {
    const replica = service('redis-replica');
    expect(replica).toMatch(/^\s+profiles: \[ha\]\s*$/m);
    expect(replica).toMatch(/"--replicaof", "redis", "6379"/);
    expect(replica).toMatch(/volumes:\s*\n\s+- \S+:\/data/);
    const ports = new Set<string>();
    for (const name of ['sentinel-1', 'sentinel-2', 'sentinel-3']) {
      const sentinel = service(name);
      expect(sentinel, name).toMatch(/^\s+profiles: \[ha\]\s*$/m);
      expect(sentinel).toMatch(/sentinel monitor parkadvisor redis 6379 2\\n/);
      expect(sentinel).toMatch(/sentinel resolve-hostnames yes/);
      expect(sentinel).toMatch(/--sentinel\s*$/m);
      expect(sentinel).toMatch(/healthcheck:\s*\n\s+test: .*redis-cli.*26379.*ping/);
      // Longer than the app's 2 s command deadline, so that a write's WAIT never runs on a newly elected master.
      const downAfter = Number(/down-after-milliseconds parkadvisor (\d+)/.exec(sentinel)?.[1]);
      expect(downAfter).toBeGreaterThan(2000);
      ports.add(/port (\d+)/.exec(sentinel)?.[1] ?? '');
    }
    expect(ports).toEqual(new Set(['26379']));
    // What the top of the file tells the operator to run matches the services and the master's name.
    expect(text).toMatch(/REDIS_URL= REDIS_SENTINELS=sentinel-1:26379,sentinel-2:26379,sentinel-3:26379 REDIS_SENTINEL_NAME=parkadvisor/);
    expect(text).toMatch(/docker compose --profile ha up -d/);
    // Without the profile, nothing of it starts: the app depends on redis only.
    expect(service('app')).not.toMatch(/sentinel-\d:|redis-replica:/);
  });
});
