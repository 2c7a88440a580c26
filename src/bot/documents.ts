/**
 * A Word file the user sends into the conversation (申报书, 情况说明, a table of figures): fetched from the Bot API's
 * file endpoint, read as the staff console reads one (`src/documents/read-docx.ts`, `src/flows/document-answers.ts`),
 * and put into the conversation (`src/flows/fill-in.ts`): unanswered questions take the document's answers, answers
 * given stay. The user is told what was taken, from which line, and what was kept or refused; then the next question.
 */
import type { Context } from 'grammy';
import type { Document } from 'grammy/types';
import { DOCX_TYPE } from '../documents/index.js';
import { DocumentReadError, docxLines, MAX_DOCUMENT_BYTES } from '../documents/read-docx.js';
import { answersInLines, type FoundAnswer } from '../flows/document-answers.js';
import { fillIn, type FilledIn } from '../flows/fill-in.js';
import { questionText } from '../flows/prompts.js';
import { questionById } from '../flows/questions.js';
import { todayInChina } from '../rules/dates.js';
import type { JurisdictionId } from '../rules/types.js';
import type { ChatTurn, TurnDeps } from './turn.js';

/** Lines of found answers listed at most in one message (a long report may give dozens). */
const LISTED = 20;

/** Downloads a file by the path `getFile` gave, refusing more than `maxBytes`. */
export type FileDownload = (filePath: string, maxBytes: number) => Promise<Uint8Array>;

/** Thrown by a {@link FileDownload} for a file larger than asked for. */
export class FileTooLargeError extends Error {
  constructor() {
    super('The file is larger than is read');
    this.name = 'FileTooLargeError';
  }
}

/** Downloads from `<apiRoot>/file/bot<token>/<path>` (the Bot API's file endpoint), within 30 s. */
export function botFileDownload(token: string, apiRoot = 'https://api.telegram.org'): FileDownload {
  return async (filePath, maxBytes) => {
    const response = await fetch(`${apiRoot}/file/bot${token}/${filePath}`, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`file download failed: ${response.status}`);
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw new FileTooLargeError();
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new FileTooLargeError();
    return bytes;
  };
}

/** Whether a sent document is meant as a Word file (by its type, or its name when a client sends no type). */
function isWordFile(document: Document): boolean {
  return document.mime_type === DOCX_TYPE || /\.docx$/i.test(document.file_name ?? '');
}

/** Handles a document sent into the conversation of `turn`'s chat. */
export async function onDocument(ctx: Context, turn: ChatTurn, deps: TurnDeps, document: Document): Promise<void> {
  const { view, created } = await turn.current();
  if (created) return turn.present(view);
  if (!view.jurisdiction) return turn.say(turn.text('document.chooseFirst'));
  if (!isWordFile(document)) return turn.say(turn.text('document.notWord'));
  if ((document.file_size ?? 0) > MAX_DOCUMENT_BYTES) return turn.say(turn.text('document.tooLarge', { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }));
  const lines = await linesOf(ctx, deps);
  if (typeof lines === 'string') return turn.say(turn.text(lines, { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }));
  const { found } = answersInLines(lines, todayInChina());
  const name = document.file_name ?? turn.text('document.unnamed');
  if (found.length === 0) return turn.say(turn.text('document.nothingFound', { file: name }));
  const filled = await fillIn(deps.sessions, turn.sessionId, found);
  if (!filled) return turn.present((await turn.current()).view);
  await turn.present(filled.view, { intro: [report(turn, filled, name, view.jurisdiction)] });
}

/** The document's lines, or the key of the message that says why it cannot be read. */
async function linesOf(ctx: Context, deps: TurnDeps): Promise<string[] | string> {
  try {
    const file = await ctx.getFile();
    if (!file.file_path) return 'document.unreadable';
    return await docxLines(await deps.download(file.file_path, MAX_DOCUMENT_BYTES));
  } catch (error) {
    if (error instanceof FileTooLargeError || (error instanceof DocumentReadError && error.code === 'tooLarge')) return 'document.tooLarge';
    if (error instanceof DocumentReadError) return 'document.notWord';
    return 'document.unreadable';
  }
}

/** A document's line as quoted back: a long sentence is cut (the user has the file). */
const quoted = (line: string) => (line.length > QUOTED ? `${line.slice(0, QUOTED - 1)}…` : line);
const QUOTED = 80;

/** What was done with the document's answers, in plain lines. */
function report(turn: ChatTurn, filled: FilledIn, file: string, jurisdiction: JurisdictionId): string {
  const label = (answer: FoundAnswer) => {
    const question = questionById(answer.questionId);
    return question ? questionText(question, turn.lang, jurisdiction) : answer.questionId;
  };
  const listed = (answers: readonly FoundAnswer[]) => answers.slice(0, LISTED).map((a) => turn.text('document.item', { question: label(a), answer: a.text, line: quoted(a.line) }));
  const lines = [turn.text('document.taken', { file, count: filled.taken.length }), ...listed(filled.taken)];
  if (filled.taken.length > LISTED) lines.push(turn.text('document.more', { count: filled.taken.length - LISTED }));
  if (filled.kept.length > 0) lines.push(turn.text('document.kept', { count: filled.kept.length }), ...listed(filled.kept));
  for (const { answer, message } of filled.refused) lines.push(turn.text('document.refused', { question: label(answer), answer: answer.text, why: message }));
  if (filled.notAsked.length > 0) lines.push(turn.text('document.notAsked', { count: filled.notAsked.length }));
  if (filled.taken.length > 0) lines.push(turn.text('document.check'));
  return lines.join('\n');
}
