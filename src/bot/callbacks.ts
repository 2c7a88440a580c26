/**
 * What an inline button means, as callback data of at most 64 bytes.
 *
 * Buttons that act on the conversation carry the question they belong to and a short token of the exact step
 * that showed them (state, jurisdiction, question, number of answers so far): a press on a keyboard from an
 * earlier step no longer matches the conversation and is recognised as outdated, so it can never count twice.
 * Option buttons carry the option's index, not its value; multi-choice toggles carry the selection so far as a
 * bit mask, so that the selection lives in the keyboard and needs no storage.
 *
 * Changing an earlier answer: the answers list's Change buttons (`change`) are bound to the step like any other
 * step button and carry the answer's index in the history; the buttons of the change prompt (`changeTo`,
 * `changeToggle`, `changeDone`, `changeSkip`, `cancel`) carry the question being changed instead of the current
 * one, and are current only while that change is pending (see `isChangeCurrent`).
 *
 * Format: `<op>|<questionId>|<token>[|<arg>…]`, or `l|<lang>`, `k`, `m`, `x` for buttons that are valid at any time.
 */
import { createHash } from 'node:crypto';
import { isLang, type Lang } from '../i18n/index.js';
import type { View } from '../flows/conversation.js';

/** Telegram's limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** Buttons bound to one step of the conversation. */
export type StepAction =
  | { op: 'answer' | 'choose'; questionId: string; token: string; index: number }
  | { op: 'toggle'; questionId: string; token: string; mask: number; index: number }
  | { op: 'done'; questionId: string; token: string; mask: number }
  | { op: 'skip' | 'back' | 'results' | 'continue' | 'restart'; questionId: string; token: string }
  /** Offer the other texts (`switchMenu`); apply the text of `JURISDICTIONS[index]`, keeping every answer (`switchTo`). */
  | { op: 'switchMenu'; questionId: string; token: string }
  | { op: 'switchTo'; questionId: string; token: string; index: number }
  /** Change the answer at `index` of the history (a button of the answers list; `questionId` is the step's). */
  | { op: 'change'; questionId: string; token: string; index: number }
  | ChangeAction;

/** Buttons of a change prompt: `questionId` is the question being changed, `token` the step it was asked at. */
export type ChangeAction =
  | { op: 'changeTo'; questionId: string; token: string; index: number }
  | { op: 'changeToggle'; questionId: string; token: string; mask: number; index: number }
  | { op: 'changeDone'; questionId: string; token: string; mask: number }
  | { op: 'changeSkip' | 'cancel'; questionId: string; token: string };

/** What a button press asks for. */
export type Action = StepAction | { op: 'lang'; lang: Lang } | { op: 'checklist' } | { op: 'answers' } | { op: 'noop' };

const CODES = {
  answer: 'a',
  choose: 'j',
  toggle: 't',
  done: 'd',
  skip: 's',
  back: 'b',
  results: 'r',
  continue: 'c',
  restart: 'n',
  switchMenu: 'w',
  switchTo: 'p',
  change: 'e',
  changeTo: 'v',
  changeToggle: 'u',
  changeDone: 'f',
  changeSkip: 'y',
  cancel: 'q',
} as const satisfies Record<StepAction['op'], string>;
const CHANGE_OPS: ReadonlySet<StepAction['op']> = new Set(['changeTo', 'changeToggle', 'changeDone', 'changeSkip', 'cancel']);
const OPS = new Map<string, StepAction['op']>(Object.entries(CODES).map(([op, code]) => [code, op as StepAction['op']]));

const QUESTION_ID = /^[A-Za-z0-9.]{0,48}$/;
const TOKEN = /^[A-Za-z0-9_-]{6}$/;
const SMALL_INT = /^[0-9a-z]{1,4}$/;

/** The token of the step a view shows: changes whenever the question or the number of answers changes. */
export function stepToken(view: Pick<View, 'state' | 'jurisdiction' | 'answers' | 'prompt'>): string {
  const basis = `${view.state}|${view.jurisdiction ?? ''}|${view.prompt?.questionId ?? ''}|${view.answers.length}`;
  return createHash('sha256').update(basis).digest('base64url').slice(0, 6);
}

/** The question a view's buttons belong to (`''` in results). */
export function stepQuestion(view: Pick<View, 'state' | 'prompt'>): string {
  return view.state === 'results' ? '' : (view.prompt?.questionId ?? '');
}

/** Encodes `action` as callback data; throws if it would exceed Telegram's 64 bytes. */
export function encodeAction(action: Action): string {
  let data: string;
  switch (action.op) {
    case 'lang':
      data = `l|${action.lang}`;
      break;
    case 'checklist':
      data = 'k';
      break;
    case 'answers':
      data = 'm';
      break;
    case 'noop':
      data = 'x';
      break;
    case 'answer':
    case 'choose':
    case 'change':
    case 'changeTo':
    case 'switchTo':
      data = `${CODES[action.op]}|${action.questionId}|${action.token}|${action.index.toString(36)}`;
      break;
    case 'toggle':
    case 'changeToggle':
      data = `${CODES[action.op]}|${action.questionId}|${action.token}|${action.mask.toString(36)}|${action.index.toString(36)}`;
      break;
    case 'done':
    case 'changeDone':
      data = `${CODES[action.op]}|${action.questionId}|${action.token}|${action.mask.toString(36)}`;
      break;
    default:
      data = `${CODES[action.op]}|${action.questionId}|${action.token}`;
  }
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) throw new RangeError(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
  return data;
}

/** Decodes callback data; undefined for anything this bot did not produce (or a format it no longer uses). */
export function decodeAction(data: string): Action | undefined {
  if (data === 'k') return { op: 'checklist' };
  if (data === 'm') return { op: 'answers' };
  if (data === 'x') return { op: 'noop' };
  const parts = data.split('|');
  if (parts[0] === 'l') return parts.length === 2 && isLang(parts[1]) ? { op: 'lang', lang: parts[1] } : undefined;
  const op = OPS.get(parts[0] ?? '');
  const [, questionId = '', token = '', ...args] = parts;
  if (!op || !QUESTION_ID.test(questionId) || !TOKEN.test(token) || !args.every((a) => SMALL_INT.test(a))) return undefined;
  const numbers = args.map((a) => Number.parseInt(a, 36));
  switch (op) {
    case 'answer':
    case 'choose':
    case 'change':
    case 'changeTo':
    case 'switchTo':
      return numbers.length === 1 ? { op, questionId, token, index: numbers[0] as number } : undefined;
    case 'toggle':
    case 'changeToggle':
      return numbers.length === 2 ? { op, questionId, token, mask: numbers[0] as number, index: numbers[1] as number } : undefined;
    case 'done':
    case 'changeDone':
      return numbers.length === 1 ? { op, questionId, token, mask: numbers[0] as number } : undefined;
    default:
      return numbers.length === 0 ? { op, questionId, token } : undefined;
  }
}

/** Whether a step button still belongs to the step `view` shows. */
export function isCurrent(action: StepAction, view: Pick<View, 'state' | 'jurisdiction' | 'answers' | 'prompt'>): boolean {
  return action.token === stepToken(view) && action.questionId === stepQuestion(view);
}

/** Whether a step action is a button of a change prompt. */
export function isChangeAction(action: StepAction): action is ChangeAction {
  return CHANGE_OPS.has(action.op);
}

/** A pending change of an earlier answer: the question, and the token of the step it was asked at. */
export interface PendingChange {
  questionId: string;
  token: string;
}

/**
 * Whether `change` (kept in the chat's record) still applies to the conversation `view` shows: the conversation
 * is at the same step, and the question is among the answers given.
 */
export function isChangePending(change: PendingChange | undefined, view: Pick<View, 'state' | 'jurisdiction' | 'answers' | 'prompt'>): change is PendingChange {
  return change !== undefined && change.token === stepToken(view) && view.answers.some((a) => a.questionId === change.questionId);
}

/** Whether a change prompt's button belongs to the change still pending (and the step it was asked at). */
export function isChangeCurrent(action: ChangeAction, change: PendingChange | undefined, view: Pick<View, 'state' | 'jurisdiction' | 'answers' | 'prompt'>): boolean {
  return isChangePending(change, view) && action.questionId === change.questionId && action.token === change.token;
}
