/**
 * The composition root: reads the environment, builds the session store, the conversations and the web
 * application, and serves them. `npm start` runs this with the in-memory store unless `REDIS_URL` is set.
 */
import type { Server } from 'node:http';
import { ConversationSessions } from './flows/sessions.js';
import { createApp } from './server/app.js';
import { createSessionStore } from './store/index.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const store = await createSessionStore(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {});
const app = createApp({ sessions: new ConversationSessions(store), store });
const server: Server = app.listen(port, host, () => {
  const where = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  console.log(`Park Advisor listening on ${where} (${process.env.REDIS_URL ? 'Redis' : 'in-memory'} sessions)`);
});

/** Stops accepting, lets in-flight requests finish, then closes the store. */
function shutdown(signal: string): void {
  console.log(`${signal}: shutting down`);
  server.close(() => {
    void store.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
