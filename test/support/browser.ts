/**
 * What the browser tests share: Debian's Chromium launched headless the one way this machine allows (no sandbox as
 * root, and none of the background connections the closed network would refuse), and a server listening on a free
 * loopback port with its base URL.
 */
import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `npm test`'s prerequisites install it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox, and no background networking, component updates or sync: nothing leaves loopback. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium with {@link CHROMIUM_ARGS}; fails with what to install when it is missing. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: the browser tests need Debian's chromium (apt-get install -y chromium; npm test's prerequisites and .ci/run install it).`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], ...options });
}

/** Serves `handler` (an express app or any request listener) on a free port of 127.0.0.1, once it listens. */
export async function listenLocal(handler: RequestListener | { listen: (port: number, host: string) => Server }): Promise<{ server: Server; base: string }> {
  const server = 'listen' in handler ? handler.listen(0, '127.0.0.1') : createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
