/**
 * What the bot does with each command, button press and typed message. Every handler runs one turn (see
 * `turn.ts`) against the shared conversation flows; typed text goes through the same parser as every channel
 * (an ANSWER with the text as typed), and button presses are checked against the step that showed them.
 *
 * /answers lists the answers given with a Change button each; Change asks that question again, and the next
 * answer to it (a button of the change prompt, or text typed while the change is pending) is sent as CHANGE,
 * in the interview and in the results alike (a "what if"). /cancel or the Cancel button drops the change.
 */
import { Composer, type Context } from 'grammy';
import type { ConversationEvent } from '../flows/machine.js';
import { matchJurisdiction } from '../flows/places.js';
import type { SessionView } from '../flows/sessions.js';
import { questionById } from '../flows/questions.js';
import { questionPrompt } from '../flows/prompts.js';
import { compiledTranslator } from '../i18n/compiled.js';
import { JURISDICTIONS } from '../rules/registry.js';
import {
  type Action,
  type ChangeAction,
  decodeAction,
  isChangeAction,
  isChangeCurrent,
  isChangePending,
  isCurrent,
  type StepAction,
} from './callbacks.js';
import { helpText } from './commands.js';
import { onDocument } from './documents.js';
import { apologyFor } from './errors.js';
import {
  changeKeyboard,
  jurisdictionName,
  languageKeyboard,
  maskOf,
  maskValues,
  resultsKeyboard,
  selectedValues,
  stepKeyboard,
  switchKeyboard,
} from './keyboards.js';
import { langNamed } from './lang.js';
import { type Answered, ChatTurn, type TurnDeps } from './turn.js';

/** The answer a view records for `questionId`, to mark on its keyboard; undefined if it was not taken. */
function answeredIn(view: SessionView, questionId: string): Answered | undefined {
  if (view.error) return undefined;
  const entry = view.answers.find((a) => a.questionId === questionId);
  return entry ? { questionId, answer: entry.answer } : undefined;
}

/** The opening's answer (the jurisdiction chosen), to mark on the opening's keyboard. */
function chosenIn(view: SessionView): Answered | undefined {
  return !view.error && view.jurisdiction ? { questionId: 'jurisdiction', answer: jurisdictionName(view.lang, view.jurisdiction) } : undefined;
}

/**
 * Builds the bot's handlers over `deps`. The assessment is a private conversation: in groups the bot only
 * answers /start, pointing to a private chat (it would otherwise take every message there for an answer).
 */
export function conversationHandlers(deps: TurnDeps): Composer<Context> {
  const bot = new Composer<Context>();
  bot.chatType(['group', 'supergroup']).command('start', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    await turn.say(turn.text('privateOnly'));
  });
  const chats = bot.chatType('private');

  chats.command('start', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const payload = ctx.match.trim();
    const jurisdiction = payload ? matchJurisdiction(payload) : undefined;
    const view = await turn.startFresh(jurisdiction);
    const intro = jurisdiction
      ? [turn.text('start.preset', { name: jurisdictionName(turn.lang, jurisdiction) })]
      : payload
        ? [turn.text('start.unknownLink')]
        : [];
    await turn.present(view, { intro });
  });

  chats.command('restart', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current();
    await turn.present(created ? view : await turn.send({ type: 'RESTART' }));
  });

  chats.command('back', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current();
    await turn.present(created ? view : await turn.send({ type: 'BACK' }));
  });

  chats.command('skip', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current();
    if (created || view.state === 'choosing') return turn.present(view);
    if (view.state !== 'interviewing' || !view.prompt) return turn.say(turn.text('skip.nothing'));
    const questionId = view.prompt.questionId;
    const next = await turn.send({ type: 'SKIP', questionId });
    await turn.present(next, { answered: answeredIn(next, questionId) });
  });

  chats.command('results', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current();
    if (created) return turn.present(view);
    if (view.state === 'choosing') return turn.present(view, { intro: [turn.text('choose.first')] });
    await turn.present(view.state === 'results' ? view : await turn.send({ type: 'RESULTS' }));
  });

  chats.command('answers', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current();
    if (created) return turn.present(view);
    await turn.sendAnswers(view);
  });

  chats.command('cancel', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current();
    if (created) return turn.present(view);
    if (!isChangePending(turn.change, view)) {
      if (turn.change) await turn.dropChange();
      return turn.say(turn.text('change.nothing'));
    }
    await cancelChange(turn, view);
  });

  chats.command('checklist', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const { view, created } = await turn.current(true);
    if (created || !view.result) return turn.present(view, created ? {} : { intro: [turn.text('choose.first')] });
    await turn.sendChecklist(view.result);
  });

  chats.command('lang', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const lang = langNamed(ctx.match);
    if (!lang) return turn.say(turn.text('lang.choose'), languageKeyboard());
    const view = await turn.chooseLanguage(lang);
    await turn.present(view, { intro: [turn.text('lang.changed')] });
  });

  chats.command('help', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    await turn.say(helpText(turn.lang));
  });

  chats.on('callback_query:data', async (ctx) => {
    const toast: { text?: string } = {};
    try {
      await onPress(ctx, deps, decodeAction(ctx.callbackQuery.data), toast);
    } catch (error) {
      toast.text = apologyFor(ctx, error);
      throw error;
    } finally {
      // Always answered, so the button stops spinning; an outdated press says so.
      await ctx.answerCallbackQuery(toast.text ? { text: toast.text } : {}).catch(() => undefined);
    }
  });
  // Presses elsewhere, without data (games) or on inline messages: nothing to do but stop the spinner.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery().catch(() => undefined));

  chats.on('message:text', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    const text = ctx.message.text;
    if (text.startsWith('/')) return turn.say(turn.text('unknownCommand'));
    const { view, created } = await turn.current();
    if (created) return turn.present(view);
    if (turn.change) {
      if (isChangePending(turn.change, view)) return applyChange(turn, { type: 'CHANGE', questionId: turn.change.questionId, value: text });
      await turn.dropChange(); // the conversation moved on since: the text answers the question asked now
    }
    if (view.state === 'choosing') {
      const next = await turn.send({ type: 'CHOOSE', value: text });
      return turn.present(next, { answered: chosenIn(next) });
    }
    if (view.state === 'results' || !view.prompt) {
      return turn.say(view.pending > 0 ? turn.text('results.continueHint', { n: view.pending }) : turn.text('results.textHint'));
    }
    const questionId = view.prompt.questionId;
    const next = await turn.send({ type: 'ANSWER', questionId, value: text });
    await turn.present(next, { answered: answeredIn(next, questionId) });
  });

  // A Word file (申报书, 情况说明): its answers fill the questions not answered yet (see documents.ts).
  chats.on('message:document', async (ctx) => onDocument(ctx, await ChatTurn.open(ctx, deps), deps, ctx.message.document));

  chats.on('message', async (ctx) => {
    const turn = await ChatTurn.open(ctx, deps);
    await turn.say(turn.text('unsupported'));
  });

  return bot;
}

/** Handles one button press; `toast` receives the text to answer the callback query with. */
async function onPress(ctx: Context, deps: TurnDeps, action: Action | undefined, toast: { text?: string }): Promise<void> {
  const pressed = ctx.callbackQuery?.message?.message_id;
  const turn = await ChatTurn.open(ctx, deps);
  const outdated = async () => {
    toast.text = turn.text('outdated');
    if (pressed !== undefined) await turn.retireOne(pressed);
  };
  if (!action) return outdated();
  switch (action.op) {
    case 'noop':
      return;
    case 'lang': {
      const view = await turn.chooseLanguage(action.lang);
      return turn.present(view, { intro: [turn.text('lang.changed')], ...(pressed ? { pressed } : {}) });
    }
    case 'checklist': {
      const { view, created } = await turn.current(true);
      if (created || !view.result) return turn.present(view, { ...(pressed ? { pressed } : {}) });
      return turn.sendChecklist(view.result);
    }
    case 'answers': {
      const { view, created } = await turn.current();
      if (created) return turn.present(view, { ...(pressed ? { pressed } : {}) });
      return turn.sendAnswers(view);
    }
    default:
      break;
  }
  const { view, created } = await turn.current();
  if (created) {
    toast.text = turn.text('outdated');
    return turn.present(view, { ...(pressed ? { pressed } : {}) });
  }
  if (isChangeAction(action)) {
    if (!isChangeCurrent(action, turn.change, view)) return outdated();
    return onChangePress(turn, view, action, pressed);
  }
  if (!isCurrent(action, view)) return outdated();
  if (action.op === 'change') {
    const entry = view.answers[action.index];
    const question = entry ? questionById(entry.questionId) : undefined;
    if (!entry || !question) return outdated();
    const prompt = questionPrompt(question, view.lang, view.answers.length, view.pending, view.jurisdiction);
    const mask = prompt.kind === 'multi' && !entry.skipped ? maskOf(prompt, entry.answer, view.lang) : 0;
    // A hint left from an earlier input is not about this question: ask it afresh.
    const { error: _error, ...fresh } = view;
    return turn.askChange({ ...fresh, feedback: [] }, entry, prompt, { mask, ...(pressed !== undefined ? { pressed } : {}) });
  }
  if (action.op === 'toggle') {
    const count = view.prompt?.options?.length ?? 0;
    if (view.prompt?.kind !== 'multi' || action.index >= count || pressed === undefined) return outdated();
    const keyboard = stepKeyboard(view, (action.mask ^ (1 << action.index)) & ((1 << count) - 1));
    if (keyboard) await turn.editKeyboard(pressed, keyboard);
    return;
  }
  if (action.op === 'switchMenu') return turn.say(turn.text('switch.choose'), switchKeyboard(view));
  const event = eventFor(action, view);
  if (!event) return outdated();
  if (event.type === 'SWITCH') {
    const next = await turn.send(event);
    const intro = !next.error && next.applying ? [compiledTranslator(next.lang, 'flow')('switch.done', { title: next.applying.title })] : [];
    return turn.present(next, { intro, ...(pressed !== undefined ? { pressed } : {}) });
  }
  const next = await turn.send(event);
  const answered = action.op === 'choose' ? chosenIn(next) : ['answer', 'done', 'skip'].includes(action.op) ? answeredIn(next, action.questionId) : undefined;
  await turn.present(next, { ...(answered ? { answered } : {}), ...(pressed ? { pressed } : {}) });
}

/** A press on the live change prompt (checked current): toggle, cancel, or send the change. */
async function onChangePress(turn: ChatTurn, view: SessionView, action: ChangeAction, pressed: number | undefined): Promise<void> {
  const { questionId } = action;
  const question = questionById(questionId);
  if (!question) return;
  const prompt = questionPrompt(question, view.lang, view.answers.length, view.pending, view.jurisdiction);
  const options = prompt.options ?? [];
  switch (action.op) {
    case 'cancel':
      return cancelChange(turn, view);
    case 'changeToggle': {
      if (prompt.kind !== 'multi' || action.index >= options.length || pressed === undefined) return;
      const mask = (action.mask ^ (1 << action.index)) & ((1 << options.length) - 1);
      return turn.editKeyboard(pressed, changeKeyboard(view.lang, prompt, { questionId, token: action.token }, mask));
    }
    case 'changeTo': {
      const option = options[action.index];
      if (!option) return;
      return applyChange(turn, { type: 'CHANGE', questionId, value: option.value }, pressed);
    }
    case 'changeDone':
      if (prompt.kind !== 'multi') return;
      return applyChange(turn, { type: 'CHANGE', questionId, value: maskValues(prompt, action.mask) }, pressed);
    case 'changeSkip':
      return applyChange(turn, { type: 'CHANGE', questionId, value: null }, pressed);
  }
}

/**
 * Sends a change and shows what came of it: the new answer marked on the change prompt and the view (feedback
 * on conditions it left unmet, the question asked now, or the updated result); or, when it was not taken, the
 * hint and the same question again, the change still pending.
 */
async function applyChange(turn: ChatTurn, event: Extract<ConversationEvent, { type: 'CHANGE' }>, pressed?: number): Promise<void> {
  const next = await turn.send(event);
  const entry = next.answers.find((a) => a.questionId === event.questionId);
  const question = questionById(event.questionId);
  if (next.error && entry && question) {
    const prompt = questionPrompt(question, next.lang, next.answers.length, next.pending, next.jurisdiction);
    return turn.askChange({ ...next, feedback: [] }, entry, prompt, pressed !== undefined ? { pressed } : {});
  }
  const answered = answeredIn(next, event.questionId);
  const intro = entry && !next.error ? [turn.text('change.done', { question: entry.question, answer: entry.answer })] : [];
  await turn.present(next, { intro, ...(answered ? { answered } : {}), ...(pressed !== undefined ? { pressed } : {}) });
}

/** Drops the pending change and gives the user back where the conversation stands, the answer unchanged. */
async function cancelChange(turn: ChatTurn, view: SessionView): Promise<void> {
  const { error: _error, ...unchanged } = view;
  if (view.state === 'results') return turn.say(turn.text('change.cancelled'), resultsKeyboard(unchanged));
  await turn.present({ ...unchanged, feedback: [] }, { intro: [turn.text('change.cancelled')] });
}

/** The conversation event a current step button stands for; undefined if it names no option of the step. */
function eventFor(action: StepAction, view: SessionView): ConversationEvent | undefined {
  const option = 'index' in action ? view.prompt?.options?.[action.index] : undefined;
  switch (action.op) {
    case 'answer':
      return option ? { type: 'ANSWER', questionId: action.questionId, value: option.value } : undefined;
    case 'choose':
      return option ? { type: 'CHOOSE', value: String(option.value) } : undefined;
    case 'done':
      return view.prompt?.kind === 'multi' ? { type: 'ANSWER', questionId: action.questionId, value: selectedValues(view, action.mask) } : undefined;
    case 'skip':
      return { type: 'SKIP', questionId: action.questionId };
    case 'back':
      return { type: 'BACK' };
    case 'results':
      return { type: 'RESULTS' };
    case 'continue':
      return { type: 'CONTINUE' };
    case 'restart':
      return { type: 'RESTART' };
    case 'switchTo': {
      const target = JURISDICTIONS[action.index];
      return target ? { type: 'SWITCH', jurisdiction: target.id } : undefined;
    }
    default:
      return undefined;
  }
}
