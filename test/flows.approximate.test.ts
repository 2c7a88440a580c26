/**
 * Approximate and colloquial answers through the conversation (issue 11 §1): a range is stored as bounds and said
 * back ("按 31–39 家计"); a range that decides every criterion moves on; one that straddles a limit gets ONE short
 * yes/no follow-up naming the limit, whose answer narrows the range (不清楚 keeps it); BACK, SKIP, CHANGE and
 * RESULTS keep working; 暂无 is taken as no and said so; 偶尔 to a 经常 question is asked once more. Also over
 * HTTP, as the widget and the API see it.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { advanceConversation, describeConversation, startConversation, type View } from '../src/flows/conversation.js';
import { type ConversationEvent, narrowed, type Settling } from '../src/flows/machine.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import type { Lang } from '../src/i18n/index.js';
import { ConversationResponse } from '../src/server/schemas.js';
import { createApp } from '../src/server/app.js';
import type { JurisdictionId } from '../src/rules/types.js';
import { answersFromFacts, readAnswers } from '../src/staff/server/answers.js';
import { MemorySessionStore } from '../src/store/memory.js';

const DATE = '2026-11-23';

/** A conversation driven step by step through its stored snapshot, as a session store keeps it. */
function converse(jurisdiction: JurisdictionId = 'shandong', lang: Lang = 'zh-CN') {
  let { persisted, view } = startConversation({ jurisdiction, lang, date: DATE });
  const send = (event: ConversationEvent): View => {
    const next = JSON.parse(JSON.stringify(advanceConversation(persisted, event, true))) as { persisted: unknown; view: View };
    persisted = next.persisted;
    view = next.view;
    return view;
  };
  const answer = (value: unknown) => send({ type: 'ANSWER', questionId: view.prompt?.questionId ?? '', value });
  const criterion = (id: string) => view.result?.criteria.find((c) => c.id === id);
  return {
    send,
    answer,
    criterion,
    get view() {
      return view;
    },
    get persisted() {
      return persisted;
    },
    set persisted(p: unknown) {
      persisted = p;
    },
  };
}

/** Shandong, a single site in a city, up to the floor-area question. */
function atFloorArea(lang: Lang = 'zh-CN') {
  const c = converse('shandong', lang);
  c.answer(lang === 'zh-CN' ? '就一个园区' : 'just one');
  c.answer(lang === 'zh-CN' ? '地级市' : 'city');
  expect(c.view.prompt?.questionId).toBe('floorArea');
  return c;
}

describe('a range that decides every criterion reading it', () => {
  it('is stored as bounds, said back once, and the interview moves on', () => {
    const c = atFloorArea();
    c.answer('1.2万多平方米');
    expect(c.view.error).toBeUndefined();
    expect(c.view.taken).toBe('按 12,000.01–12,999.99 平方米计。');
    expect(c.view.prompt?.questionId).toBe('occupiedArea');
    expect(c.criterion('shandong.floor-area')?.status).toBe('met');
    expect(c.view.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('12,000.01–12,999.99 平方米');
    // Said once: the next turn does not repeat it.
    c.send({ type: 'SET_LANG', lang: 'zh-CN' });
    expect(c.view.taken).toBeUndefined();
  });

  it('30多家 is 31–39 家 and meets 不少于20家 without a follow-up', () => {
    const c = atFloorArea();
    c.answer('1.5万平方米');
    c.answer('1.2万平方米');
    expect(c.view.prompt?.questionId).toBe('commercialHrInstitutions');
    c.answer('30多家');
    expect(c.view.taken).toBe('按 31–39 家计。');
    expect(c.view.prompt?.questionId.startsWith('settle.')).toBe(false);
  });

  it('几十家 is 20–99 家 and meets 不少于20家; 几千平方米 is under 1万, so 不少于1万平方米 is unmet without a follow-up', () => {
    const c = atFloorArea();
    c.answer('几千平方米');
    expect(c.view.taken).toBe('按 2,000–9,999.99 平方米计。');
    expect(c.criterion('shandong.floor-area')?.status).toBe('unmet');
    expect(c.view.feedback.join('')).toContain('建筑面积');
    expect(c.view.feedback.join('')).toContain('还差 0.01–8,000 平方米');
    expect(c.view.prompt?.questionId).toBe('occupiedArea');
    c.send({ type: 'BACK' });
    c.answer('1.5万平方米');
    c.answer('1.2万平方米');
    expect(c.view.prompt?.questionId).toBe('commercialHrInstitutions');
    c.answer('有几十家');
    expect(c.view.taken).toBe('按 20–99 家计。');
    expect(c.criterion('shandong.commercial-institutions')?.status).toBe('met');
    expect(c.view.prompt?.questionId.startsWith('settle.')).toBe(false);
  });

  it('12000平方米左右 is no longer exactly 12,000', () => {
    const c = atFloorArea();
    c.answer('12000平方米左右');
    expect(c.view.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('10,800–13,200 平方米');
  });
});

describe('a range that straddles a limit', () => {
  it('is taken, then ONE short question naming the limit, with 是 / 否 / 不清楚', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    expect(c.view.error).toBeUndefined();
    expect(c.view.taken).toBe('按 9,000–11,000 平方米计。');
    const prompt = c.view.prompt;
    expect(prompt).toMatchObject({ questionId: 'settle.floorArea', kind: 'boolean' });
    expect(prompt?.text).toContain('是否不少于 10,000 平方米？');
    expect(prompt?.options?.map((o) => o.label)).toEqual(['是', '否', '不清楚']);
    expect(c.criterion('shandong.floor-area')?.status).toBe('unknown');
  });

  it('no narrows the range below the limit: the condition is unmet, with feedback, and the interview moves on', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.answer(false);
    expect(c.view.taken).toBe('按 9,000–9,999.99 平方米计。');
    expect(c.criterion('shandong.floor-area')?.status).toBe('unmet');
    expect(c.view.feedback.join('')).toContain('建筑面积');
    expect(c.view.prompt?.questionId).toBe('occupiedArea');
  });

  it('yes narrows it from the limit: the condition is met', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.answer('是的');
    expect(c.criterion('shandong.floor-area')?.status).toBe('met');
    expect(c.view.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('10,000–11,000 平方米');
  });

  it('不清楚 (the option, typed, or SKIP) keeps the range, leaves the condition to confirm, and is never asked again', () => {
    for (const reply of [{ type: 'ANSWER', value: 'unknown' }, { type: 'ANSWER', value: '不清楚' }, { type: 'SKIP' }] as const) {
      const c = atFloorArea();
      c.answer('约1万平方米');
      if (reply.type === 'SKIP') c.send({ type: 'SKIP' });
      else c.answer(reply.value);
      expect(c.view.taken).toBe('范围不变，仍按 9,000–11,000 平方米计；相关条件待确认。');
      expect(c.criterion('shandong.floor-area')?.status).toBe('unknown');
      expect(c.view.prompt?.questionId).toBe('occupiedArea');
      expect(c.view.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('9,000–11,000 平方米');
    }
  });

  it('an unreadable reply gets a yes/no hint and keeps the question; nothing is lost', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.answer('大概吧');
    expect(c.view.error?.message).toContain('请回答“是”或“否”');
    expect(c.view.prompt?.questionId).toBe('settle.floorArea');
    expect(c.view.answers.find((a) => a.questionId === 'floorArea')?.answer).toBe('9,000–11,000 平方米');
  });

  it('BACK undoes the range answer itself and asks it again', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.send({ type: 'BACK' });
    expect(c.view.prompt?.questionId).toBe('floorArea');
    expect(c.view.answers.some((a) => a.questionId === 'floorArea')).toBe(false);
    c.answer('1.5万平方米');
    expect(c.view.prompt?.questionId).toBe('occupiedArea');
  });

  it('RESULTS leaves the range as it is; CONTINUE goes on with the next question, not the follow-up', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.send({ type: 'RESULTS' });
    expect(c.view.state).toBe('results');
    expect(c.criterion('shandong.floor-area')?.status).toBe('unknown');
    c.send({ type: 'CONTINUE' });
    expect(c.view.prompt?.questionId).toBe('occupiedArea');
  });

  it('CHANGE from the results to a straddling range asks its follow-up, then shows the results again', () => {
    const c = atFloorArea();
    c.answer('1.5万平方米');
    for (let i = 0; i < 60 && c.view.state === 'interviewing'; i++) c.send({ type: 'SKIP' });
    expect(c.view.state).toBe('results');
    c.send({ type: 'CHANGE', questionId: 'floorArea', value: '9000到11000平方米' });
    expect(c.view.state).toBe('interviewing');
    expect(c.view.prompt?.questionId).toBe('settle.floorArea');
    c.answer('否');
    expect(c.view.state).toBe('results');
    expect(c.criterion('shandong.floor-area')?.status).toBe('unmet');
  });

  it('a hedged reply to the follow-up is asked about once; hedged again, the range stays as it was', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.answer('好像是');
    expect(c.view.error?.code).toBe('hedged');
    expect(c.view.prompt?.questionId).toBe('settle.floorArea');
    c.answer('应该是吧');
    expect(c.view.error).toBeUndefined();
    expect(c.view.taken).toBe('范围不变，仍按 9,000–11,000 平方米计；相关条件待确认。');
    expect(c.criterion('shandong.floor-area')?.status).toBe('unknown');
  });

  it('an answer to another question while the follow-up is pending is not taken (notCurrent), the follow-up stays', () => {
    const c = atFloorArea();
    c.answer('约1万平方米');
    c.send({ type: 'ANSWER', questionId: 'occupiedArea', value: '8000' });
    expect(c.view.error?.code).toBe('notCurrent');
    expect(c.view.prompt?.questionId).toBe('settle.floorArea');
  });

  it('works in English: "about 10,000 sqm" → "is it at least 10,000 m²?"', () => {
    const c = atFloorArea('en');
    c.answer('about 10,000 sqm');
    expect(c.view.taken).toBe('Taken as 9,000–11,000 m².');
    expect(c.view.prompt?.text).toContain('is it at least 10,000 m²?');
    expect(c.view.prompt?.options?.map((o) => o.label)).toEqual(['Yes', 'No', "Don't know"]);
    c.answer('no');
    expect(c.criterion('shandong.floor-area')?.status).toBe('unmet');
  });
});

describe('narrowing by the follow-up', () => {
  const s = (op: Settling['op'], fact: Settling['fact'] = 'floorArea', value = 10_000): Settling => ({ questionId: fact, fact, op, value });
  it.each([
    ['gte', true, { min: 10_000, max: 11_000 }],
    ['gte', false, { min: 9_000, max: 9_999.99 }],
    ['gt', true, { min: 10_000.01, max: 11_000 }],
    ['gt', false, { min: 9_000, max: 10_000 }],
    ['lte', true, { min: 9_000, max: 10_000 }],
    ['lte', false, { min: 10_000.01, max: 11_000 }],
    ['lt', true, { min: 9_000, max: 9_999.99 }],
    ['lt', false, { min: 10_000, max: 11_000 }],
  ] as const)('area %s 10,000, answered %s → %j', (op, yes, expected) => {
    expect(narrowed({ min: 9_000, max: 11_000 }, s(op), yes)).toEqual(expected);
  });

  it('counts and yuan move by one, an open end stays open, ends that meet are one figure', () => {
    expect(narrowed({ min: 15, max: 25 }, s('gte', 'hrInstitutions', 20), false)).toEqual({ min: 15, max: 19 });
    expect(narrowed({ max: 9_999 }, s('gte', 'hrInstitutions', 20), true)).toEqual({ min: 20, max: 9_999 });
    expect(narrowed({ min: 500_000_001 }, s('gt', 'annualRevenue', 600_000_000), true)).toEqual({ min: 600_000_001 });
    expect(narrowed({ min: 19, max: 21 }, s('gt', 'hrInstitutions', 20), true)).toBe(21);
  });
});

describe('colloquial yes / no', () => {
  /** Shandong up to `fact`, every earlier question skipped. */
  function atQuestion(fact: string, lang: Lang = 'zh-CN') {
    const c = converse('shandong', lang);
    for (let i = 0; i < 60 && c.view.prompt?.questionId !== fact; i++) c.send({ type: 'SKIP' });
    expect(c.view.prompt?.questionId).toBe(fact);
    return c;
  }

  /** Shandong at the day of a revocation (被撤销了 answered). */
  function atRevocationDay() {
    const c = atQuestion('previousOutcome');
    c.answer('被撤销了');
    expect(c.view.prompt?.questionId).toBe('previousOutcomeDate');
    return c;
  }

  /** Skips to the results and gives the revocation bar's outcome. */
  function revocationBar(c: ReturnType<typeof atQuestion>) {
    for (let i = 0; i < 60 && c.view.state === 'interviewing'; i++) c.send({ type: 'SKIP' });
    return c.criterion('shandong.revocation-bar');
  }

  it('暂无 is no, said back as 按尚未具备计', () => {
    const c = atQuestion('hasManagementRules');
    c.answer('暂无');
    expect(c.view.taken).toBe('按尚未具备计。');
    expect(c.view.answers.find((a) => a.questionId === 'hasManagementRules')?.answer).toBe('否');
  });

  it('"none yet" in English too', () => {
    const c = atQuestion('hasManagementRules', 'en');
    c.answer('none yet');
    expect(c.view.taken).toBe('Taken as not yet in place (no).');
  });

  it.each([
    // 偶尔 to a 经常 question: the hint quotes the text; said again, not done often is a no.
    ['holdsPublicWelfareActivities', '偶尔', 'occasional', '经常、广泛', '偶尔', '偶尔开展按未做到经常开展计。', '否'],
    // 好像有: not sure; hedged again, 不清楚 (the point stays to be confirmed), never a guessed yes.
    ['hasManagementRules', '好像有', 'hedged', '拿不准', '应该有吧', '拿不准的按“不清楚”计：这一项列为待确认，确定后可以随时修改。', '不清楚'],
  ])('%s: %s is asked about once more (%s); said again, it is taken as the conversation says', (question, first, code, hint, again, taken, shown) => {
    const c = atQuestion(question);
    c.answer(first);
    expect(c.view.error?.code).toBe(code);
    expect(c.view.error?.message).toContain(hint);
    expect(c.view.prompt?.questionId).toBe(question);
    c.answer(again);
    expect(c.view.error).toBeUndefined();
    expect(c.view.taken).toBe(taken);
    expect(c.view.prompt?.questionId).not.toBe(question);
    expect(c.view.answers.find((a) => a.questionId === question)?.answer).toBe(shown);
  });

  it('a hedge followed by a sure answer is that answer', () => {
    const c = atQuestion('hasManagementRules');
    c.answer('应该没有');
    expect(c.view.error?.code).toBe('hedged');
    c.answer('确实没有');
    expect(c.view.taken).toBeUndefined();
    expect(c.view.answers.find((a) => a.questionId === 'hasManagementRules')?.answer).toBe('否');
  });

  it('"probably" in English, then "I think so": don\'t know', () => {
    const c = atQuestion('hasManagementRules', 'en');
    c.answer('probably');
    expect(c.view.error?.message).toMatch(/sounds unsure/);
    c.answer('I think so');
    expect(c.view.taken).toMatch(/^Not sure is taken as "don't know"/);
  });

  it('a date said relative to today (去年5月10日) is read against the conversation\'s date and said back', () => {
    const c = atRevocationDay();
    c.answer('去年5月10日');
    expect(c.view.error).toBeUndefined();
    expect(c.view.taken).toBe('按 2025-05-10 计。');
    // 三年内不予重新认定: revoked on 2025-05-10, a new designation is possible from 2028-05-11.
    expect(revocationBar(c)?.status).toBe('unmet');
  });

  it('a month for the day (2023年11月) is bounds: a waiting period in doubt asks ONE question with the last day, yes settles it', () => {
    const c = atRevocationDay();
    c.answer('2023年11月');
    expect(c.view.taken).toBe('按 2023年11月计。');
    // Revoked on 2023-11-22 or before, the three years have run out by 2026-11-23; on the 23rd or later, not yet.
    expect(c.view.prompt).toMatchObject({ questionId: 'settle.previousOutcomeDate', kind: 'boolean', text: '未获通过或被取消的日期是否在 2023-11-22 或之前？' });
    c.answer('是');
    expect(c.view.taken).toBe('按 2023-11-01 至 2023-11-22 之间计。');
    expect(revocationBar(c)?.status).toBe('met');
  });

  it('no to that question: unmet, with the earliest and latest day a new designation is possible', () => {
    const c = atRevocationDay();
    c.answer('2023年11月');
    c.answer('否');
    const bar = revocationBar(c);
    expect(bar?.status).toBe('unmet');
    expect(bar?.explanation).toContain('最早自 2026-11-24、最迟自 2026-12-01 起');
  });

  it('a month that decides the period (2023年5月, 2024年) asks nothing more', () => {
    for (const [said, status] of [['2023年5月', 'met'], ['2024年', 'unmet'], ['前年下半年', 'unmet']] as const) {
      const c = atRevocationDay();
      c.answer(said);
      expect(c.view.error).toBeUndefined();
      expect(c.view.prompt?.questionId ?? '').not.toMatch(/^settle\./);
      expect(revocationBar(c)?.status, said).toBe(status);
    }
  });

  it('a date later than today is not taken (今年12月5日 on 2026-11-23), and the question stays', () => {
    const c = atRevocationDay();
    c.answer('今年12月5日');
    expect(c.view.error?.code).toBe('futureDate');
    expect(c.view.error?.message).toMatch(/^这一天还没到，本题问的是已经发生的事。/);
    expect(c.view.prompt?.questionId).toBe('previousOutcomeDate');
  });

  it('每年都办 is yes to a 经常 question', () => {
    const c = atQuestion('holdsPublicWelfareActivities');
    c.answer('每年都办');
    expect(c.view.error).toBeUndefined();
    expect(c.view.answers.find((a) => a.questionId === 'holdsPublicWelfareActivities')?.answer).toBe('是');
  });
});

describe('stored conversations', () => {
  it('one stored before approximate answers (no settling / taken in its context) restores and goes on', () => {
    const c = atFloorArea();
    const old = JSON.parse(JSON.stringify(c.persisted)) as { context: Record<string, unknown> };
    delete old.context.settling;
    delete old.context.taken;
    expect(describeConversation(old).prompt?.questionId).toBe('floorArea');
    c.persisted = old;
    c.answer('约1万平方米');
    expect(c.view.prompt?.questionId).toBe('settle.floorArea');
  });
});

describe('over HTTP (what the widget and API callers see)', () => {
  it('the follow-up is a prompt like any other, answered with its option value, and fits the response schema', async () => {
    const store = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(store, () => DATE), store });
    const created = await request(app).post('/api/sessions').send({ jurisdiction: 'shandong', lang: 'zh-CN' });
    const id = created.body.id as string;
    const post = (questionId: string, value: unknown) => request(app).post(`/api/sessions/${id}/answers`).send({ questionId, value });
    await post('layout', '只有一个');
    await post('locationType', '地级市');
    const range = await post('floorArea', '约1万平方米');
    expect(range.status).toBe(200);
    expect(ConversationResponse.safeParse(range.body).success).toBe(true);
    expect(range.body.taken).toBe('按 9,000–11,000 平方米计。');
    expect(range.body.prompt.questionId).toBe('settle.floorArea');
    const unknownOption = range.body.prompt.options.find((o: { label: string }) => o.label === '不清楚');
    const settled = await post('settle.floorArea', unknownOption.value);
    expect(settled.status).toBe(200);
    expect(settled.body.prompt.questionId).toBe('occupiedArea');
    const bounds = await post('occupiedArea', { min: 9_000, max: 9_500 });
    expect(bounds.status).toBe(200);
    expect(bounds.body.answers.at(-1).answer).toBe('9,000–9,500 平方米');
  });
});

describe('the staff console', () => {
  it('reads approximate answers in its fields, shows them as ranges, and exports text that reads back the same', () => {
    const typedAnswers = { layout: '就一个园区', floorArea: '约1万平方米', hrInstitutions: '30多家', annualRevenue: '5亿多', hasManagementRules: '暂无' };
    const read = readAnswers(typedAnswers, 'zh-CN');
    expect(read.facts).toEqual({
      layout: 'single',
      floorArea: { min: 9_000, max: 11_000 },
      hrInstitutions: { min: 31, max: 39 },
      annualRevenue: { min: 500_000_001, max: 599_999_999 },
      hasManagementRules: false,
    });
    expect(read.fields.floorArea).toMatchObject({ state: 'answered', display: '9,000–11,000 平方米' });
    expect(read.fields.hrInstitutions).toMatchObject({ state: 'answered', display: '31–39 家' });
    const exported = answersFromFacts({ ...read.facts, fullTimeStaff: { min: 10 }, occupiedArea: { max: 9_999.99 } }, 'zh-CN');
    expect(readAnswers(exported.answers, 'zh-CN').facts).toEqual({ ...read.facts, fullTimeStaff: { min: 10 }, occupiedArea: { max: 9_999.99 } });
  });

  it('reads a date said relative to the assessment\'s date, and shows the day it was read as', () => {
    const read = readAnswers({ previousOutcome: '被撤销', previousOutcomeDate: '去年5月10日' }, 'zh-CN', 'shandong', DATE);
    expect(read.facts).toEqual({ previousOutcome: 'revoked', previousOutcomeDate: '2025-05-10' });
    expect(read.fields.previousOutcomeDate).toMatchObject({ state: 'answered', display: '2025-05-10' });
  });

  it('reads a month for the day as bounds, shows it as said, and exports text that reads back the same', () => {
    const read = readAnswers({ previousOutcome: '被撤销', previousOutcomeDate: '2023年11月' }, 'zh-CN', 'shandong', DATE);
    expect(read.facts.previousOutcomeDate).toEqual({ min: '2023-11-01', max: '2023-11-30' });
    expect(read.fields.previousOutcomeDate).toMatchObject({ state: 'answered', display: '2023年11月' });
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const day of [{ min: '2023-11-01', max: '2023-11-30' }, { min: '2023-11-03', max: '2023-12-20' }, { max: '2023-11-20' }, { min: '2024-01-01', max: '2024-12-31' }]) {
        const exported = answersFromFacts({ previousOutcome: 'revoked', previousOutcomeDate: day }, lang);
        expect(readAnswers(exported.answers, lang).facts.previousOutcomeDate, exported.answers.previousOutcomeDate).toEqual(day);
      }
    }
  });
});
