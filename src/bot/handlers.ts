/**
 * What the bot does with each command, button press and typed message. Every handler runs one turn (see
 * `turn.ts`) against the shared conversation flows; typed text goes through the same parser as every channel
 * (an ANSWER with the text as typed), and button presses are checked against the step that showed them.
 */
import { Composer, type Context } from 'grammy';
import type { ConversationEvent } from '../flows/machine.js';
import { matchJurisdiction } from '../flows/places.js';
import type { SessionView } from '../flows/sessions.js';
import { type Action, decodeAction, isCurrent, type StepAction } from './callbacks.js';
import { helpText } from './commands.js';
import { apologyFor } from './errors.js';
import { jurisdictionName, languageKeyboard, selectedValues, stepKeyboard } from './keyboards.js';
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
    default:
      break;
  }
  const { view, created } = await turn.current();
  if (created) {
    toast.text = turn.text('outdated');
    return turn.present(view, { ...(pressed ? { pressed } : {}) });
  }
  if (!isCurrent(action, view)) return outdated();
  if (action.op === 'toggle') {
    const count = view.prompt?.options?.length ?? 0;
    if (view.prompt?.kind !== 'multi' || action.index >= count || pressed === undefined) return outdated();
    const keyboard = stepKeyboard(view, (action.mask ^ (1 << action.index)) & ((1 << count) - 1));
    if (keyboard) await turn.editKeyboard(pressed, keyboard);
    return;
  }
  const event = eventFor(action, view);
  if (!event) return outdated();
  const next = await turn.send(event);
  const answered = action.op === 'choose' ? chosenIn(next) : ['answer', 'done', 'skip'].includes(action.op) ? answeredIn(next, action.questionId) : undefined;
  await turn.present(next, { ...(answered ? { answered } : {}), ...(pressed ? { pressed } : {}) });
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
    default:
      return undefined;
  }
}
