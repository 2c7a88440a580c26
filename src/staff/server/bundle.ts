/**
 * The console's browser code, bundled from TypeScript with esbuild's JS API (one build for every entry point):
 * ahead of time by `npm run build` (`dist/bundles/staff/`), or, run from the sources, on first request
 * (`src/server/prebuilt.ts`); kept in memory, a failed build retried on the next request. Stylesheets are static
 * files read once (`npm run build` copies them next to the built module).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BundleSet, cachedBundles, etagOf } from '../../server/prebuilt.js';

const CLIENT_DIR = new URL('../client/', import.meta.url);

/** The scripts served, by name, and their entry points. */
export const ENTRY_POINTS = { 'staff.js': 'main.ts', 'login.js': 'login.ts', 'doc.js': 'doc.ts' } as const;
export type ScriptName = keyof typeof ENTRY_POINTS;
/** The stylesheets served, by name. */
export const STYLESHEETS = ['staff.css', 'doc.css'] as const;
export type StylesheetName = (typeof STYLESHEETS)[number];

/** A built asset with a validator. */
export interface Asset {
  body: string;
  etag: string;
}

const names = Object.keys(ENTRY_POINTS) as ScriptName[];
/** Where a script lives under `dist/bundles/`. */
const prebuiltName = (name: ScriptName) => `staff/${name}`;

/** Builds every script from the sources; esbuild is loaded only here. */
async function buildScripts(): Promise<Record<ScriptName, string>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name.replace(/\.js$/, ''), fileURLToPath(new URL(ENTRY_POINTS[name], CLIENT_DIR))])),
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const byName = new Map(result.outputFiles.map((f) => [f.path.replace(/^.*[\\/]/, ''), f.text]));
  return Object.fromEntries(
    names.map((name) => {
      const body = byName.get(name);
      if (body === undefined) throw new Error(`esbuild produced no ${name}`);
      return [name, body];
    }),
  ) as Record<ScriptName, string>;
}

/** The console's scripts as a set of prebuilt files (`dist/bundles/staff/<name>`). */
export const STAFF_BUNDLES: BundleSet = {
  files: names.map(prebuiltName),
  build: async () => {
    const built = await buildScripts();
    return Object.fromEntries(names.map((name) => [prebuiltName(name), built[name]]));
  },
};

const scriptFiles = cachedBundles(STAFF_BUNDLES);
const assets = new WeakMap<object, Map<ScriptName, Asset>>();

/** A bundled script (prebuilt, or built on first use). */
export async function script(name: ScriptName): Promise<Asset> {
  const files = await scriptFiles();
  let byName = assets.get(files);
  if (!byName) assets.set(files, (byName = new Map()));
  let asset = byName.get(name);
  if (!asset) {
    const body = files[prebuiltName(name)];
    if (body === undefined) throw new Error(`no bundle ${name}`);
    byName.set(name, (asset = { body, etag: etagOf(body) }));
  }
  return asset;
}

const sheets = new Map<StylesheetName, Promise<Asset>>();

/** A stylesheet (read on first use). */
export function stylesheet(name: StylesheetName): Promise<Asset> {
  let sheet = sheets.get(name);
  if (!sheet) {
    sheet = readFile(new URL(name, CLIENT_DIR), 'utf8').then((body) => ({ body, etag: etagOf(body) }));
    sheet.catch(() => sheets.delete(name));
    sheets.set(name, sheet);
  }
  return sheet;
}
