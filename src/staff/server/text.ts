/**
 * The console's words: the `staff` namespace of `locales/<lang>/staff.json` (every console string), read through
 * the project's translators, and HTML escaping for the pages the server renders.
 */
import { compiledTranslator, type Translate } from '../../i18n/compiled.js';
import { DEFAULT_LANG, getI18n, isLang, type Lang } from '../../i18n/index.js';

/** The `staff` namespace in `lang`. */
export function staffT(lang: Lang): Translate {
  return compiledTranslator(lang, 'staff');
}

/** Every string of the namespace `ns`, flattened to dotted keys (`verdict.title`), prefixed with `prefix`. */
export function flatStrings(lang: Lang, ns: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out[prefix + path] = node;
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(getI18n().getResourceBundle(lang, ns) as unknown, '');
  return out;
}

/** The language a console request asks for: `?lang=`, then a body `lang`, then Accept-Language, then zh-CN. */
export function consoleLang(query: unknown, body: unknown, acceptsEnglish: boolean): Lang {
  if (isLang(query)) return query;
  if (isLang(body)) return body;
  return acceptsEnglish ? 'en' : DEFAULT_LANG;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
