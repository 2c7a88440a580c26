/**
 * Inline keyboards for each step: options of a choice, yes/no, toggles with a Done button for a multi choice,
 * and the commands of the step (don't know, back, results; continue, restart and the checklist file in results);
 * the Change buttons of the answers list, and the keyboard of a change prompt (its options, don't know, cancel).
 * Every button's data comes from `callbacks.ts`, so it fits Telegram's 64 bytes and is bound to its step.
 */
import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { View } from '../flows/conversation.js';
import type { Prompt } from '../flows/prompts.js';
import { encodeAction, type PendingChange, stepQuestion, stepToken } from './callbacks.js';
import { JURISDICTIONS } from '../rules/registry.js';
import { botText } from './lang.js';

/** Labels longer than this are shortened: Telegram clips long buttons anyway, and a row should stay readable. */
const LABEL_MAX = 60;

/** Shortens a button label to {@link LABEL_MAX} characters. */
export function shortLabel(label: string): string {
  const chars = [...label];
  return chars.length <= LABEL_MAX ? label : `${chars.slice(0, LABEL_MAX - 1).join('')}…`;
}

/** The callback operations an option keyboard uses: answering the current question, or changing an earlier one. */
interface OptionOps {
  pick: 'answer' | 'changeTo';
  toggle: 'toggle' | 'changeToggle';
  done: 'done' | 'changeDone';
}

/** Adds a prompt's options: yes/no in one row, one choice per row, or toggles with Done for a multi choice. */
function optionButtons(
  keyboard: InlineKeyboard,
  prompt: Prompt,
  ops: OptionOps,
  step: { questionId: string; token: string; mask: number },
  b: ReturnType<typeof botText>,
): void {
  const { questionId, token, mask } = step;
  const options = prompt.options ?? [];
  switch (prompt.kind) {
    case 'boolean':
      options.forEach((o, index) => keyboard.text(o.label, encodeAction({ op: ops.pick, questionId, token, index })));
      keyboard.row();
      break;
    case 'choice':
      options.forEach((o, index) => keyboard.text(shortLabel(o.label), encodeAction({ op: ops.pick, questionId, token, index })).row());
      break;
    case 'multi':
      options.forEach((o, index) => {
        const on = (mask & (1 << index)) !== 0;
        keyboard.text(shortLabel(b(on ? 'buttons.on' : 'buttons.off', { label: o.label })), encodeAction({ op: ops.toggle, questionId, token, mask, index })).row();
      });
      keyboard.text(b('buttons.done'), encodeAction({ op: ops.done, questionId, token, mask })).row();
      break;
    default:
      break;
  }
}

/** The keyboard for where `view` stands; undefined when the step has no buttons. */
export function stepKeyboard(view: View, mask = 0): InlineKeyboard | undefined {
  if (view.state === 'results') return resultsKeyboard(view);
  const prompt = view.prompt;
  if (!prompt) return undefined;
  const token = stepToken(view);
  const questionId = stepQuestion(view);
  const b = botText(view.lang);
  const keyboard = new InlineKeyboard();
  const options = prompt.options ?? [];
  if (view.state === 'choosing') {
    options.forEach((o, index) => keyboard.text(shortLabel(o.label), encodeAction({ op: 'choose', questionId, token, index })).row());
    const other: Lang = view.lang === 'zh-CN' ? 'en' : 'zh-CN';
    return keyboard.text(b(`buttons.${other}`), encodeAction({ op: 'lang', lang: other }));
  }
  // A place under another jurisdiction was typed: one tap switches (the question's own buttons decline).
  const offered = view.offer ? JURISDICTIONS.findIndex((d) => d.id === view.offer?.jurisdiction) : -1;
  if (offered >= 0 && view.offer) {
    keyboard.text(shortLabel(b('buttons.switchTo', { name: view.offer.name })), encodeAction({ op: 'switchTo', questionId, token, index: offered })).row();
  }
  optionButtons(keyboard, prompt, { pick: 'answer', toggle: 'toggle', done: 'done' }, { questionId, token, mask }, b);
  // The first question states the text applied; one tap changes it.
  if (view.answers.length === 0 && !view.offer) keyboard.text(b('buttons.switch'), encodeAction({ op: 'switchMenu', questionId, token })).row();
  return keyboard
    .text(b('buttons.skip'), encodeAction({ op: 'skip', questionId, token }))
    .text(b('buttons.back'), encodeAction({ op: 'back', questionId, token }))
    .row()
    .text(b('buttons.results'), encodeAction({ op: 'results', questionId, token }));
}

/** The other texts, one per row, each applying its jurisdiction's text to the answers given (bound to the step). */
export function switchKeyboard(view: View): InlineKeyboard {
  const token = stepToken(view);
  const questionId = stepQuestion(view);
  const b = botText(view.lang);
  const keyboard = new InlineKeyboard();
  JURISDICTIONS.forEach((def, index) => {
    if (def.id === view.jurisdiction) return;
    keyboard.text(shortLabel(b('buttons.switchTo', { name: jurisdictionName(view.lang, def.id) })), encodeAction({ op: 'switchTo', questionId, token, index })).row();
  });
  return keyboard;
}

/** Under the result: the checklist file, the answers given, continue (while questions are open), back and start again. */
export function resultsKeyboard(view: View): InlineKeyboard {
  const token = stepToken(view);
  const questionId = stepQuestion(view);
  const b = botText(view.lang);
  const keyboard = new InlineKeyboard().text(b('buttons.checklist'), encodeAction({ op: 'checklist' }));
  if (view.answers.length > 0) keyboard.text(b('buttons.answers'), encodeAction({ op: 'answers' }));
  keyboard.row();
  if (view.pending > 0) keyboard.text(b('buttons.continue'), encodeAction({ op: 'continue', questionId, token }));
  return keyboard
    .text(b('buttons.back'), encodeAction({ op: 'back', questionId, token }))
    .text(b('buttons.restart'), encodeAction({ op: 'restart', questionId, token }));
}

/** Change buttons a row in the answers list. */
const CHANGE_BUTTONS_PER_ROW = 4;
/** The most Change buttons one list offers (Telegram refuses keyboards of much more than 100 buttons). */
export const CHANGE_BUTTONS_MAX = 100;

/**
 * The answers list's keyboard: one Change button per answer ("✏️ 修改 3" for the list's third line), bound to
 * the step `view` shows and carrying the answer's index in the history; undefined when nothing was answered.
 */
export function answersKeyboard(view: View): InlineKeyboard | undefined {
  if (view.answers.length === 0) return undefined;
  const token = stepToken(view);
  const questionId = stepQuestion(view);
  const b = botText(view.lang);
  const keyboard = new InlineKeyboard();
  view.answers.slice(0, CHANGE_BUTTONS_MAX).forEach((_, index) => {
    if (index > 0 && index % CHANGE_BUTTONS_PER_ROW === 0) keyboard.row();
    keyboard.text(b('buttons.change', { n: index + 1 }), encodeAction({ op: 'change', questionId, token, index }));
  });
  return keyboard;
}

/**
 * The keyboard of a change prompt: the options (toggles with Done for a multi choice, `mask` the selection so
 * far), don't know, and cancel. Its buttons carry the question being changed and the pending change's token.
 */
export function changeKeyboard(lang: Lang, prompt: Prompt, change: PendingChange, mask = 0): InlineKeyboard {
  const { questionId, token } = change;
  const b = botText(lang);
  const keyboard = new InlineKeyboard();
  optionButtons(keyboard, prompt, { pick: 'changeTo', toggle: 'changeToggle', done: 'changeDone' }, { questionId, token, mask }, b);
  return keyboard
    .text(b('buttons.skip'), encodeAction({ op: 'changeSkip', questionId, token }))
    .text(b('buttons.cancel'), encodeAction({ op: 'cancel', questionId, token }));
}

/** The option values a multi-choice mask selects among `prompt`'s options, in their order. */
export function maskValues(prompt: Prompt | undefined, mask: number): unknown[] {
  return (prompt?.options ?? []).filter((_, index) => (mask & (1 << index)) !== 0).map((o) => o.value);
}

/**
 * The mask of a multi-choice answer as the answers list shows it ("会议、培训"), to start a change from the
 * current selection; 0 when it cannot be read back (skipped, none, or a label it does not know).
 */
export function maskOf(prompt: Prompt, answer: string, lang: Lang): number {
  const labels = (prompt.options ?? []).map((o) => o.label);
  const parts = answer.split(lang === 'zh-CN' ? '、' : ', ');
  let mask = 0;
  for (const part of parts) {
    const index = labels.indexOf(part);
    if (index === -1) return 0;
    mask |= 1 << index;
  }
  return mask;
}

/** The two languages, for /lang. */
export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard()
    .text(botText('zh-CN')('buttons.zh-CN'), encodeAction({ op: 'lang', lang: 'zh-CN' }))
    .text(botText('en')('buttons.en'), encodeAction({ op: 'lang', lang: 'en' }));
}

/** What replaces the keyboard of an answered question: one inert button showing the answer taken. */
export function answeredKeyboard(lang: Lang, answer: string): InlineKeyboard {
  return new InlineKeyboard().text(shortLabel(botText(lang)('buttons.answered', { answer })), encodeAction({ op: 'noop' }));
}

/** An empty keyboard (no rows): sent with editMessageReplyMarkup, it removes the buttons of a message. */
export function noKeyboard(): InlineKeyboardMarkup {
  return { inline_keyboard: [] };
}

/** The option values a multi-choice mask selects, in the options' order. */
export function selectedValues(view: View, mask: number): unknown[] {
  return maskValues(view.prompt, mask);
}

/** The name of a jurisdiction in `lang` (for marking the opening's keyboard). */
export function jurisdictionName(lang: Lang, jurisdiction: string): string {
  return compiledTranslator(lang, jurisdiction)('name');
}
