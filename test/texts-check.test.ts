/**
 * `npm run texts:check` (issue 10, section 3): when a file in regulations/ changes, every quote, reference and
 * material that no longer matches is reported, and the command fails; on the project's texts it passes. Also:
 * every item of each conditions article is encoded or declared notEncoded (section 4), and the notice about
 * unencoded wording comes from that list.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../src/rules/evaluate.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import { auditText } from '../src/rules/text-audit.js';
import type { JurisdictionDef } from '../src/rules/types.js';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const REGULATIONS = new URL('../regulations/', import.meta.url);
const read = (def: JurisdictionDef) => readFileSync(new URL(def.source, REGULATIONS), 'utf8');
const def = (id: string) => JURISDICTIONS.find((d) => d.id === id) as JurisdictionDef;

/** Runs the real command, as `npm run texts:check` does, on a folder. */
async function textsCheck(dir: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/texts-check.ts', '--dir', dir], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

const copy = mkdtempSync(join(tmpdir(), 'texts-check-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run texts:check', () => {
  it('passes on the project texts', async () => {
    const { code, stdout } = await textsCheck('regulations');
    expect(stdout).toMatch(/quotes and references of 5 texts match/);
    expect(code).toBe(0);
  });

  it('reports each changed quote, vanished item, point and annex of a modified copy, and fails', async () => {
    cpSync(new URL('../regulations/', import.meta.url), copy, { recursive: true });
    const shandong = join(copy, 'shandong-provincial.txt');
    writeFileSync(
      shandong,
      readFileSync(shandong, 'utf8')
        .replace('其建筑面积不少于1万平方米', '其建筑面积不少于1.2万平方米') // a threshold changed
        .replace('4.入驻机构名录和经营管理情况报告。', '') // a material dropped
        .replace('（六）社会效益显著。', '社会效益显著。'), // an item merged into the one before
    );
    const jilin = join(copy, 'jilin-provincial.txt');
    writeFileSync(jilin, readFileSync(jilin, 'utf8').replace('7.真实性声明', '')); // an annex dropped
    const { code, stdout } = await textsCheck(copy);
    expect(code).toBe(1);
    expect(stdout).toMatch(/quote-not-found\tshandong-provincial\.txt: shandong\.floor-area 第十二条（二）: “设立一个园区的，其建筑面积不少于1万平方米” is no longer in the text/);
    expect(stdout).toMatch(/missing-point\tshandong-provincial\.txt: shandong\.tenant-register/);
    expect(stdout).toMatch(/missing-item\tshandong-provincial\.txt: shandong\.public-welfare 第十二条（六）/);
    expect(stdout).toMatch(/missing-item\tshandong-provincial\.txt: notEncoded\[0\]/);
    expect(stdout).toMatch(/missing-annex\tjilin-provincial\.txt: jilin\.authenticity-declaration/);
    // Nothing else is reported: the other texts are unchanged.
    expect(stdout).not.toMatch(/guangxi|wenzhou|mudanjiang/);
    expect(stdout).toMatch(/texts:check: \d+ problem\(s\)/);
  });

  it('reports a quote that is still in the text but no longer where its reference points', () => {
    const moved = read(def('guangxi')).replace('产业园年营业收入不低于5亿元人民币。', '').replace('（七）有数字化园区建设基础。', '（七）有数字化园区建设基础。产业园年营业收入不低于5亿元人民币。');
    const problems = auditText(def('guangxi'), moved);
    expect(problems.map((p) => `${p.problem} ${p.id}`)).toEqual(['quote-moved guangxi.annual-revenue']);
  });
});

describe('every item of each conditions article is encoded or declared notEncoded', () => {
  it.each(JURISDICTIONS.map((d) => [d.id, d] as const))('%s', (_id, d) => {
    expect(d.conditionsArticles.length).toBeGreaterThan(0);
    expect(auditText(d, read(d))).toEqual([]);
    for (const n of d.notEncoded) expect(n.reason.length, n.quote).toBeGreaterThan(10);
  });

  it('fails when the text gains an item that neither a criterion nor notEncoded covers', () => {
    const text = read(def('guangxi')).replace('第六条', '（八）有新增的申报条件。\n第六条');
    expect(auditText(def('guangxi'), text).map((p) => `${p.problem} ${p.ref.article}(${p.ref.item})`)).toEqual(['uncovered-item 5(8)']);
  });

  it('guangxi declares 发展前景 not encoded, and users are told', () => {
    expect(def('guangxi').notEncoded.some((n) => n.quote.includes('发展前景'))).toBe(true);
    const zh = evaluate('guangxi', {}, { date: '2026-11-23' }).notices.join('\n');
    expect(zh).toContain('第五条第（二）项“具有较大的发展空间和发展前景');
    const en = evaluate('guangxi', {}, { date: '2026-11-23', lang: 'en' }).notices.join('\n');
    expect(en).toContain('Article 5(2) “具有较大的发展空间和发展前景');
  });

  it('every jurisdiction with unencoded wording names each item of it in one notice', () => {
    for (const d of JURISDICTIONS) {
      const notices = evaluate(d.id, {}, { date: '2026-11-23' }).notices.join('\n');
      for (const n of d.notEncoded) expect(notices, `${d.id}: ${n.quote}`).toContain(`“${n.quote}”`);
    }
  });
});
