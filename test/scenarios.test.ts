/**
 * Scenarios as data (issue 10, section 4): every `test/scenarios/<id>.yaml` — name, article, date, facts, the
 * expected verdict and the expected status of the criteria that matter — is evaluated here, so that a lawyer can
 * read and add cases without reading TypeScript. Files in sub-folders are not read (pending-bounds/ waits for the
 * bounds engine). The `yaml` package parses them; `<<: *profile` merges a profile defined in the same file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { evaluate } from '../src/rules/evaluate.js';
import { getJurisdiction } from '../src/rules/registry.js';
import { JURISDICTION_IDS } from '../src/rules/types.js';

const DIR = new URL('./scenarios/', import.meta.url);
const Status = z.enum(['met', 'unmet', 'unknown', 'not_applicable']);

/** The shape of a scenario file; a typo in a key fails loudly rather than being ignored. */
const ScenarioFile = z.strictObject({
  /** The jurisdiction of every scenario of a `<id>.yaml` file; other files name it per scenario. */
  jurisdiction: z.enum(JURISDICTION_IDS).optional(),
  profiles: z.record(z.string(), z.unknown()).optional(),
  scenarios: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        jurisdiction: z.enum(JURISDICTION_IDS).optional(),
        article: z.string().regex(/^第.+条/),
        date: z.iso.date(),
        facts: z.record(z.string(), z.unknown()),
        expect: z.strictObject({
          verdict: z.enum(['eligible', 'ineligible', 'incomplete']),
          criteria: z.record(z.string(), Status),
          counts: z.strictObject({ met: z.number(), unmet: z.number(), unknown: z.number(), not_applicable: z.number() }).partial().optional(),
        }),
      }),
    )
    .min(1),
});

const files = readdirSync(DIR, { withFileTypes: true })
  .filter((f) => f.isFile() && f.name.endsWith('.yaml'))
  .map((f) => f.name)
  .sort();

it('reads one scenario file per jurisdiction', () => {
  for (const id of JURISDICTION_IDS) expect(files).toContain(`${id}.yaml`);
});

for (const file of files) {
  const data = ScenarioFile.parse(parse(readFileSync(new URL(file, DIR), 'utf8'), { merge: true }));
  const perJurisdiction = JURISDICTION_IDS.find((id) => file === `${id}.yaml`);

  describe(`${file}`, () => {
    if (perJurisdiction) {
      it('names the jurisdiction of its file, and has eligible, ineligible and incomplete profiles', () => {
        expect(data.jurisdiction).toBe(perJurisdiction);
        expect(data.scenarios.every((s) => (s.jurisdiction ?? perJurisdiction) === perJurisdiction)).toBe(true);
        expect(new Set(data.scenarios.map((s) => s.expect.verdict))).toEqual(new Set(['eligible', 'ineligible', 'incomplete']));
      });
    }

    it.each(data.scenarios.map((s) => [`${s.article} · ${s.name}`, s] as const))('%s', (_name, s) => {
      const jurisdiction = s.jurisdiction ?? data.jurisdiction;
      if (jurisdiction === undefined) throw new Error(`${file}: "${s.name}" names no jurisdiction`);
      const known = new Set(getJurisdiction(jurisdiction).criteria.map((c) => c.id));
      const unknownIds = Object.keys(s.expect.criteria).filter((id) => !known.has(id));
      expect(unknownIds, 'criterion ids that do not exist').toEqual([]);
      const result = evaluate(jurisdiction, s.facts, { date: s.date });
      const statuses = Object.fromEntries(result.criteria.filter((c) => c.id in s.expect.criteria).map((c) => [c.id, c.status]));
      expect(statuses).toEqual(s.expect.criteria);
      const open = result.criteria.filter((c) => c.severity === 'required' && c.status !== 'met' && c.status !== 'not_applicable');
      expect(result.verdict, open.map((c) => `${c.id}: ${c.status}`).join('\n')).toBe(s.expect.verdict);
      if (s.expect.counts) expect(result.counts).toMatchObject(s.expect.counts);
    });
  });
}
