/**
 * The registry of messaging channels the composition root (`src/main.ts`) starts AFTER the web server listens:
 * each runs under its own {@link ChannelSupervisor}, so none of them can delay or take down the web product,
 * and `/readyz` reports their states without failing because of one.
 *
 *     const channels = new ChannelRegistry({ log });
 *     channels.add(telegramChannel(...));        // or any other Channel (WeChat's access-token refresher, …)
 *     createApp({ …, channels: () => channels.states() });
 *     server.listen(…, () => channels.start());
 *     await channels.stop();                     // at shutdown
 */
import { type Channel, type ChannelLog, type ChannelState, ChannelSupervisor, type SupervisorOptions } from './channel.js';

export {
  CHANNEL_STATES,
  type Channel,
  type ChannelConnection,
  type ChannelLink,
  type ChannelLog,
  type ChannelState,
  ChannelSupervisor,
  reasonOf,
  type SupervisorOptions,
} from './channel.js';

/** Every channel of the process, each under its supervisor. */
export class ChannelRegistry {
  readonly #options: SupervisorOptions;
  readonly #supervisors: ChannelSupervisor[] = [];
  #started = false;

  constructor(options: SupervisorOptions & { log?: ChannelLog } = {}) {
    this.#options = options;
  }

  /** Adds a channel (started with the others, or at once if they already are). Names must be unique. */
  add(channel: Channel): this {
    if (this.#supervisors.some((s) => s.name === channel.name)) throw new Error(`a channel named ${channel.name} is already registered`);
    const supervisor = new ChannelSupervisor(channel, this.#options);
    this.#supervisors.push(supervisor);
    if (this.#started) supervisor.start();
    return this;
  }

  /** The names of the registered channels, in order. */
  get names(): string[] {
    return this.#supervisors.map((s) => s.name);
  }

  /** Each channel's state, by name (`{ telegram: 'connecting' }`); empty without channels. */
  states(): Record<string, ChannelState> {
    return Object.fromEntries(this.#supervisors.map((s) => [s.name, s.state]));
  }

  /** Starts every channel in the background; returns at once. */
  start(): void {
    this.#started = true;
    for (const supervisor of this.#supervisors) supervisor.start();
  }

  /** Stops every channel (in parallel); never rejects. */
  async stop(): Promise<void> {
    await Promise.allSettled(this.#supervisors.map((s) => s.stop()));
  }
}
