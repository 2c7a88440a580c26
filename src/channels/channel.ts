/**
 * A messaging channel's life cycle (Telegram, WeChat's access token, …), kept apart from the web product: a
 * platform that cannot be reached — Telegram from mainland China, an outage, a revoked token — never keeps the
 * widget, the API or the staff console from serving.
 *
 * A {@link Channel} only knows how to make ONE attempt to reach its platform. The {@link ChannelSupervisor}
 * runs those attempts in the background with capped exponential backoff, keeps the channel's state
 * (`connecting` → `up` ⇄ `down`) for `/readyz`, and writes one log line when the channel goes down and one when
 * it is back — not one per failed attempt.
 */

/** `connecting`: not reached yet; `up`: serving; `down`: the platform cannot be reached (retrying). */
export type ChannelState = 'connecting' | 'up' | 'down';

/** The states `/readyz` reports. */
export const CHANNEL_STATES = ['connecting', 'up', 'down'] as const satisfies readonly ChannelState[];

/** What a channel may tell its supervisor while it runs. */
export interface ChannelLink {
  /**
   * The platform stopped answering although the connection is kept (e.g. polling requests failing while the
   * poller retries, or a token refresh that failed while the old token is still valid). Logged once per outage.
   */
  down(error: unknown): void;
  /** The platform answers again after {@link ChannelLink.down}. */
  up(): void;
  /** Aborted when the channel is being stopped: an attempt in progress should give up. */
  readonly signal: AbortSignal;
}

/** A channel as {@link Channel.connect} leaves it once it serves. */
export interface ChannelConnection {
  /**
   * Settles when the channel stops serving by itself (a poller that gave up); the supervisor then reports it
   * down and connects again. Absent, or never settling: the channel serves until stopped.
   */
  ended?: Promise<unknown>;
}

/** A messaging channel. */
export interface Channel {
  /** The key in `/readyz` (`telegram`, `wechat`) and in log lines. */
  readonly name: string;
  /**
   * One attempt to reach the platform and start serving: resolves once serving, rejects when the platform
   * cannot be reached or refuses (the supervisor waits and calls it again).
   */
  connect(link: ChannelLink): Promise<ChannelConnection | void>;
  /** Stops serving (updates in progress finish first), whatever the state; calling it again does nothing. */
  stop(): Promise<void>;
}

/** Where the supervisor's lines go: the process logger, with the channel's name in `fields`. */
export type ChannelLog = (level: 'info' | 'warn', msg: string, fields: Record<string, unknown>) => void;

/** Options of {@link ChannelSupervisor}. */
export interface SupervisorOptions {
  log?: ChannelLog;
  /** The wait after the first failed attempt; doubled after each further one. Default 1000 ms. */
  minDelayMs?: number;
  /** The longest wait between attempts. Default 60 000 ms. */
  maxDelayMs?: number;
}

/** One line for a log: the error's message only (never a stack, never a request with a token in it). */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // A Bot API URL carries the token (`/bot<token>/`): never let one reach a log line.
  return message.replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>').replace(/[\r\n]+/g, ' ').slice(0, 300);
}

/** Waits `ms`, or less if `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done);
  });
}

/** Runs one channel in the background; see the module's comment. */
export class ChannelSupervisor {
  readonly #channel: Channel;
  readonly #log: ChannelLog;
  readonly #minDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #abort = new AbortController();
  #state: ChannelState = 'connecting';
  #running: Promise<void> | undefined;

  constructor(channel: Channel, { log = () => undefined, minDelayMs = 1000, maxDelayMs = 60_000 }: SupervisorOptions = {}) {
    this.#channel = channel;
    this.#log = log;
    this.#minDelayMs = minDelayMs;
    this.#maxDelayMs = Math.max(minDelayMs, maxDelayMs);
  }

  /** The channel's name. */
  get name(): string {
    return this.#channel.name;
  }

  /** Where the channel stands now. */
  get state(): ChannelState {
    return this.#state;
  }

  /** Starts connecting in the background; returns at once. Calling it again does nothing. */
  start(): void {
    this.#running ??= this.#loop();
  }

  /** Stops retrying and stops the channel (its updates in progress finish first). */
  async stop(): Promise<void> {
    this.#abort.abort();
    // Ends a connection that serves (so that the loop waiting for it returns); an attempt in progress sees the
    // aborted signal instead, and if it connected all the same, the second stop ends that.
    await this.#channel.stop();
    await this.#running;
    await this.#channel.stop();
  }

  /** The wait before attempt `failures + 1`: doubling from the minimum, capped, with up to 10 % jitter. */
  delayMs(failures: number): number {
    const base = Math.min(this.#minDelayMs * 2 ** Math.max(0, failures - 1), this.#maxDelayMs);
    return Math.round(base * (1 + Math.random() * 0.1));
  }

  async #loop(): Promise<void> {
    const signal = this.#abort.signal;
    const link: ChannelLink = { down: (error) => this.#down(error), up: () => this.#up(), signal };
    let failures = 0;
    while (!signal.aborted) {
      try {
        const connection = await this.#channel.connect(link);
        if (signal.aborted) return;
        failures = 0;
        this.#up();
        if (connection?.ended === undefined) return; // serves until stopped
        // Whichever comes first: the connection ends by itself, or the supervisor is stopped.
        const ended = await Promise.race([
          connection.ended.then(
            () => new Error('stopped serving'),
            (error: unknown) => error,
          ),
          new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
        ]);
        if (signal.aborted) return;
        this.#down(ended);
      } catch (error) {
        if (signal.aborted) return;
        this.#down(error);
      }
      failures += 1;
      await pause(this.delayMs(failures), signal);
    }
  }

  #down(error: unknown): void {
    if (this.#state === 'down' || this.#abort.signal.aborted) return;
    this.#state = 'down';
    this.#log('warn', `${this.name}: cannot reach the platform (${reasonOf(error)}); the web product keeps serving, retrying in the background`, {
      channel: this.name,
      state: 'down',
    });
  }

  #up(): void {
    if (this.#state === 'up') return;
    const was = this.#state;
    this.#state = 'up';
    this.#log('info', was === 'down' ? `${this.name}: the platform is reachable again; the channel is back` : `${this.name}: connected`, {
      channel: this.name,
      state: 'up',
    });
  }
}
