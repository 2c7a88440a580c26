/**
 * Calls to the console's own routes. A 401 means the session ended: the page reloads into the login form
 * (keeping the shared profile in the fragment).
 */
import type { AssessResponse, Catalog, CompareResponse, ImportResponse } from '../shared/types.js';

/** A refused call, with the server's localized message. */
export class CallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin', ...init });
  if (res.status === 401) {
    location.reload();
    throw new CallError(401, '');
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; details?: unknown } };
  if (!res.ok) {
    const details = Array.isArray(body.error?.details) ? (body.error.details as { message?: string }[]).map((d) => d.message).filter(Boolean) : [];
    throw new CallError(res.status, [body.error?.message ?? res.statusText, ...details].join(' '));
  }
  return body as T;
}

const post = <T>(url: string, body: unknown) =>
  call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  catalog: (lang: string) => call<Catalog>(`/staff/api/catalog?lang=${encodeURIComponent(lang)}`),
  assess: (jurisdiction: string, answers: Record<string, string>, lang: string) =>
    post<AssessResponse>('/staff/api/assess', { jurisdiction, answers, lang }),
  compare: (answers: Record<string, string>, lang: string) => post<CompareResponse>('/staff/api/compare', { answers, lang }),
  import: (facts: unknown, lang: string) => post<ImportResponse>('/staff/api/import', { facts, lang }),
};
