/**
 * Park profiles that meet every criterion of a jurisdiction (`examples/<id>-*.json`), the base on which
 * the edge cases vary one fact at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Facts } from '../../src/rules/facts.js';
import { JURISDICTION_IDS, type JurisdictionId } from '../../src/rules/types.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** Every `examples/<id>-<name>eligible.json`, by jurisdiction and name (`default` for `<id>-eligible.json`). */
export function eligibleProfiles(): Record<JurisdictionId, Record<string, Facts>> {
  const out = Object.fromEntries(JURISDICTION_IDS.map((id) => [id, {}])) as Record<JurisdictionId, Record<string, Facts>>;
  for (const file of readdirSync(EXAMPLES)) {
    const match = /^([a-z]+)-(?:(.+)-)?eligible\.json$/.exec(file);
    if (!match) continue;
    const [, id, name] = match;
    const profiles = out[id as JurisdictionId];
    if (profiles) profiles[name ?? 'default'] = JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8')) as Facts;
  }
  return out;
}
