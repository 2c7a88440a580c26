/**
 * 405 for a known path asked with the wrong method: the routes of a router (and of the routers it mounts at its
 * root) are read from the router itself, so a new route is covered without listing it anywhere else. The answer
 * carries `Allow` with the methods the path does take (RFC 9110 §15.5.6).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors.js';
import { pathOf } from './node-http.js';

/** A router (express's, or the `router` package it is made of): its layers. */
interface Routes {
  stack: readonly unknown[];
}

/** What this module reads of router 2.x's layers (`router.stack`): a route's path and methods, or a mounted router. */
interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
  /** True for a router mounted at its parent's root (`router.use(other)` without a path). */
  slash?: boolean;
  handle?: { stack?: Layer[] };
}

/** `/sessions/:id/answers` → a pattern matching one value per parameter (no wildcards are used in this app). */
function patternOf(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

function routesOf(stack: readonly Layer[]): Array<{ pattern: RegExp; methods: string[] }> {
  return stack.flatMap((layer) => {
    if (layer.route && typeof layer.route.path === 'string') {
      const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all' && layer.route?.methods[m]).map((m) => m.toUpperCase());
      return [{ pattern: patternOf(layer.route.path), methods }];
    }
    if (layer.slash && Array.isArray(layer.handle?.stack)) return routesOf(layer.handle.stack);
    return [];
  });
}

/** The methods `path` answers to among `router`'s routes (empty when no route has this path). */
export function allowedMethods(router: Routes, path: string): string[] {
  const methods = new Set<string>();
  for (const route of routesOf(router.stack as unknown as Layer[])) {
    if (route.pattern.test(path)) route.methods.forEach((m) => methods.add(m));
  }
  // express answers HEAD with the GET handler, and OPTIONS itself.
  if (methods.has('GET')) methods.add('HEAD');
  if (methods.size > 0) methods.add('OPTIONS');
  return [...methods].sort();
}

/**
 * The middleware to put after a router's routes (and before its 404): a request whose path some route has, with a
 * method none of them takes, gets 405 `method_not_allowed` and `Allow`. Routes are read on each miss (cheap, and
 * routes added later count).
 */
export function methodNotAllowed(router: Routes) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const allowed = allowedMethods(router, pathOf(req));
    if (allowed.length === 0 || allowed.includes(req.method ?? '')) {
      next();
      return;
    }
    res.setHeader('Allow', allowed.join(', '));
    next(new ApiError('method_not_allowed', { allow: allowed }));
  };
}
