/**
 * Every limit of every criterion, exactly at it and one unit on the wrong side, for all five jurisdictions;
 * and proof that no declared limit lacks such a case.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import type { JurisdictionId, Limit } from '../src/rules/types.js';
import { cases as guangxi } from './cases/guangxi.js';
import { cases as jilin } from './cases/jilin.js';
import { cases as mudanjiang } from './cases/mudanjiang.js';
import { cases as shandong } from './cases/shandong.js';
import { cases as wenzhou } from './cases/wenzhou.js';
import { EDGE_DATE, type EdgeCase, type Patch } from './support/edges.js';
import { eligibleProfiles } from './support/profiles.js';

const ALL: Record<JurisdictionId, EdgeCase[]> = { shandong, jilin, mudanjiang, guangxi, wenzhou };
const profiles = eligibleProfiles();

function statusOf(id: JurisdictionId, edge: EdgeCase, patch: Patch | number) {
  const p: Patch = typeof patch === 'number' ? { facts: { [edge.fact]: patch } as Facts } : patch;
  const base = profiles[id][edge.profile ?? 'default'];
  if (!base) throw new Error(`no profile ${edge.profile ?? 'default'} for ${id}`);
  const facts = { ...base, ...edge.given, ...p.facts };
  const result = evaluate(id, facts, { date: p.date ?? EDGE_DATE });
  const criterion = result.criteria.find((c) => c.id === edge.criterion);
  if (!criterion) throw new Error(`no criterion ${edge.criterion}`);
  return criterion;
}

function limitFact(limit: Limit): string {
  switch (limit.kind) {
    case 'threshold':
      return limit.fact;
    case 'share':
      return limit.part;
    case 'waiting':
      return 'previousOutcomeDate';
    case 'inForce':
      return 'date';
  }
}

for (const def of JURISDICTIONS) {
  describe(`${def.id}: edges`, () => {
    const edges = ALL[def.id];
    it.each(edges.map((e) => [`${e.criterion} / ${e.fact}${e.note ? ` (${e.note})` : ''}`, e] as const))(
      '%s: met exactly at the limit, unmet one unit beyond',
      (_name, edge) => {
        expect(statusOf(def.id, edge, edge.at).status).toBe('met');
        const beyond = statusOf(def.id, edge, edge.beyond);
        expect(beyond.status).toBe('unmet');
        expect(beyond.findings.length).toBeGreaterThan(0);
      },
    );

    it('has an edge case for every limit a criterion declares', () => {
      const declared = def.criteria.flatMap((c) => (c.check.limits ?? []).map((l) => `${c.id} / ${limitFact(l)}`));
      const covered = new Set(edges.map((e) => `${e.criterion} / ${e.fact}`));
      expect(declared.filter((d) => !covered.has(d))).toEqual([]);
    });
  });
}
