/**
 * Serves the embeddable widget (`/widget.js`). The bundle is built with esbuild's JS API from
 * `src/widget/index.ts` (minified IIFE for ES2019, the locale files and the minified stylesheet inlined): ahead of
 * time by `npm run build` (so the built server never loads esbuild), or, run from the sources, once per process at
 * the first request (`prebuilt.ts`); either way it is kept in memory with a strong ETag. Bureau sites embed it from other origins, so it is
 * served with `Cross-Origin-Resource-Policy: cross-origin` and a short cache lifetime plus revalidation
 * (its URL is not versioned).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { type Request, type Response, Router } from 'express';
import { type BundleSet, cachedBundles, etagOf } from './prebuilt.js';

/** The widget's entry point. */
export const WIDGET_ENTRY = fileURLToPath(new URL('../widget/index.ts', import.meta.url));

/** A built bundle. */
export interface WidgetBundle {
  code: string;
  etag: string;
}

/** Loads `*.css` as a minified string (the widget adopts it into its shadow root). */
const cssAsText = (transform: typeof import('esbuild').transform): Plugin => ({
  name: 'css-as-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.css$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true, target: ['chrome80', 'firefox78', 'safari14'] });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
});

/** Builds the widget bundle (minified IIFE, ES2019) from the sources; esbuild is loaded only here. */
export async function buildWidget(): Promise<WidgetBundle> {
  const { build, transform } = await import('esbuild');
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [cssAsText(transform)],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, etag: etagOf(code) };
}

/** The widget as a set of prebuilt files (`dist/bundles/widget.js`). */
export const WIDGET_BUNDLES: BundleSet = {
  files: ['widget.js'],
  build: async () => ({ 'widget.js': (await buildWidget()).code }),
};

const widgetFiles = cachedBundles(WIDGET_BUNDLES);
let current: { files: object; bundle: WidgetBundle } | undefined;

/** The bundle of this process: prebuilt, or built on first use; a failed build is retried on the next request. */
export async function widgetBundle(): Promise<WidgetBundle> {
  const files = await widgetFiles();
  if (current?.files !== files) {
    const code = files['widget.js'] ?? '';
    current = { files, bundle: { code, etag: etagOf(code) } };
  }
  return current.bundle;
}

/** Routes that serve the widget bundle. */
export function widgetRoutes(): Router {
  const router = Router();
  router.get('/widget.js', async (req: Request, res: Response) => {
    let bundle: WidgetBundle;
    try {
      bundle = await widgetBundle();
    } catch (error) {
      console.error('widget build failed', error);
      res.status(500).type('text/plain').send('widget unavailable');
      return;
    }
    res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
    res.setHeader('ETag', bundle.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Vary', 'Accept-Encoding');
    const match = req.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bundle.etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).send(bundle.code);
  });
  return router;
}
