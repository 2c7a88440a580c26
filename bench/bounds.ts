/**
 * evaluate() with bounded facts against the same profile given exactly, in the same run (issue 10: target ≤ 1.5×).
 * "decided": every figure of an eligible profile becomes bounds around it that still meet every condition;
 * "straddling": bounds that cross the limits, so that criteria stay open and explanations ask their settling
 * question (the costlier case: those explanations depend on the figures and are not cached).
 */
import { readFileSync } from 'node:fs';
import { evaluate } from '../src/rules/evaluate.js';
import { FACT_NAMES, type FactName } from '../src/rules/facts.js';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { FACT_UNITS } from '../src/rules/units.js';

const BATCH = 200;
const BATCHES = 60;

/**
 * Median over batches of the time ratio of `fn` to `baseline`, each batch of one timed right after a batch of the
 * other, so that the machine's load (2 shared cores) weighs on both alike; and the median time of `baseline`.
 */
function pairedRatio(baseline: () => unknown, fn: () => unknown): { base: number; ratio: number } {
  for (let i = 0; i < BATCH * 5; i++) {
    baseline();
    fn();
  }
  const time = (f: () => unknown) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) f();
    return Number(process.hrtime.bigint() - start) / 1000 / BATCH;
  };
  const bases: number[] = [];
  const ratios: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = time(baseline);
    const t1 = time(fn);
    bases.push(t0);
    ratios.push(t1 / t0);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { base: median(bases), ratio: median(ratios) };
}

const NUMERIC = new Set<string>(FACT_NAMES.filter((f) => ['area', 'money', 'count'].includes(FACT_UNITS[f].kind)));

/** Every numeric figure as bounds: `[v, v × up]` (decided) or `[v × down, v × up]` (straddling the limits). */
function bounded(facts: Record<string, unknown>, down: number, up: number): Record<string, unknown> {
  const blur = (key: string, v: unknown): unknown => {
    if (typeof v !== 'number' || !NUMERIC.has(key) || key === 'branchCount') return v;
    const whole = FACT_UNITS[key as FactName]?.kind === 'count';
    const round = (n: number) => (whole ? Math.round(n) : Math.round(n * 100) / 100);
    return { min: round(v * down), max: Math.max(round(v * up), round(v * down)) };
  };
  const out = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, blur(k, v)]));
  if (Array.isArray(facts.branches)) {
    out.branches = (facts.branches as Record<string, unknown>[]).map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, blur(k, v)])));
  }
  return out;
}

const examples = new URL('../examples/', import.meta.url);
const rows: string[][] = [];
for (const id of JURISDICTION_IDS) {
  for (const file of [`${id}-eligible.json`, `${id}-multi-eligible.json`]) {
    let exact: Record<string, unknown>;
    try {
      exact = JSON.parse(readFileSync(new URL(file, examples), 'utf8')) as Record<string, unknown>;
    } catch {
      continue;
    }
    // Bounds 0.1 % wide above each figure keep an eligible profile eligible; from half of it they straddle the limits.
    const decided = bounded(exact, 1, 1.001);
    const straddling = bounded(exact, 0.5, 1);
    const verdicts = [exact, decided, straddling].map((f) => evaluate(id, f, { date: '2026-11-23' }).verdict).join('/');
    const run = (facts: Record<string, unknown>) => () => evaluate(id, facts, { date: '2026-11-23', lang: 'zh-CN' });
    const d = pairedRatio(run(exact), run(decided));
    const s = pairedRatio(run(exact), run(straddling));
    rows.push([file.replace('.json', ''), verdicts, d.base.toFixed(1), d.ratio.toFixed(2), s.ratio.toFixed(2)]);
  }
}

const header = ['profile', 'verdicts exact/decided/straddling', 'exact µs (median)', 'decided / exact', 'straddling / exact'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`\nevaluate() with bounds vs exact facts (zh-CN, medians of ${BATCHES} paired batches of ${BATCH}; target ratio ≤ 1.5)`);
console.log(line(header));
for (const row of rows) console.log(line(row));
