/**
 * The ids the WeChat channel derives from an OpenID, keyed with a secret (the server token): the conversation's
 * session id, the id of a message's reply record, and the pseudonym used in logs. An OpenID never appears in
 * the store or in a log line; without the secret, none of these can be tied back to it.
 */
import { createHmac } from 'node:crypto';

/** Derives a user's ids; one instance per account. */
export class OpenIdKeys {
  readonly #secret: string;

  constructor(secret: string) {
    if (secret.length === 0) throw new RangeError('OpenIdKeys needs a non-empty secret');
    this.#secret = secret;
  }

  #mac(purpose: string, value: string): string {
    return createHmac('sha256', this.#secret).update(`${purpose}:${value}`).digest('base64url');
  }

  /** The conversation's session id for this user: `wx_` and 22 characters. */
  session(openId: string): string {
    return `wx_${this.#mac('session', openId).slice(0, 22)}`;
  }

  /** The record of one message (its MsgId, or an event's user and time): where its reply is kept. */
  message(openId: string, messageKey: string): string {
    return `wxmsg_${this.#mac('message', `${openId}:${messageKey}`).slice(0, 27)}`;
  }

  /** A short pseudonym of the user for log lines. */
  log(openId: string): string {
    return this.#mac('log', openId).slice(0, 12);
  }
}
