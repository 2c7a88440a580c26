/**
 * `GET /metrics`, under the staff console's rules: with `METRICS_TOKEN` set, only with that token as a bearer token
 * (compared in constant time); without it, only to clients on this machine that came straight to the socket.
 */
import type { Request, Response } from 'express';
import { isDirectLoopback, tokenMatches } from '../staff/server/access.js';
import type { Metrics } from './metrics.js';

/** The bearer token of a request, if it has one. */
function bearerOf(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The handler serving `metrics` in the Prometheus text format. */
export function metricsRoute(metrics: Metrics, token: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    if (token ? !tokenMatches(bearerOf(req), token) : !isDirectLoopback(req)) {
      if (token) res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(token ? 401 : 403).type('text/plain').send(token ? 'A bearer token is required.\n' : 'Metrics are served to this machine only (set METRICS_TOKEN).\n');
      return;
    }
    res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
