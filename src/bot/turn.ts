/**
 * One update's dealings with its chat: the chat's language and record, the conversation (created again, with a
 * notice, if it expired), events sent to it, and the messages that show where it stands. Keeps exactly one live
 * keyboard per chat: when the conversation moves on, the previous keyboard is marked with the answer it took
 * ("✓ 12,000 平方米") or removed, so old buttons neither linger nor invite a second press. A change of an
 * earlier answer is pending while its prompt carries the live keyboard: retiring that keyboard drops it.
 */
import { type Context, type InlineKeyboard, InputFile } from 'grammy';
import type { AnswerSummary } from '../flows/conversation.js';
import type { ConversationEvent } from '../flows/machine.js';
import type { Prompt } from '../flows/prompts.js';
import type { ConversationSessions, SessionView } from '../flows/sessions.js';
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { AssessmentResult } from '../rules/evaluate.js';
import type { JurisdictionId } from '../rules/types.js';
import { type ResultLinks, resultLinkLine } from '../server/result-page.js';
import type { SessionStore } from '../store/types.js';
import { type PendingChange, stepToken } from './callbacks.js';
import type { ChatRecord, ChatRecords } from './chat-record.js';
import type { FileDownload } from './documents.js';
import { escapeHtml } from './html.js';
import type { ChatKeys } from './keys.js';
import { answeredKeyboard, noKeyboard } from './keyboards.js';
import { botText, langOfUser } from './lang.js';
import { type OutgoingMessage, renderAnswers, renderChange, renderView } from './render.js';
import { checklistMarkdown, renderChecklist } from './report.js';

/** What a turn needs. */
export interface TurnDeps {
  sessions: ConversationSessions;
  store: SessionStore;
  keys: ChatKeys;
  records: ChatRecords;
  /** Result pages (PUBLIC_URL): a link to the full result goes under the result summary. */
  links?: ResultLinks;
  /** Fetches a file the user sent (a Word file to read answers from). */
  download: FileDownload;
}

/** An answer the conversation just took, to mark on the keyboard that asked for it. */
export interface Answered {
  questionId: string;
  answer: string;
}

/** How to present a view. */
export interface PresentOptions {
  /** Plain lines said before the view. */
  intro?: readonly string[];
  /** The answer just taken: its question's keyboard is marked with it instead of removed. */
  answered?: Answered;
  /** The message whose button was pressed (retired as well, if it is not the live keyboard). */
  pressed?: number;
}

/** How to ask an earlier question again. */
export interface ChangeOptions {
  /** Plain lines said before the prompt. */
  intro?: readonly string[];
  /** The message whose button was pressed (its keyboard is removed). */
  pressed?: number;
  /** The selection a multi choice starts from. */
  mask?: number;
}

const SEND_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** One update's turn in a chat. */
export class ChatTurn {
  readonly #ctx: Context;
  readonly #deps: TurnDeps;
  readonly chatId: number;
  readonly sessionId: string;
  #record: ChatRecord;
  #saved: string;
  #lang: Lang;

  private constructor(ctx: Context, deps: TurnDeps, chatId: number, record: ChatRecord) {
    this.#ctx = ctx;
    this.#deps = deps;
    this.chatId = chatId;
    this.sessionId = deps.keys.session(chatId);
    this.#record = record;
    this.#saved = JSON.stringify(record);
    this.#lang = record.lang ?? langOfUser(ctx.from?.language_code);
  }

  /** Opens the turn of the update's chat (which the caller has checked exists). */
  static async open(ctx: Context, deps: TurnDeps): Promise<ChatTurn> {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) throw new Error('update without a chat');
    return new ChatTurn(ctx, deps, chatId, await deps.records.get(chatId));
  }

  /** The language this turn speaks: chosen with /lang, else the user's Telegram language. */
  get lang(): Lang {
    return this.#lang;
  }

  /** The bot's strings in this turn's language. */
  get text() {
    return botText(this.#lang);
  }

  /** A fresh conversation (replacing any), optionally preset to a jurisdiction (a deep link). */
  async startFresh(jurisdiction?: JurisdictionId): Promise<SessionView> {
    await this.#deps.store.delete(this.sessionId);
    const { view } = await this.#deps.sessions.create({ lang: this.#lang, ...(jurisdiction ? { jurisdiction } : {}) }, this.sessionId);
    return view;
  }

  /**
   * Where the conversation stands, in this turn's language; `created` when there was none (it expired, or the
   * user never sent /start) and a new one was opened, with a notice saying so.
   */
  async current(withResult = false): Promise<{ view: SessionView; created: boolean }> {
    const view = await this.#deps.sessions.get(this.sessionId, withResult);
    if (!view) return { view: await this.#reopen(), created: true };
    if (view.lang === this.#lang) return { view, created: false };
    const relabelled = await this.#deps.sessions.send(this.sessionId, { type: 'SET_LANG', lang: this.#lang }, withResult);
    return relabelled ? { view: relabelled, created: false } : { view: await this.#reopen(), created: true };
  }

  /** Applies `event`; if the conversation vanished meanwhile, a new one is opened (with a notice). */
  async send(event: ConversationEvent, withResult = false): Promise<SessionView> {
    const view = await this.#deps.sessions.send(this.sessionId, event, withResult);
    if (!view) return this.#reopen();
    if (view.lang !== this.#lang) {
      // The user named a language at the opening ("English"): that counts as choosing it.
      this.#lang = view.lang;
      this.#record.lang = view.lang;
    }
    return view;
  }

  /** Switches to `lang` for good (until changed again), and returns the conversation in it. */
  async chooseLanguage(lang: Lang): Promise<SessionView> {
    this.#lang = lang;
    this.#record.lang = lang;
    const { view } = await this.current();
    return view;
  }

  async #reopen(): Promise<SessionView> {
    const { view } = await this.#deps.sessions.create({ lang: this.#lang }, this.sessionId);
    return { ...view, notice: compiledTranslator(this.#lang, 'flow')('session.expired') };
  }

  /** Shows `view`: retires the previous keyboard, sends the messages, remembers the new live keyboard. */
  async present(view: SessionView, options: PresentOptions = {}): Promise<void> {
    await this.retire(options.pressed, options.answered);
    const links = this.#deps.links;
    const link = links && view.state === 'results' && view.result ? resultLinkLine(view.lang, await links.create(view.result), links.hours) : undefined;
    this.#record.keyboard = await this.#sendAll(renderView(view, { intro: options.intro ?? [], ...(link ? { link } : {}) }));
    await this.save();
  }

  /** Sends `messages`; returns the last keyboard sent (the new live one), if any. */
  async #sendAll(messages: readonly OutgoingMessage[]): Promise<ChatRecord['keyboard']> {
    let live: ChatRecord['keyboard'];
    for (const message of messages) {
      const sent = await this.#ctx.api.sendMessage(this.chatId, message.html, { ...SEND_OPTIONS, ...(message.keyboard ? { reply_markup: message.keyboard } : {}) });
      if (message.keyboard) live = { messageId: sent.message_id, ...(message.questionId ? { questionId: message.questionId } : {}) };
    }
    return live;
  }

  /**
   * Sends the answers given so far with their Change buttons. The list does not take the live keyboard: the
   * question being asked keeps its buttons, and the list's buttons stop counting once the conversation moves on.
   */
  async sendAnswers(view: SessionView): Promise<void> {
    await this.#sendAll(renderAnswers(view));
  }

  /** The change of an earlier answer this chat has pending, if any (check it with `isChangePending`). */
  get change(): PendingChange | undefined {
    return this.#record.change;
  }

  /** Forgets the pending change (the conversation moved on, or the user cancelled). */
  async dropChange(): Promise<void> {
    this.#record.change = undefined;
    await this.save();
  }

  /**
   * Asks `entry`'s question again, as a change: retires the previous keyboard (and the pressed one), sends the
   * prompt with its change keyboard as the live one, and remembers the change as pending at `view`'s step.
   */
  async askChange(view: SessionView, entry: AnswerSummary, prompt: Prompt, options: ChangeOptions = {}): Promise<void> {
    await this.retire(options.pressed);
    const change: PendingChange = { questionId: entry.questionId, token: stepToken(view) };
    this.#record.keyboard = await this.#sendAll(
      renderChange(view, prompt, entry, change, { intro: options.intro ?? [], ...(options.mask ? { mask: options.mask } : {}) }),
    );
    this.#record.change = change;
    await this.save();
  }

  /** Sends plain text (escaped) with an optional keyboard, which becomes the live one. */
  async say(text: string, keyboard?: InlineKeyboard): Promise<void> {
    if (keyboard) await this.retire();
    const sent = await this.#ctx.api.sendMessage(this.chatId, escapeHtml(text), { ...SEND_OPTIONS, ...(keyboard ? { reply_markup: keyboard } : {}) });
    if (keyboard) {
      this.#record.keyboard = { messageId: sent.message_id };
      await this.save();
    }
  }

  /**
   * Marks (with `answered`) or removes the live keyboard and the pressed one. Failures are ignored: the
   * message may be too old to edit, or already without buttons.
   */
  async retire(pressed?: number, answered?: Answered): Promise<void> {
    const edits = new Map<number, boolean>(); // message id → mark with the answer (else remove)
    const live = this.#record.keyboard;
    if (live) edits.set(live.messageId, answered !== undefined && live.questionId === answered.questionId);
    if (pressed !== undefined) edits.set(pressed, answered !== undefined || (edits.get(pressed) ?? false));
    for (const [messageId, mark] of edits) {
      const reply_markup = mark && answered ? answeredKeyboard(this.#lang, answered.answer) : noKeyboard();
      await this.#ctx.api.editMessageReplyMarkup(this.chatId, messageId, { reply_markup }).catch(() => undefined);
    }
    if (live && edits.has(live.messageId)) this.#record.keyboard = undefined;
    // A pending change lives with its prompt's keyboard: whatever replaces that keyboard ends it.
    this.#record.change = undefined;
  }

  /** Removes the buttons of one message (pressed on an outdated keyboard); the live keyboard stays. */
  async retireOne(messageId: number): Promise<void> {
    await this.#ctx.api.editMessageReplyMarkup(this.chatId, messageId, { reply_markup: noKeyboard() }).catch(() => undefined);
    if (this.#record.keyboard?.messageId === messageId) {
      this.#record.keyboard = undefined;
      this.#record.change = undefined;
      await this.save();
    }
  }

  /** Replaces one message's keyboard (a multi-choice toggle). */
  async editKeyboard(messageId: number, keyboard: InlineKeyboard): Promise<void> {
    await this.#ctx.api.editMessageReplyMarkup(this.chatId, messageId, { reply_markup: keyboard });
  }

  /** Sends the checklist as messages and as a Markdown document. */
  async sendChecklist(result: AssessmentResult): Promise<void> {
    for (const html of renderChecklist(result)) await this.#ctx.api.sendMessage(this.chatId, html, SEND_OPTIONS);
    const document = checklistMarkdown(result);
    await this.#ctx.api.sendDocument(this.chatId, new InputFile(Buffer.from(document.content, 'utf8'), document.filename), {
      caption: botText(result.lang)('checklist.caption'),
    });
  }

  /** Writes the chat's record if this turn changed it. */
  async save(): Promise<void> {
    const now = JSON.stringify(this.#record);
    if (now === this.#saved) return;
    await this.#deps.records.set(this.chatId, this.#record);
    this.#saved = now;
  }
}
