/**
 * Restoring a stored conversation skips re-validating facts that passed FactsSchema before (by content); these
 * tests prove that nothing unvalidated gets through that shortcut: stored facts changed after a valid turn, or
 * holding values JSON would not give back, are refused exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { advanceConversation, describeConversation, IncompatibleConversationError, startConversation } from '../src/flows/conversation.js';
import { contentKey } from '../src/flows/valid-facts.js';
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
