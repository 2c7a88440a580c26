/**
 * The conversation engine every channel drives: restore a stored conversation, apply one event, persist it,
 * and describe where it stands (a `View`: the prompt, a hint for a rejected answer, brief feedback on conditions
 * an answer just broke, the answers so far, and the result). Pure: channels own the session store and the clock.
 */
import { type AnyActorScope, createActor, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { compiledTranslator } from '../i18n/compiled.js';
import { LANGUAGES, type Lang } from '../i18n/index.js';
import { assess, type AssessmentResult } from '../rules/evaluate.js';
import { gapText } from '../rules/explain.js';
import { type Facts, type FactName, FactsSchema } from '../rules/facts.js';
import { formatQuantity } from '../rules/format.js';
import { prepared } from '../rules/prepared.js';
import { factLabelIn } from '../rules/labels.js';
import { jurisdictionOn } from '../rules/registry.js';
import { JURISDICTION_IDS, type JurisdictionDef, type JurisdictionId, type Outcome } from '../rules/types.js';
import { FACT_UNITS } from '../rules/units.js';
import {
  answerOf,
  type ConversationContext,
  type ConversationEvent,
  type ConversationInput,
  conversationMachine,
  currentQuestion,
  type InputError,
  pendingOf,
  rememberPending,
  SETTLE_PREFIX,
} from './machine.js';
import { answerHint } from './hints.js';
import { type AnswerSpec, parseHint } from './parse.js';
import { isRange, rangeText, spacedIn } from './ranges.js';
import { outcomesOf, rememberOutcomes } from './outcomes.js';
import { PerText } from './per-text.js';
import { knownValid, markValid, rememberValid } from './valid-facts.js';
import { answerSpec, jurisdictionList, jurisdictionPrompt, type Prompt, questionPrompt, questionText, settlePrompt } from './prompts.js';
import { questionById, type QuestionSpec } from './questions.js';
import { wholeOf } from './shares.js';
import { type Applying, applyingOf } from './switching.js';

/** Bumped whenever the machine or its context changes shape: older stored conversations then restart. */
export const SCHEMA_VERSION = 1;

/** One earlier answer, for the summary from which any answer can be changed. */
export interface AnswerSummary {
  questionId: string;
  question: string;
  answer: string;
  skipped: boolean;
}

/** Where a conversation stands, for any channel to render. */
export interface View {
  state: 'choosing' | 'interviewing' | 'results';
  lang: Lang;
  jurisdiction: JurisdictionId | null;
  /** The question to answer (absent in results). */
  prompt?: Prompt;
  /** Why the last input was not taken, in the user's language; nothing already given was lost. */
  error?: { code: string; message: string };
  /** Required conditions the last answer left unmet, briefly, with the article and the gap. */
  feedback: string[];
  /** How the last answer was taken, when it was approximate or colloquial: "按 31–39 家计", "按尚未具备计". */
  taken?: string;
  answers: AnswerSummary[];
  /** Questions still open (results can be shown at any time). */
  pending: number;
  /** The text being applied, stated from the first message (absent while choosing). */
  applying?: Applying;
  /** After a place under another jurisdiction was typed: the switch offered (SWITCH to `jurisdiction` confirms). */
  offer?: Applying;
  /** The assessment: always in results; in the interview only when asked for. */
  result?: AssessmentResult;
}

type Snapshot = SnapshotFrom<typeof conversationMachine>;

/** Thrown when a stored conversation cannot be restored or processed (an older shape, or damaged data). */
export class IncompatibleConversationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IncompatibleConversationError';
  }
}

/** The stored snapshot's schema, its `facts` checked by the schema given (FactsSchema, or nothing for facts known valid). */
const storedSnapshotSchema = (facts: z.ZodType) =>
  z.looseObject({
    status: z.literal('active'),
    value: z.enum(['choosing', 'interviewing', 'results']),
    children: z.record(z.string(), z.unknown()),
    context: z.strictObject({
      jurisdiction: z.enum(JURISDICTION_IDS).nullable(),
      preset: z.boolean(),
      lang: z.enum(LANGUAGES),
      date: z.iso.date(),
      facts,
      history: z.array(z.string().max(80)).max(400),
      skipped: z.array(z.string().max(80)).max(400),
      error: z.record(z.string(), z.unknown()).nullable(),
      // Added with approximate answers; optional, so that conversations stored before them restore unchanged.
      settling: z
        .strictObject({ questionId: z.string().max(80), fact: z.string().max(80), op: z.enum(['gte', 'gt', 'lte', 'lt']), value: z.union([z.number(), z.iso.date()]) })
        .nullable()
        .optional(),
      taken: z
        .strictObject({ questionId: z.string().max(80), reading: z.enum(['range', 'notYet', 'occasional', 'hedged', 'unchanged', 'share', 'dated', 'implied']) })
        .nullable()
        .optional(),
    }),
  });

const StoredSnapshotSchema = storedSnapshotSchema(FactsSchema);
/** The same shape around facts that already passed FactsSchema with this very content (`valid-facts.ts`). */
const StoredShapeSchema = storedSnapshotSchema(z.unknown());

/**
 * The scope the machine's logic runs in, made once: a turn restores, transitions and persists the snapshot
 * through the machine's own logic (what an actor does inside) instead of creating, starting and stopping an
 * actor each time. The machine only assigns context (no children, timers, effects or emitted events), so the
 * scope has nothing to hold; an action with an effect, should one ever be added, is run at once as an actor would.
 */
const scope: AnyActorScope = (() => {
  const self = createActor(conversationMachine, { input: { lang: 'zh-CN', date: '2000-01-01' } });
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => undefined,
    defer: () => undefined,
    emit: () => undefined,
    stopChild: () => undefined,
    actionExecutor: (action) => {
      action.exec?.(action.info, action.params);
    },
  };
})();

/**
 * A conversation as a turn in this process left it: the machine's snapshot, and what the turn worked out about it
 * (every criterion's outcome, the open questions). Given back to the next turn of the same conversation instead of
 * the stored snapshot — by a caller that knows the store still holds exactly what that turn persisted — it spares
 * the next turn restoring the snapshot and checking the same facts again. Never changed once made; writes nothing
 * as JSON (it is not what is stored).
 */
export class LiveConversation {
  readonly #snapshot: Snapshot;
  readonly #pending: readonly QuestionSpec[];
  readonly #outcomes: { def: JurisdictionDef; outcomes: readonly Outcome[] } | undefined;

  /** @internal made by {@link advanceConversation} only. */
  constructor(snapshot: Snapshot) {
    const { context } = snapshot;
    this.#snapshot = snapshot;
    // Both were computed by the turn that made the snapshot: these calls find them remembered.
    this.#pending = pendingOf(context);
    const def = context.jurisdiction ? jurisdictionOn(context.jurisdiction, context.date) : undefined;
    this.#outcomes = def && { def, outcomes: outcomesOf(def, context.facts, context.date) };
  }

  /** The snapshot, with what was worked out about it remembered again for this turn. */
  resume(): Snapshot {
    const { context } = this.#snapshot;
    markValid(context.facts);
    if (this.#outcomes) rememberOutcomes(this.#outcomes.def, context.facts, context.date, this.#outcomes.outcomes);
    rememberPending(context, this.#pending);
    return this.#snapshot;
  }

  toJSON(): undefined {
    return undefined;
  }
}

/**
 * Restores a stored conversation's snapshot, validated first; a live one (see {@link LiveConversation}) is taken as
 * it is. An error in the machine is reported as an incompatible conversation (as the actor reported it), never
 * thrown later from a timer.
 */
function restore(persisted: unknown): Snapshot {
  if (persisted instanceof LiveConversation) return persisted.resume();
  const facts = (persisted as { context?: { facts?: unknown } } | null)?.context?.facts;
  const known = knownValid(facts);
  // Facts known valid by content need only the shape around them; any failure is reported by the full schema.
  if (!known || !StoredShapeSchema.safeParse(persisted).success) {
    const checked = StoredSnapshotSchema.safeParse(persisted);
    if (!checked.success) throw new IncompatibleConversationError('stored conversation has an unexpected shape', { cause: checked.error });
    rememberValid(facts);
  }
  return guarded(() => conversationMachine.restoreSnapshot(persisted as Snapshot, scope) as Snapshot);
}

/**
 * The snapshot as xstate's `getPersistedSnapshot` writes it, key for key. This machine has no children and no history
 * states, and its context is plain data (no actor in it), so xstate's walk of the whole context looking for actors
 * to replace, on every turn, finds nothing; a snapshot with children or history goes to xstate. A test compares the
 * two on every state of every text's conversation.
 * @internal exported for that test.
 */
export function persistedOf(snapshot: Snapshot): unknown {
  if (!isEmpty(snapshot.children) || !isEmpty(snapshot.historyValue)) return conversationMachine.getPersistedSnapshot(snapshot);
  const { status, output, error, value, context } = snapshot;
  return { status, output, error, value, historyValue: {}, context, children: {} };
}

function isEmpty(record: object): boolean {
  for (const _key in record) return false;
  return true;
}

/** Runs one step of the machine's logic; an error in it (or an errored snapshot) means the conversation failed. */
function guarded(step: () => Snapshot): Snapshot {
  let snapshot: Snapshot;
  try {
    snapshot = step();
  } catch (error) {
    throw new IncompatibleConversationError('conversation failed', { cause: error });
  }
  failIfErrored(snapshot);
  return snapshot;
}

function failIfErrored(snapshot: Snapshot): void {
  if (snapshot.status === 'error') throw new IncompatibleConversationError('conversation failed', { cause: snapshot.error });
}

/** Starts a conversation (the jurisdiction may be preset by the channel). */
export function startConversation(input: ConversationInput): { persisted: unknown; view: View; live?: LiveConversation } {
  const initial = conversationMachine.getInitialSnapshot(scope, input);
  if (initial.status !== 'active') {
    // Never with valid input; kept exactly as the actor behaved.
    const actor = createActor(conversationMachine, { input }).start();
    const persisted = actor.getPersistedSnapshot();
    const snapshot = actor.getSnapshot();
    actor.stop();
    return { persisted, view: viewOf(snapshot.value as View['state'], snapshot.context) };
  }
  const view = viewOf(initial.value as View['state'], initial.context);
  return { persisted: persistedOf(initial), view, live: new LiveConversation(initial) };
}

/**
 * Applies `event` to a conversation: restore → transition → persist. `stored` is the stored snapshot (validated
 * before use), or the {@link LiveConversation} the previous turn returned when the caller knows the store still
 * holds exactly what that turn persisted (made by the machine from validated answers, it needs no checks); a store
 * that gives back other text, an older shape or another process's write must be passed as stored.
 */
export function advanceConversation(stored: unknown, event: ConversationEvent, withResult = false): { persisted: unknown; view: View; live: LiveConversation } {
  const restored = restore(stored);
  const snapshot = guarded(() => conversationMachine.transition(restored, event, scope));
  const next = persistedOf(snapshot);
  const view = viewOf(snapshot.value as View['state'], snapshot.context, restored.context, withResult);
  return { persisted: next, view, live: new LiveConversation(snapshot) };
}

/** The view of a stored conversation, without changing it. */
export function describeConversation(persisted: unknown, withResult = false): View {
  const snapshot = restore(persisted);
  return viewOf(snapshot.value as View['state'], snapshot.context, undefined, withResult);
}

/** The context of a stored conversation (for channels that need the language or jurisdiction). */
export function contextOf(persisted: unknown): ConversationContext {
  const context = (persisted as Partial<Snapshot> | null)?.context;
  if (!context) throw new IncompatibleConversationError('stored conversation has no context');
  return context;
}

/** Builds the view; `before` is the context before the last event (for feedback). */
export function viewOf(state: View['state'], context: ConversationContext, before?: ConversationContext, withResult = false): View {
  const pending = pendingOf(context);
  const view: View = {
    state,
    lang: context.lang,
    jurisdiction: context.jurisdiction,
    feedback: before ? feedbackOf(before, context) : [],
    answers: answersOf(context),
    pending: pending.length,
  };
  if (context.error) view.error = { code: errorCode(context.error), message: errorMessage(context.error, context.lang, context.jurisdiction, context.date) };
  if (context.jurisdiction) view.applying = applyingOf(context.jurisdiction, context.lang, context.date);
  if (context.error?.kind === 'placeNamed') view.offer = applyingOf(context.error.jurisdiction, context.lang, context.date);
  // Said once, right after the answer (not again on a later look at the same conversation).
  if (before && context.taken && before.taken !== context.taken) view.taken = takenText(context, context.taken);
  if (state === 'choosing') view.prompt = jurisdictionPrompt(context.lang);
  const question = currentQuestion(context);
  if (state === 'interviewing' && question) {
    const settling = context.settling;
    view.prompt = settling
      ? settlePrompt(settling, displayValue(context, settling.questionId), context.lang, context.history.length, pending.length, context.jurisdiction)
      : questionPrompt(question, context.lang, context.history.length, pending.length, context.jurisdiction);
  }
  if ((state === 'results' || withResult) && context.jurisdiction) view.result = resultOf(context);
  return view;
}

/** The assessment of the answers so far. */
export function resultOf(context: ConversationContext): AssessmentResult | undefined {
  if (!context.jurisdiction) return undefined;
  return assess(jurisdictionOn(context.jurisdiction, context.date), context.facts, { date: context.date, lang: context.lang });
}

function errorCode(error: InputError): string {
  return error.kind === 'parse' ? error.code : error.kind;
}

function errorMessage(error: InputError, lang: Lang, current: JurisdictionId | null, date: string): string {
  const t = compiledTranslator(lang, 'flow');
  switch (error.kind) {
    case 'parse': {
      const question = questionById(error.questionId);
      const spec: AnswerSpec | undefined = error.questionId.startsWith(SETTLE_PREFIX) ? { kind: 'boolean' } : question && answerSpec(question);
      if (!spec) return t('errors.unknownQuestion');
      const result = { ok: false as const, code: error.code, ...(error.detectedUnit ? { detectedUnit: error.detectedUnit as never } : {}) };
      return question && !error.questionId.startsWith(SETTLE_PREFIX) ? answerHint(question, result, lang) : parseHint(result, spec, lang);
    }
    case 'inconsistent': {
      const field = error.field.split('.').at(-1) as FactName;
      const label = (fact: FactName) => factLabelIn(fact, lang, current);
      if (!FACT_UNITS[error.other as FactName]) return t('errors.inconsistentRule', { field: label(field) });
      return t('errors.inconsistent', { field: label(field), other: label(error.other as FactName) });
    }
    case 'notCovered':
      return t('notCovered', { input: error.input, list: jurisdictionList(lang) });
    case 'placeNamed': {
      const to = applyingOf(error.jurisdiction, lang, date);
      return t('switch.offer', { input: error.input, name: to.name, title: to.title, current: current ? applyingOf(current, lang, date).title : '' });
    }
    default:
      return t(`errors.${error.kind}`);
  }
}

/** Required criteria that were not unmet before the last event and are now, said briefly. */
function feedbackOf(before: ConversationContext, after: ConversationContext): string[] {
  if (!after.jurisdiction || before.jurisdiction !== after.jurisdiction || before.facts === after.facts) return [];
  const def = jurisdictionOn(after.jurisdiction, after.date);
  const texts = prepared(def, after.lang);
  const t = compiledTranslator(after.lang, 'flow');
  const was = outcomesOf(def, before.facts, before.date);
  const now = outcomesOf(def, after.facts, after.date);
  return def.criteria.flatMap((c, i) => {
    if (c.severity !== 'required' || was[i]!.status === 'unmet') return [];
    const outcome = now[i]!;
    if (outcome.status !== 'unmet') return [];
    const fixed = texts.criteria.get(c.id);
    const gap = outcome.findings.map((f) => gapText(f, texts.ctx)).find((g) => g !== '');
    return [t('feedback.unmet', { ref: fixed?.refText ?? '', title: fixed?.title ?? '', gap: gap ? t('feedback.gap', { gap }) : '' }).trim()];
  });
}

function answersOf(context: ConversationContext): AnswerSummary[] {
  const shown = summaryEntries.of(context.lang, context.jurisdiction);
  return context.history.flatMap((id) => {
    const question = questionById(id);
    if (!question) return [];
    const skipped = context.skipped.includes(id);
    const value = skipped ? undefined : answerOf(context.facts, question);
    const last = shown.get(question);
    if (last !== undefined && last.entry.skipped === skipped && sameAnswer(last.value, value)) return [last.entry];
    const text = questionText(question, context.lang, context.jurisdiction);
    const answer = skipped ? compiledTranslator(context.lang, 'flow')('answer.skipped') : displayValue(context, id);
    const entry: AnswerSummary = Object.freeze({ questionId: id, question: text, answer, skipped });
    // questionById's own objects only: the memo stays bounded by the questions there are.
    shown.set(question, { value, entry });
    return [entry];
  });
}

/** The answers summary's entries as last worded (frozen: every conversation shares them). */
const summaryEntries = new PerText<{ value: unknown; entry: AnswerSummary }>();

/** Equal answers as stored facts hold them: a primitive, bounds `{ min, max }`, or a list of primitives. */
function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
  }
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** What the conversation says about how the last answer was taken. */
function takenText(context: ConversationContext, taken: NonNullable<ConversationContext['taken']>): string {
  const t = compiledTranslator(context.lang, 'flow');
  const value = displayValue(context, taken.questionId);
  const fact = questionById(taken.questionId)?.fact;
  const whole = fact === undefined ? undefined : wholeOf(fact);
  const of = whole === undefined ? '' : factLabelIn(whole, context.lang, context.jurisdiction);
  const label = fact === undefined ? '' : factLabelIn(fact, context.lang, context.jurisdiction);
  return t(`taken.${taken.reading}`, { value: spacedIn(context.lang, value), whole: of, label });
}

/** An answer as the user would say it: "12,000 平方米", "31–39 家", "是", "会议、培训". */
export function displayValue(context: ConversationContext, questionId: string): string {
  const question = questionById(questionId);
  if (!question) return '';
  const value = answerOf(context.facts, question);
  // The answers summary shows every answer again on every turn: the same answer reads the same, so it is worded once.
  const key = `${context.lang}|${questionId}|${typeof value === 'object' ? JSON.stringify(value) : `${typeof value}:${String(value)}`}`;
  let shown = shownValues.get(key);
  if (shown === undefined) {
    shown = wordValue(question, value, context.lang);
    if (shownValues.size >= 4096) shownValues.clear();
    shownValues.set(key, shown);
  }
  return shown;
}
const shownValues = new Map<string, string>();

function wordValue(question: QuestionSpec, value: unknown, lang: Lang): string {
  const tf = compiledTranslator(lang, 'facts');
  const t = compiledTranslator(lang, 'flow');
  if (typeof value === 'boolean') return t(value ? 'answer.yes' : 'answer.no');
  if (typeof value === 'number') return formatQuantity(value, FACT_UNITS[question.fact], lang, compiledTranslator(lang, 'rules'));
  if (isRange(value)) return rangeText(value, question.fact, lang);
  if (Array.isArray(value)) {
    if (value.length === 0) return t('answer.none');
    return value.map((v) => tf(`${question.fact}.values.${String(v)}`)).join(lang === 'zh-CN' ? '、' : ', ');
  }
  if (typeof value === 'string') return question.kind === 'date' ? value : tf(`${question.fact}.values.${value}`);
  return '';
}

/** Facts that the conversation has gathered (for "what if" comparisons and exports). */
export function factsOf(persisted: unknown): Facts {
  return contextOf(persisted).facts;
}
