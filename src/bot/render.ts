/**
 * A conversation view as Telegram messages: what the last input changed (a notice about the session, a hint
 * why an answer was not taken, conditions the answer left unmet), then the question with its keyboard, or the
 * result split into as many messages as it needs with the results keyboard under the last one.
 * Everything here is HTML with every dynamic string escaped.
 */
import type { InlineKeyboard } from 'grammy';
import { compiledTranslator } from '../i18n/compiled.js';
import type { SessionView } from '../flows/sessions.js';
import { escapeHtml, splitMessage, tag } from './html.js';
import { stepKeyboard } from './keyboards.js';
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
}

/** The lines that report on the last input: notice, intro, why it was not taken, and unmet conditions. */
function leadLines(view: SessionView, intro: readonly string[]): string[] {
  return [
    ...(view.notice ? [`ℹ️ ${escapeHtml(view.notice)}`] : []),
    ...intro.map(escapeHtml),
    ...(view.error ? [`⚠️ ${escapeHtml(view.error.message)}`] : []),
    ...view.feedback.map((line) => `📌 ${escapeHtml(line)}`),
  ];
}

/** The question: progress, text, help, and how to answer it. */
export function promptHtml(view: SessionView): string {
  const prompt = view.prompt;
  if (!prompt) return '';
  const lines: string[] = [];
  if (prompt.progress) lines.push(tag('i', prompt.progress.text));
  lines.push(tag('b', prompt.text));
  if (prompt.help && prompt.help !== prompt.text) lines.push(escapeHtml(prompt.help));
  if (view.state === 'interviewing') lines.push(`👉 ${escapeHtml(botText(view.lang)(`hints.${prompt.kind}`))}`);
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
    const messages: OutgoingMessage[] = [...leadChunks, ...chunks].map((html) => ({ html }));
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
