/**
 * Result pages: a link that shows one assessment result (verdict, every condition with its article and
 * wording, the checklist of materials and the procedure) as a server-rendered page readable on a phone and
 * printable, for channels whose messages are too short to carry it (WeChat's 2,048 bytes, a Telegram summary).
 *
 * A link is `PUBLIC_URL/r/<token>`: 256 random bits, so it cannot be guessed. The store keeps the result under
 * the token's sha256 (a copy of the store gives no working links) with the time it expires; after that, or
 * for any token it never issued, the page is 404 and says nothing else. The page holds the result only: no
 * session id, no answers list, no user id. It works under the app's strict CSP (no script; one CSS file).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Router } from 'express';
import { compiledTranslator } from '../i18n/compiled.js';
import { DEFAULT_LANG, type Lang } from '../i18n/index.js';
import type { AssessmentResult, CriterionResult } from '../rules/evaluate.js';
import { countVars, criteriaByStatus } from '../report/counts.js';
import type { SessionStore } from '../store/types.js';

/** The path under which result pages are served. */
export const RESULT_PAGE_PATH = '/r';

/** How long a link works by default: 24 hours (the store keeps nothing longer anyway). */
export const RESULT_LINK_TTL_SECONDS = 86_400;

const SCHEMA = 1;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface StoredPage {
  result: AssessmentResult;
  /** Epoch milliseconds after which the link shows nothing. */
  expiresAt: number;
}

/** Options of {@link ResultLinks}. */
export interface ResultLinksOptions {
  /** The public base URL of this server (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  /** How long a link works; default 24 h. At most the store's own TTL (24 h) is effective. */
  ttlSeconds?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** Issues and resolves result links, in the session store (so every instance serves every link). */
export class ResultLinks {
  readonly #store: SessionStore;
  readonly #base: string;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(store: SessionStore, { publicUrl, ttlSeconds = RESULT_LINK_TTL_SECONDS, now = Date.now }: ResultLinksOptions) {
    this.#store = store;
    this.#base = publicUrl.replace(/\/+$/, '');
    this.#ttlMs = ttlSeconds * 1000;
    this.#now = now;
  }

  /** How long a link works, in whole hours (for the message that carries it). */
  get hours(): number {
    return Math.max(1, Math.round(this.#ttlMs / 3_600_000));
  }

  /** Stores `result` and returns the URL of its page. */
  async create(result: AssessmentResult): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const page: StoredPage = { result, expiresAt: this.#now() + this.#ttlMs };
    if (!(await this.#store.create<StoredPage>(keyOf(token), SCHEMA, page))) throw new Error('result link collision');
    return `${this.#base}${RESULT_PAGE_PATH}/${token}`;
  }

  /** The page behind `token`, or undefined when it is malformed, unknown or expired. */
  async read(token: string): Promise<StoredPage | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const stored = await this.#store.get<StoredPage>(keyOf(token));
    if (!stored || stored.schemaVersion !== SCHEMA) return undefined;
    if (stored.data.expiresAt <= this.#now()) {
      await this.#store.delete(keyOf(token));
      return undefined;
    }
    return stored.data;
  }
}

/** The line under a chat's result summary that carries the link, in `lang`. */
export function resultLinkLine(lang: Lang, url: string, hours: number): string {
  return compiledTranslator(lang, 'resultPage')('linkLine', { url, hours });
}

function keyOf(token: string): string {
  return `rp_${createHash('sha256').update(token).digest('base64url')}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** `text（ref）` in Chinese, `text (ref)` in English. */
function cite(lang: Lang, text: string, ref: string): string {
  return lang === 'zh-CN' ? `${text}（${ref}）` : `${text} (${ref})`;
}

/** `2026-11-24 15:30` in Beijing time. */
function beijingTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The page's HTML for `result`, in the result's language. */
export function renderResultPage(result: AssessmentResult, expiresAt: number): string {
  const lang = result.lang;
  const t = compiledTranslator(lang, 'report');
  const tr = compiledTranslator(lang, 'rules');
  const tp = compiledTranslator(lang, 'resultPage');
  // The verdict line states the result's own counts, and the sections list exactly the conditions counted under
  // each status (advisory ones tagged), as every channel does (src/report/counts.ts).
  const by = criteriaByStatus(result);
  const criterion = (c: CriterionResult) => {
    const tags = [c.inPrinciple ? tp('inPrinciple') : '', c.severity === 'advisory' ? tp('advisoryTag') : ''].filter((x) => x !== '');
    return [
      `<li class="criterion ${c.status}">`,
      `<p class="ref">${esc(c.refText)} · ${esc(tr(`status.${c.status}`))}${tags.map((x) => ` <span class="tag">${esc(x)}</span>`).join('')}</p>`,
      `<p>${esc(c.explanation)}</p>`,
      `<blockquote>${esc(t('quote', { quote: c.quote }))}</blockquote>`,
      '</li>',
    ].join('');
  };
  const section = (title: string, items: CriterionResult[]) =>
    items.length === 0 ? '' : `<section><h2>${esc(title)}</h2><ol class="criteria">${items.map(criterion).join('')}</ol></section>`;
  const met = by.met;
  const body = [
    `<header><h1>${esc(t('heading', { name: result.jurisdictionName, date: result.date }))}</h1>`,
    `<p class="verdict ${result.verdict}">${esc(t('verdict', { verdict: tr(`verdict.${result.verdict}`), ...countVars(result) }))}</p></header>`,
    section(t('sections.unmet'), by.unmet),
    section(t('sections.unknown'), by.unknown),
    met.length === 0 ? '' : `<section><h2>${esc(t('sections.met'))}</h2><ul class="met">${met.map((c) => `<li>✓ ${esc(`${c.refText} ${c.title}`)}</li>`).join('')}</ul></section>`,
    result.checklist.length === 0
      ? ''
      : `<section><h2>${esc(t('sections.checklist'))}</h2><ul class="checklist">${result.checklist.map((m) => `<li>${esc(cite(lang, m.title, m.refText))}</li>`).join('')}</ul></section>`,
    result.procedure.length === 0
      ? ''
      : `<section><h2>${esc(t('sections.procedure'))}</h2><ol class="procedure">${result.procedure.map((s) => `<li>${esc(cite(lang, s.title, s.refText))}</li>`).join('')}</ol></section>`,
    result.notices.length === 0 ? '' : `<section><h2>${esc(t('sections.notices'))}</h2><ul>${result.notices.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`,
    `<footer><p>${esc(tp('disclaimer'))}</p><p>${esc(tp('expires', { time: beijingTime(expiresAt) }))}</p><p class="screen-only">${esc(tp('print'))}</p></footer>`,
  ].join('\n');
  return page(lang, tp('title', { name: result.jurisdictionName }), body);
}

/** The page for a link that shows nothing: in both languages, since no result tells which. */
export function renderNotFoundPage(): string {
  const zh = compiledTranslator('zh-CN', 'resultPage');
  const en = compiledTranslator('en', 'resultPage');
  const body = `<header><h1>${esc(zh('notFound'))}</h1><p>${esc(zh('notFoundHint'))}</p></header><section lang="en"><h2>${esc(en('notFound'))}</h2><p>${esc(en('notFoundHint'))}</p></section>`;
  return page(DEFAULT_LANG, zh('notFound'), body);
}

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/result-page.css">
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

/** `GET /r/:token`: the page, or 404 with nothing about any result. Never cached by shared caches. */
export function resultPageRoutes(links: ResultLinks | undefined): Router {
  const router = Router();
  router.get(`${RESULT_PAGE_PATH}/:token`, async (req, res, next) => {
    try {
      const stored = links ? await links.read(String(req.params.token)) : undefined;
      res.set({ 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' });
      if (!stored) {
        res.status(404).type('html').send(renderNotFoundPage());
        return;
      }
      res.type('html').send(renderResultPage(stored.result, stored.expiresAt));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
