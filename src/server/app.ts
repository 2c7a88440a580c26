/**
 * The express application: the API under `/api`, health checks, and the demo page. Built from its
 * dependencies so that tests and the composition root (`src/main.ts`) assemble it the same way.
 */
import express, { type Express } from 'express';
import type { ConversationSessions } from '../flows/sessions.js';
import type { SessionStore } from '../store/types.js';
import { apiErrors, apiRouter } from './api.js';
import { widgetRoutes } from './widget.js';

/** What the application needs. */
export interface AppDependencies {
  sessions: ConversationSessions;
  store: SessionStore;
}

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** Creates the application (not listening). */
export function createApp({ sessions, store }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await store.ping();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.use('/api', express.json({ limit: '32kb', strict: true }), apiRouter(sessions), apiErrors);
  app.use(widgetRoutes());
  app.use(express.static(PUBLIC_DIR.pathname, { index: 'index.html', maxAge: '1h' }));
  return app;
}
