/**
 * The conversation as an XState v5 machine: choose a jurisdiction, answer its questions one by one, see the
 * result. One machine serves every jurisdiction (the questions are data derived from its criteria, see
 * `questions.ts`); it does no I/O: answers are parsed and checked by pure functions, and the date is part of the
 * context so that guards never read a clock.
 *
 * An approximate answer (30多家, 约8000平方米) is stored as bounds. When a criterion that reads the figure is
 * left unknown only because the range straddles its limit (the rules' `settle`), ONE short yes/no follow-up
 * ("是否不少于 10,000 平方米？", question id `settle.<questionId>`) comes before the next question; its answer
 * narrows the range (不清楚 keeps it), and it is never asked twice for one answer. BACK undoes the approximate
 * answer itself; SKIP, RESULTS and 不清楚 leave the range as it is.
 */
import { assign, setup } from 'xstate';
import type { Lang } from '../i18n/index.js';
import { addPeriod } from '../rules/dates.js';
import { type DateBounds, type FactName, type Facts, FactsSchema } from '../rules/facts.js';
import { isJurisdictionId, jurisdictionOn } from '../rules/registry.js';
import type { JurisdictionId, Outcome } from '../rules/types.js';
import { FACT_UNITS } from '../rules/units.js';
import { parseAnswer, type ParseErrorCode, type ParseResult } from './parse.js';
import { isRange } from './ranges.js';
import { outcomesOf } from './outcomes.js';
import { checkAnswered } from './valid-facts.js';
import { matchJurisdiction } from './places.js';
import { ANSWERED_ALONG } from './implied.js';
import { readAnswer } from './read.js';
import { placeNamed } from './switching.js';
import { pendingQuestions, questionById, type QuestionSpec, withAnswer } from './questions.js';

/** Why the last input was not taken; the view turns it into a localized hint. */
export type InputError =
  | { kind: 'parse'; questionId: string; code: ParseErrorCode; detectedUnit?: string }
  | { kind: 'inconsistent'; questionId: string; field: string; other: string }
  | { kind: 'notCurrent'; questionId: string }
  | { kind: 'unknownQuestion'; questionId: string }
  | { kind: 'notCovered'; input: string }
  /** The input named a place under another jurisdiction: the view offers to switch (SWITCH confirms). */
  | { kind: 'placeNamed'; questionId: string; input: string; jurisdiction: JurisdictionId }
  | { kind: 'nothingToUndo' };

/** The comparison a settling question asks about: is the figure ≥, >, ≤ or < the limit? */
export type SettleOp = 'gte' | 'gt' | 'lte' | 'lt';

/** The one follow-up question pending after a range that straddles a limit: is the figure `op` `value`? */
export interface Settling {
  /** The question whose answer was the range (a fact name or `branches.<i>.<field>`). */
  questionId: string;
  fact: FactName;
  op: SettleOp;
  /** The limit: a figure, or for a date the day ("was it on or before 2023-11-22?"). */
  value: number | string;
}

/**
 * How the last answer was taken, when the conversation says so: `range` ("按 31–39 家计"), `notYet` (暂无 →
 * "按尚未具备计"), `occasional` (偶尔 twice → no), `hedged` (好像有 twice → 不清楚), `unchanged` (不清楚 to the
 * follow-up: the range stays), `dated` (去年5月10日 → "按 2025-05-10 计"), `implied` (a question answered along with
 * another, named by `questionId`: 一核两园 → "已一并记下分园区数量：2").
 */
export interface Taken {
  questionId: string;
  reading: 'range' | 'notYet' | 'occasional' | 'hedged' | 'unchanged' | 'share' | 'dated' | 'implied';
}

/** The id of the follow-up question for `questionId`'s range (letters, digits and dots, as callback data allow). */
export const SETTLE_PREFIX = 'settle.';
export const settleQuestionId = (questionId: string) => `${SETTLE_PREFIX}${questionId}`;

/** Everything a conversation remembers; small and JSON-serialisable (it is what sessions store). */
export interface ConversationContext {
  jurisdiction: JurisdictionId | null;
  /** The channel fixed the jurisdiction (a widget's data-jurisdiction, a bot deep link): no choosing. */
  preset: boolean;
  lang: Lang;
  /** The day the assessment is made for, `YYYY-MM-DD` (set when the conversation starts). */
  date: string;
  facts: Facts;
  /** Question ids in the order they were answered or skipped (what BACK undoes). */
  history: string[];
  /** Question ids the user chose not to answer (不清楚 / skip): they stay unknown and are not asked again. */
  skipped: string[];
  error: InputError | null;
  /** The follow-up question pending (absent in conversations stored before it existed). */
  settling?: Settling | null;
  /** How the last answer was taken, if the view should say it. */
  taken?: Taken | null;
}

/** What starts a conversation. */
export interface ConversationInput {
  jurisdiction?: JurisdictionId;
  lang: Lang;
  date: string;
}

export type ConversationEvent =
  | { type: 'CHOOSE'; value: string }
  | { type: 'ANSWER'; questionId: string; value: unknown }
  | { type: 'SKIP'; questionId?: string }
  | { type: 'CHANGE'; questionId: string; value: unknown }
  | { type: 'BACK' }
  | { type: 'RESTART' }
  | { type: 'SET_LANG'; lang: Lang }
  | { type: 'RESULTS' }
  | { type: 'CONTINUE' }
  /** Apply another jurisdiction's text (an id or a place name), keeping every answer given. */
  | { type: 'SWITCH'; jurisdiction: string };

/**
 * The questions still open for this context (empty before a jurisdiction is chosen); a follow-up comes first.
 * Callers must not mutate the list: it is shared by every caller in a turn (see {@link recentPending}).
 */
export function pendingOf(context: ConversationContext): readonly QuestionSpec[] {
  if (!context.jurisdiction) return [];
  for (const entry of recentPending) if (samePendingInputs(entry.context, context)) return entry.pending;
  const { history, skipped } = context;
  const settled = { has: (id: string) => history.includes(id) || skipped.includes(id) };
  const open = pendingQuestions(jurisdictionOn(context.jurisdiction, context.date), context.facts, settled, context.date);
  const pending = context.settling ? [settleQuestion(context.settling), ...open] : open;
  rememberPending(context, pending);
  return pending;
}

/** Puts the open questions computed earlier for this very context back among the remembered ones (see `rememberOutcomes`). */
export function rememberPending(context: ConversationContext, pending: readonly QuestionSpec[]): void {
  recentPending[nextPending] = { context, pending };
  nextPending = (nextPending + 1) % PENDING_SLOTS;
}

/**
 * The last few contexts' open questions. A turn asks for them four to six times (the machine's guards, the next
 * question, the view) of contexts that share their fields: assign() copies the context but keeps the fields it
 * does not change, and every field the list depends on is replaced, never mutated, when it changes — so the
 * same field objects mean the same list. A handful of slots by identity, as for the outcomes (`outcomes.ts`).
 */
const recentPending: { context: ConversationContext; pending: readonly QuestionSpec[] }[] = [];
let nextPending = 0;
const PENDING_SLOTS = 4;

function samePendingInputs(a: ConversationContext, b: ConversationContext): boolean {
  return a.facts === b.facts && a.history === b.history && a.skipped === b.skipped && a.settling === b.settling && a.jurisdiction === b.jurisdiction && a.date === b.date;
}

/** The follow-up as a question: yes/no, about the same fact (and branch) as the range it settles. */
export function settleQuestion(settling: Settling): QuestionSpec {
  const original = questionById(settling.questionId);
  return {
    id: settleQuestionId(settling.questionId),
    fact: settling.fact,
    kind: 'boolean',
    ...(original?.branch !== undefined ? { branch: original.branch } : {}),
  };
}

/** The value a question's answer holds in `facts` (a branch figure is inside `branches`). */
export function answerOf(facts: Facts, question: QuestionSpec): unknown {
  return question.branch === undefined ? facts[question.fact] : facts.branches?.[question.branch]?.[question.fact as 'floorArea'];
}

type SettleLike = { fact: FactName; op: SettleOp; value: number | string; scope?: { site: 'core' } | { site: 'branch'; index: number } };

/**
 * The follow-up a range answer to `question` calls for: the first criterion (required ones first) left unknown
 * only because the range straddles a limit on that very figure. Null when the range decides every criterion.
 */
export function settlingFor(context: Pick<ConversationContext, 'jurisdiction' | 'date'>, facts: Facts, question: QuestionSpec): Settling | null {
  if (!context.jurisdiction || !isRange(answerOf(facts, question))) return null;
  const def = jurisdictionOn(context.jurisdiction, context.date);
  const outcomes = outcomesOf(def, facts, context.date);
  const ordered = [...def.criteria.keys()].filter((i) => def.criteria[i]!.severity === 'required');
  for (const i of def.criteria.keys()) if (def.criteria[i]!.severity !== 'required') ordered.push(i);
  for (const i of ordered) {
    const outcome = outcomes[i] as Outcome & { settle?: SettleLike };
    const settle = outcome.settle;
    if (outcome.status !== 'unknown' || !settle || settle.fact !== question.fact) continue;
    const sameSite =
      question.branch === undefined ? settle.scope?.site !== 'branch' : settle.scope?.site === 'branch' && settle.scope.index === question.branch;
    if (sameSite) return { questionId: question.id, fact: settle.fact, op: settle.op, value: settle.value };
  }
  return null;
}

/** The smallest difference between two values of a fact: 0.01 m² for areas, 1 for yuan and counts. */
function stepOf(fact: FactName): number {
  return FACT_UNITS[fact].kind === 'area' ? 0.01 : 1;
}

/**
 * Narrows a range by the answer to its follow-up. Yes to "≥ 10,000" sets the least value to 10,000; no sets the
 * greatest to 9,999.99 m² (one step below: 9,999 for yuan and counts); for "> v" yes means v + one step and no
 * means v. An answer the range cannot hold leaves it as it was.
 */
export function narrowed(value: unknown, settling: Settling, yes: boolean): unknown {
  if (typeof settling.value === 'string') return narrowedDays(value, settling.value, yes);
  const step = stepOf(settling.fact);
  const round = (n: number) => Math.round(n * 100) / 100;
  let lo = typeof value === 'number' ? value : isRange(value) ? (value.min ?? 0) : 0;
  let hi = typeof value === 'number' ? value : isRange(value) ? value.max : undefined;
  const v = settling.value;
  const atLeast = { gte: [v, undefined], gt: [round(v + step), undefined], lte: [undefined, v], lt: [undefined, round(v - step)] } as const;
  const notSo = { gte: [undefined, round(v - step)], gt: [undefined, v], lte: [round(v + step), undefined], lt: [v, undefined] } as const;
  const [newLo, newHi] = (yes ? atLeast : notSo)[settling.op];
  if (newLo !== undefined) lo = Math.max(lo, newLo);
  if (newHi !== undefined) hi = hi === undefined ? newHi : Math.min(hi, newHi);
  if (hi !== undefined && lo > hi) return value;
  if (lo === hi) return lo;
  return { ...(lo > 0 ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
}

/**
 * A day's bounds narrowed by the answer to "was it on or before `day`?": yes ends them at `day`, no starts them the
 * day after. An answer the bounds cannot hold leaves them as they were; bounds whose ends meet are that day.
 */
function narrowedDays(value: unknown, day: string, yes: boolean): unknown {
  if (!isRange(value)) return value;
  const { min, max } = value as DateBounds;
  const lo = yes ? min : maxOf(min, addPeriod(day, { days: 1 }));
  const hi = yes ? minOf(max, day) : max;
  if (lo !== undefined && hi !== undefined && lo > hi) return value;
  if (lo !== undefined && lo === hi) return lo;
  return { ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
}
const maxOf = (a: string | undefined, b: string) => (a !== undefined && a > b ? a : b);
const minOf = (a: string | undefined, b: string) => (a !== undefined && a < b ? a : b);

/** The question being asked, if any. */
export function currentQuestion(context: ConversationContext): QuestionSpec | undefined {
  return pendingOf(context)[0];
}

type Applied = Pick<ConversationContext, 'facts' | 'history' | 'skipped' | 'error' | 'settling' | 'taken'>;

/** What stays when an input is not taken: everything, with why. */
function rejected(context: ConversationContext, error: InputError): Applied {
  return { facts: context.facts, history: context.history, skipped: context.skipped, settling: context.settling ?? null, taken: null, error };
}

/** Parses `value` for `questionId` and records it, or records why it could not be taken. */
function applyAnswer(context: ConversationContext, questionId: string, value: unknown, asChange: boolean): Applied {
  if (questionId.startsWith(SETTLE_PREFIX)) return applySettle(context, questionId, value);
  const question = questionById(questionId);
  if (!question) return rejected(context, { kind: 'unknownQuestion', questionId });
  const settled = context.history.includes(questionId) || context.skipped.includes(questionId);
  if (!asChange && currentQuestion(context)?.id !== questionId && !settled) {
    return rejected(context, { kind: 'notCurrent', questionId });
  }
  const read = readAnswer(question, value, context.facts, context.date);
  const parsed = secondTime(context, questionId, read);
  if (!parsed.ok) {
    // "我们在乐清" is not an answer, but it says which text applies: offer to switch (never silently).
    const named = placeNamed(value, context.jurisdiction);
    if (named) return rejected(context, { kind: 'placeNamed', questionId, input: String(value).slice(0, 60), jurisdiction: named });
    return rejected(context, { kind: 'parse', questionId, code: parsed.code, detectedUnit: parsed.detectedUnit });
  }
  if (parsed.value === null) {
    const skipped = skipQuestion(context, questionId);
    return parsed.reading ? { ...skipped, taken: { questionId, reading: parsed.reading } } : skipped;
  }
  // 一核两园: the branch count said along with the layout is taken as that question's answer too.
  const implied = parsed === read ? (read.implied ?? []) : [];
  let facts = withAnswer(context.facts, question, parsed.value);
  for (const also of implied) {
    const alongQuestion = questionById(also.questionId);
    if (alongQuestion) facts = withAnswer(facts, alongQuestion, also.value);
  }
  const problem = inconsistency(context.facts, facts);
  if (problem) return rejected(context, { kind: 'inconsistent', questionId, ...problem });
  const pending = context.settling;
  // This answer's own follow-up comes first; an answer elsewhere keeps a pending one that still applies.
  const settling = settlingFor(context, facts, question) ?? (pending && pending.questionId !== questionId ? keepSettling(context, facts, pending) : null);
  const reading = parsed.reading ?? (isRange(parsed.value) ? 'range' : undefined);
  const along = implied.map((also) => also.questionId);
  const alsoTaken = implied[0] && { questionId: implied[0].questionId, reading: 'implied' as const };
  return {
    facts,
    history: recorded(context.history, questionId, along),
    skipped: context.skipped.filter((id) => id !== questionId && !along.includes(id)),
    settling,
    taken: reading ? { questionId, reading } : (alsoTaken ?? null),
    error: null,
  };
}

/**
 * `history` with `questionId` recorded, and what was said along with it just before it (see `ANSWERED_ALONG`: BACK
 * undoes them together). A changed answer keeps its place, so that BACK still undoes answers in the order they were
 * first given.
 */
function recorded(history: readonly string[], questionId: string, along: readonly string[]): string[] {
  const rest = along.length === 0 ? history : history.filter((id) => !along.includes(id));
  const at = rest.indexOf(questionId);
  return at < 0 ? [...rest, ...along, questionId] : along.length === 0 ? (rest as string[]) : [...rest.slice(0, at), ...along, ...rest.slice(at)];
}

/** What a reply that was asked about once means when it comes again right away, and the conversation says so. */
const SECOND_TIME = {
  // 偶尔 to a 经常 question (the hint quoted the text): not done often, so no.
  occasional: { ok: true, value: false, reading: 'occasional' },
  // 好像有 / 应该没有 again: the person cannot say for sure, so 不清楚 (the point stays open), never a guessed yes.
  hedged: { ok: true, value: null, reading: 'hedged' },
} as const satisfies Record<string, ParseResult>;

/** 偶尔 and hedged replies are asked about once; said again right away, they are read as `SECOND_TIME` says. */
function secondTime(context: ConversationContext, questionId: string, parsed: ParseResult): ParseResult {
  if (parsed.ok || (parsed.code !== 'occasional' && parsed.code !== 'hedged')) return parsed;
  const last = context.error;
  const again = last?.kind === 'parse' && last.questionId === questionId && last.code === parsed.code;
  return again ? SECOND_TIME[parsed.code] : parsed;
}

/** The pending follow-up, if the facts as they now stand still call for it. */
function keepSettling(context: ConversationContext, facts: Facts, pending: Settling): Settling | null {
  const question = questionById(pending.questionId);
  return question ? settlingFor(context, facts, question) : null;
}

/** The answer to the follow-up: yes / no narrow the range, 不清楚 keeps it; either way the interview moves on. */
function applySettle(context: ConversationContext, questionId: string, value: unknown): Applied {
  const settling = context.settling;
  const question = settling && questionById(settling.questionId);
  if (!settling || !question || settleQuestionId(settling.questionId) !== questionId) return rejected(context, { kind: 'notCurrent', questionId });
  const parsed = secondTime(context, questionId, parseAnswer(value, { kind: 'boolean' }));
  if (!parsed.ok) return rejected(context, { kind: 'parse', questionId, code: parsed.code });
  const keep = { facts: context.facts, history: context.history, skipped: context.skipped, settling: null, error: null };
  if (parsed.value === null) return { ...keep, taken: { questionId: settling.questionId, reading: 'unchanged' } };
  const facts = withAnswer(context.facts, question, narrowed(answerOf(context.facts, question), settling, parsed.value === true));
  const problem = inconsistency(context.facts, facts);
  if (problem) return rejected(context, { kind: 'inconsistent', questionId, ...problem });
  return { ...keep, facts, taken: { questionId: settling.questionId, reading: 'range' } };
}

/** A rule the answer taking `before` to `after` breaks (入驻面积 larger than 建筑面积, …), named by field and the other fact. */
function inconsistency(before: Facts, after: Facts): { field: string; other: string } | undefined {
  const problem = checkAnswered(before, after);
  if (!problem) return undefined;
  const params = problem.params ?? {};
  return { field: problem.path.map(String).join('.'), other: params.other ?? params.rule ?? '' };
}

function skipQuestion(context: ConversationContext, questionId: string): Applied {
  if (questionId.startsWith(SETTLE_PREFIX)) return applySettle(context, questionId, null);
  const question = questionById(questionId);
  const facts = question ? withAnswer(context.facts, question, undefined) : context.facts;
  const pending = context.settling;
  return {
    facts,
    history: context.history.includes(questionId) ? context.history : [...context.history, questionId],
    skipped: [...context.skipped.filter((id) => id !== questionId), questionId],
    settling: pending && pending.questionId !== questionId ? keepSettling(context, facts, pending) : null,
    taken: null,
    error: null,
  };
}

/** Undoes the last answer or skip (while a follow-up is pending, that is the range answer it follows). */
function undoLast(context: ConversationContext): Applied {
  const { history } = context;
  const last = history.at(-1);
  if (last === undefined) return rejected(context, { kind: 'nothingToUndo' });
  // The answer goes with what was said along with it (一核两园: the layout and the branch count), recorded just before it.
  const along = ANSWERED_ALONG[last] ?? [];
  let n = 1;
  while (n < history.length && along.includes(history[history.length - 1 - n]!)) n += 1;
  const undone = history.slice(-n);
  let facts = context.facts;
  for (const id of undone) {
    const question = questionById(id);
    if (question) facts = withAnswer(facts, question, undefined);
  }
  return {
    facts,
    history: history.slice(0, -n),
    skipped: context.skipped.filter((id) => !undone.includes(id)),
    settling: null,
    taken: null,
    error: null,
  };
}

const fresh = { facts: {}, history: [], skipped: [], error: null, settling: null, taken: null };

/** The conversation machine shared by every channel. */
export const conversationMachine = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
    input: {} as ConversationInput,
  },
  guards: {
    hasJurisdiction: ({ context }) => context.jurisdiction !== null,
    interviewDone: ({ context }) => context.jurisdiction !== null && pendingOf(context).length === 0,
    hasHistory: ({ context }) => context.history.length > 0,
    isSettling: ({ context }) => Boolean(context.settling),
    canChooseAgain: ({ context }) => !context.preset,
    recognisedJurisdiction: ({ event }) => event.type === 'CHOOSE' && matchJurisdiction(event.value) !== undefined,
    namesALanguage: ({ event }) => event.type === 'CHOOSE' && languageNamed(event.value) !== undefined,
    recognisedSwitch: ({ event }) => event.type === 'SWITCH' && matchJurisdiction(event.jurisdiction) !== undefined,
  },
  actions: {
    chooseJurisdiction: assign(({ event }) => {
      if (event.type !== 'CHOOSE') return {};
      const jurisdiction = matchJurisdiction(event.value);
      return jurisdiction ? { jurisdiction, ...fresh } : {};
    }),
    // Every answer is kept: the facts are one vocabulary for all five texts, and the new text asks what it lacks.
    switchJurisdiction: assign(({ event }) => {
      const jurisdiction = event.type === 'SWITCH' ? matchJurisdiction(event.jurisdiction) : undefined;
      return jurisdiction ? { jurisdiction, error: null } : {};
    }),
    rejectSwitch: assign(({ event }) => (event.type === 'SWITCH' ? { error: { kind: 'notCovered' as const, input: event.jurisdiction.slice(0, 60) } } : {})),
    rejectPlace: assign(({ event }) => (event.type === 'CHOOSE' ? { error: { kind: 'notCovered' as const, input: event.value.slice(0, 60) } } : {})),
    recordAnswer: assign(({ context, event }) => (event.type === 'ANSWER' ? applyAnswer(context, event.questionId, event.value, false) : {})),
    recordChange: assign(({ context, event }) => (event.type === 'CHANGE' ? applyAnswer(context, event.questionId, event.value, true) : {})),
    skipCurrent: assign(({ context, event }) => {
      const id = (event.type === 'SKIP' && event.questionId) || currentQuestion(context)?.id;
      return id ? skipQuestion(context, id) : {};
    }),
    undoLast: assign(({ context }) => undoLast(context)),
    clearError: assign({ error: null, taken: null }),
    dropSettling: assign({ settling: null }),
    reportNothingToUndo: assign({ error: { kind: 'nothingToUndo' } as InputError }),
    restart: assign(({ context }) => ({ ...fresh, jurisdiction: context.preset ? context.jurisdiction : null })),
    forgetJurisdiction: assign({ jurisdiction: null, ...fresh }),
    setLang: assign(({ event }) => (event.type === 'SET_LANG' ? { lang: event.lang } : {})),
    chooseLanguage: assign(({ event }) => {
      const lang = event.type === 'CHOOSE' ? languageNamed(event.value) : undefined;
      return lang ? { lang, error: null } : {};
    }),
  },
}).createMachine({
  id: 'parkAdvisorConversation',
  context: ({ input }) => ({
    jurisdiction: input.jurisdiction ?? null,
    preset: input.jurisdiction !== undefined,
    lang: input.lang,
    date: input.date,
    ...fresh,
  }),
  initial: 'start',
  on: {
    SET_LANG: { actions: 'setLang' },
    RESTART: { target: '.start', actions: 'restart' },
    SWITCH: [{ guard: 'recognisedSwitch', target: '.start', actions: 'switchJurisdiction' }, { actions: 'rejectSwitch' }],
  },
  states: {
    start: {
      always: [{ guard: 'hasJurisdiction', target: 'interviewing' }, { target: 'choosing' }],
    },
    choosing: {
      on: {
        CHOOSE: [
          { guard: 'namesALanguage', actions: 'chooseLanguage' },
          { guard: 'recognisedJurisdiction', target: 'interviewing', actions: 'chooseJurisdiction' },
          { actions: 'rejectPlace' },
        ],
        BACK: { actions: 'reportNothingToUndo' },
      },
    },
    interviewing: {
      always: { guard: 'interviewDone', target: 'results' },
      on: {
        ANSWER: { actions: 'recordAnswer' },
        CHANGE: { actions: 'recordChange' },
        SKIP: { actions: 'skipCurrent' },
        BACK: [
          { guard: 'hasHistory', actions: 'undoLast' },
          { guard: 'canChooseAgain', target: 'choosing', actions: 'forgetJurisdiction' },
          { actions: 'reportNothingToUndo' },
        ],
        RESULTS: { target: 'results', actions: ['clearError', 'dropSettling'] },
      },
    },
    results: {
      // A changed answer whose range straddles a limit: its one follow-up is asked, then the results again.
      always: { guard: 'isSettling', target: 'interviewing' },
      on: {
        CHANGE: { target: 'results', actions: 'recordChange', reenter: true },
        CONTINUE: { target: 'interviewing', actions: 'clearError' },
        BACK: { target: 'interviewing', actions: 'undoLast' },
        ANSWER: { target: 'interviewing', actions: 'recordAnswer' },
      },
    },
  },
});

/** The language a typed answer names at the opening ("English", "中文"), if it names one. */
export function languageNamed(value: string): Lang | undefined {
  const text = value.normalize('NFKC').trim().toLowerCase();
  if (['english', 'en', '英文', '英语'].includes(text)) return 'en';
  if (['中文', '简体中文', '汉语', 'chinese', 'zh', 'zh-cn'].includes(text)) return 'zh-CN';
  return undefined;
}

/** Whether a string names a supported jurisdiction id (for channels that pass one through). */
export function isPresetJurisdiction(value: unknown): value is JurisdictionId {
  return isJurisdictionId(value);
}
