/**
 * What conversations tell their observers (operators' metrics, enquiry insights): the contract, and the pure
 * helpers that derive it from a view — where a conversation waits, a result reduced to its verdict and statuses,
 * the facts just answered 不清楚. Nothing here carries an answer, an id or free text.
 */
import type { AssessmentResult } from '../rules/evaluate.js';
import type { FactName } from '../rules/facts.js';
import type { JurisdictionId, Status, Verdict } from '../rules/types.js';
import { contextOf, type View } from './conversation.js';
import { questionById } from './questions.js';
import type { SessionChannel } from './sessions.js';

/** The question a conversation waits at (a question id of `questions.ts`, under its jurisdiction). */
export interface WaitingAt {
  jurisdiction: JurisdictionId;
  questionId: string;
}

/** A result without anything the user said: the verdict and each criterion's status. */
export interface ResultSummary {
  jurisdiction: JurisdictionId;
  verdict: Verdict;
  criteria: { id: string; status: Status }[];
  /** Exactly one required criterion is unmet. */
  closeToEligible: boolean;
}

/** Facts shared by a new conversation and a turn: where and when it stands, never what was answered. */
interface Progress {
  /** The day of the event in China (`YYYY-MM-DD`). */
  day: string;
  /** Set when the conversation entered this jurisdiction for the first time (preset at creation, or chosen). */
  started?: JurisdictionId;
  /** The question it now waits at; null while choosing a jurisdiction or at the result. */
  waiting: WaitingAt | null;
}

/** One turn as observers see it: no answer, no id, nothing personal. */
export interface TurnInfo extends Progress {
  jurisdiction: JurisdictionId | null;
  channel: SessionChannel;
  state: View['state'];
  /** Set when the turn produced a result (the interview ended, or results were asked for). */
  verdict?: string;
  /** Set the first time the conversation reaches the result of a jurisdiction (later what-ifs are not recounted). */
  firstResult?: ResultSummary;
  /** The facts answered 不清楚 (skipped, or an answer read as "unknown") on this turn. */
  unknownFacts: FactName[];
  /** Where it waited before this turn and since which day (null: nowhere countable, or a session older than tallies). */
  waitedBefore: { at: WaitingAt; day: string } | null;
}

/** A new conversation as observers see it. */
export interface CreatedInfo extends Progress {
  channel: SessionChannel;
}

/** Told about conversations as they happen (metrics, insights); must not throw and must return at once. */
export interface SessionObserver {
  created?(info: CreatedInfo): void;
  turn?(info: TurnInfo): void;
}

/** Several observers as one, each told in turn; one that throws does not keep the others from being told. */
export function combineObservers(...observers: (SessionObserver | undefined)[]): SessionObserver {
  const present = observers.filter((o): o is SessionObserver => o !== undefined);
  const each = (tell: (o: SessionObserver) => void) => {
    for (const observer of present) {
      try {
        tell(observer);
      } catch (error) {
        console.error('[sessions] an observer failed', error);
      }
    }
  };
  return {
    created: (info) => each((o) => o.created?.(info)),
    turn: (info) => each((o) => o.turn?.(info)),
  };
}

/** Where a view waits, if at a question of a chosen jurisdiction. */
export function waitingOf(view: View): WaitingAt | null {
  if (view.state !== 'interviewing' || !view.jurisdiction || !view.prompt) return null;
  return { jurisdiction: view.jurisdiction, questionId: view.prompt.questionId };
}

/** The summary of a result: the verdict and statuses only (what insights count). */
export function summarizeResult(result: AssessmentResult): ResultSummary {
  const unmetRequired = result.criteria.filter((c) => c.severity === 'required' && c.status === 'unmet').length;
  return {
    jurisdiction: result.jurisdiction,
    verdict: result.verdict,
    criteria: result.criteria.map((c) => ({ id: c.id, status: c.status })),
    closeToEligible: unmetRequired === 1,
  };
}

/** The facts of questions skipped now that were not skipped before. */
export function newlySkipped(before: unknown, after: unknown): FactName[] {
  const was = new Set(skippedOf(before));
  const facts = skippedOf(after)
    .filter((id) => !was.has(id))
    .flatMap((id) => {
      const question = questionById(id);
      return question ? [question.fact] : [];
    });
  return [...new Set(facts)];
}

function skippedOf(persisted: unknown): string[] {
  try {
    return contextOf(persisted).skipped;
  } catch {
    return [];
  }
}
