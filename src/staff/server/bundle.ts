/**
 * The console's browser code, bundled from TypeScript with esbuild's JS API on first request and kept in
 * memory (one build for every entry point; a failed build is retried on the next request). Stylesheets are
 * static files read once.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

let scripts: Promise<Record<ScriptName, Asset>> | undefined;

async function buildScripts(): Promise<Record<ScriptName, Asset>> {
  const { build } = await import('esbuild');
  const names = Object.keys(ENTRY_POINTS) as ScriptName[];
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
      return [name, { body, etag: etagOf(body) }];
    }),
  ) as Record<ScriptName, Asset>;
}

/** A bundled script (built on first use). */
export async function script(name: ScriptName): Promise<Asset> {
  scripts ??= buildScripts().catch((error: unknown) => {
    scripts = undefined;
    throw error;
  });
  return (await scripts)[name];
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
