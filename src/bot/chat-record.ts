/**
 * What the bot remembers about a chat besides the conversation: the language the user chose with /lang (absent:
 * follow Telegram's language_code), and which message carries the live keyboard, so that the keyboard can be
 * marked or removed when the conversation moves on, and an earlier answer the user is changing (pressed Change,
 * not yet answered), so that the next answer to it is taken as a change. Kept in the same session store as the conversations (own
 * ids, same TTL), so every process serving the bot sees it.
 */
import { isLang, type Lang } from '../i18n/index.js';
import { type SessionStore, updateWithRetry } from '../store/types.js';
import type { PendingChange } from './callbacks.js';
import type { ChatKeys } from './keys.js';

/** The shape version of a stored chat record. */
const RECORD_VERSION = 1;

/** The message with the live keyboard, and the question it answers (if it is a question's keyboard). */
export interface LiveKeyboard {
  messageId: number;
  questionId?: string;
}

/** A chat's record. */
export interface ChatRecord {
  lang?: Lang;
  keyboard?: LiveKeyboard;
  /** The earlier answer being changed: the next answer to it is sent as CHANGE. */
  change?: PendingChange;
}

/** Reads and writes chat records. */
export class ChatRecords {
  readonly #store: SessionStore;
  readonly #keys: ChatKeys;

  constructor(store: SessionStore, keys: ChatKeys) {
    this.#store = store;
    this.#keys = keys;
  }

  /** The chat's record; empty when there is none (or it is of another shape). */
  async get(chatId: number): Promise<ChatRecord> {
    const stored = await this.#store.get<unknown>(this.#keys.record(chatId));
    return stored && stored.schemaVersion === RECORD_VERSION ? sanitize(stored.data) : {};
  }

  /** Replaces the chat's record. */
  async set(chatId: number, record: ChatRecord): Promise<void> {
    const id = this.#keys.record(chatId);
    const data = sanitize(record);
    if (await this.#store.create(id, RECORD_VERSION, data)) return;
    const written = await updateWithRetry(this.#store, id, RECORD_VERSION, () => data);
    if (written) return;
    // Stored under another shape version: replace it.
    await this.#store.delete(id);
    await this.#store.create(id, RECORD_VERSION, data);
  }
}

/** Keeps only well-formed fields (a stored record is data from outside this process). */
function sanitize(value: unknown): ChatRecord {
  const record: ChatRecord = {};
  if (value === null || typeof value !== 'object') return record;
  const { lang, keyboard, change } = value as { lang?: unknown; keyboard?: unknown; change?: unknown };
  if (isLang(lang)) record.lang = lang;
  if (keyboard !== null && typeof keyboard === 'object') {
    const { messageId, questionId } = keyboard as { messageId?: unknown; questionId?: unknown };
    if (Number.isSafeInteger(messageId) && (messageId as number) > 0) {
      record.keyboard = { messageId: messageId as number };
      if (typeof questionId === 'string' && questionId.length <= 80) record.keyboard.questionId = questionId;
    }
  }
  if (change !== null && typeof change === 'object') {
    const { questionId, token } = change as { questionId?: unknown; token?: unknown };
    if (typeof questionId === 'string' && questionId.length > 0 && questionId.length <= 80 && typeof token === 'string' && /^[A-Za-z0-9_-]{6}$/.test(token)) {
      record.change = { questionId, token };
    }
  }
  return record;
}
