/**
 * JSON answers to POST requests. A POST's answer is never cached, so it needs no ETag; express's `res.json` hashes
 * every body for one (and turns it into a Buffer first), which cost a fifth of the server's time per `POST
 * /api/assess` (a 24 KB result) and a few per cent of a conversation turn. GET routes keep `res.json`: their
 * answers may be revalidated.
 */
import type { Response } from 'express';

/** Sends `body` as `application/json; charset=utf-8` with `status`; Node sets Content-Length from the string. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
