/**
 * Each message is answered once, within WeChat's deadline. The platform waits 5 seconds for a reply and then
 * sends the same message again (up to three times), possibly to another instance. So the first delivery of a
 * message claims a record in the shared store and computes the reply; a repeat delivery never applies the
 * message again, but gives back the reply the first one stored (its HTTP answer may have been lost), waiting
 * for it until the deadline. When a reply is not ready by the deadline (4.5 s by default), the answer is
 * `success` (nothing) and the reply, once ready, is sent through the customer-service message API instead;
 * repeats then answer `success` too, so the user gets it exactly once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionStore } from '../store/types.js';

/** Answer by this long after a message arrived: WeChat gives up at 5 s. */
export const REPLY_DEADLINE_MS = 4500;

/** A message's record: being computed, answered passively (with the reply), or handed to customer service. */
type ReplyRecord = { state: 'pending' } | { state: 'answered'; reply: string } | { state: 'later' };

const SCHEMA = 1;

/** Options of {@link ReplyGate}. */
export interface ReplyGateOptions {
  /** The passive-reply deadline in ms (tests shorten it); default {@link REPLY_DEADLINE_MS}. */
  deadlineMs?: number;
  /** How often a repeat delivery looks for the first one's reply; default 100 ms. */
  pollMs?: number;
}

/** What a late reply is handed to, and what to tell when that fails. */
export interface LateDelivery {
  send(reply: string): Promise<void>;
  failed(error: unknown): void;
}

/** Answers each message once. */
export class ReplyGate {
  readonly #store: SessionStore;
  readonly #deadlineMs: number;
  readonly #pollMs: number;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(store: SessionStore, { deadlineMs = REPLY_DEADLINE_MS, pollMs = 100 }: ReplyGateOptions = {}) {
    this.#store = store;
    this.#deadlineMs = deadlineMs;
    this.#pollMs = pollMs;
  }

  /**
   * The passive reply to the message recorded under `recordId` ('' for `success`): computed by `compute` on
   * the first delivery, or the first delivery's reply on a repeat. A reply not ready by the deadline goes to
   * `late` when it is.
   */
  async answer(recordId: string, compute: () => Promise<string>, late: LateDelivery): Promise<string> {
    const started = Date.now();
    if (!(await this.#store.create<ReplyRecord>(recordId, SCHEMA, { state: 'pending' }))) return this.#repeat(recordId, started);
    const work = compute();
    const timer = sleep(this.#deadlineMs, 'late' as const);
    const first = await Promise.race([work.then((reply) => ({ reply })), timer]);
    if (first !== 'late') {
      await this.#store.update<ReplyRecord>(recordId, 1, SCHEMA, { state: 'answered', reply: first.reply });
      return first.reply;
    }
    await this.#store.update<ReplyRecord>(recordId, 1, SCHEMA, { state: 'later' });
    const delivery = work
      .then((reply) => (reply === '' ? undefined : late.send(reply)))
      .catch((error: unknown) => late.failed(error))
      .finally(() => this.#inFlight.delete(delivery));
    this.#inFlight.add(delivery);
    return '';
  }

  /** A repeat delivery: the stored reply when there is one, else `success` once it is handed on or too late. */
  async #repeat(recordId: string, started: number): Promise<string> {
    while (Date.now() - started < this.#deadlineMs) {
      const record = await this.#store.get<ReplyRecord>(recordId);
      if (!record || record.data.state === 'later') return '';
      if (record.data.state === 'answered') return record.data.reply;
      await sleep(this.#pollMs);
    }
    return '';
  }

  /** Waits for late replies still being computed or sent (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }
}
