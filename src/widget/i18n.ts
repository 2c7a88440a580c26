/**
 * The widget's own words (launcher, buttons, headings, notes), from `locales/<lang>/widget.json`, inlined into
 * the bundle at build time. Questions, hints and explanations come from the server in the conversation's language.
 */
import en from '../../locales/en/widget.json' with { type: 'json' };
import zh from '../../locales/zh-CN/widget.json' with { type: 'json' };
import type { WidgetLang } from './types.js';

const MESSAGES: Record<WidgetLang, unknown> = { 'zh-CN': zh, en };

/** Translates a dotted key with `{{name}}` placeholders; an unknown key comes back as itself. */
export type T = (key: string, vars?: Record<string, string | number>) => string;

/** The supported language for a tag such as "zh", "zh-Hans-CN", "en-GB"; undefined when neither. */
export function normalizeLang(tag: unknown): WidgetLang | undefined {
  if (typeof tag !== 'string') return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return undefined;
}

/** The other language (what the language switch offers). */
export function otherLang(lang: WidgetLang): WidgetLang {
  return lang === 'en' ? 'zh-CN' : 'en';
}

/** A translate function for `lang`. */
export function translator(lang: WidgetLang): T {
  const root = MESSAGES[lang];
  return (key, vars) => {
    let node: unknown = root;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  };
}
