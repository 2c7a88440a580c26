/**
 * Calls to the console's own routes. A 401 means the session ended: the page reloads into the login form
 * (keeping the shared profile in the fragment).
 */
import type { AssessResponse, Catalog, CompareResponse, DocumentAnswersResponse, ImportResponse } from '../shared/types.js';

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

/** A count as the server shows it: exact from 5 up, "<5" below, 0 as 0. */
type Cell = number | '<5';

/** One jurisdiction's figures of `GET /staff/api/insights`. */
export interface InsightsFigures {
  started: Cell;
  completed: Cell;
  verdicts: { eligible: Cell; ineligible: Cell; incomplete: Cell };
  closeToEligible: Cell;
  criteria: { id: string; ref: { article: number; item?: number }; title: string; met: Cell; unmet: Cell; unknown: Cell }[];
  unknownFacts: { fact: string; label: string; count: Cell }[];
  abandonedAt: { questionId: string; label: string; count: Cell }[];
}

/** The response of `GET /staff/api/insights`. */
export interface InsightsReport {
  from: string;
  to: string;
  jurisdictions: Record<string, InsightsFigures>;
}

const post = <T>(url: string, body: unknown) =>
  call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  catalog: (lang: string) => call<Catalog>(`/staff/api/catalog?lang=${encodeURIComponent(lang)}`),
  assess: (jurisdiction: string, answers: Record<string, string>, lang: string) =>
    post<AssessResponse>('/staff/api/assess', { jurisdiction, answers, lang }),
  compare: (answers: Record<string, string>, lang: string) => post<CompareResponse>('/staff/api/compare', { answers, lang }),
  import: (facts: unknown, lang: string) => post<ImportResponse>('/staff/api/import', { facts, lang }),
  /** Sends an applicant's .docx (or .txt) as it is; the server reads it and keeps nothing. */
  documentAnswers: (file: File, lang: string, jurisdiction: string) =>
    call<DocumentAnswersResponse>(`/staff/api/document-answers?lang=${encodeURIComponent(lang)}&jurisdiction=${encodeURIComponent(jurisdiction)}`, {
      method: 'POST',
      headers: { 'content-type': /\.txt$/i.test(file.name) ? 'text/plain' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      body: file,
    }),
  insights: (q: { from: string; to: string; jurisdiction: string; includeStaff: boolean; lang: string }) => {
    const params = new URLSearchParams({ from: q.from, to: q.to, lang: q.lang });
    if (q.jurisdiction) params.set('jurisdiction', q.jurisdiction);
    if (!q.includeStaff) params.set('includeStaff', 'false');
    return call<InsightsReport>(`/staff/api/insights?${params.toString()}`);
  },
};
