/**
 * The widget's settings, from (lowest to highest precedence) defaults, the script tag's `data-*` attributes,
 * `window.ParkAdvisorSettings` set before the script loads, and the options given to `ParkAdvisor.init()`.
 * The API is reached at the script's own origin, so the widget works when embedded on another site.
 */
import { JURISDICTION_IDS } from '../rules/types.js';
import { normalizeLang } from './i18n.js';
import { defaultStorageKey } from './storage.js';
import type { Persistence, WidgetLang } from './types.js';

/** Theme: CSS custom properties (`accent` → `--pa-accent`, or `--pa-*` names as they are) and the side. */
export type Theme = Record<string, string> & { position?: 'left' | 'right' };

/** What an embedding page may set. */
export interface WidgetOptions {
  /** One of the supported jurisdictions; absent: the widget first asks which one. */
  jurisdiction?: string;
  /** `zh-CN` or `en` (other tags such as `zh`, `en-GB` are understood); default: the page's language. */
  lang?: string;
  theme?: Theme;
  /** Where the session id is kept: `local` (default), `session` or `memory`. */
  persistence?: Persistence;
  /** The storage key; default per site and jurisdiction. */
  storageKey?: string;
  /** The API origin; default: the origin the script was loaded from. */
  apiBase?: string;
}

/** The settings in effect. */
export interface Settings {
  jurisdiction: string | undefined;
  lang: WidgetLang;
  theme: Theme;
  persistence: Persistence;
  storageKey: string;
  apiBase: string;
}

/** The `<script>` that loaded the widget (captured while it runs; async scripts included). */
export function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const all = document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return all[all.length - 1] ?? null;
}

/** Options from the script tag: data-jurisdiction, data-lang, data-persistence, data-storage-key, data-accent, data-position, data-api-base. */
export function optionsFromScript(script: HTMLScriptElement | null): WidgetOptions {
  if (!script) return {};
  const d = script.dataset;
  const theme: Theme = {};
  if (d.accent) theme.accent = d.accent;
  if (d.position === 'left' || d.position === 'right') theme.position = d.position;
  return clean({
    jurisdiction: d.jurisdiction,
    lang: d.lang,
    persistence: d.persistence as Persistence | undefined,
    storageKey: d.storageKey,
    apiBase: d.apiBase,
    theme: Object.keys(theme).length ? theme : undefined,
  });
}

/** The origin of the script's URL, else the page's. */
export function scriptOrigin(script: HTMLScriptElement | null): string {
  try {
    if (script?.src) return new URL(script.src, location.href).origin;
  } catch {
    /* fall through */
  }
  return location.origin;
}

function clean(options: Record<string, unknown>): WidgetOptions {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(options)) if (options[key] !== undefined && options[key] !== '') out[key] = options[key];
  return out as WidgetOptions;
}

/** Merges option layers (later wins; themes merge key by key). */
export function mergeOptions(...layers: (WidgetOptions | undefined)[]): WidgetOptions {
  const merged: WidgetOptions = {};
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    const theme = { ...merged.theme, ...layer.theme } as Theme;
    Object.assign(merged, clean(layer as Record<string, unknown>));
    if (Object.keys(theme).length) merged.theme = theme;
  }
  return merged;
}

/** Resolves merged options into settings, warning about (and ignoring) values that are not understood. */
export function resolveSettings(options: WidgetOptions, fallbackOrigin: string): Settings {
  let jurisdiction = typeof options.jurisdiction === 'string' ? options.jurisdiction.trim().toLowerCase() : undefined;
  if (jurisdiction && !(JURISDICTION_IDS as readonly string[]).includes(jurisdiction)) {
    console.warn(`ParkAdvisor: unknown jurisdiction "${jurisdiction}"; the widget will ask for it`);
    jurisdiction = undefined;
  }
  const lang = normalizeLang(options.lang) ?? normalizeLang(document.documentElement.lang) ?? 'zh-CN';
  const persistence: Persistence = options.persistence === 'session' || options.persistence === 'memory' ? options.persistence : 'local';
  return {
    jurisdiction,
    lang,
    theme: options.theme ?? {},
    persistence,
    storageKey: typeof options.storageKey === 'string' && options.storageKey ? options.storageKey : defaultStorageKey(location.host, jurisdiction),
    apiBase: (typeof options.apiBase === 'string' && options.apiBase ? options.apiBase : fallbackOrigin).replace(/\/+$/, ''),
  };
}
