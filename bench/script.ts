/**
 * The answers of a full conversation per jurisdiction, typed as people type them, found by playing it once through
 * the engine with the jurisdiction's eligible example profile. Shared by the turn benchmark, the soak and the
 * profile.
 *
 * Each replayed conversation gets figures of its own (`scriptTurn`, `scriptEvents` with a conversation number):
 * the engine remembers outcomes by the facts' content, and five scripts replayed identically would find every
 * turn's facts already checked — a cache no real crowd of applicants would give it.
 */
import { readFileSync } from 'node:fs';
import { advanceConversation, startConversation } from '../src/flows/conversation.js';
import type { ConversationEvent } from '../src/flows/machine.js';
import type { Facts } from '../src/rules/facts.js';
import type { JurisdictionId } from '../src/rules/types.js';
import { typed, valueFor } from '../test/support/typing.js';

/** One answer: the question and the typed text, or null for "I don't know". */
export interface ScriptTurn {
  questionId: string;
  value: string | null;
}

/** A full conversation that reaches the results. */
export interface ConversationScript {
  jurisdiction: JurisdictionId;
  turns: ScriptTurn[];
  /** The example's figures that each conversation varies (square metres), by question id. */
  figures: Partial<Record<string, number>>;
}

/**
 * Figures made distinct per conversation: 建筑面积 and 入驻面积 both grow by the conversation's number (in m²), so
 * that the part stays within its whole and its share only grows: the verdict and the questions stay the same.
 */
const VARIED = ['floorArea', 'occupiedArea'] as const;

/** Plays a full conversation once and records its answers. */
export function conversationScript(jurisdiction: JurisdictionId, date: string): ConversationScript {
  const facts = JSON.parse(readFileSync(new URL(`../examples/${jurisdiction}-eligible.json`, import.meta.url), 'utf8')) as Facts;
  let { persisted, view } = startConversation({ jurisdiction, lang: 'zh-CN', date });
  const turns: ScriptTurn[] = [];
  for (let i = 0; view.state === 'interviewing' && i < 200; i++) {
    const prompt = view.prompt;
    if (!prompt) throw new Error(`${jurisdiction}: interviewing without a prompt`);
    const fact = valueFor(prompt, facts);
    const value = fact === undefined ? null : typed(prompt, fact, 'zh-CN', i);
    ({ persisted, view } = advanceConversation(
      persisted,
      value === null ? { type: 'SKIP', questionId: prompt.questionId } : { type: 'ANSWER', questionId: prompt.questionId, value },
    ));
    if (view.error) throw new Error(`${jurisdiction}: ${prompt.questionId} was refused (${view.error.code})`);
    turns.push({ questionId: prompt.questionId, value });
  }
  if (view.state !== 'results') throw new Error(`${jurisdiction}: the script does not reach the results`);
  const figures = Object.fromEntries(VARIED.flatMap((fact) => (typeof facts[fact] === 'number' ? [[fact, facts[fact]]] : [])));
  return { jurisdiction, turns, figures };
}

/** Turn `i` of the script as conversation number `conversation` types it (0: as the script has it). */
export function scriptTurn(script: ConversationScript, i: number, conversation: number): ScriptTurn | undefined {
  const turn = script.turns[i];
  const base = turn && script.figures[turn.questionId];
  if (!turn || base === undefined || conversation === 0) return turn;
  return { questionId: turn.questionId, value: `${base + conversation}平方米` };
}

/**
 * A script's answers as the events a channel sends (ANSWER with the typed text, SKIP for "I don't know"), as
 * conversation number `conversation` types them.
 */
export function scriptEvents(script: ConversationScript, conversation = 0): ConversationEvent[] {
  return script.turns.map((_turn, i) => {
    const { questionId, value } = scriptTurn(script, i, conversation) as ScriptTurn;
    return value === null ? { type: 'SKIP', questionId } : { type: 'ANSWER', questionId, value };
  });
}
