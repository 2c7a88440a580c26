/**
 * The answers of a full conversation per jurisdiction, typed as people type them, found by playing it once through
 * the engine with the jurisdiction's eligible example profile. Shared by the turn benchmark and the soak.
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
}

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
  return { jurisdiction, turns };
}

/** A script's answers as the events a channel sends: ANSWER with the typed text, SKIP for "I don't know". */
export function scriptEvents(script: ConversationScript): ConversationEvent[] {
  return script.turns.map(({ questionId, value }) => (value === null ? { type: 'SKIP', questionId } : { type: 'ANSWER', questionId, value }));
}
