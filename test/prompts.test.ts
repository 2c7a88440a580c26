/**
 * Each question as a person reads it: worded for the chosen jurisdiction only (no "（吉林：…；温州：…）" in
 * Wenzhou's questions, no other text's figures), and every number question's example and hint with the right
 * counter (人 for staff, 家 for institutions, 个 for branch parks, 平方米, 元).
 */
import { describe, expect, it } from 'vitest';
import { answerHint } from '../src/flows/hints.js';
import { parseAnswer } from '../src/flows/parse.js';
import { answerSpec, questionPrompt } from '../src/flows/prompts.js';
import { factsAsked, questionById, type QuestionSpec } from '../src/flows/questions.js';
import { LANGUAGES, translator } from '../src/i18n/index.js';
import { JURISDICTIONS } from '../src/rules/registry.js';

function questionsOf(def: (typeof JURISDICTIONS)[number]): QuestionSpec[] {
  return factsAsked(def).flatMap((fact) =>
    fact === 'branches' ? ['floorArea', 'hrInstitutions', 'occupiedArea'].map((f) => questionById(`branches.0.${f}`)!) : [questionById(fact)!],
  );
}

describe('questions are worded for the chosen jurisdiction', () => {
  for (const def of JURISDICTIONS) {
    for (const lang of LANGUAGES) {
      it(`${def.id} (${lang}) names no other jurisdiction`, () => {
        const others = JURISDICTIONS.filter((d) => d.id !== def.id).map((d) => translator(lang, d.id)('shortName'));
        const offending = questionsOf(def).flatMap((q) => {
          const { text, help } = questionPrompt(q, lang, 0, 1, def.id);
          return others.filter((name) => `${text} ${help}`.includes(name)).map((name) => `${q.id}: ${name}`);
        });
        expect(offending).toEqual([]);
      });
    }
  }

  it('gives Wenzhou and Jilin their own area for the one-comprehensive-park rule', () => {
    const question = questionById('existingComprehensivePark')!;
    expect(questionPrompt(question, 'zh-CN', 0, 1, 'wenzhou').text).toBe('园区所在的县（市、区）是否已有认定的综合性园区？');
    expect(questionPrompt(question, 'zh-CN', 0, 1, 'jilin').text).toBe('园区所在的市（州）是否已有认定的综合性园区？');
    expect(questionPrompt(question, 'en', 0, 1, 'wenzhou').text).toMatch(/county/);
    expect(questionPrompt(question, 'en', 0, 1, 'wenzhou').text).not.toMatch(/Jilin|prefecture/);
  });

  it("keeps each text's own revenue wording: 上一年度（含代收代付） only where the text says it", () => {
    const question = questionById('annualRevenue')!;
    expect(questionPrompt(question, 'zh-CN', 0, 1, 'wenzhou').text).toContain('上一年度营业收入（含代收代付）');
    expect(questionPrompt(question, 'zh-CN', 0, 1, 'mudanjiang').text).toContain('上一年度营业收入（含代收代付）');
    for (const id of ['shandong', 'guangxi'] as const) {
      const { text, help } = questionPrompt(question, 'zh-CN', 0, 1, id);
      expect(`${text}${help}`, id).toContain('年营业收入');
      expect(`${text}${help}`, id).not.toMatch(/上一年度|代收代付/);
    }
  });
});

describe('hints use the right counter', () => {
  const expected: Array<[string, string, RegExp]> = [
    ['fullTimeStaff', 'zh-CN', /\d+人/],
    ['hrInstitutions', 'zh-CN', /\d+家/],
    ['branchCount', 'zh-CN', /\d+个/],
    ['laborLiaisonStations', 'zh-CN', /\d+个/],
    ['collegePartnerships', 'zh-CN', /\d+所/],
    ['floorArea', 'zh-CN', /平方米/],
    ['annualRevenue', 'zh-CN', /元/],
    ['fullTimeStaff', 'en', /\d+ people/],
    ['hrInstitutions', 'en', /\d+ institutions/],
    ['branchCount', 'en', /\d+ branch parks/],
    ['floorArea', 'en', /m²/],
    ['annualRevenue', 'en', /yuan/],
  ];

  it.each(expected)('%s (%s): the example and the hint for a misread answer', (fact, lang, counter) => {
    const question = questionById(fact)!;
    const prompt = questionPrompt(question, lang as 'zh-CN' | 'en', 0, 1);
    expect(prompt.example).toMatch(counter);
    // The example is itself an answer the parser takes.
    expect(parseAnswer(prompt.example, answerSpec(question)).ok).toBe(true);
    const hint = answerHint(question, { ok: false, code: 'unreadable' }, lang as 'zh-CN' | 'en');
    expect(hint).toMatch(counter);
  });

  it('never offers 家 for people or branch parks', () => {
    for (const fact of ['fullTimeStaff', 'branchCount']) {
      const question = questionById(fact)!;
      expect(questionPrompt(question, 'zh-CN', 0, 1).example).not.toContain('家');
      expect(answerHint(question, { ok: false, code: 'notInteger' }, 'zh-CN')).not.toContain('家');
    }
  });
});
