/**
 * Webhook mode: an express Router that takes Telegram's POSTs at the webhook URL's path, rejects any request
 * without the right `X-Telegram-Bot-Api-Secret-Token` (401), and hands the update to the bot; and the
 * `setWebhook` call that tells Telegram where to post and which secret to send.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { type Api, type Bot, BotError, webhookCallback } from 'grammy';

/** The header Telegram sends with the secret token given to setWebhook. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** What Telegram accepts as a secret token: 1–256 of A–Z, a–z, 0–9, _ and -. */
const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * The secret token to use: the configured one (checked), or one derived from the bot token, so that every
 * process of a deployment agrees on it without configuration and it changes when the token is revoked.
 */
export function webhookSecret(botToken: string, configured?: string): string {
  if (configured !== undefined && configured !== '') {
    if (!SECRET_FORMAT.test(configured)) throw new RangeError('TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and -');
    return configured;
  }
  return createHmac('sha256', botToken).update('park-advisor webhook secret').digest('base64url');
}

/** Compares without revealing, by timing, how much of the secret matched. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Options of {@link webhookRouter}. */
export interface WebhookRouterOptions {
  /** The path Telegram posts to (the webhook URL's pathname). */
  path: string;
  secretToken: string;
}

/**
 * The Router to mount on the express app. The path is compared literally (not as an express route pattern, in
 * which `:` or `*` would mean something); the secret is checked before the body is even parsed.
 */
export function webhookRouter(bot: Bot, { path, secretToken }: WebhookRouterOptions): Router {
  const router = express.Router();
  const parseJson = express.json({ limit: '1mb' });
  const handle = webhookCallback(bot, 'express', { secretToken, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  const handleUpdate = async (req: Request, res: Response) => {
    try {
      await handle(req, res);
    } catch (error) {
      // grammY leaves errors of webhook updates to the web framework: give them to bot.catch as in polling
      // mode, and acknowledge the update (Telegram would otherwise deliver it again and again).
      if (!(error instanceof BotError)) throw error;
      await bot.errorHandler(error);
      if (!res.headersSent) res.sendStatus(200);
    }
  };
  router.use((req, res, next) => {
    if (req.path !== path) return next();
    if (req.method !== 'POST') {
      res.set('allow', 'POST').status(405).end();
      return;
    }
    if (!sameSecret(req.get(SECRET_HEADER), secretToken)) {
      res.status(401).json({ error: { code: 'unauthorized', message: 'wrong or missing secret token' } });
      return;
    }
    parseJson(req, res, (error?: unknown) => {
      if (error) return next(error);
      handleUpdate(req, res).catch(next);
    });
  });
  return router;
}

/** Tells Telegram to post updates to `url` with `secretToken`. */
export async function registerWebhook(api: Api, url: string, secretToken: string): Promise<void> {
  await api.setWebhook(url, { secret_token: secretToken, allowed_updates: ['message', 'callback_query'] });
}
