/**
 * A Bot API server for tests of the whole process: `telegram-test-api` (the emulator bot.test.ts uses) behind
 * a small proxy that listens on a port chosen BEFORE it starts, so that a process can be pointed at a port
 * where nothing listens yet and the server can appear there later. The proxy answers `setMyCommands` (which
 * the emulator lacks) and forwards every other call.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { freePort } from './redis.js';

/** A running Bot API emulator. */
export interface BotApi {
  server: TelegramServer;
  /** `http://127.0.0.1:<port>`: what TELEGRAM_API_ROOT names. */
  apiRoot: string;
  /** The Bot API methods called so far, in order. */
  methods: string[];
  close(): Promise<void>;
}

/** A request's whole body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Forwards a call (its body already read) to the emulator at `apiURL` and relays the answer. */
export async function forward(req: IncomingMessage, res: ServerResponse, raw: Buffer, apiURL: string): Promise<void> {
  const contentType = req.headers['content-type'] ?? '';
  const upstream = await fetch(`${apiURL}${req.url ?? '/'}`, {
    method: req.method ?? 'POST',
    headers: contentType ? { 'content-type': contentType } : {},
    ...(raw.length > 0 ? { body: new Uint8Array(raw) } : {}),
  });
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

/** Starts the emulator, and the proxy on `port` (default: a free one). */
export async function startBotApi(port?: number): Promise<BotApi> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  const methods: string[] = [];
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const method = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1];
      if (method) methods.push(method);
      if (method === 'setMyCommands') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, result: true }));
        return;
      }
      await forward(req, res, raw, server.config.apiURL);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  proxy.listen(port ?? 0, '127.0.0.1');
  await once(proxy, 'listening');
  return {
    server,
    apiRoot: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    methods,
    close: async () => {
      proxy.closeAllConnections();
      proxy.close();
      await server.stop();
    },
  };
}
