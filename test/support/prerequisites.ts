/**
 * Guards for tests that need a system package (scripts/prerequisites.ts lists them; `npm test` installs or asks
 * for them first). Run outside `npm test` without one, those tests are skipped; under CI=true they run anyway
 * and fail, so that CI never reports green with a part of the suite silently left out.
 */
import { hasRedisServer } from './redis.js';

/** Whether this is CI (`CI=true`, as GitHub Actions and most CI services set it). */
export const isCI = (): boolean => /^(true|1)$/i.test(process.env.CI ?? '');

/** Whether the tests that need `redis-server` run: when it is installed, and always under CI=true. */
export function runsWithRedis(): boolean {
  return isCI() || hasRedisServer();
}
