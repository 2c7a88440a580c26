/**
 * Answers found in a document the applicant sent (`document-answers.ts`) put into their conversation, as a careful
 * clerk would: only questions the applied text asks, only those not answered yet (a question left open with 不清楚
 * counts as not answered: the document knows), each as if typed — a CHANGE, refused exactly as a typed answer would
 * be. An answer already given is never replaced: the person's word stands, and the document's value is reported
 * beside it. Channels that take files (the Telegram bot) say what was taken, kept and refused.
 */
import { jurisdictionOn } from '../rules/registry.js';
import type { FoundAnswer } from './document-answers.js';
import { answerOf } from './machine.js';
import { factsAsked, QUESTION_ORDER, questionById } from './questions.js';
import type { ConversationSessions, SessionView } from './sessions.js';

/** What filling a conversation from a document did with each answer found. */
export interface FilledIn {
  /** Where the conversation stands afterwards. */
  view: SessionView;
  /** Answers taken: their questions were unanswered (or left open). */
  taken: FoundAnswer[];
  /** Answers to questions already answered: not taken, the answer given stands. */
  kept: FoundAnswer[];
  /** Answers the conversation refused, with why (in its language). */
  refused: { answer: FoundAnswer; message: string }[];
  /** Answers to questions the applied text does not ask (or per-branch figures, which documents do not give). */
  notAsked: FoundAnswer[];
}

/**
 * Puts `found` into conversation `id`, in the order the questions are asked (a layout before its branch count).
 * Undefined when there is no such conversation, or no text is applied yet (nothing says which questions count).
 */
export async function fillIn(sessions: ConversationSessions, id: string, found: readonly FoundAnswer[]): Promise<FilledIn | undefined> {
  let gathered = await sessions.gathered(id);
  if (!gathered?.jurisdiction) return undefined;
  const asked = new Set<string>(factsAsked(jurisdictionOn(gathered.jurisdiction, gathered.date)));
  const filled: Omit<FilledIn, 'view'> = { taken: [], kept: [], refused: [], notAsked: [] };
  let view: SessionView | undefined;
  for (const answer of inAskingOrder(found)) {
    const question = questionById(answer.questionId);
    if (!question || question.branch !== undefined || !asked.has(question.fact)) {
      filled.notAsked.push(answer);
      continue;
    }
    // As the conversation now stands: an earlier answer of the document may have answered this one along (一核两园).
    if (answerOf(gathered.facts, question) !== undefined) {
      filled.kept.push(answer);
      continue;
    }
    view = await sessions.send(id, { type: 'CHANGE', questionId: answer.questionId, value: answer.text });
    if (!view) return undefined;
    if (view.error) filled.refused.push({ answer, message: view.error.message });
    else filled.taken.push(answer);
    gathered = (await sessions.gathered(id)) ?? gathered;
  }
  view ??= await sessions.get(id);
  return view && { view, ...filled };
}

function inAskingOrder(found: readonly FoundAnswer[]): FoundAnswer[] {
  const at = (answer: FoundAnswer) => {
    const fact = questionById(answer.questionId)?.fact;
    const i = fact === undefined ? -1 : QUESTION_ORDER.indexOf(fact);
    return i < 0 ? QUESTION_ORDER.length : i;
  };
  return [...found].sort((a, b) => at(a) - at(b));
}
