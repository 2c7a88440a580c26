/**
 * The conversation as an XState v5 machine: choose a jurisdiction, answer its questions one by one, see the
 * result. One machine serves every jurisdiction (the questions are data derived from its criteria, see
 * `questions.ts`); it does no I/O: answers are parsed and checked by pure functions, and the date is part of the
 * context so that guards never read a clock.
 */
import { assign, setup } from 'xstate';
import type { Lang } from '../i18n/index.js';
import { type Facts, FactsSchema } from '../rules/facts.js';
import { getJurisdiction, isJurisdictionId } from '../rules/registry.js';
import type { JurisdictionId } from '../rules/types.js';
import { parseAnswer, type ParseErrorCode } from './parse.js';
import { matchJurisdiction } from './places.js';
import { answerSpec } from './prompts.js';
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

/** The questions still open for this context (empty before a jurisdiction is chosen). */
export function pendingOf(context: ConversationContext): QuestionSpec[] {
  if (!context.jurisdiction) return [];
  const settled = new Set([...context.history, ...context.skipped]);
  return pendingQuestions(getJurisdiction(context.jurisdiction), context.facts, settled, context.date);
}

/** The question being asked, if any. */
export function currentQuestion(context: ConversationContext): QuestionSpec | undefined {
  return pendingOf(context)[0];
}

type Applied = Pick<ConversationContext, 'facts' | 'history' | 'skipped' | 'error'>;

/** Parses `value` for `questionId` and records it, or records why it could not be taken. */
function applyAnswer(context: ConversationContext, questionId: string, value: unknown, asChange: boolean): Applied {
  const keep = { facts: context.facts, history: context.history, skipped: context.skipped };
  const question = questionById(questionId);
  if (!question) return { ...keep, error: { kind: 'unknownQuestion', questionId } };
  const settled = context.history.includes(questionId) || context.skipped.includes(questionId);
  if (!asChange && currentQuestion(context)?.id !== questionId && !settled) {
    return { ...keep, error: { kind: 'notCurrent', questionId } };
  }
  const parsed = parseAnswer(value, answerSpec(question));
  if (!parsed.ok) {
    // "我们在乐清" is not an answer, but it says which text applies: offer to switch (never silently).
    const named = placeNamed(value, context.jurisdiction);
    if (named) return { ...keep, error: { kind: 'placeNamed', questionId, input: String(value).slice(0, 60), jurisdiction: named } };
    return { ...keep, error: { kind: 'parse', questionId, code: parsed.code, detectedUnit: parsed.detectedUnit } };
  }
  if (parsed.value === null) return skipQuestion(context, questionId);
  const facts = withAnswer(context.facts, question, parsed.value);
  const problem = inconsistency(facts);
  if (problem) return { ...keep, error: { kind: 'inconsistent', questionId, ...problem } };
  return {
    facts,
    // A changed answer keeps its place, so that BACK still undoes answers in the order they were first given.
    history: context.history.includes(questionId) ? context.history : [...context.history, questionId],
    skipped: context.skipped.filter((id) => id !== questionId),
    error: null,
  };
}

/** A cross-fact rule the new answer breaks (入驻面积 larger than 建筑面积, …), named by field and the other fact. */
function inconsistency(facts: Facts): { field: string; other: string } | undefined {
  const parsed = FactsSchema.safeParse(facts);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const params = issue && issue.code === 'custom' ? (issue.params as { other?: string; rule?: string }) : {};
  return { field: issue?.path.map(String).join('.') ?? '', other: params.other ?? params.rule ?? '' };
}

function skipQuestion(context: ConversationContext, questionId: string): Applied {
  const question = questionById(questionId);
  const facts = question ? withAnswer(context.facts, question, undefined) : context.facts;
  return {
    facts,
    history: context.history.includes(questionId) ? context.history : [...context.history, questionId],
    skipped: [...context.skipped.filter((id) => id !== questionId), questionId],
    error: null,
  };
}

/** Undoes the last answer or skip. */
function undoLast(context: ConversationContext): Applied {
  const last = context.history.at(-1);
  if (last === undefined) return { facts: context.facts, history: context.history, skipped: context.skipped, error: { kind: 'nothingToUndo' } };
  const question = questionById(last);
  return {
    facts: question ? withAnswer(context.facts, question, undefined) : context.facts,
    history: context.history.slice(0, -1),
    skipped: context.skipped.filter((id) => id !== last),
    error: null,
  };
}

const fresh = { facts: {}, history: [], skipped: [], error: null };

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
    clearError: assign({ error: null }),
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
        RESULTS: { target: 'results', actions: 'clearError' },
      },
    },
    results: {
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
