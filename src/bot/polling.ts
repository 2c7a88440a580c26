/**
 * Long polling with `@grammyjs/runner`: updates of different chats are handled concurrently, those of one chat
 * in order (`sequentialize` is installed by `createBot`).
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Transformer } from 'grammy';

/** Options of {@link startPolling}. */
export interface PollingOptions {
  /**
   * How long to wait after an empty batch of updates before asking again; default 250 ms. Telegram holds a
   * long poll open for up to `timeoutSeconds` and returns an empty batch only after that, so the pause is
   * invisible there; a Bot API server that answers at once (a test emulator) would otherwise be asked in a
   * tight loop.
   */
  idleMs?: number;
  /** Long-polling timeout asked of Telegram; default 30 s. */
  timeoutSeconds?: number;
}

/** Pauses after an empty `getUpdates` (see {@link PollingOptions.idleMs}); returns at once when aborted. */
export function idlePause(ms: number): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (ms > 0 && method === 'getUpdates' && result.ok && Array.isArray(result.result) && result.result.length === 0) {
      await pause(ms, signal);
    }
    return result;
  };
}

/** Waits `ms`, or less if `signal` aborts (the runner is stopping). */
function pause(ms: number, signal: Pick<AbortSignal, 'aborted' | 'addEventListener' | 'removeEventListener'> | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

/**
 * Checks the token (getMe), removes any webhook (Telegram refuses getUpdates while one is set) and starts the
 * runner; rejects if Telegram refuses or cannot be reached. `handle.stop()` stops fetching and waits for the
 * updates in progress.
 */
export async function startPolling(bot: Bot, options: PollingOptions = {}): Promise<RunnerHandle> {
  await bot.init();
  await bot.api.deleteWebhook();
  bot.api.config.use(idlePause(options.idleMs ?? 250));
  return run(bot, {
    runner: { fetch: { timeout: options.timeoutSeconds ?? 30, allowed_updates: ['message', 'callback_query'] } },
  });
}
