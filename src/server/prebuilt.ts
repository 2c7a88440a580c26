/**
 * Browser bundles built ahead of time by `npm run build` (scripts/build.ts), or on the fly in development.
 *
 * `dist/` mirrors `src/` one to one, so this module is `dist/server/prebuilt.js` in the built artifact and finds
 * the bundles in `dist/bundles/`; run from the sources (tsx, vitest) it is `src/server/prebuilt.ts` and
 * `src/bundles/` does not exist, so the bundle is built with esbuild (a development dependency) on first use.
 * The production server therefore never loads esbuild.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Where `npm run build` writes the bundles, next to the built server (`dist/bundles/`). */
export const PREBUILT_DIR = new URL('../bundles/', import.meta.url);

/** A set of bundles built by one esbuild run: file name (e.g. `widget.js`, `staff/login.js`) → contents. */
export type BundleFiles = Record<string, string>;

/** A named group of bundles and how to build it from the sources (used by the server in development and by the build). */
export interface BundleSet {
  /** The file names it produces (each under `dist/bundles/`). */
  files: readonly string[];
  /** Builds every file from the sources with esbuild. */
  build(): Promise<BundleFiles>;
}

/** A strong validator for a body. */
export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Reads the prebuilt files of `set`; undefined when any is missing (running from the sources). */
async function readPrebuilt(set: BundleSet): Promise<BundleFiles | undefined> {
  try {
    const entries = await Promise.all(set.files.map(async (file) => [file, await readFile(new URL(file, PREBUILT_DIR), 'utf8')] as const));
    return Object.fromEntries(entries);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The files of `set`, loaded once per process: from `dist/bundles/` when built ahead of time, else built now.
 * A failure is not cached, so the next request tries again.
 */
export function cachedBundles(set: BundleSet): () => Promise<BundleFiles> {
  let cached: Promise<BundleFiles> | undefined;
  return () => {
    cached ??= readPrebuilt(set)
      .then((prebuilt) => prebuilt ?? set.build())
      .catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
    return cached;
  };
}
