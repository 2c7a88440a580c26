/**
 * The conversation API client: `POST /api/sessions`, `GET /api/sessions/:id` and the commands under it. Every
 * call resolves to an outcome instead of throwing: a view (422 "not understood" included, it carries the same
 * question and a hint), `expired` (404: the session is gone), a server `error` with its localized message, or
 * `network` when nothing came back.
 */
import type { WidgetLang, WireView } from './types.js';

/** What a call came to. */
export type Outcome =
  | { kind: 'view'; view: WireView }
  | { kind: 'expired' }
  | { kind: 'error'; status: number; code: string; message: string }
  | { kind: 'network' };

/** The commands of a conversation (`POST /api/sessions/:id/<command>`). */
export type Command = 'answers' | 'back' | 'skip' | 'change' | 'restart' | 'results' | 'continue' | 'lang';

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

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Outcome> {
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
      const data = (await response.json().catch(() => null)) as (Partial<WireView> & { error?: { code?: string; message?: string } }) | null;
      if (data && typeof data.state === 'string' && typeof data.id === 'string') return { kind: 'view', view: data as WireView };
      if (response.status === 404 && data?.error?.code === 'session_not_found') return { kind: 'expired' };
      return { kind: 'error', status: response.status, code: data?.error?.code ?? 'http', message: data?.error?.message ?? '' };
    } catch {
      return { kind: 'network' };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }
}
