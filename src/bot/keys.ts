/**
 * The ids the bot derives from a chat id, keyed with a secret (by default the bot token): the conversation's
 * session id, the id of the chat's own record, and the pseudonym used in logs.
 *
 * A session is one per chat, but its id is not the bare chat id: the HTTP API serves any session whose id it is
 * given (`GET /api/sessions/:id`), and chat ids are small, guessable numbers. An HMAC of the chat id is just as
 * stable across restarts and processes and cannot be guessed without the secret. Logs carry a different HMAC,
 * so a log line cannot be tied to a session or, without the secret, to a chat.
 */
import { createHmac } from 'node:crypto';

/** Derives a chat's ids; one instance per bot. */
export class ChatKeys {
  readonly #secret: string;

  constructor(secret: string) {
    if (secret.length === 0) throw new RangeError('ChatKeys needs a non-empty secret');
    this.#secret = secret;
  }

  #mac(purpose: string, chatId: number | string): string {
    return createHmac('sha256', this.#secret).update(`${purpose}:${chatId}`).digest('base64url');
  }

  /** The conversation's session id for this chat: `tg_` and 22 characters. */
  session(chatId: number | string): string {
    return `tg_${this.#mac('session', chatId).slice(0, 22)}`;
  }

  /** The id under which the bot keeps the chat's own record (language chosen, live keyboard). */
  record(chatId: number | string): string {
    return `tgchat_${this.#mac('record', chatId).slice(0, 22)}`;
  }

  /** A short pseudonym of the chat for log lines. */
  log(chatId: number | string): string {
    return this.#mac('log', chatId).slice(0, 12);
  }
}
