/**
 * Who may use the staff console.
 *
 * - With a token (`STAFF_TOKEN`): the console and its data need a session cookie, which `POST /staff/login` sets
 *   for the right token (compared in constant time). The cookie holds an expiry and an HMAC of it keyed by the
 *   token, so nothing is stored on the server, a changed token ends every session, and the token itself never
 *   travels again. It is HttpOnly, SameSite=Strict, limited to /staff, and Secure over HTTPS.
 * - Without a token: only loopback clients (the socket's own address, never X-Forwarded-For), and only when the
 *   request came straight to the socket: a request that carries proxy headers, or names another host (a DNS
 *   rebinding page), is refused. Behind a reverse proxy, set a token.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'staff_session';
/** How long a login lasts. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** What a request may do. */
export type Access = 'allow' | 'login' | 'forbidden';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a socket address is the loopback interface. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

/** Whether a Host header names this machine (localhost, 127.0.0.1 or [::1], any port). */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return LOCAL_HOSTS.has(name);
}

/** Whether a request without a token configured comes from this machine, directly. */
export function isDirectLoopback(req: Pick<Request, 'headers' | 'socket'>): boolean {
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined) return false;
  return isLoopbackAddress(req.socket.remoteAddress) && isLocalHost(req.headers.host);
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether `given` is the token, in time independent of where they differ. */
export function tokenMatches(given: unknown, token: string): boolean {
  if (typeof given !== 'string' || given.length > 1024) return false;
  return timingSafeEqual(digest(given), digest(token));
}

function mac(token: string, expires: number): string {
  return createHmac('sha256', token).update(`park-advisor staff session ${expires}`).digest('base64url');
}

/** A session cookie value valid until `expires` (seconds since the epoch). */
export function sessionValue(token: string, expires: number): string {
  return `v1.${expires}.${mac(token, expires)}`;
}

/** Whether a session cookie value is one this token issued and has not expired at `now` (seconds). */
export function sessionValid(value: string | undefined, token: string, now: number): boolean {
  const match = value ? /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!match) return false;
  const expires = Number(match[1]);
  if (!(expires > now)) return false;
  const expected = Buffer.from(mac(token, expires));
  const given = Buffer.from(match[2] ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One cookie of the request's Cookie header. */
export function cookieOf(req: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Decides what a request may do. */
export function decideAccess(req: Pick<Request, 'headers' | 'socket'>, token: string | undefined, now = Date.now() / 1000): Access {
  if (token) return sessionValid(cookieOf(req, SESSION_COOKIE), token, now) ? 'allow' : 'login';
  return isDirectLoopback(req) ? 'allow' : 'forbidden';
}

/** Sets the session cookie after a successful login. */
export function setSession(req: Request, res: Response, token: string, now = Date.now() / 1000): void {
  const expires = Math.floor(now) + SESSION_SECONDS;
  res.cookie(SESSION_COOKIE, sessionValue(token, expires), {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/staff',
    maxAge: SESSION_SECONDS * 1000,
  });
}

/** Ends the session. */
export function clearSession(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/staff' });
}
