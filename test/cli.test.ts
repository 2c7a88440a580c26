/**
 * The CLI of the contract: `npm run --silent assess -- --jurisdiction <id> --facts <file> [--lang] [--date] [--json]`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/assess.js';

const dir = mkdtempSync(join(tmpdir(), 'park-advisor-cli-'));
function factsFile(content: unknown, name = 'facts.json'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Runs the CLI in-process and captures what it writes. */
function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { write: (s: string) => ((stdout += s), true) } as never, { write: (s: string) => ((stderr += s), true) } as never);
  return { code, stdout, stderr };
}

describe('assess CLI', () => {
  it('prints the contract JSON with --json', () => {
    const { code, stdout } = run('--jurisdiction', 'shandong', '--facts', 'examples/shandong-eligible.json', '--date', '2026-11-23', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ jurisdiction: 'shandong', date: '2026-11-23', verdict: 'eligible' });
    expect(result.criteria[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), ref: expect.any(Object), quote: expect.any(String), severity: expect.any(String), status: expect.any(String), facts: expect.any(Array), explanation: expect.any(String) }),
    );
    expect(result.checklist.length).toBeGreaterThan(0);
    expect(result.procedure.length).toBeGreaterThan(0);
  });

  it('says which version of the text applied, in the JSON and in the report', () => {
    const json = JSON.parse(run('--jurisdiction', 'mudanjiang', '--facts', 'examples/mudanjiang-eligible.json', '--date', '2026-11-23', '--json').stdout);
    expect(json.text).toMatchObject({ version: 'mudanjiang@2026-01-01', lifecycle: 'draft', status: 'draft_for_comment', inForceFrom: '2026-01-01' });
    expect(json.newerTexts).toEqual([]);
    const report = run('--jurisdiction', 'mudanjiang', '--facts', 'examples/mudanjiang-eligible.json', '--date', '2026-11-23').stdout;
    expect(report.split('\n')[2]).toBe('适用文本：《牡丹江市市级人力资源服务产业园认定管理办法》（版本 mudanjiang@2026-01-01，自 2026-01-01 起）');
  });

  it('prints a readable report with the gap and the article for an unmet criterion', () => {
    const path = factsFile({ layout: 'single', floorArea: 8000, commercialHrInstitutions: 17 });
    const zh = run('--jurisdiction', 'shandong', '--facts', path, '--date', '2026-11-23');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('暂不符合申报条件');
    expect(zh.stdout).toContain('还差 2,000 平方米');
    expect(zh.stdout).toContain('第十二条第（二）项');
    expect(zh.stdout).toContain('原文：“设立一个园区的，其建筑面积不少于1万平方米”');
    expect(zh.stdout).toContain('申建函件');
    const en = run('--jurisdiction', 'shandong', '--facts', path, '--date', '2026-11-23', '--lang', 'en');
    expect(en.stdout).toContain('short by 3 institutions');
    expect(en.stdout).toContain('Article 12(2)');
  });

  it.each([
    [['--jurisdiction', 'beijing', '--facts', 'examples/shandong-eligible.json'], /jurisdiction.*beijing/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:{"floorArea": -5}'], /floorArea.*负数/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:{"floorArea": "大"}'], /floorArea.*数字/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:{"floorAreaa": 5}'], /floorAreaa.*不是已知的事实名称/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:{"hrInstitutions": 2.5}'], /hrInstitutions.*整数/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:{"layout": "double"}'], /layout.*single, multi/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:{ nope'], /facts.*JSON/],
    [['--jurisdiction', 'shandong', '--facts', '__FILE__:[1,2]'], /facts.*JSON 对象/],
    [['--jurisdiction', 'shandong', '--facts', '/no/such/file.json'], /facts.*ENOENT/],
    [['--jurisdiction', 'shandong', '--facts', 'examples/shandong-eligible.json', '--date', '2026-13-01'], /date/],
    [['--jurisdiction', 'shandong', '--facts', 'examples/shandong-eligible.json', '--lang', 'fr'], /lang.*fr/],
    [['--jurisdiction', 'shandong'], /--facts is required/],
    [['--jurisdiction', 'shandong', '--facts', 'x', '--bogus'], /bogus/],
  ])('rejects bad input with one line on stderr and exit 2: %j', (argv, message) => {
    const args = argv.map((a) => (a.startsWith('__FILE__:') ? factsFile(a.slice('__FILE__:'.length), `bad-${Math.random()}.json`) : a));
    const { code, stdout, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')[0]).toMatch(message);
  });

  it('names each offending fact in the user language', () => {
    const path = factsFile({ floorArea: -1, occupiedArea: 'x' });
    const { stderr } = run('--jurisdiction', 'jilin', '--facts', path, '--lang', 'en');
    expect(stderr).toMatch(/floorArea: must not be negative/);
    expect(stderr).toMatch(/occupiedArea: must be a number/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('runs as the npm script, exactly as the contract spells it', () => {
    const ok = execFileSync('npm', ['run', '--silent', 'assess', '--', '--jurisdiction', 'shandong', '--facts', 'examples/shandong-eligible.json', '--json', '--date', '2026-11-23'], { encoding: 'utf8' });
    expect(JSON.parse(ok).verdict).toBe('eligible');
    const bad = spawnSync('npm', ['run', '--silent', 'assess', '--', '--jurisdiction', 'shandong', '--facts', factsFile({ floorArea: -5 }, 'neg.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/floorArea/);
  }, 30_000);
});
