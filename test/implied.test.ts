/**
 * Answers that say more than they are asked: 一个核心园加两个分园 answers 园区布局 and the number of branch parks, which
 * the conversation then does not ask again; BACK undoes both together.
 */
import { describe, expect, it } from 'vitest';
import { advanceConversation, startConversation, type View } from '../src/flows/conversation.js';
import { layoutWithBranches } from '../src/flows/implied.js';
import type { ConversationEvent } from '../src/flows/machine.js';
import { typedText } from '../src/flows/parse.js';
import type { Lang } from '../src/i18n/index.js';
import type { JurisdictionId } from '../src/rules/types.js';

const DATE = '2026-11-23';

describe('a layout said with its branch count', () => {
  it.each([
    ['一个核心园加两个分园', 2],
    ['1个核心园区和3个分园区', 3],
    ['核心园区加两个分园区', 2],
    ['有一个核心园区，下设4个分园', 4],
    ['一核两园', 2],
    ['一核三园吧', 3],
    ['两个分园', 2],
    ['有3个分园区', 3],
    ['a core park and two branches', 2],
    ['One core park plus 3 branch parks', 3],
    ['two branch parks', 2],
  ])('%s → 设立多个园区, %i branch parks', (text, count) => {
    expect(layoutWithBranches(typedText(text) ?? '')).toEqual({ value: 'multi', implied: [{ questionId: 'branchCount', value: count }] });
  });

  it.each([
    // The parks, not the branches: whether the core is among them is not said, so the count is asked.
    '两个园区',
    '三个园区',
    // No count, or none that is one whole figure of at least one.
    '一核多园',
    '核心园区加分园区',
    '一个核心园加0个分园',
    '一个核心园加两三个分园',
    '就一个',
  ])('%s says no branch count', (text) => {
    expect(layoutWithBranches(typedText(text) ?? '')).toBeUndefined();
  });
});

/** A conversation driven through its stored snapshot, as a session store keeps it (Jilin asks the branch count). */
function converse(lang: Lang = 'zh-CN', jurisdiction: JurisdictionId = 'jilin') {
  let { persisted, view } = startConversation({ jurisdiction, lang, date: DATE });
  const send = (event: ConversationEvent): View => {
    ({ persisted, view } = JSON.parse(JSON.stringify(advanceConversation(persisted, event, true))) as { persisted: unknown; view: View });
    return view;
  };
  const answer = (value: unknown) => send({ type: 'ANSWER', questionId: view.prompt?.questionId ?? '', value });
  const shown = (questionId: string) => view.answers.find((a) => a.questionId === questionId)?.answer;
  return { send, answer, shown, get view() { return view; } };
}

describe('in the conversation', () => {
  it('takes both answers, says so once, and never asks the branch count (Guangxi: then each branch\'s figures)', () => {
    const c = converse('zh-CN', 'guangxi');
    c.answer('一个核心园加两个分园');
    expect(c.view.error).toBeUndefined();
    expect(c.view.taken).toBe('已一并记下：分园区数量 2 个。');
    expect(c.shown('layout')).toBe('设立多个园区（核心园区加分园区）');
    expect(c.shown('branchCount')).toBe('2 个');
    const asked: string[] = [];
    for (let i = 0; i < 80 && c.view.state === 'interviewing'; i++) {
      asked.push(c.view.prompt?.questionId ?? '');
      c.send({ type: 'SKIP' });
    }
    expect(asked).not.toContain('branchCount');
    // The two branches' own figures are asked, as after a count typed on its own.
    expect(asked.filter((id) => id.startsWith('branches.1.')).length).toBeGreaterThan(0);
    expect(asked.filter((id) => id.startsWith('branches.2.'))).toEqual([]);
  });

  it('BACK undoes the layout and the count said with it, in one step', () => {
    const c = converse();
    c.answer('一核两园');
    expect(c.view.prompt?.questionId).toBe('parkType');
    c.send({ type: 'BACK' });
    expect(c.view.prompt?.questionId).toBe('layout');
    expect(c.shown('branchCount')).toBeUndefined();
    // Nothing left behind stands in the way of a different answer.
    c.answer('就一个');
    expect(c.view.error).toBeUndefined();
    expect(c.shown('layout')).toBe('设立一个园区');
  });

  it('a count typed on its own is undone on its own', () => {
    const c = converse();
    c.answer('有分园');
    expect(c.view.prompt?.questionId).toBe('branchCount');
    c.answer('2');
    expect(c.view.prompt?.questionId).toBe('parkType');
    c.send({ type: 'BACK' });
    expect(c.view.prompt?.questionId).toBe('branchCount');
    expect(c.shown('layout')).toBe('设立多个园区（核心园区加分园区）');
  });

  it('changing the layout from the results with a new count changes both', () => {
    const c = converse();
    c.answer('一核两园');
    c.send({ type: 'RESULTS' });
    c.send({ type: 'CHANGE', questionId: 'layout', value: '一核三园' });
    expect(c.shown('branchCount')).toBe('3 个');
  });

  it('in English', () => {
    const c = converse('en');
    c.answer('a core park and two branches');
    expect(c.view.taken).toBe('Also noted: 2 branch parks.');
  });
});
