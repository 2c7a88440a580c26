/**
 * The conversation as messages in the `role="log"` region: the assistant's questions (with their help text),
 * the user's replies, and notes (feedback on unmet conditions, hints for answers that were not understood,
 * notices about the session). Everything is inserted as text.
 */
import { clear, h, uid } from './dom.js';
import type { T } from './i18n.js';

/** Tones of a note: neutral, a warning (an unmet condition), an error (an answer not taken, a failure). */
export type Tone = 'note' | 'warn' | 'error';

/** Appends messages to the log. */
export class Transcript {
  constructor(
    private readonly log: HTMLElement,
    private readonly onChange: () => void,
  ) {}

  /** Empties the conversation. */
  clear(): void {
    clear(this.log);
  }

  /** The assistant asks (or says) `text`; returns the id of the text, to label the answer controls with. */
  bot(text: string, t: T, help?: string): string {
    const id = uid('q');
    const message = h('div', { class: 'msg bot' }, h('span', { class: 'sr' }, t('assistant')), h('p', { id }, text), help ? h('p', { class: 'help' }, help) : null);
    this.add(message);
    return id;
  }

  /** The user said `text` (exactly as typed or chosen, shown as text). */
  user(text: string, t: T): void {
    this.add(h('div', { class: 'msg user' }, h('span', { class: 'sr' }, t('you')), h('p', {}, text)));
  }

  /** A note; returns its id (an answer that was not understood is described by its hint). */
  note(text: string, tone: Tone): string {
    const id = uid('n');
    this.add(h('div', { class: `msg ${tone}`, id }, h('p', {}, text)));
    return id;
  }

  /**
   * An offer with its buttons under the note that makes it (described by it): `yes` and `no` run on a press,
   * and the buttons go away once either is pressed. Returns the first button (to focus).
   */
  offer(noteId: string, yes: { label: string; run: () => void }, no: { label: string; run: () => void }): HTMLButtonElement {
    const make = (choice: { label: string; run: () => void }, name: string) => {
      const button = h('button', { type: 'button', class: 'opt', 'data-offer': name, 'aria-describedby': noteId }, choice.label);
      button.addEventListener('click', () => {
        box.remove();
        choice.run();
      });
      return button;
    };
    const first = make(yes, 'yes');
    const box = h('div', { class: 'offer choices-group' }, first, make(no, 'no'));
    this.add(box);
    return first;
  }

  private add(message: HTMLElement): void {
    this.log.appendChild(message);
    this.onChange();
  }
}
