/**
 * A part given as a share of its whole (src/flows/shares.ts): 入驻面积 "60%" or "一半左右" of the 建筑面积 already
 * answered is read as the part's figure or range, said back as such, and only where the part has a known whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceConversation, startConversation, type View } from '../src/flows/conversation.js';
import { answerSpec } from '../src/flows/prompts.js';
import { questionById } from '../src/flows/questions.js';
import { shareOfWhole } from '../src/flows/shares.js';
import type { Facts } from '../src/rules/facts.js';

const occupied = questionById('occupiedArea')!;
const commercial = questionById('commercialHrInstitutions')!;
const read = (typed: string, facts: Facts, question = occupied) => shareOfWhole(question, typed, facts, answerSpec(question));

describe('a share of a known whole', () => {
  it.each<[string, Facts, unknown]>([
    ['60%', { floorArea: 12_000 }, 7200],
    ['占60%', { floorArea: 12_000 }, 7200],
    ['一半', { floorArea: 12_000 }, 6000],
    ['占总面积的一半', { floorArea: 12_000 }, 6000],
    ['一半左右', { floorArea: 12_000 }, { min: 5400, max: 6600 }],
    ['约占六成', { floorArea: 12_000 }, { min: 6480, max: 7920 }],
    ['超过一半', { floorArea: 12_000 }, { min: 6000.01 }],
    ['不到一半', { floorArea: 12_000 }, { max: 5999.99 }],
    ['全部', { floorArea: 12_000 }, 12_000],
    ['about half', { floorArea: 12_000 }, { min: 5400, max: 6600 }],
    ['two thirds of the floor area', { floorArea: 12_000 }, 8000],
    // A whole known as a range: the share's bounds over the whole's, rounded outward; past a figure is one unit past.
    ['一半', { floorArea: { min: 12_000, max: 14_000 } }, { min: 6000, max: 7000 }],
    ['大半', { floorArea: { min: 12_000.01, max: 12_999.99 } }, { min: 6000.01, max: 12_999.99 }],
    ['六成多', { floorArea: 12_000 }, { min: 7200.01, max: 8399.99 }],
    ['入驻率60%', { floorArea: 12_000 }, 7200],
    ['出租率八成', { floorArea: 12_000 }, 9600],
  ])('%s of %j', (typed, facts, expected) => {
    expect(read(typed, facts)).toEqual({ ok: true, value: expected, reading: 'share' });
  });

  it('counts whole institutions: a share that falls between two is the two', () => {
    expect(read('一半', { hrInstitutions: 25 }, commercial)).toEqual({ ok: true, value: { min: 12, max: 13 }, reading: 'share' });
    expect(read('三分之二', { hrInstitutions: 25 }, commercial)).toEqual({ ok: true, value: { min: 16, max: 17 }, reading: 'share' });
    expect(read('80%', { hrInstitutions: 40 }, commercial)).toEqual({ ok: true, value: 32, reading: 'share' });
  });

  it('reads nothing without the whole, for a figure that is no share, or for a share over the whole', () => {
    expect(read('60%', {})).toBeUndefined();
    expect(read('150%', { floorArea: 12_000 })).toBeUndefined();
    expect(read('很多', { floorArea: 12_000 })).toBeUndefined();
    // Not a part of anything: the park's floor area itself.
    expect(read('60%', { floorArea: 12_000 }, questionById('floorArea')!)).toBeUndefined();
    // A branch park's figures are asked branch by branch, not as shares.
    expect(read('一半', { floorArea: 12_000 }, questionById('branches.0.occupiedArea')!)).toBeUndefined();
  });

  it('never leaves out a value the share allows (property: every exact share of every exact whole is inside)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 2_000_000 }), (basisPoints, cents) => {
        const percent = basisPoints / 100;
        const whole = cents / 100;
        const result = read(`${percent}%`, { floorArea: whole });
        if (!result?.ok) return false;
        const exact = (percent / 100) * whole;
        const value = result.value as number | { min?: number; max?: number };
        const [min, max] = typeof value === 'number' ? [value, value] : [value.min ?? 0, value.max ?? Infinity];
        return min <= exact + 0.005 && exact - 0.005 <= max && max - min <= 0.02;
      }),
    );
  });

  it('never leaves out a value the share allows of a whole known as a range (property)', () => {
    // A spread of at least one step: bounds whose ends meet are an exact whole, read as one rounded figure (above).
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (basisPoints, low, spread) => {
        const percent = basisPoints / 100;
        const result = read(`${percent}%`, { floorArea: { min: low / 100, max: (low + spread) / 100 } });
        if (!result?.ok) return false;
        const value = result.value as number | { min?: number; max?: number };
        const [min, max] = typeof value === 'number' ? [value, value] : [value.min ?? 0, value.max ?? Infinity];
        const ends = [(percent / 100) * (low / 100), (percent / 100) * ((low + spread) / 100)];
        return ends.every((end) => min <= end + 1e-6 && end - 1e-6 <= max);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a whole given as bounds whose ends meet as that exact whole (the case the range property leaves out)', () => {
    // 99.99 % of 4,999.96 m² is 4,999.460004 m²: one figure to the hundredth, as for a whole given as a number.
    expect(read('99.99%', { floorArea: { min: 4_999.96, max: 4_999.96 } })).toEqual(read('99.99%', { floorArea: 4_999.96 }));
    expect(read('99.99%', { floorArea: 4_999.96 })).toEqual({ ok: true, value: 4_999.46, reading: 'share' });
  });
});

describe('in the conversation', () => {
  /** A Shandong conversation up to the question on the floor area occupied by institutions. */
  function atOccupiedArea(lang: 'zh-CN' | 'en') {
    let { persisted, view } = startConversation({ jurisdiction: 'shandong', lang, date: '2026-11-23' });
    const answers: Record<string, string> = { layout: '一个', locationType: '设区市', floorArea: '12000' };
    for (let i = 0; i < 10 && view.prompt?.questionId !== 'occupiedArea'; i++) {
      const id = view.prompt?.questionId as string;
      ({ persisted, view } = advanceConversation(persisted, { type: 'ANSWER', questionId: id, value: answers[id] ?? '是' }));
    }
    expect(view.prompt?.questionId).toBe('occupiedArea');
    return persisted;
  }
  const answer = (view: View) => view.answers.find((a) => a.questionId === 'occupiedArea')?.answer;

  it('says how a share was taken, in the text of the whole, and keeps the figure as the answer', () => {
    const zh = advanceConversation(atOccupiedArea('zh-CN'), { type: 'ANSWER', questionId: 'occupiedArea', value: '一半左右' }).view;
    expect(zh.error).toBeUndefined();
    expect(zh.taken).toBe('按 5,400–6,600 平方米计（按园区建筑面积折算）。');
    expect(answer(zh)).toBe('5,400–6,600 平方米');
    const en = advanceConversation(atOccupiedArea('en'), { type: 'ANSWER', questionId: 'occupiedArea', value: '60%' }).view;
    expect(en.taken).toBe('Taken as 7,200 m², worked out from your answer to “Floor area of the park”.');
    expect(answer(en)).toBe('7,200 m²');
  });

  it('still reads a figure as a figure, and a share it cannot read gets the usual hint', () => {
    const figure = advanceConversation(atOccupiedArea('zh-CN'), { type: 'ANSWER', questionId: 'occupiedArea', value: '8000' }).view;
    expect(figure.taken).toBeUndefined();
    expect(answer(figure)).toBe('8,000 平方米');
    const tooMuch = advanceConversation(atOccupiedArea('zh-CN'), { type: 'ANSWER', questionId: 'occupiedArea', value: '150%' }).view;
    expect(tooMuch.error?.message).toContain('本题问的是面积');
  });
});
