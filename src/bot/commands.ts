/**
 * The bot's commands, and their registration with Telegram (`setMyCommands`): Chinese for users whose
 * Telegram speaks Chinese (`language_code` zh), English for everyone else (the default list).
 */
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Lang } from '../i18n/index.js';
import { botText } from './lang.js';

/** Every command, in the order Telegram's menu shows them. */
export const COMMANDS = ['start', 'results', 'answers', 'checklist', 'back', 'skip', 'cancel', 'restart', 'lang', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The command list with descriptions in `lang`. */
export function commandList(lang: Lang): BotCommand[] {
  const b = botText(lang);
  return COMMANDS.map((command) => ({ command, description: b(`commands.${command}`) }));
}

/** Registers the command menu in both languages. */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(commandList('en'));
  await api.setMyCommands(commandList('zh-CN'), { language_code: 'zh' });
}

/** The /help text (plain; escape before sending as HTML). */
export function helpText(lang: Lang): string {
  const b = botText(lang);
  return [b('help.intro'), '', ...COMMANDS.map((c) => `/${c} — ${b(`commands.${c}`)}`), '', b('help.tips')].join('\n');
}
