/**
 * Sharing a case: the profile (facts of the vocabulary) as JSON, exported to and imported from a file, and
 * carried in the URL fragment as `#j=<jurisdiction>&v=<view>&profile=<base64url JSON>`, so a colleague who opens
 * the link sees the same case. The fragment never reaches the server's logs.
 */

/** UTF-8 text as base64url without padding. */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) back to UTF-8 text; undefined when it is not valid. */
export function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** What the fragment says. */
export interface HashState {
  jurisdiction?: string;
  view?: string;
  profile?: unknown;
  /** The fragment named a profile that could not be read. */
  badProfile?: boolean;
}

/** Reads `#j=…&v=…&profile=…`. */
export function readHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: HashState = {};
  const j = params.get('j');
  const v = params.get('v');
  if (j) state.jurisdiction = j;
  if (v) state.view = v;
  const encoded = params.get('profile');
  if (encoded) {
    const text = fromBase64Url(encoded);
    try {
      state.profile = text === undefined ? undefined : (JSON.parse(text) as unknown);
    } catch {
      state.profile = undefined;
    }
    if (state.profile === undefined || typeof state.profile !== 'object' || state.profile === null) {
      delete state.profile;
      state.badProfile = true;
    }
  }
  return state;
}

/** The fragment for a case. */
export function writeHash(jurisdiction: string, view: string, facts: Record<string, unknown>): string {
  const params = new URLSearchParams({ j: jurisdiction, v: view });
  if (Object.keys(facts).length > 0) params.set('profile', toBase64Url(JSON.stringify(facts)));
  return `#${params.toString()}`;
}

/** The facts of an imported file: a facts object, or `{ facts: {…} }` as some tools wrap it. */
export function factsOfImport(parsed: unknown): unknown {
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'facts' in parsed) {
    const inner = (parsed as { facts?: unknown }).facts;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner;
  }
  return parsed;
}

/** Offers `text` as a file download. */
export function download(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
