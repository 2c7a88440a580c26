/**
 * The answer area under the conversation: quick-reply buttons for choices and yes/no, checkboxes with a confirm
 * button for multi-select, a text box for numbers, dates and free text (the server reads "1.2万平方米"), and the
 * commands (back, 不清楚/skip, show results now, keep answering, my answers, start over, cancel). An earlier
 * question asked again to change its answer uses the same controls. Each render returns the control that should
 * receive focus, labelled by the question it answers.
 */
import { clear, h, uid } from './dom.js';
import type { T } from './i18n.js';
import type { Prompt } from './types.js';

/** The commands the tool row offers. */
export type ToolName = 'back' | 'skip' | 'results' | 'continue' | 'answers' | 'restart' | 'retry' | 'cancel';

/** What the user did. */
export interface ComposerHandlers {
  /** Chose an option or confirmed a selection: the value to send and the words to show. */
  answer(value: unknown, shown: string): void;
  /** Sent typed text. */
  type(text: string): void;
  command(name: ToolName): void;
}

/** What the area shows. */
export type ComposerMode =
  /** `current`: the answer being changed, as shown (its options start ticked in a multi-select). */
  | { kind: 'prompt'; prompt: Prompt; labelId: string; tools: ToolName[]; hintId?: string; current?: string }
  | { kind: 'tools'; tools: ToolName[] }
  | { kind: 'idle' };

const TOOL_KEYS: Record<ToolName, string> = {
  back: 'commands.back',
  skip: 'commands.skip',
  results: 'commands.results',
  continue: 'commands.continue',
  answers: 'commands.answers',
  restart: 'commands.restart',
  retry: 'commands.retry',
  cancel: 'commands.cancel',
};

/** The answer area. */
export class Composer {
  readonly input: HTMLInputElement;
  private readonly choices: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly label: HTMLLabelElement;
  private readonly send: HTMLButtonElement;
  private readonly tools = new Map<ToolName, HTMLButtonElement>();
  private t: T = (key) => key;

  constructor(foot: HTMLElement, private readonly handlers: ComposerHandlers) {
    this.choices = h('div', { class: 'choices' });
    this.input = h('input', { type: 'text', class: 'text', id: 'pa-input', autocomplete: 'off', enterkeyhint: 'send', maxlength: '200' });
    this.label = h('label', { class: 'sr', for: 'pa-input' });
    this.send = h('button', { type: 'submit', class: 'primary' });
    this.form = h('form', { class: 'form', novalidate: true }, this.label, this.input, this.send);
    const row = h('div', { class: 'tools' });
    for (const name of Object.keys(TOOL_KEYS) as ToolName[]) {
      const button = h('button', { type: 'button', class: 'tool', 'data-command': name, hidden: true });
      button.addEventListener('click', () => this.handlers.command(name));
      this.tools.set(name, button);
      row.appendChild(button);
    }
    foot.append(this.choices, this.form, row);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.handlers.type(this.input.value.trim());
    });
  }

  /** Updates the static words. */
  setTexts(t: T): void {
    this.t = t;
    this.label.textContent = t('answerLabel');
    this.send.textContent = t('send');
    for (const [name, button] of this.tools) button.textContent = t(TOOL_KEYS[name]);
  }

  /** Shows `mode`; returns the element to focus. */
  show(mode: ComposerMode): HTMLElement | undefined {
    clear(this.choices);
    this.choices.removeAttribute('data-question-id');
    for (const [name, button] of this.tools) button.hidden = mode.kind === 'idle' || !mode.tools.includes(name);
    this.form.hidden = mode.kind !== 'prompt';
    if (mode.kind !== 'prompt') {
      return mode.kind === 'tools' ? this.tools.get(mode.tools[0] as ToolName) : undefined;
    }
    const { prompt, labelId, hintId } = mode;
    this.choices.setAttribute('data-question-id', prompt.questionId);
    this.choices.setAttribute('data-kind', prompt.kind);
    this.input.setAttribute('aria-labelledby', labelId);
    this.input.placeholder = this.placeholder(prompt);
    if (hintId) {
      this.input.setAttribute('aria-invalid', 'true');
      this.input.setAttribute('aria-describedby', hintId);
    } else {
      this.input.removeAttribute('aria-invalid');
      this.input.removeAttribute('aria-describedby');
      this.input.value = '';
    }
    if (prompt.kind === 'multi') return this.multi(prompt, labelId, mode.current) ?? this.input;
    if (prompt.options?.length) {
      const group = h('div', { role: 'group', class: 'choices-group', 'aria-labelledby': labelId });
      for (const option of prompt.options) {
        const button = h('button', { type: 'button', class: 'opt', 'data-value': String(option.value) }, option.label);
        button.addEventListener('click', () => this.handlers.answer(option.value, option.label));
        group.appendChild(button);
      }
      this.choices.appendChild(group);
      // After an answer that was typed and not understood, focus stays in the text box.
      return hintId && this.input.value ? this.input : (group.firstElementChild as HTMLElement);
    }
    return this.input;
  }

  /** Checkboxes and a confirm button; an empty selection means "none of these". */
  private multi(prompt: Prompt, labelId: string, current?: string): HTMLElement | undefined {
    const sep = this.t('listSeparator');
    const legendId = uid('legend');
    const fieldset = h('fieldset', { 'aria-labelledby': labelId, 'aria-describedby': legendId }, h('legend', { id: legendId }, this.t('multiHint')));
    const boxes: { input: HTMLInputElement; value: unknown; label: string }[] = [];
    for (const option of prompt.options ?? []) {
      const input = h('input', { type: 'checkbox', value: String(option.value) });
      input.checked = current !== undefined && (sep + current + sep).includes(sep + option.label + sep);
      boxes.push({ input, value: option.value, label: option.label });
      fieldset.appendChild(h('label', { class: 'check' }, input, h('span', {}, option.label)));
    }
    const confirm = h('button', { type: 'button', class: 'primary confirm' }, this.t('confirm'));
    confirm.addEventListener('click', () => {
      const chosen = boxes.filter((b) => b.input.checked);
      const shown = chosen.length ? chosen.map((b) => b.label).join(sep) : this.t('noneSelected');
      this.handlers.answer(
        chosen.map((b) => b.value),
        shown,
      );
    });
    this.choices.append(fieldset, confirm);
    return boxes[0]?.input;
  }

  private placeholder(prompt: Prompt): string {
    if (prompt.kind === 'number') return prompt.example ? this.t('placeholder.example', { example: prompt.example }) : this.t(`placeholder.${prompt.unit ?? 'number'}`);
    if (prompt.kind === 'date') return this.t('placeholder.date');
    return this.t('placeholder.other');
  }
}
