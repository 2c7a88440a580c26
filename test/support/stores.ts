/** Session stores for tests: one that does what another does, but for what a test overrides. */
import type { SessionStore } from '../../src/store/types.js';

/** A store that does what `store` does, except for `overrides`. */
export function delegating(store: SessionStore, overrides: Partial<SessionStore>): SessionStore {
  return {
    get: (id) => store.get(id),
    create: (id, version, data) => store.create(id, version, data),
    update: (id, expected, version, data) => store.update(id, expected, version, data),
    delete: (id) => store.delete(id),
    touch: (id) => store.touch(id),
    ping: () => store.ping(),
    close: () => store.close(),
    ...overrides,
  };
}
