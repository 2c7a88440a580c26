/**
 * `npm run build`: the runnable artifact in `dist/`, so that `node dist/main.js` needs neither tsx nor esbuild.
 *
 *   - Every `src/**\/*.ts` is transpiled one to one (esbuild, no bundling, ESM for Node 20): `dist/` mirrors `src/`
 *     at the same depth, so a module's `new URL('../../locales/', import.meta.url)` or `../../package.json` finds
 *     the same file from `dist/` as from `src/`. Every other file under `src/` (the demo page, stylesheets, …) is
 *     copied beside it. New source files and folders are picked up without being listed here.
 *   - The browser bundles (the widget, the staff console) are built by the same functions the server uses in
 *     development, from the same entry points, into `dist/bundles/` (see src/server/prebuilt.ts).
 *
 * The new tree is written next to `dist/` and swapped in with two renames, so a server already running from
 * `dist/` (or a second build at the same time) never sees a half-written tree. Type checking is `npm run
 * typecheck`'s job (part of `npm test`); this only transpiles.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BundleSet } from '../src/server/prebuilt.js';
import { STAFF_BUNDLES } from '../src/staff/server/bundle.js';
import { WIDGET_BUNDLES } from '../src/server/widget.js';

/** Every group of browser bundles the server serves; a new one is one more line here. */
const BUNDLE_SETS: readonly BundleSet[] = [WIDGET_BUNDLES, STAFF_BUNDLES];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Builds into a fresh directory and returns it. */
async function buildInto(out: string): Promise<{ modules: number; copied: number; bundles: number }> {
  const files = filesUnder(SRC);
  const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const others = files.filter((f) => !f.endsWith('.ts'));
  await build({
    entryPoints: sources.map((f) => join(SRC, f)),
    outbase: SRC,
    outdir: out,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
    tsconfig: join(ROOT, 'tsconfig.json'),
  });
  for (const file of others) cpSync(join(SRC, file), join(out, file));
  let bundles = 0;
  for (const set of BUNDLE_SETS) {
    for (const [name, text] of Object.entries(await set.build())) {
      const target = join(out, 'bundles', name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      bundles++;
    }
  }
  return { modules: sources.length, copied: others.length, bundles };
}

const started = performance.now();
const fresh = `${DIST}.new-${process.pid}`;
const old = `${DIST}.old-${process.pid}`;
rmSync(fresh, { recursive: true, force: true });
try {
  const counts = await buildInto(fresh);
  if (existsSync(DIST)) renameSync(DIST, old);
  try {
    renameSync(fresh, DIST);
  } catch (error) {
    // Another build swapped its tree in between our two renames: it is as new as ours, keep it.
    if (!existsSync(DIST)) throw error;
    rmSync(fresh, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  const ms = Math.round(performance.now() - started);
  console.log(`dist/: ${counts.modules} modules, ${counts.copied} files copied, ${counts.bundles} browser bundles (${ms} ms)`);
} catch (error) {
  rmSync(fresh, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
