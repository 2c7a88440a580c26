/**
 * Conversations kept in a session store: create one, send it an event, read where it stands. Every turn is
 * restore → send → persist under optimistic concurrency, so two answers arriving at once for one session both
 * take effect (the later one is re-applied to the state the earlier one left) and neither corrupts it; and any
 * process sharing the store can serve the next turn. A stored conversation of an older shape (after an upgrade)
 * restarts politely instead of failing.
 */
import { randomFillSync } from 'node:crypto';
import { compiledTranslator } from '../i18n/compiled.js';
import { DEFAULT_LANG, type Lang } from '../i18n/index.js';
import { todayInChina } from '../rules/dates.js';
import { type Facts, FactsSchema } from '../rules/facts.js';
import type { JurisdictionId } from '../rules/types.js';
import { encodePayload, type SessionStore, type StoredSession, storedFromJson, updateWithRetry } from '../store/types.js';
import {
  advanceConversation,
  contextOf,
  describeConversation,
  IncompatibleConversationError,
  type LiveConversation,
  SCHEMA_VERSION,
  startConversation,
  type View,
} from './conversation.js';
import type { ConversationEvent } from './machine.js';
import { Recent } from './recent.js';
import { newlySkipped, type SessionObserver, summarizeResult, type TurnInfo, waitingOf, type WaitingAt } from './observers.js';

export { combineObservers, type CreatedInfo, type ResultSummary, type SessionObserver, summarizeResult, type TurnInfo, type WaitingAt } from './observers.js';

/**
 * Sessions whose last write is remembered (see `Written`: a few KB of heap each, shared with what the turn made):
 * more than the conversations a process serves at once, a few MB at most. A session not among them is read and
 * validated from the store, as any other.
 */
const WRITTEN_LIMIT = 1_000;

/**
 * What this process last wrote for a session: the JSON text, the payload it was made from, and the conversation as
 * that turn left it. While the store gives back exactly that text (compare-and-set: nobody wrote since), the next
 * turn goes on from the live conversation and the payload — nothing to parse, restore or validate again; any other
 * text (another process's write, a change behind this one's back) is read from the store and validated.
 */
interface Written {
  /** What the store returned for the write (its version and text). */
  stored: StoredSession<SessionData>;
  data: SessionData;
  live: LiveConversation;
}

/** Turns of one session that collide are retried this often before the caller is told (409). */
const SEND_ATTEMPTS = 10;

/** What a session stores: the machine's persisted snapshot, how the conversation was opened, and its tally. */
interface SessionData {
  conversation: unknown;
  opened: OpenOptions;
  /** What observers were last told (absent in sessions stored before it existed: they start counting afresh). */
  tally?: Tally;
}

/**
 * What the session remembers so that observers can count without ids: where the conversation waited after its
 * last turn and on which day (so a counter of open conversations can move from there to where it waits now),
 * and the jurisdictions it has entered and reached a result for (each counted once per conversation).
 */
interface Tally {
  day: string;
  waiting: WaitingAt | null;
  entered: JurisdictionId[];
  resulted: JurisdictionId[];
}

/** How a conversation is opened. */
export interface OpenOptions {
  jurisdiction?: JurisdictionId;
  lang?: Lang;
  /** The assessment date (`YYYY-MM-DD`); default: today in China. */
  date?: string;
}

/** What a conversation has gathered (see `ConversationSessions.gathered`). */
export interface Gathered {
  jurisdiction: JurisdictionId | null;
  lang: Lang;
  date: string;
  facts: Facts;
}

/** A view that may carry a notice about the session itself (restarted after an upgrade). */
export type SessionView = View & { notice?: string };

/** Where a conversation is held, told by its session id's prefix (`tg_` Telegram, `wx_` WeChat, else the web). */
export type SessionChannel = 'web' | 'telegram' | 'wechat';

/** The channel a session id belongs to. */
export function channelOfSession(id: string): SessionChannel {
  if (id.startsWith('tg_')) return 'telegram';
  if (id.startsWith('wx_')) return 'wechat';
  return 'web';
}

/**
 * 128 random bits, URL-safe: unguessable session ids. Drawn from a pool filled by the same CSPRNG 256 ids at a
 * time, each byte used once (as Node's own `randomUUID` does): a call to `randomBytes` per id measured 6–8 µs here.
 */
export function newSessionId(): string {
  if (idPoolAt === ID_POOL.length) {
    randomFillSync(ID_POOL);
    idPoolAt = 0;
  }
  const id = ID_POOL.toString('base64url', idPoolAt, idPoolAt + 16);
  idPoolAt += 16;
  return id;
}
const ID_POOL = Buffer.alloc(16 * 256);
let idPoolAt = ID_POOL.length;

/** `written`, if the store's `stored` is still exactly that write (the same text: nobody wrote since). */
function stillAsWritten(written: Written | undefined, stored: StoredSession<SessionData>): Written | undefined {
  return written !== undefined && stored.json !== undefined && written.stored.json === stored.json ? written : undefined;
}

/** Conversations over a session store. */
export class ConversationSessions {
  readonly #store: SessionStore;
  readonly #today: () => string;
  readonly #observer: SessionObserver;
  /** What this process last wrote per session, for the sessions it served most recently. */
  readonly #written = new Recent<string, Written>(WRITTEN_LIMIT);

  constructor(store: SessionStore, today: () => string = todayInChina, observer: SessionObserver = {}) {
    this.#store = store;
    this.#today = today;
    this.#observer = observer;
  }

  /** Opens a conversation under a new id. */
  async create(options: OpenOptions = {}, id = newSessionId()): Promise<{ id: string; view: SessionView }> {
    const { persisted, view, live } = this.#open(options);
    const day = this.#today();
    const waiting = waitingOf(view);
    const tally: Tally = { day, waiting, entered: view.jurisdiction ? [view.jurisdiction] : [], resulted: [] };
    const data: SessionData = { conversation: persisted, opened: options, tally };
    const created = await this.#store.create<SessionData>(id, SCHEMA_VERSION, data);
    if (!created) throw new Error('session id collision');
    // The text the stores write (a store that wrote other text would only be read and validated next turn).
    if (live) this.#written.set(id, { stored: storedFromJson(1, SCHEMA_VERSION, encodePayload(data), ''), data, live });
    this.#observer.created?.({ channel: channelOfSession(id), day, waiting, ...(view.jurisdiction ? { started: view.jurisdiction } : {}) });
    return { id, view };
  }

  /** Where a conversation stands; undefined when there is no such session (or it expired). */
  async get(id: string, withResult = false): Promise<SessionView | undefined> {
    const stored = await this.#store.get<SessionData>(id);
    if (!stored) return undefined;
    if (stored.schemaVersion !== SCHEMA_VERSION) return this.#restart(id, stored.data);
    const own = stillAsWritten(this.#written.get(id), stored);
    try {
      return describeConversation(own?.live ?? stored.data.conversation, withResult);
    } catch (error) {
      if (error instanceof IncompatibleConversationError) return this.#restart(id, stored.data);
      throw error;
    }
  }

  /** Applies `event`; undefined when there is no such session. */
  async send(id: string, event: ConversationEvent, withResult = false): Promise<SessionView | undefined> {
    let turn: { view: View; info: Omit<TurnInfo, 'channel'>; data: SessionData; live: LiveConversation } | undefined;
    const day = this.#today();
    // As this process last wrote it: written over without reading it first, unless somebody wrote since.
    const mine = this.#written.get(id);
    try {
      const written = await updateWithRetry<SessionData>(
        this.#store,
        id,
        SCHEMA_VERSION,
        (current) => {
          const own = stillAsWritten(mine, current);
          const before = own?.data ?? current.data;
          const next = advanceConversation(own?.live ?? before.conversation, event, withResult);
          const told = this.#tell(before, next.persisted, next.view, day);
          const data: SessionData = { ...before, conversation: next.persisted, tally: told.tally };
          turn = { view: next.view, info: told.info, data, live: next.live };
          return data;
        },
        SEND_ATTEMPTS,
        mine?.stored,
      );
      if (written && turn) {
        if (written.json !== undefined) this.#written.set(id, { stored: written, data: turn.data, live: turn.live });
        this.#observer.turn?.({ ...turn.info, channel: channelOfSession(id) });
        return turn.view;
      }
    } catch (error) {
      if (!(error instanceof IncompatibleConversationError)) throw error;
    }
    // Not written: the session is absent, stored under another schema version, or damaged.
    const stored = await this.#store.get<SessionData>(id);
    return stored ? this.#restart(id, stored.data) : undefined;
  }

  /**
   * What the conversation has gathered — jurisdiction, language, assessment date and facts — for channels that
   * build something from it (Word documents); undefined when there is no such session or it cannot be read.
   * Reading does not touch the session (no turn, no new expiry).
   */
  async gathered(id: string): Promise<Gathered | undefined> {
    const stored = await this.#store.get<SessionData>(id);
    if (!stored || stored.schemaVersion !== SCHEMA_VERSION) return undefined;
    try {
      const context = contextOf(stored.data.conversation);
      const facts = FactsSchema.safeParse(context.facts);
      if (!facts.success) return undefined;
      return { jurisdiction: context.jurisdiction, lang: context.lang, date: context.date, facts: facts.data };
    } catch {
      return undefined;
    }
  }

  /** The stored conversation's language, for channels that answer outside the flow (errors, notices). */
  async langOf(id: string): Promise<Lang | undefined> {
    const stored = await this.#store.get<SessionData>(id);
    if (!stored) return undefined;
    try {
      return contextOf(stored.data.conversation).lang ?? stored.data.opened?.lang;
    } catch {
      return stored.data?.opened?.lang;
    }
  }

  /** What observers are told about a turn, and the tally the session keeps for the next one. */
  #tell(before: SessionData, persisted: unknown, view: View, day: string): { info: Omit<TurnInfo, 'channel'>; tally: Tally } {
    const previous = before.tally;
    const waiting = waitingOf(view);
    const entered = previous?.entered ?? [];
    const resulted = previous?.resulted ?? [];
    const j = view.jurisdiction;
    const started = j && !entered.includes(j) ? j : undefined;
    const firstResult = j && view.state === 'results' && view.result && !resulted.includes(j) ? summarizeResult(view.result) : undefined;
    const info: Omit<TurnInfo, 'channel'> = {
      jurisdiction: j,
      state: view.state,
      ...(view.result ? { verdict: view.result.verdict } : {}),
      day,
      ...(started ? { started } : {}),
      ...(firstResult ? { firstResult } : {}),
      waiting,
      unknownFacts: newlySkipped(before.conversation, persisted),
      waitedBefore: previous?.waiting ? { at: previous.waiting, day: previous.day } : null,
    };
    const tally: Tally = {
      day,
      waiting,
      entered: started ? [...entered, started] : entered,
      resulted: firstResult ? [...resulted, firstResult.jurisdiction] : resulted,
    };
    return { info, tally };
  }

  #open(options: OpenOptions) {
    return startConversation({
      ...(options.jurisdiction ? { jurisdiction: options.jurisdiction } : {}),
      lang: options.lang ?? DEFAULT_LANG,
      date: options.date ?? this.#today(),
    });
  }

  /** Replaces an incompatible stored conversation with a fresh one opened the same way, and says so. */
  async #restart(id: string, data: Partial<SessionData> | undefined): Promise<SessionView> {
    const opened: OpenOptions = data?.opened ?? {};
    const { persisted, view } = this.#open(opened);
    await this.#store.delete(id);
    await this.#store.create<SessionData>(id, SCHEMA_VERSION, { conversation: persisted, opened });
    return { ...view, notice: compiledTranslator(view.lang, 'flow')('session.restarted') };
  }
}
