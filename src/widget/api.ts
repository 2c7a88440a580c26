/**
 * The conversation API client: `POST /api/sessions`, `GET /api/sessions/:id` and the commands under it. Every
 * call resolves to an outcome instead of throwing: a view (422 "not understood" included, it carries the same
 * question and a hint), `expired` (404: the session is gone), a server `error` with its localized message, or
 * `network` when nothing came back. `GET /api/jurisdictions` supplies the questions (with their options) for
 * changing an earlier answer.
 */
import type { Prompt, WidgetLang, WireView } from './types.js';

/** Every jurisdiction's questions as `GET /api/jurisdictions` lists them (to ask an earlier question again). */
export interface Catalog {
  jurisdictions: { id: string; questions: Prompt[] }[];
  /** The opening question: its options are the five jurisdictions (to change the text applied). */
  opening?: Prompt;
}

/** What a call came to. */
export type Outcome =
  | { kind: 'view'; view: WireView }
  | { kind: 'expired' }
  | { kind: 'error'; status: number; code: string; message: string }
  | { kind: 'network' };

/** The commands of a conversation (`POST /api/sessions/:id/<command>`). */
export type Command = 'answers' | 'back' | 'skip' | 'change' | 'restart' | 'results' | 'continue' | 'lang' | 'jurisdiction';

const TIMEOUT_MS = 20_000;

/** A client bound to one API origin. */
export class ApiClient {
  constructor(private readonly base: string) {}

  /** Opens a conversation. */
  create(body: { jurisdiction?: string; lang: WidgetLang }): Promise<Outcome> {
    return this.call('POST', '/api/sessions', body);
  }

  /** Where a conversation stands (with the result so far when it is in results). */
  get(id: string, lang: WidgetLang): Promise<Outcome> {
    return this.call('GET', `/api/sessions/${encodeURIComponent(id)}?lang=${encodeURIComponent(lang)}`);
  }

  /** Sends a command with its body. */
  send(id: string, command: Command, body: Record<string, unknown> = {}): Promise<Outcome> {
    return this.call('POST', `/api/sessions/${encodeURIComponent(id)}/${command}`, body);
  }

  /** Every jurisdiction's questions in `lang`; undefined when they could not be had. */
  async catalog(lang: WidgetLang): Promise<Catalog | undefined> {
    const reply = await this.request('GET', `/api/jurisdictions?lang=${encodeURIComponent(lang)}`);
    const data = reply?.data as Partial<Catalog> | null | undefined;
    return reply?.status === 200 && data && Array.isArray(data.jurisdictions) ? (data as Catalog) : undefined;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Outcome> {
    const reply = await this.request(method, path, body);
    if (!reply) return { kind: 'network' };
    const { status } = reply;
    const data = reply.data as (Partial<WireView> & { error?: { code?: string; message?: string } }) | null;
    if (data && typeof data.state === 'string' && typeof data.id === 'string') return { kind: 'view', view: data as WireView };
    if (status === 404 && data?.error?.code === 'session_not_found') return { kind: 'expired' };
    return { kind: 'error', status, code: data?.error?.code ?? 'http', message: data?.error?.message ?? '' };
  }

  /** The status and JSON body of a request (null when the body is not JSON); undefined when nothing came back. */
  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; data: unknown } | undefined> {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : undefined;
    try {
      const response = await fetch(this.base + path, {
        method,
        credentials: 'omit',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(controller ? { signal: controller.signal } : {}),
      });
      return { status: response.status, data: await response.json().catch(() => null) };
    } catch {
      return undefined;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }
}
