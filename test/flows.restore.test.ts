/**
 * Restoring a stored conversation skips re-validating facts that passed FactsSchema before (by content); these
 * tests prove that nothing unvalidated gets through that shortcut: stored facts changed after a valid turn, or
 * holding values JSON would not give back, are refused exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { advanceConversation, describeConversation, IncompatibleConversationError, persistedOf, startConversation } from '../src/flows/conversation.js';
import { conversationMachine, currentQuestion } from '../src/flows/machine.js';
import type { Prompt } from '../src/flows/prompts.js';
import { contentKey } from '../src/flows/valid-facts.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { valueFor } from './support/typing.js';
import { EDGE_DATE } from './support/edges.js';

/** A conversation a few answers in, as a store gives it back (a fresh JSON copy). */
function storedAfterAnswers(): { persisted: Record<string, any> } {
  let { persisted } = startConversation({ jurisdiction: 'guangxi', lang: 'zh-CN', date: EDGE_DATE });
  for (const value of ['单一园区', '综合性', '1.2万平方米']) {
    const prompt = describeConversation(persisted).prompt;
    persisted = JSON.parse(JSON.stringify(advanceConversation(persisted, { type: 'ANSWER', questionId: prompt!.questionId, value }).persisted));
  }
  return { persisted: persisted as Record<string, any> };
}

const eligible = Object.fromEntries(
  JURISDICTION_IDS.map((id) => [id, JSON.parse(readFileSync(new URL(`../examples/${id}-eligible.json`, import.meta.url), 'utf8')) as Facts]),
) as Record<(typeof JURISDICTION_IDS)[number], Facts>;

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('restoring a stored conversation', () => {
  it('takes the facts a valid turn stored, and gives the same view each time', () => {
    const { persisted } = storedAfterAnswers();
    expect(typeof persisted.context.facts.floorArea).toBe('number');
    const first = describeConversation(copy(persisted));
    expect(describeConversation(copy(persisted))).toEqual(first);
  });

  it('refuses stored facts changed after they were validated (a part larger than its whole, an unknown fact)', () => {
    const { persisted } = storedAfterAnswers();
    describeConversation(copy(persisted));
    const contradicting = copy(persisted);
    contradicting.context.facts.occupiedArea = persisted.context.facts.floorArea + 1;
    expect(() => describeConversation(contradicting)).toThrow(IncompatibleConversationError);
    const unknownFact = copy(persisted);
    unknownFact.context.facts.bogus = 1;
    expect(() => advanceConversation(unknownFact, { type: 'BACK' })).toThrow(IncompatibleConversationError);
  });

  it('refuses values JSON would not give back, even where their JSON form was valid', () => {
    const { persisted } = storedAfterAnswers();
    const notANumber = copy(persisted);
    notANumber.context.facts.floorArea = Number.NaN;
    expect(() => describeConversation(notANumber)).toThrow(IncompatibleConversationError);
    // An object that writes itself other than as its content (a hidden toJSON) gets no key either.
    const disguised = Object.defineProperty({ min: 1 }, 'toJSON', { value: () => 12_000, enumerable: false });
    for (const odd of [undefined, Number.NaN, Infinity, -0, new Date(0), new Map(), [1, , 2], disguised, () => 1]) {
      expect(contentKey({ floorArea: odd })).toBeUndefined();
    }
    expect(contentKey({ a: 1, b: ['x', true, null] })).toBe(JSON.stringify({ a: 1, b: ['x', true, null] }));
  });

  it('refuses a damaged shape around valid facts', () => {
    const { persisted } = storedAfterAnswers();
    const damaged = copy(persisted);
    damaged.context.history = 'floorArea';
    expect(() => describeConversation(damaged)).toThrow(IncompatibleConversationError);
  });
});

describe('the persisted snapshot', () => {
  it("is xstate's own getPersistedSnapshot, key for key, on every state of every text's conversation (refusals, BACK and RESULTS included)", () => {
    for (const jurisdiction of JURISDICTION_IDS) {
      const actor = createActor(conversationMachine, { input: { jurisdiction, lang: 'zh-CN', date: EDGE_DATE } }).start();
      const compare = () => {
        const ours = persistedOf(actor.getSnapshot());
        expect(ours).toEqual(actor.getPersistedSnapshot());
        expect(JSON.stringify(ours)).toBe(JSON.stringify(actor.getPersistedSnapshot()));
      };
      compare();
      for (let turn = 0; actor.getSnapshot().value === 'interviewing' && turn < 120; turn++) {
        const question = currentQuestion(actor.getSnapshot().context);
        if (!question) break;
        if (turn % 5 === 2) actor.send({ type: 'ANSWER', questionId: question.id, value: '说不好' });
        else if (turn % 7 === 3) actor.send({ type: 'BACK' });
        else {
          const value = valueFor({ questionId: question.id } as Prompt, eligible[jurisdiction]);
          actor.send(value === undefined ? { type: 'SKIP' } : { type: 'ANSWER', questionId: question.id, value });
        }
        compare();
      }
      expect(actor.getSnapshot().value).toBe('results');
      actor.send({ type: 'CHANGE', questionId: 'floorArea', value: '3000平方米' });
      compare();
      actor.stop();
    }
  });
});
