/**
 * Where the session id lives between page loads: localStorage, sessionStorage, or memory only. Only the id is
 * ever stored, never an answer (the server keeps the conversation). Storage that is unavailable or refuses
 * (private modes, blocked third-party storage) quietly degrades to memory.
 */
import type { Persistence } from './types.js';

/** Reads, writes and forgets one value under one key. */
export interface IdStore {
  get(): string | null;
  set(id: string): void;
  clear(): void;
}

/** The default key: per site (host) and per configured jurisdiction, so two embeds never share a session. */
export function defaultStorageKey(host: string, jurisdiction: string | undefined): string {
  return `parkadvisor:${host}:${jurisdiction ?? 'any'}:session`;
}

function webStorage(kind: Persistence): Storage | undefined {
  try {
    const storage = kind === 'session' ? window.sessionStorage : kind === 'local' ? window.localStorage : undefined;
    if (!storage) return undefined;
    const probe = '__parkadvisor_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** The store for `persistence` under `key`. */
export function idStore(persistence: Persistence, key: string): IdStore {
  let memory: string | null = null;
  const storage = webStorage(persistence);
  return {
    get() {
      try {
        return storage ? storage.getItem(key) : memory;
      } catch {
        return memory;
      }
    },
    set(id) {
      memory = id;
      try {
        storage?.setItem(key, id);
      } catch {
        /* memory only */
      }
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing stored */
      }
    },
  };
}
