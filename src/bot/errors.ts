/**
 * When handling an update fails: a log line without personal data (no message text, no names or usernames;
 * the chat only as a keyed pseudonym), and a short apology to the user in their language rather than silence.
 * An unreachable session store gets its own message ("try again in a few minutes"); the bot keeps running.
 */
import { type BotError, type Context, GrammyError, HttpError } from 'grammy';
import { StoreUnavailableError } from '../store/types.js';
import type { ChatKeys } from './keys.js';
import { botText, langOfUser } from './lang.js';

/** Where the bot writes its log lines (one JSON object each). */
export type BotLogger = (entry: Readonly<Record<string, unknown>>) => void;

/** The default logger: one JSON line on stderr. */
export const stderrLogger: BotLogger = (entry) => {
  console.error(JSON.stringify({ time: new Date().toISOString(), component: 'telegram', ...entry }));
};

/** Whether `error` (or its cause) says the session store cannot be reached. */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof StoreUnavailableError || (error instanceof Error && error.cause instanceof StoreUnavailableError);
}

/** The update's kind, for logs ("message", "callback_query" …). */
function updateKind(ctx: Context): string {
  return Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
}

/**
 * What is safe to log about an error: its class, and for Bot API errors the method and code. Messages of other
 * errors are left out, since they may quote input.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) return { error: 'GrammyError', method: error.method, code: error.error_code };
  if (error instanceof HttpError) return { error: 'HttpError' };
  if (error instanceof Error) return { error: error.name };
  return { error: typeof error };
}

/** The apology for `error`, in the user's language. */
export function apologyFor(ctx: Context, error: unknown): string {
  const b = botText(langOfUser(ctx.from?.language_code));
  return b(isStoreUnavailable(error) ? 'errors.storeUnavailable' : 'errors.generic');
}

/** Logs a failed update without personal data. */
export function logFailure(log: BotLogger, keys: ChatKeys, ctx: Context, error: unknown): void {
  log({
    level: isStoreUnavailable(error) ? 'warn' : 'error',
    msg: isStoreUnavailable(error) ? 'session store unavailable' : 'update failed',
    update: ctx.update.update_id,
    kind: updateKind(ctx),
    ...(ctx.chat ? { chat: keys.log(ctx.chat.id) } : {}),
    ...describeError(error),
  });
}

/** Tells the user, briefly; never throws (the chat may be gone, or the API unreachable). */
export async function apologise(ctx: Context, error: unknown): Promise<void> {
  if (!ctx.chat) return;
  try {
    await ctx.reply(apologyFor(ctx, error));
  } catch {
    // Nothing more can be done for this update.
  }
}

/** The handler for `bot.catch`: log, apologise, keep running. */
export function errorHandler(log: BotLogger, keys: ChatKeys) {
  return async (err: BotError<Context>): Promise<void> => {
    logFailure(log, keys, err.ctx, err.error);
    await apologise(err.ctx, err.error);
  };
}
