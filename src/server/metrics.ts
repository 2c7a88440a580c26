/**
 * Metrics for operators, in the Prometheus text format (`GET /metrics`, prom-client): request durations by route
 * template and status, conversation turns and assessments by jurisdiction and channel, verdicts, session-store
 * errors and compare-and-set conflicts, updates from the messaging channels, and Node's process metrics.
 *
 * Label values are bounded: routes are express's templates (`/api/sessions/:id/answers`), never a raw path or an
 * id; jurisdictions, channels, verdicts and statuses come from closed lists. Each app has its own registry (tests
 * build several apps in one process).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { SessionObserver, TurnInfo } from '../flows/sessions.js';
import { type SessionStore, StoreUnavailableError } from '../store/types.js';
import type { NodeMiddleware } from './node-http.js';

/** Where a conversation or an assessment came from. */
export type Channel = 'web' | 'telegram' | 'wechat' | 'staff' | 'api';

/** What a handler leaves on its response ({@link noteAssessed}) for the metrics to count, so handlers need not know them. */
export interface AssessedLocal {
  jurisdiction: string;
  verdict: string;
  channel: Channel;
}

const ASSESSED = Symbol('assessed');
type Noted = ServerResponse & { [ASSESSED]?: AssessedLocal };

/** Marks a response as carrying an assessment: counted by the metrics, if any, once it is sent. */
export function noteAssessed(res: ServerResponse, assessed: AssessedLocal): void {
  (res as Noted)[ASSESSED] = assessed;
}

/** The metrics of one app. */
export interface Metrics {
  readonly registry: Registry;
  /** Middleware (for express and the API's router alike) timing every request by route template and status. */
  readonly http: NodeMiddleware;
  /** Counts conversation turns and verdicts (give it to `ConversationSessions`). */
  readonly sessions: SessionObserver;
  /** Counts an update received from a messaging platform. */
  channelUpdate(channel: 'telegram' | 'wechat'): void;
  /** Wraps a store so that its unavailability and compare-and-set conflicts are counted. */
  observeStore(store: SessionStore): SessionStore;
}

/** Buckets in seconds, from a cached read to a slow Redis round trip under load. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The route template a request matched, or a fixed word: never the raw path. */
function routeOf(req: IncomingMessage & { route?: { path?: unknown }; baseUrl?: string }): string {
  const path = req.route?.path;
  if (typeof path === 'string') return `${req.baseUrl ?? ''}${path}`;
  return 'unmatched';
}

/**
 * A metric's child per label values, looked up by one joined key: prom-client hashes a labels object (sorting its
 * keys) on every observation, which showed in the profile of a conversation turn. Label values are bounded (see
 * above), so the map is too.
 */
function childrenOf<C>(labels: (...values: string[]) => C): (...values: string[]) => C {
  const children = new Map<string, C>();
  return (...values) => {
    const key = values.join('\u0000');
    let child = children.get(key);
    if (child === undefined) children.set(key, (child = labels(...values)));
    return child;
  };
}

/** Creates the registry and every metric. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const turns = new Counter({ name: 'park_advisor_conversation_turns_total', help: 'Conversation turns by jurisdiction (none: not chosen yet) and channel', labelNames: ['jurisdiction', 'channel'] as const, registers });
  const conversations = new Counter({ name: 'park_advisor_conversations_started_total', help: 'Conversations opened, by channel', labelNames: ['channel'] as const, registers });
  const assessments = new Counter({ name: 'park_advisor_assessments_total', help: 'Assessments (results shown or computed) by jurisdiction and channel', labelNames: ['jurisdiction', 'channel'] as const, registers });
  const verdicts = new Counter({ name: 'park_advisor_verdicts_total', help: 'Verdicts of assessments by jurisdiction, verdict and channel', labelNames: ['jurisdiction', 'verdict', 'channel'] as const, registers });
  const storeErrors = new Counter({ name: 'park_advisor_store_errors_total', help: 'Session-store operations that failed because the store was unavailable', labelNames: ['operation'] as const, registers });
  const conflicts = new Counter({ name: 'park_advisor_store_cas_conflicts_total', help: 'Compare-and-set writes that lost to another writer (each is retried)', registers });
  const updates = new Counter({ name: 'park_advisor_channel_updates_total', help: 'Updates received from messaging platforms', labelNames: ['channel'] as const, registers });

  const durationOf = childrenOf((...values) => duration.labels(...values));
  const turnsOf = childrenOf((...values) => turns.labels(...values));

  const assessed = (info: { jurisdiction: string; verdict: string; channel: string }) => {
    assessments.inc({ jurisdiction: info.jurisdiction, channel: info.channel });
    verdicts.inc({ jurisdiction: info.jurisdiction, verdict: info.verdict, channel: info.channel });
  };

  const http: NodeMiddleware = (req, res, next) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      durationOf(req.method ?? '', routeOf(req), String(res.statusCode)).observe(seconds);
      const done = (res as Noted)[ASSESSED];
      if (done) assessed(done);
    });
    next();
  };

  const sessions: SessionObserver = {
    created: ({ channel }) => conversations.inc({ channel }),
    turn: (info: TurnInfo) => {
      turnsOf(info.jurisdiction ?? 'none', info.channel).inc();
      if (info.jurisdiction && info.verdict) assessed({ jurisdiction: info.jurisdiction, verdict: info.verdict, channel: info.channel });
    },
  };

  const observeStore = (store: SessionStore): SessionStore => {
    const counted = <A extends unknown[], R>(operation: string, fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        try {
          return await fn(...args);
        } catch (error) {
          if (error instanceof StoreUnavailableError) storeErrors.inc({ operation });
          throw error;
        }
      };
    return {
      get: counted('get', (id) => store.get(id)) as SessionStore['get'],
      create: counted('create', (id: string, schemaVersion: number, data: unknown) => store.create(id, schemaVersion, data)),
      update: counted('update', async (id: string, expected: number, schemaVersion: number, data: unknown) => {
        const written = await store.update(id, expected, schemaVersion, data);
        if (written === undefined) conflicts.inc();
        return written;
      }) as SessionStore['update'],
      delete: counted('delete', (id: string) => store.delete(id)),
      touch: counted('touch', (id: string) => store.touch(id)),
      ping: () => store.ping(),
      close: () => store.close(),
    };
  };

  return { registry, http, sessions, channelUpdate: (channel) => updates.inc({ channel }), observeStore };
}
