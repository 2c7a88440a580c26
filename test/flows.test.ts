/**
 * Scripted conversations: for every jurisdiction and profile, answering each question as a person would type it
 * reaches the same result as the CLI for the same facts; and the commands (back, skip, change, restart, language,
 * results at any time) behave as a user expects.
 */
import { describe, expect, it } from 'vitest';
import { advanceConversation, startConversation, type View } from '../src/flows/conversation.js';
import type { ConversationEvent } from '../src/flows/machine.js';
import { LANGUAGES, type Lang } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import type { JurisdictionId } from '../src/rules/types.js';
import { EDGE_DATE } from './support/edges.js';
import { eligibleProfiles } from './support/profiles.js';
import { typed, valueFor } from './support/typing.js';

const profiles = eligibleProfiles();

/** A conversation driven step by step, keeping the stored snapshot as a session store would. */
function converse(jurisdiction?: JurisdictionId, lang: Lang = 'zh-CN') {
  let { persisted, view } = startConversation({ ...(jurisdiction ? { jurisdiction } : {}), lang, date: EDGE_DATE });
  const send = (event: ConversationEvent): View => {
    const next = JSON.parse(JSON.stringify(advanceConversation(persisted, event))) as { persisted: unknown; view: View };
    persisted = next.persisted;
    view = next.view;
    return view;
  };
  return { send, get view() { return view; } };
}

/** Answers every question from `facts` (typed as people type), skipping what the profile leaves unknown. */
function answerAll(jurisdiction: JurisdictionId, facts: Facts, lang: Lang) {
  const c = converse(jurisdiction, lang);
  for (let turn = 0; c.view.state === 'interviewing' && turn < 200; turn++) {
    const prompt = c.view.prompt;
    if (!prompt) throw new Error('interviewing without a prompt');
    const value = valueFor(prompt, facts);
    const view = value === undefined ? c.send({ type: 'SKIP' }) : c.send({ type: 'ANSWER', questionId: prompt.questionId, value: typed(prompt, value, lang, turn) });
    expect(view.error, `${prompt.questionId} = ${JSON.stringify(value)}`).toBeUndefined();
  }
  return c;
}

/** A profile that fails numeric conditions: halve every figure (branches too). */
function failing(facts: Facts): Facts {
  const half = (v: unknown) => (typeof v === 'number' ? Math.floor(v / 2) : v);
  const out = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, half(v)])) as Facts;
  if (facts.branchCount !== undefined) out.branchCount = facts.branchCount;
  if (facts.branches) out.branches = facts.branches.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, half(v)])));
  return { ...out, hasPlanningReport: false };
}

for (const def of JURISDICTIONS) {
  describe(`${def.id}: a scripted conversation reaches the CLI result`, () => {
    const cases = Object.entries(profiles[def.id]).flatMap(([name, facts]) => [
      [`${name}`, facts] as const,
      [`${name}, failing`, failing(facts)] as const,
    ]);
    it.each(cases.flatMap(([name, facts]) => LANGUAGES.map((lang) => [`${name} (${lang})`, facts, lang] as const)))('%s', (_name, facts, lang) => {
      const c = answerAll(def.id, facts, lang);
      expect(c.view.state).toBe('results');
      const cli = evaluate(def.id, facts, { date: EDGE_DATE, lang });
      const result = c.view.result;
      expect(result?.verdict).toBe(cli.verdict);
      const statuses = (r: typeof cli) => Object.fromEntries(r.criteria.map((x) => [x.id, x.status]));
      expect(statuses(result as typeof cli)).toEqual(statuses(cli));
    });
  });
}

describe('opening', () => {
  it.each([
    ['济南', 'shandong'],
    ['延边朝鲜族自治州', 'jilin'],
    ['我们在东宁', 'mudanjiang'],
    ['南宁市', 'guangxi'],
    ['乐清', 'wenzhou'],
    ['Wenzhou', 'wenzhou'],
    ['3', 'mudanjiang'],
    ['jilin', 'jilin'],
  ])('%s leads to %s', (place, id) => {
    const c = converse();
    expect(c.view.prompt?.questionId).toBe('jurisdiction');
    c.send({ type: 'CHOOSE', value: place });
    expect(c.view.jurisdiction).toBe(id);
    expect(c.view.state).toBe('interviewing');
  });

  it('the opening also takes a language: "English" switches the conversation to English', () => {
    const c = converse();
    expect(c.view.prompt?.help).toContain('English');
    c.send({ type: 'CHOOSE', value: 'English' });
    expect(c.view.state).toBe('choosing');
    expect(c.view.lang).toBe('en');
    expect(c.view.prompt?.text).toMatch(/^Hello!/);
    c.send({ type: 'CHOOSE', value: 'Nanning' });
    expect(c.view.jurisdiction).toBe('guangxi');
  });

  it('a place outside the five gets a polite "not covered" listing them, in the user language', () => {
    const zh = converse();
    zh.send({ type: 'CHOOSE', value: '杭州' });
    expect(zh.view.state).toBe('choosing');
    expect(zh.view.error?.code).toBe('notCovered');
    expect(zh.view.error?.message).toContain('“杭州”不在目前支持的范围内');
    expect(zh.view.error?.message).toContain('山东省（省级）');
    const en = converse(undefined, 'en');
    en.send({ type: 'CHOOSE', value: 'Hangzhou' });
    expect(en.view.error?.message).toMatch(/“Hangzhou” is not covered.*Shandong/);
  });
});

describe('commands', () => {
  it('asks structure first, then skips what no longer applies: no core-park questions for a single site', () => {
    const c = converse('shandong');
    expect(c.view.prompt?.questionId).toBe('layout');
    c.send({ type: 'ANSWER', questionId: 'layout', value: '一个' });
    const asked: string[] = [];
    for (let i = 0; i < 60 && c.view.state === 'interviewing'; i++) {
      asked.push(c.view.prompt?.questionId ?? '');
      c.send({ type: 'SKIP' });
    }
    expect(asked).not.toContain('coreFloorArea');
    expect(asked).not.toContain('branchCount');
    expect(asked).toContain('floorArea');
  });

  it('says at once, with the article and the gap, when an answer breaks a required condition', () => {
    const c = converse('shandong');
    c.send({ type: 'ANSWER', questionId: 'layout', value: 'single' });
    c.send({ type: 'SKIP' }); // locationType
    const view = c.send({ type: 'ANSWER', questionId: 'floorArea', value: '8000平米' });
    expect(view.error).toBeUndefined();
    expect(view.feedback.join()).toContain('第十二条第（二）项');
    expect(view.feedback.join()).toContain('还差 2,000 平方米');
    expect(view.state).toBe('interviewing');
  });

  it('re-asks an unreadable or wrong-unit answer with a hint, losing nothing', () => {
    const c = converse('shandong');
    c.send({ type: 'ANSWER', questionId: 'layout', value: 'single' });
    c.send({ type: 'SKIP' });
    const before = c.view.answers;
    const wrongUnit = c.send({ type: 'ANSWER', questionId: 'floorArea', value: '5亿元' });
    expect(wrongUnit.error?.code).toBe('wrongUnit');
    expect(wrongUnit.prompt?.questionId).toBe('floorArea');
    expect(wrongUnit.answers).toEqual(before);
    const nonsense = c.send({ type: 'ANSWER', questionId: 'floorArea', value: '很大' });
    expect(nonsense.error?.code).toBe('unreadable');
    expect(nonsense.error?.message.length).toBeGreaterThan(0);
  });

  it('rejects an answer that contradicts an earlier one, naming both facts', () => {
    const c = converse('shandong');
    c.send({ type: 'ANSWER', questionId: 'layout', value: 'single' });
    c.send({ type: 'SKIP' });
    c.send({ type: 'ANSWER', questionId: 'floorArea', value: '10000' });
    const view = c.send({ type: 'ANSWER', questionId: 'occupiedArea', value: '12000' });
    expect(view.error?.code).toBe('inconsistent');
    expect(view.error?.message).toContain('入驻机构使用面积不能大于园区建筑面积');
  });

  it('back undoes the last answer; change edits any earlier one; skip leaves a fact unknown', () => {
    const c = converse('shandong');
    c.send({ type: 'ANSWER', questionId: 'layout', value: 'single' });
    c.send({ type: 'ANSWER', questionId: 'locationType', value: '1' });
    c.send({ type: 'BACK' });
    expect(c.view.prompt?.questionId).toBe('locationType');
    expect(c.view.answers.map((a) => a.questionId)).toEqual(['layout']);
    c.send({ type: 'SKIP' });
    expect(c.view.answers.at(-1)).toMatchObject({ questionId: 'locationType', skipped: true, answer: '不清楚' });
    c.send({ type: 'CHANGE', questionId: 'layout', value: 'multi' });
    expect(c.view.answers.map((a) => a.questionId)).toEqual(['layout', 'locationType']);
    expect(c.view.answers[0]?.answer).toBe('设立多个园区（核心园区加分园区）');
    c.send({ type: 'ANSWER', questionId: 'floorArea', value: '2万平方米' });
    expect(c.view.prompt?.questionId).toBe('coreFloorArea');
  });

  it('switches language mid-way: the next prompt comes in the new language', () => {
    const c = converse('guangxi');
    expect(c.view.prompt?.text).toMatch(/[园区]/);
    c.send({ type: 'SET_LANG', lang: 'en' });
    expect(c.view.prompt?.text).toMatch(/single site/);
    expect(c.view.prompt?.progress?.text).toMatch(/^Question 1 of about \d+$/);
  });

  it('shows progress as 第 N 题，共约 M 题', () => {
    const c = converse('wenzhou');
    c.send({ type: 'ANSWER', questionId: 'layout', value: '设立一个园区' });
    expect(c.view.prompt?.progress?.text).toMatch(/^第 2 题，共约 \d+ 题$/);
  });

  it('jumps to the results at any time, then continues; restart forgets every answer', () => {
    const c = converse('jilin');
    c.send({ type: 'ANSWER', questionId: 'layout', value: 'single' });
    const early = c.send({ type: 'RESULTS' });
    expect(early.state).toBe('results');
    expect(early.result?.verdict).toBe('incomplete');
    expect(early.pending).toBeGreaterThan(0);
    c.send({ type: 'CONTINUE' });
    expect(c.view.state).toBe('interviewing');
    c.send({ type: 'RESTART' });
    expect(c.view.answers).toEqual([]);
    expect(c.view.prompt?.questionId).toBe('layout');
  });

  it('what if: changing one answer on the result shows the verdict again', () => {
    const facts = profiles.shandong.default as Facts;
    const c = answerAll('shandong', facts, 'zh-CN');
    expect(c.view.result?.verdict).toBe('eligible');
    const whatIf = c.send({ type: 'CHANGE', questionId: 'annualRevenue', value: '4.9亿' });
    expect(whatIf.state).toBe('results');
    expect(whatIf.result?.verdict).toBe('ineligible');
    expect(whatIf.result?.criteria.find((x) => x.id === 'shandong.annual-revenue')?.explanation).toContain('还差 1,000 万元');
  });

  it('loops over the branch parks of a Guangxi multi-site park', () => {
    const c = converse('guangxi');
    c.send({ type: 'ANSWER', questionId: 'layout', value: 'multi' });
    c.send({ type: 'ANSWER', questionId: 'branchCount', value: '2' });
    const asked: string[] = [];
    for (let i = 0; i < 80 && c.view.state === 'interviewing'; i++) {
      const id = c.view.prompt?.questionId ?? '';
      asked.push(id);
      c.send(id.startsWith('branches.') ? { type: 'ANSWER', questionId: id, value: id.endsWith('hrInstitutions') ? '12' : '3000' } : { type: 'SKIP' });
    }
    expect(asked.filter((id) => id.startsWith('branches.'))).toEqual([
      'branches.0.floorArea', 'branches.0.hrInstitutions', 'branches.0.occupiedArea',
      'branches.1.floorArea', 'branches.1.hrInstitutions', 'branches.1.occupiedArea',
    ]);
    expect(c.view.result?.criteria.find((x) => x.id.includes('branch-agglomeration'))?.status).toBe('met');
  });
});
