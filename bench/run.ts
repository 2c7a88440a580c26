/**
 * `npm run bench`: evaluate() throughput per jurisdiction, as a ratio to a baseline measured in the same
 * process (zod-parsing the same facts alone). Figures are medians over batches, so a busy core skews them less.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { evaluate } from '../src/rules/evaluate.js';
import { FactsSchema } from '../src/rules/facts.js';
import { JURISDICTION_IDS } from '../src/rules/types.js';

const BATCH = 200;
const BATCHES = 60;

/** Median time of one call, in microseconds, over `BATCHES` batches of `BATCH` calls. */
function medianMicros(fn: () => unknown): number {
  for (let i = 0; i < BATCH * 5; i++) fn(); // warm-up: JIT and caches
  const perCall: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) fn();
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / BATCH);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)] ?? Number.NaN;
}

/** A profile that fails most numeric criteria, so explanations carry gaps (the costly case). */
function failing(facts: Record<string, unknown>): Record<string, unknown> {
  const halved = Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, typeof v === 'number' ? Math.floor(v / 2) : v]));
  return { ...halved, hasPlanningReport: false };
}

const examples = new URL('../examples/', import.meta.url);
const rows: string[][] = [];
for (const id of JURISDICTION_IDS) {
  const file = readdirSync(examples).find((f) => f === `${id}-eligible.json`);
  if (!file) continue;
  const eligible = JSON.parse(readFileSync(new URL(file, examples), 'utf8')) as Record<string, unknown>;
  for (const [label, facts] of [['eligible', eligible], ['failing', failing(eligible)]] as const) {
    const baseline = medianMicros(() => FactsSchema.parse(facts));
    for (const lang of ['zh-CN', 'en'] as const) {
      const full = medianMicros(() => evaluate(id, facts, { date: '2026-11-23', lang }));
      rows.push([id, label, lang, full.toFixed(1), baseline.toFixed(1), (full / baseline).toFixed(1), full < 50 ? 'yes' : 'NO']);
    }
  }
}

const header = ['jurisdiction', 'profile', 'lang', 'evaluate µs (median)', 'zod parse µs (baseline)', 'ratio', '< 50 µs'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`evaluate() with explanations, ${BATCHES}×${BATCH} calls each, Node ${process.version}`);
console.log(line(header));
for (const row of rows) console.log(line(row));

// evaluate() with bounds against the same facts given exactly (bench/bounds.ts).
await import('./bounds.js');

// The widget's weight as a browser downloads it (budget: 30 KB gzipped, widget and CSS together).
{
  const { gzipSync } = await import('node:zlib');
  const { buildWidget } = await import('../src/server/widget.js');
  const bundle = await buildWidget();
  const bytes = Buffer.byteLength(bundle.code);
  console.log(`\nwidget.js: ${(bytes / 1024).toFixed(1)} KB minified, ${(gzipSync(bundle.code).length / 1024).toFixed(1)} KB gzipped (budget 30 KB)`);
}

// Cold start of the built server against npm start and the sources through tsx (bench/coldstart.ts).
await import('./coldstart.js');

// Conversation turns through the session stores (bench/turns.ts).
await import('./turns.js');

// The soak: concurrent applicants over HTTP against the real server with Redis and with memory (bench/soak.ts).
await import('./soak.js');
