/**
 * Answers found in a document put into a conversation (`src/flows/fill-in.ts`): unanswered questions of the
 * applied text take them, as typed; an answer given stands; what the conversation refuses is said with why.
 */
import { describe, expect, it } from 'vitest';
import { answersInLines } from '../src/flows/document-answers.js';
import { fillIn } from '../src/flows/fill-in.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { MemorySessionStore } from '../src/store/memory.js';

const TODAY = '2026-11-23';
const found = (...lines: string[]) => answersInLines(lines, TODAY).found;

describe('filling a conversation from a document', () => {
  it('takes a layout and what it says along (一核两园: two branches) before the count the file gives again', async () => {
    const sessions = new ConversationSessions(new MemorySessionStore(), () => TODAY);
    const { id } = await sessions.create({ jurisdiction: 'guangxi' });
    const filled = await fillIn(sessions, id, found('分园区数量：3个', '园区布局：一核两园', '园区总建筑面积1.2万平方米'));
    expect(filled?.taken.map((a) => a.questionId)).toEqual(['layout', 'floorArea']);
    // The layout answered the branch count along (2): the file's 3 does not replace it, and is reported.
    expect(filled?.kept.map((a) => a.questionId)).toEqual(['branchCount']);
    expect(filled?.view.answers.find((a) => a.questionId === 'branchCount')?.answer).toBe('2 个');
  });

  it('refuses what a typed answer would be refused for, and says why; the rest is taken', async () => {
    const sessions = new ConversationSessions(new MemorySessionStore(), () => TODAY);
    const { id } = await sessions.create({ jurisdiction: 'shandong' });
    await sessions.send(id, { type: 'ANSWER', questionId: 'layout', value: '一个园区' });
    const filled = await fillIn(sessions, id, found('园区总建筑面积8000平方米', '入驻面积9000平方米'));
    expect(filled?.taken.map((a) => a.questionId)).toEqual(['floorArea']);
    expect(filled?.refused.map((r) => r.answer.questionId)).toEqual(['occupiedArea']);
    expect(filled?.refused[0]?.message).toBe('入驻机构使用面积不能大于园区建筑面积，请核对后重新输入。');
  });

  it('does nothing before a text is chosen, nor for a conversation that is not there', async () => {
    const sessions = new ConversationSessions(new MemorySessionStore(), () => TODAY);
    const { id } = await sessions.create({});
    expect(await fillIn(sessions, id, found('园区总建筑面积8000平方米'))).toBeUndefined();
    expect(await fillIn(sessions, 'no-such-id', found('园区总建筑面积8000平方米'))).toBeUndefined();
  });
});
