/**
 * One i18next instance for the whole product, loaded synchronously from `locales/<lang>/<namespace>.json`.
 * zh-CN is the default language; every namespace exists in both languages with the same keys (a test checks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type TFunction } from 'i18next';

/** The languages the product speaks, the default first. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** The folder that holds the locale files. */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Whether `value` is one of the supported language tags. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Reads every namespace file of one language. */
export function loadLocale(lang: Lang, dir = LOCALES_DIR): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(`${dir}${lang}`).filter((f) => f.endsWith('.json'))) {
    resources[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(`${dir}${lang}/${file}`, 'utf8'));
  }
  return resources;
}

let instance: i18n | undefined;

/** The shared, initialized instance (created on first use). */
export function getI18n(): i18n {
  if (instance) return instance;
  const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadLocale(lang)]));
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources[DEFAULT_LANG] ?? {}),
    defaultNS: 'common',
    fallbackNS: 'rules',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  instance = created;
  return created;
}

/** A translate function fixed to one language and namespace. */
export function translator(lang: Lang, ns: string): TFunction {
  return getI18n().getFixedT(lang, ns);
}
