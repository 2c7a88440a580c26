/**
 * The HTML the server renders for the console: the page shell (the console draws itself from the catalog),
 * the login form, and the short pages for a refused or failed request. No inline script or style anywhere:
 * the pages pass a `script-src 'self'; style-src 'self'` policy.
 */
import type { Lang } from '../../i18n/index.js';
import { esc, staffT } from './text.js';

export const ASSETS = {
  css: '/staff/assets/staff.css',
  js: '/staff/assets/staff.js',
  login: '/staff/assets/login.js',
  docCss: '/staff/assets/doc.css',
  docJs: '/staff/assets/doc.js',
  icon: '/staff/assets/icon.svg',
} as const;

/** The tab icon (served from here, so that no page asks for /favicon.ico). */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#12325a"/><path d="M4 12V6l4-3 4 3v6H9V9H7v3z" fill="#fff"/></svg>';

function layout(lang: Lang, title: string, body: string, scripts: readonly string[] = [], bodyClass = ''): string {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${ASSETS.css}">
<link rel="icon" href="${ASSETS.icon}" type="image/svg+xml">
${scripts.map((src) => `<script type="module" src="${esc(src)}"></script>`).join('\n')}
</head>
<body${bodyClass ? ` class="${esc(bodyClass)}"` : ''}>
${body}
</body>
</html>
`;
}

/** The console's page: a shell that `staff.js` fills from `/staff/api/catalog`. */
export function consolePage(lang: Lang, tokenRequired: boolean): string {
  const t = staffT(lang);
  const other: Lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const logout = tokenRequired
    ? `<form method="post" action="/staff/logout" class="logout"><button type="submit">${esc(t('page.logout'))}</button></form>`
    : '';
  const body = `<a class="skip" href="#main">${esc(t('page.skip'))}</a>
<header class="top">
  <div class="brand">
    <h1>${esc(t('page.title'))}</h1>
    <p class="subtitle">${esc(t('page.subtitle'))}</p>
  </div>
  <div class="tools">
    <a id="lang-switch" href="?lang=${esc(other)}" lang="${esc(other)}" hreflang="${esc(other)}">${esc(t('page.otherLang'))}</a>
    ${logout}
  </div>
</header>
<nav id="jurisdictions" class="jurisdictions" aria-label="${esc(t('page.jurisdictions'))}"></nav>
<nav id="views" class="views" aria-label="${esc(t('page.views'))}"></nav>
<main id="main" tabindex="-1" data-lang="${esc(lang)}">
  <p id="loading" class="loading">${esc(t('page.loading'))}</p>
  <noscript><p class="error">${esc(t('page.noscript'))}</p></noscript>
</main>
<footer class="keys">
  <p>${esc(t('page.keys'))}</p>
</footer>`;
  return layout(lang, t('page.title'), body, [ASSETS.js], 'console');
}

/** The login form (401 when shown for a request without a session or with a wrong token). */
export function loginPage(lang: Lang, error?: 'wrong' | 'tooMany'): string {
  const t = staffT(lang);
  const body = `<main id="main" class="login">
  <h1>${esc(t('login.title'))}</h1>
  <p>${esc(t('login.intro'))}</p>
  <form method="post" action="/staff/login" class="login-form">
    <input type="hidden" name="lang" value="${esc(lang)}">
    <input type="hidden" name="hash" id="login-hash" value="">
    <label for="token">${esc(t('login.token'))}</label>
    <input id="token" name="token" type="password" autocomplete="current-password" required autofocus${error ? ' aria-invalid="true" aria-describedby="login-error"' : ''}>
    ${error ? `<p id="login-error" class="error" role="alert">${esc(t(`login.${error}`))}</p>` : ''}
    <button type="submit">${esc(t('login.submit'))}</button>
  </form>
</main>`;
  return layout(lang, t('login.title'), body, [ASSETS.login], 'plain');
}

/** The short page for a client the console is not served to. */
export function forbiddenPage(lang: Lang): string {
  const t = staffT(lang);
  return layout(lang, t('forbidden.title'), `<main id="main" class="plain"><h1>${esc(t('forbidden.title'))}</h1><p>${esc(t('forbidden.body'))}</p></main>`, [], 'plain');
}

/** A short error page (a document request that cannot be read, a missing page). */
export function errorPage(lang: Lang, message: string): string {
  const t = staffT(lang);
  return layout(
    lang,
    t('error.title'),
    `<main id="main" class="plain"><h1>${esc(t('error.title'))}</h1><p>${esc(message)}</p><p><a href="/staff">${esc(t('error.back'))}</a></p></main>`,
    [],
    'plain',
  );
}
