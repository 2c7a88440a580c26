/**
 * A conversation view as Telegram messages: what the last input changed (a notice about the session, a hint
 * why an answer was not taken, conditions the answer left unmet), then the question with its keyboard, or the
 * result split into as many messages as it needs with the results keyboard under the last one; the answers
 * given so far with their Change buttons; and the prompt that asks an earlier question again.
 * Everything here is HTML with every dynamic string escaped.
 */
import type { InlineKeyboard } from 'grammy';
import { compiledTranslator } from '../i18n/compiled.js';
import type { AnswerSummary } from '../flows/conversation.js';
import type { Prompt } from '../flows/prompts.js';
import type { SessionView } from '../flows/sessions.js';
import type { PendingChange } from './callbacks.js';
import { escapeHtml, splitMessage, tag } from './html.js';
import { answersKeyboard, changeKeyboard, stepKeyboard } from './keyboards.js';
import { botText } from './lang.js';
import { renderResult } from './report.js';

/** One message to send. `questionId` marks the message whose keyboard answers that question. */
export interface OutgoingMessage {
  html: string;
  keyboard?: InlineKeyboard;
  questionId?: string;
}

/** What to say before the view itself (already plain text; escaped here). */
export interface RenderOptions {
  intro?: readonly string[];
  /** A plain line with the link to the full result page, said under the result summary. */
  link?: string;
}

/** The lines that report on the last input: notice, intro, why it was not taken, how it was taken, and unmet conditions. */
function leadLines(view: SessionView, intro: readonly string[]): string[] {
  return [
    ...(view.notice ? [`ℹ️ ${escapeHtml(view.notice)}`] : []),
    ...intro.map(escapeHtml),
    ...(view.error ? [`⚠️ ${escapeHtml(view.error.message)}`] : []),
    ...(view.taken ? [`✔️ ${escapeHtml(view.taken)}`] : []),
    ...view.feedback.map((line) => `📌 ${escapeHtml(line)}`),
  ];
}

/** The question: progress, text, help, and how to answer it. */
export function promptHtml(view: SessionView): string {
  const prompt = view.prompt;
  if (!prompt) return '';
  const lines: string[] = [];
  // From the first question on, the text being applied is said (changeable with the button under it).
  if (view.applying && view.state === 'interviewing' && view.answers.length === 0) lines.push(`📘 ${escapeHtml(view.applying.text)}`);
  if (prompt.progress) lines.push(tag('i', prompt.progress.text));
  lines.push(tag('b', prompt.text));
  if (prompt.help && prompt.help !== prompt.text) lines.push(escapeHtml(prompt.help));
  if (view.state === 'interviewing') lines.push(`👉 ${escapeHtml(botText(view.lang)(`hints.${prompt.kind}`, { example: prompt.example ?? '' }))}`);
  return lines.join('\n');
}

/** The messages that show `view`. */
export function renderView(view: SessionView, options: RenderOptions = {}): OutgoingMessage[] {
  const lead = leadLines(view, options.intro ?? []);
  if (view.state === 'results' && view.result) {
    const tf = compiledTranslator(view.lang, 'flow');
    const opening = view.pending > 0 ? tf('results.early', { count: view.pending }) : tf('results.ready');
    const chunks = renderResult(view.result, [opening]);
    const leadChunks = lead.length > 0 ? splitMessage(lead.join('\n')) : [];
    const linkChunks = options.link ? [escapeHtml(options.link)] : [];
    const messages: OutgoingMessage[] = [...leadChunks, ...chunks, ...linkChunks].map((html) => ({ html }));
    const last = messages.at(-1);
    if (last) last.keyboard = stepKeyboard(view);
    return messages;
  }
  const body = [lead.join('\n'), promptHtml(view)].filter((part) => part !== '').join('\n\n');
  if (body === '') return [];
  const chunks = splitMessage(body);
  const messages: OutgoingMessage[] = chunks.map((html) => ({ html }));
  const last = messages.at(-1);
  const keyboard = stepKeyboard(view);
  if (last && keyboard) {
    last.keyboard = keyboard;
    if (view.prompt) last.questionId = view.prompt.questionId;
  }
  return messages;
}

/**
 * The answers given so far, numbered ("3. 园区建筑面积是多少？ — <b>12,000 平方米</b>"; 不清楚 / Don't know for a
 * skipped one), split into messages as needed, with the Change buttons under the last one.
 */
export function renderAnswers(view: SessionView): OutgoingMessage[] {
  const b = botText(view.lang);
  if (view.answers.length === 0) return [{ html: escapeHtml(b('answers.none')) }];
  const lines = view.answers.map((a, i) => `${i + 1}. ${escapeHtml(a.question)} — ${a.skipped ? tag('i', a.answer) : tag('b', a.answer)}`);
  const html = [tag('b', b('answers.heading')), escapeHtml(b('answers.howTo')), lines.join('\n')].join('\n\n');
  const messages: OutgoingMessage[] = splitMessage(html).map((chunk) => ({ html: chunk }));
  const last = messages.at(-1);
  const keyboard = answersKeyboard(view);
  if (last && keyboard) last.keyboard = keyboard;
  return messages;
}

/** How to present a change prompt. */
export interface ChangeRenderOptions {
  /** The selection to start a multi choice from (a bit mask of the options). */
  mask?: number;
  /** Plain lines said before it. */
  intro?: readonly string[];
}

/**
 * Asks `entry`'s question again: what the view reports (a hint why the last change was not taken), the current
 * answer, the question with its help and how to answer it, and the change keyboard. `questionId` of the message
 * is the question being changed, so that its keyboard is marked with the new answer once taken.
 */
export function renderChange(view: SessionView, prompt: Prompt, entry: AnswerSummary, change: PendingChange, options: ChangeRenderOptions = {}): OutgoingMessage[] {
  const b = botText(view.lang);
  const lead = leadLines(view, options.intro ?? []);
  const ask = [
    tag('b', b('change.heading')),
    `${escapeHtml(b('change.current'))}${entry.skipped ? tag('i', entry.answer) : tag('b', entry.answer)}`,
    '',
    tag('b', prompt.text),
    ...(prompt.help && prompt.help !== prompt.text ? [escapeHtml(prompt.help)] : []),
    `👉 ${escapeHtml(b(`hints.${prompt.kind}`, { example: prompt.example ?? '' }))}`,
    escapeHtml(b('change.cancelHint')),
  ].join('\n');
  const chunks = splitMessage([lead.join('\n'), ask].filter((part) => part !== '').join('\n\n'));
  const messages: OutgoingMessage[] = chunks.map((html) => ({ html }));
  const last = messages.at(-1);
  if (last) {
    last.keyboard = changeKeyboard(view.lang, prompt, change, options.mask ?? 0);
    last.questionId = entry.questionId;
  }
  return messages;
}
