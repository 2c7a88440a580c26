/**
 * The service's configuration, read from the environment and validated with zod at start-up. A wrong value
 * stops the process with one line naming the variable (never echoing a secret such as a Redis password), so a
 * bureau's operator sees at once what to fix instead of a service that half works.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `PORT` | `3000` | HTTP port (0–65535) |
 * | `HOST` | `127.0.0.1` | interface to listen on |
 * | `REDIS_URL` | unset | `redis://` or `rediss://`: sessions and rate-limit counters in Redis |
 * | `REDIS_SENTINELS`, `REDIS_SENTINEL_NAME` | unset | Redis behind Sentinel: `host:port,…` and the master's name |
 * | `REDIS_SENTINEL_PASSWORD` | unset | the sentinels' own password |
 * | `REDIS_CLUSTER_NODES` | unset | Redis Cluster: `host:port,…` of some of its nodes |
 * | `REDIS_PASSWORD` | unset | the password of the Redis nodes with Sentinel or Cluster (a URL carries its own) |
 * | `TELEGRAM_API_ROOT` | `https://api.telegram.org` | another Bot API server (self-hosted, or a test emulator) |
 * | `ALLOWED_ORIGINS` | none | comma-separated origins whose pages may call `/api` cross-origin |
 * | `RATE_LIMIT_PER_MINUTE` | `120` | API requests per client IP per minute; `0` turns the limit off |
 * | `TRUST_PROXY` | `loopback` | which proxies' `X-Forwarded-For` to believe (express `trust proxy`) |
 * | `NODE_ENV` | `development` | `development`, `production` or `test` |
 * | `WECHAT_TOKEN` … `WECHAT_JURISDICTION` | unset | the WeChat Official Account channel (on when `WECHAT_TOKEN` is set) |
 * | `PUBLIC_URL` | unset | this server's public base URL, for result-page links |
 * | `INSIGHTS_RETENTION_DAYS` | `400` | days the anonymous enquiry counters of a day are kept (1–3660) |
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { JURISDICTION_IDS, type JurisdictionId } from '../rules/types.js';
import type { RedisNode, RedisTarget } from '../store/redis-connection.js';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** express's `trust proxy`: all (true), none (false), a hop count, or addresses, subnets and named ranges. */
export type TrustProxy = boolean | number | string[];

/** The configuration the server runs with. */
export interface AppConfig {
  port: number;
  host: string;
  /** Sessions (and rate-limit counters) in Redis; undefined keeps both in this process's memory. */
  redisUrl: string | undefined;
  /** Where Redis is, whichever way it was configured (REDIS_URL, Sentinel or Cluster); undefined: in memory. */
  redis: RedisTarget | undefined;
  /** Exact origins (`https://hrss.example.gov.cn`) allowed to call the API from the browser. */
  allowedOrigins: string[];
  /** API requests a client IP may make per minute; 0 disables rate limiting. */
  rateLimitPerMinute: number;
  trustProxy: TrustProxy;
  nodeEnv: NodeEnv;
  /** Protects the staff console; unset, it is served to loopback clients only. */
  staffToken: string | undefined;
  /** Protects `GET /metrics` (a bearer token); unset, it is served to loopback clients only. */
  metricsToken: string | undefined;
  /** Whether `/metrics` and the counting behind it are on (default true; off only to measure what they cost). */
  metricsEnabled: boolean;
  /** Days each day's enquiry-insights counters are kept after the day (INSIGHTS_RETENTION_DAYS). */
  insightsRetentionDays: number;
  /** The Telegram bot: its token (unset: no bot), webhook URL (unset: long polling) and webhook secret. */
  /**
   * The Telegram bot: its token (unset: no bot), webhook URL (unset: long polling), webhook secret and the Bot
   * API server (unset: Telegram's own).
   */
  telegram: { token: string; webhookUrl: string | undefined; secretToken: string | undefined; apiRoot: string | undefined } | undefined;
  /** The WeChat Official Account channel (on when WECHAT_TOKEN is set). */
  wechat: WechatConfig | undefined;
  /** This server's public base URL without a trailing slash (links to result pages); unset: no links. */
  publicUrl: string | undefined;
}

/** The official API host of the WeChat Official Account platform. */
export const WECHAT_API_ROOT = 'https://api.weixin.qq.com';

/** How the WeChat Official Account channel is configured (WECHAT_*). */
export interface WechatConfig {
  /** The server token set on the platform (signs every request). */
  token: string;
  /** The account's AppID: checked inside encrypted messages; with the secret, for the API. */
  appId: string | undefined;
  /** The AppSecret (access tokens for the customer-service API and the menu); never printed. */
  appSecret: string | undefined;
  /** The 43-character EncodingAESKey; unset: plaintext mode only. */
  encodingAesKey: string | undefined;
  /** Where the API is (tests point it at a local fake). */
  apiRoot: string;
  /** The one jurisdiction of a bureau's account: conversations start with it, no choosing. */
  jurisdiction: JurisdictionId | undefined;
}

/** A value is unusable; the message is the one line to print. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** What a reader returns for a value it cannot use: the problem, phrased to follow the variable's name. */
interface Invalid {
  invalid: string;
}
const invalid = (problem: string): Invalid => ({ invalid: problem });
const isInvalid = (value: unknown): value is Invalid => typeof value === 'object' && value !== null && 'invalid' in value;

/**
 * One environment variable: absent or blank takes `fallback` (`KEY=` in an env file means "not set"); otherwise
 * `read` converts the trimmed text or says what is wrong. `secret` values are never repeated in messages.
 */
function variable<T>(fallback: T, read: (raw: string) => T | Invalid, { secret = false } = {}) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = read(raw.trim());
      if (!isInvalid(value)) return value;
      const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
      ctx.addIssue({ code: 'custom', message: secret ? value.invalid : `${value.invalid} (got ${JSON.stringify(shown)})` });
      return z.NEVER;
    });
}

function readPort(raw: string): number | Invalid {
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  return port >= 0 && port <= 65_535 ? port : invalid('must be a whole number from 0 to 65535');
}

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function readHost(raw: string): string | Invalid {
  if (isIP(raw) !== 0 || HOST_NAME.test(raw)) return raw;
  return invalid('must be an IP address or host name to listen on, such as 127.0.0.1 or 0.0.0.0 (no scheme, no port)');
}

function readRedisUrl(raw: string): string | Invalid {
  const problem = invalid('must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379');
  try {
    const url = new URL(raw);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '' ? raw : problem;
  } catch {
    return problem;
  }
}

/** `host:port`, `[v6]:port`: a Redis node's address. */
function readNode(item: string): RedisNode | undefined {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:\s/]+)):(\d{1,5})$/.exec(item);
  if (!match) return undefined;
  const host = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  if (port < 1 || port > 65_535) return undefined;
  if (match[1] !== undefined ? isIP(host) !== 6 : isIP(host) === 0 && !HOST_NAME.test(host)) return undefined;
  return { host, port };
}

/** `10.0.0.1:26379, sentinel-2:26379` → nodes. */
function readNodes(raw: string): RedisNode[] | Invalid {
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const nodes = items.map(readNode);
  if (items.length > 0 && nodes.every((n) => n !== undefined)) return nodes as RedisNode[];
  return invalid('must be a comma-separated list of host:port, such as 10.0.0.11:26379,10.0.0.12:26379,10.0.0.13:26379');
}

function readSentinelName(raw: string): string | Invalid {
  return /^[A-Za-z0-9._-]{1,128}$/.test(raw) ? raw : invalid('must be the master\'s name from `sentinel monitor <name> …` (letters, digits, . _ -)');
}

function readRedisPassword(raw: string): string | Invalid {
  return raw.length <= 512 && !/[\r\n]/.test(raw) ? raw : invalid('must be one line of at most 512 characters');
}

function readApiRoot(raw: string): string | Invalid {
  const problem = invalid('must be the http(s) URL of a Bot API server, such as https://api.telegram.org or http://127.0.0.1:8081');
  try {
    const url = new URL(raw);
    const plain = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !url.search && !url.hash && !url.username && !url.password;
    // grammY appends `/bot<token>/<method>` to it: no trailing slash.
    return plain ? url.href.replace(/\/+$/, '') : problem;
  } catch {
    return problem;
  }
}

/** `https://a.example, http://localhost:8080` → exact origins; a trailing slash is forgiven, a path is not. */
function readOrigins(raw: string): string[] | Invalid {
  const origins: string[] = [];
  for (const item of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    const plain = url && (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash;
    if (!url || !plain || url.username !== '' || url.password !== '') {
      return invalid(`must be a comma-separated list of origins such as https://hrss.example.gov.cn (scheme, host and port only); "${item.slice(0, 80)}" is not one`);
    }
    origins.push(url.origin);
  }
  return [...new Set(origins)];
}

function readRateLimit(raw: string): number | Invalid {
  const limit = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  return limit >= 0 && limit <= 1_000_000 ? limit : invalid('must be a whole number of requests per minute from 0 (off) to 1000000');
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(item: string): boolean {
  if (NAMED_RANGES.has(item) || isIP(item) !== 0) return true;
  const [address, bits, ...rest] = item.split('/');
  if (rest.length > 0 || address === undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  const family = isIP(address);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

function readTrustProxy(raw: string): TrustProxy | Invalid {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length > 0 && items.every(isAddressOrSubnet)) return items;
  return invalid('must be true, false, a number of proxy hops, or a comma-separated list of addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal');
}

function readStaffToken(raw: string): string | Invalid {
  return raw.length >= 16 && raw.length <= 256 ? raw : invalid('must be 16 to 256 characters (a long random string)');
}

function readBoolean(raw: string): boolean | Invalid {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return invalid('must be true or false');
}

function readRetentionDays(raw: string): number | Invalid {
  const days = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  return days >= 1 && days <= 3660 ? days : invalid('must be a whole number of days from 1 to 3660');
}

function readTelegramToken(raw: string): string | Invalid {
  return /^\d{5,15}:[A-Za-z0-9_-]{30,50}$/.test(raw) ? raw : invalid('must be the token @BotFather gave, such as 123456789:AA…');
}

function readWebhookUrl(raw: string): string | Invalid {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? raw : invalid('must be an https:// URL that Telegram can reach');
  } catch {
    return invalid('must be an https:// URL that Telegram can reach');
  }
}

function readWebhookSecret(raw: string): string | Invalid {
  return /^[A-Za-z0-9_-]{1,256}$/.test(raw) ? raw : invalid('must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -');
}

function readWechatToken(raw: string): string | Invalid {
  return /^[A-Za-z0-9]{3,32}$/.test(raw) ? raw : invalid('must be 3 to 32 letters or digits, the Token entered on the platform (服务器配置)');
}

function readWechatAppId(raw: string): string | Invalid {
  return /^wx[A-Za-z0-9]{14,30}$/.test(raw) ? raw : invalid('must be the account\'s AppID, such as wx1234567890abcdef');
}

function readWechatAppSecret(raw: string): string | Invalid {
  return /^[A-Za-z0-9]{16,64}$/.test(raw) ? raw : invalid('must be the AppSecret from the platform (letters and digits)');
}

function readEncodingAesKey(raw: string): string | Invalid {
  return /^[A-Za-z0-9]{43}$/.test(raw) ? raw : invalid('must be the 43-letter EncodingAESKey from the platform');
}

function readHttpUrl(what: string) {
  return (raw: string): string | Invalid => {
    const problem = invalid(`must be ${what}`);
    try {
      const url = new URL(raw);
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) return problem;
      return url.href.replace(/\/+$/, '');
    } catch {
      return problem;
    }
  };
}

function readJurisdiction(raw: string): JurisdictionId | Invalid {
  return (JURISDICTION_IDS as readonly string[]).includes(raw) ? (raw as JurisdictionId) : invalid(`must be one of ${JURISDICTION_IDS.join(', ')}`);
}

function readNodeEnv(raw: string): NodeEnv | Invalid {
  return (NODE_ENVS as readonly string[]).includes(raw) ? (raw as NodeEnv) : invalid(`must be one of ${NODE_ENVS.join(', ')}`);
}

/** The environment variables, each validated and converted. Other variables are ignored. */
export const EnvSchema = z.object({
  PORT: variable(3000, readPort),
  HOST: variable('127.0.0.1', readHost),
  REDIS_URL: variable<string | undefined>(undefined, readRedisUrl, { secret: true }),
  ALLOWED_ORIGINS: variable<string[]>([], readOrigins),
  RATE_LIMIT_PER_MINUTE: variable(120, readRateLimit),
  TRUST_PROXY: variable<TrustProxy>(['loopback'], readTrustProxy),
  NODE_ENV: variable<NodeEnv>('development', readNodeEnv),
  STAFF_TOKEN: variable<string | undefined>(undefined, readStaffToken, { secret: true }),
  METRICS_TOKEN: variable<string | undefined>(undefined, readStaffToken, { secret: true }),
  METRICS_ENABLED: variable(true, readBoolean),
  INSIGHTS_RETENTION_DAYS: variable(400, readRetentionDays),
  TELEGRAM_BOT_TOKEN: variable<string | undefined>(undefined, readTelegramToken, { secret: true }),
  TELEGRAM_WEBHOOK_URL: variable<string | undefined>(undefined, readWebhookUrl),
  TELEGRAM_WEBHOOK_SECRET: variable<string | undefined>(undefined, readWebhookSecret, { secret: true }),
  WECHAT_TOKEN: variable<string | undefined>(undefined, readWechatToken, { secret: true }),
  WECHAT_APP_ID: variable<string | undefined>(undefined, readWechatAppId),
  WECHAT_APP_SECRET: variable<string | undefined>(undefined, readWechatAppSecret, { secret: true }),
  WECHAT_ENCODING_AES_KEY: variable<string | undefined>(undefined, readEncodingAesKey, { secret: true }),
  WECHAT_API_ROOT: variable(WECHAT_API_ROOT, readHttpUrl('an http(s) URL such as https://api.weixin.qq.com')),
  WECHAT_JURISDICTION: variable<JurisdictionId | undefined>(undefined, readJurisdiction),
  PUBLIC_URL: variable<string | undefined>(undefined, readHttpUrl('the https base URL of this server, such as https://advisor.example.gov.cn')),
  TELEGRAM_API_ROOT: variable<string | undefined>(undefined, readApiRoot),
  REDIS_SENTINELS: variable<RedisNode[] | undefined>(undefined, readNodes),
  REDIS_SENTINEL_NAME: variable<string | undefined>(undefined, readSentinelName),
  REDIS_SENTINEL_PASSWORD: variable<string | undefined>(undefined, readRedisPassword, { secret: true }),
  REDIS_CLUSTER_NODES: variable<RedisNode[] | undefined>(undefined, readNodes),
  REDIS_PASSWORD: variable<string | undefined>(undefined, readRedisPassword, { secret: true }),
}).superRefine((e, ctx) => {
  // Redis is configured one way at most, and Sentinel needs both its addresses and the master's name.
  const ways = (['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'] as const).filter((name) => e[name] !== undefined);
  if (ways.length > 1) ctx.addIssue({ code: 'custom', path: [ways[1] as string], message: `cannot be combined with ${ways[0]}: configure Redis one way (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES)` });
  if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_NAME) ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_NAME'], message: 'must be set with REDIS_SENTINELS (the master\'s name from `sentinel monitor <name> …`)' });
  if (!e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME) ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINELS'], message: 'must be set with REDIS_SENTINEL_NAME (host:port of the sentinels)' });
  if (!e.REDIS_SENTINELS && e.REDIS_SENTINEL_PASSWORD) ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_PASSWORD'], message: 'is only used with REDIS_SENTINELS' });
  if (e.REDIS_URL && e.REDIS_PASSWORD) ctx.addIssue({ code: 'custom', path: ['REDIS_PASSWORD'], message: 'is only used with REDIS_SENTINELS or REDIS_CLUSTER_NODES (put the password in REDIS_URL)' });
});

/** Where Redis is, from the validated variables. */
function redisTarget(e: z.output<typeof EnvSchema>): RedisTarget | undefined {
  if (e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME) {
    return { kind: 'sentinel', sentinels: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME, sentinelPassword: e.REDIS_SENTINEL_PASSWORD, password: e.REDIS_PASSWORD };
  }
  if (e.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES, password: e.REDIS_PASSWORD };
  return e.REDIS_URL ? { kind: 'url', url: e.REDIS_URL } : undefined;
}

/** Variables that need others: one line per missing partner. */
function missingPartners(e: z.output<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  const wechatSet = e.WECHAT_APP_ID || e.WECHAT_APP_SECRET || e.WECHAT_ENCODING_AES_KEY || e.WECHAT_JURISDICTION;
  if (wechatSet && !e.WECHAT_TOKEN) problems.push('WECHAT_TOKEN is required when other WECHAT_ variables are set (the channel is on only with it)');
  if (e.WECHAT_ENCODING_AES_KEY && !e.WECHAT_APP_ID) problems.push('WECHAT_APP_ID is required with WECHAT_ENCODING_AES_KEY (encrypted messages carry it)');
  if (e.WECHAT_APP_SECRET && !e.WECHAT_APP_ID) problems.push('WECHAT_APP_ID is required with WECHAT_APP_SECRET');
  return problems;
}

/** Reads the configuration from `env`; throws ConfigError with one line naming every variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`.replace(/[\r\n]+/g, ' '));
  }
  const e = parsed.data;
  const partners = missingPartners(e);
  if (partners.length > 0) throw new ConfigError(`Invalid configuration: ${partners.join('; ')}`);
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redis: redisTarget(e),
    allowedOrigins: e.ALLOWED_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    nodeEnv: e.NODE_ENV,
    staffToken: e.STAFF_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    metricsEnabled: e.METRICS_ENABLED,
    insightsRetentionDays: e.INSIGHTS_RETENTION_DAYS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, webhookUrl: e.TELEGRAM_WEBHOOK_URL, secretToken: e.TELEGRAM_WEBHOOK_SECRET, apiRoot: e.TELEGRAM_API_ROOT }
      : undefined,
    wechat: e.WECHAT_TOKEN
      ? {
          token: e.WECHAT_TOKEN,
          appId: e.WECHAT_APP_ID,
          appSecret: e.WECHAT_APP_SECRET,
          encodingAesKey: e.WECHAT_ENCODING_AES_KEY,
          apiRoot: e.WECHAT_API_ROOT,
          jurisdiction: e.WECHAT_JURISDICTION,
        }
      : undefined,
    publicUrl: e.PUBLIC_URL,
  };
}

/** The configuration of an empty environment: what `createApp` uses for anything it is not given. */
export const DEFAULT_CONFIG: Readonly<AppConfig> = Object.freeze(loadConfig({}));

/**
 * For the composition root: the configuration, or — when a value is wrong — that one line on stderr and
 * exit code 2, before anything starts.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
