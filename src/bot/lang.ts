/**
 * The bot's language: a Telegram user's `language_code` decides it (zh, zh-hans, zh-TW … → zh-CN; anything else,
 * or none, → en) until the user chooses with /lang (or by typing "English" / "中文" at the opening).
 */
import { compiledTranslator, type Translate } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { languageNamed } from '../flows/machine.js';

/** The language for a Telegram `language_code`. */
export function langOfUser(languageCode: string | undefined): Lang {
  return languageCode?.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language an argument of /lang names ("en", "English", "zh", "中文" …), if any. */
export function langNamed(text: string): Lang | undefined {
  return languageNamed(text);
}

/** The bot's own strings (`locales/<lang>/bot.json`). */
export function botText(lang: Lang): Translate {
  return compiledTranslator(lang, 'bot');
}
