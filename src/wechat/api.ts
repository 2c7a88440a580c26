/**
 * The 公众号 server API the channel calls: the access token (`/cgi-bin/token`), customer-service messages
 * (`/cgi-bin/message/custom/send`) and the custom menu (`/cgi-bin/menu/create`).
 *
 * The access token is shared by every instance through the session store (Redis when `REDIS_URL` is set):
 * the platform allows a limited number of fetches a day, and a fetch invalidates the previous token after a
 * grace period, so instances must not each fetch their own. One instance fetches under a lock (a store record
 * that expires, so a crashed holder does not block the others); the rest wait for its token. A token is
 * renewed five minutes before it expires, and at once when the API says it expired or is invalid
 * (errcode 40001, 40014, 42001) — only if nobody renewed it meanwhile.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionStore } from '../store/types.js';

/** The API answered with an error code (the message never carries the secret). */
export class WechatApiError extends Error {
  readonly errcode: number;
  constructor(errcode: number, errmsg: string, call: string) {
    super(`${call}: errcode ${errcode} ${errmsg.slice(0, 120)}`);
    this.name = 'WechatApiError';
    this.errcode = errcode;
  }
}

/** Error codes that mean "this access token no longer works": fetch a new one and retry once. */
export const TOKEN_ERRORS: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** How long before its expiry a token is renewed. */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;

/** How the API is reached. */
export interface WechatApiOptions {
  apiRoot: string;
  appId: string;
  appSecret: string;
  /** Where the token is cached (the session store). */
  store: SessionStore;
  /** The clock (tests). */
  now?: () => number;
  /** How long one HTTP call may take; default 5000 ms. */
  timeoutMs?: number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

interface Lock {
  until: number;
}

const LOCK_MS = 10_000;
const SCHEMA = 1;

/** A client of the API for one account. */
export class WechatApi {
  readonly #root: string;
  readonly #appId: string;
  readonly #secret: string;
  readonly #store: SessionStore;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  readonly #tokenKey: string;
  readonly #lockKey: string;

  constructor({ apiRoot, appId, appSecret, store, now = Date.now, timeoutMs = 5000 }: WechatApiOptions) {
    this.#root = apiRoot.replace(/\/+$/, '');
    this.#appId = appId;
    this.#secret = appSecret;
    this.#store = store;
    this.#now = now;
    this.#timeoutMs = timeoutMs;
    this.#tokenKey = `wxtoken_${appId}`;
    this.#lockKey = `wxtoken_lock_${appId}`;
  }

  /** Sends a text as a customer-service message to the user `openId`. */
  async sendText(openId: string, content: string): Promise<void> {
    await this.call('/cgi-bin/message/custom/send', { touser: openId, msgtype: 'text', text: { content } });
  }

  /** Creates (replaces) the account's custom menu. */
  async createMenu(menu: unknown): Promise<void> {
    await this.call('/cgi-bin/menu/create', menu);
  }

  /** POSTs `body` to `path` with the access token; renews the token and retries once if it was refused. */
  async call(path: string, body: unknown): Promise<Record<string, unknown>> {
    const token = await this.accessToken();
    try {
      return await this.#post(path, token, body);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !TOKEN_ERRORS.has(error.errcode)) throw error;
      return this.#post(path, await this.#renew(token), body);
    }
  }

  /** A valid access token: the shared cached one, or a new one. */
  async accessToken(): Promise<string> {
    const cached = await this.#store.get<CachedToken>(this.#tokenKey);
    if (cached && this.#fresh(cached.data)) return cached.data.token;
    return this.#renew(cached?.data.token);
  }

  #fresh(cached: CachedToken, stale?: string): boolean {
    return cached.token !== stale && cached.expiresAt - TOKEN_RENEW_MARGIN_MS > this.#now();
  }

  /** A token other than `stale`: fetched under the lock, or the one another instance fetched meanwhile. */
  async #renew(stale: string | undefined): Promise<string> {
    const deadline = this.#now() + LOCK_MS;
    while (this.#now() < deadline) {
      if (await this.#lock()) {
        try {
          const cached = await this.#store.get<CachedToken>(this.#tokenKey);
          if (cached && this.#fresh(cached.data, stale)) return cached.data.token;
          const fetched = await this.#fetchToken();
          await this.#save(fetched);
          return fetched.token;
        } finally {
          await this.#store.delete(this.#lockKey).catch(() => undefined);
        }
      }
      await sleep(50);
      const cached = await this.#store.get<CachedToken>(this.#tokenKey);
      if (cached && this.#fresh(cached.data, stale)) return cached.data.token;
    }
    // The holder is stuck: fetch without the lock rather than fail the user.
    const fetched = await this.#fetchToken();
    await this.#save(fetched);
    return fetched.token;
  }

  /** Takes the lock if free, or if its holder let it lapse. */
  async #lock(): Promise<boolean> {
    const until = this.#now() + LOCK_MS;
    if (await this.#store.create<Lock>(this.#lockKey, SCHEMA, { until })) return true;
    const held = await this.#store.get<Lock>(this.#lockKey);
    if (!held || held.data.until > this.#now()) return false;
    return (await this.#store.update<Lock>(this.#lockKey, held.version, SCHEMA, { until })) !== undefined;
  }

  async #save(token: CachedToken): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await this.#store.get<CachedToken>(this.#tokenKey);
      if (!current) {
        if (await this.#store.create(this.#tokenKey, SCHEMA, token)) return;
      } else if (await this.#store.update(this.#tokenKey, current.version, SCHEMA, token)) return;
    }
  }

  async #fetchToken(): Promise<CachedToken> {
    const url = new URL(`${this.#root}/cgi-bin/token`);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.#appId, secret: this.#secret }).toString();
    const body = await this.#request(url, undefined, 'token');
    const token = body.access_token;
    const expiresIn = Number(body.expires_in);
    if (typeof token !== 'string' || token === '' || !(expiresIn > 0)) throw new Error('token: the API answered without access_token');
    return { token, expiresAt: this.#now() + expiresIn * 1000 };
  }

  #post(path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
    const url = new URL(`${this.#root}${path}`);
    url.searchParams.set('access_token', token);
    return this.#request(url, body, path);
  }

  /** One HTTP call; an `errcode` other than 0 becomes WechatApiError. Errors never include the URL (secrets). */
  async #request(url: URL, body: unknown, call: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new Error(`${call}: cannot reach the WeChat API (${error instanceof Error ? error.name : 'error'})`);
    }
    const parsed = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok || !parsed) throw new Error(`${call}: the WeChat API answered HTTP ${response.status}`);
    const errcode = Number(parsed.errcode ?? 0);
    if (errcode !== 0) throw new WechatApiError(errcode, String(parsed.errmsg ?? ''), call);
    return parsed;
  }
}
