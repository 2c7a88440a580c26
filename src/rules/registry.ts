/**
 * The jurisdictions Park Advisor covers, by id, in the order of `shared/regulations/README.md`, and the
 * versions of each text. Today each jurisdiction has one version; when a text is replaced (牡丹江's adopted
 * text after its 征求意见稿), the new definition is added to `VERSIONS` beside the old one and an assessment
 * applies the version in force on its date.
 */
import { guangxi } from './jurisdictions/guangxi.js';
import { jilin } from './jurisdictions/jilin.js';
import { mudanjiang } from './jurisdictions/mudanjiang.js';
import { shandong } from './jurisdictions/shandong.js';
import { wenzhou } from './jurisdictions/wenzhou.js';
import { JURISDICTION_IDS, type JurisdictionDef, type JurisdictionId } from './types.js';

/** Every registered version of each text, oldest first. */
const VERSIONS: Record<JurisdictionId, readonly JurisdictionDef[]> = {
  shandong: [shandong],
  jilin: [jilin],
  mudanjiang: [mudanjiang],
  guangxi: [guangxi],
  wenzhou: [wenzhou],
};

/** Every jurisdiction definition (the latest version of each text). */
export const JURISDICTIONS: readonly JurisdictionDef[] = JURISDICTION_IDS.map((id) => latest(VERSIONS[id]));

/** Whether `id` names a covered jurisdiction. */
export function isJurisdictionId(id: unknown): id is JurisdictionId {
  return typeof id === 'string' && (JURISDICTION_IDS as readonly string[]).includes(id);
}

/** The definition of a jurisdiction: its latest version. */
export function getJurisdiction(id: JurisdictionId): JurisdictionDef {
  return latest(VERSIONS[id]);
}

/** Every registered version of a jurisdiction's text, oldest first. */
export function versionsOf(id: JurisdictionId): readonly JurisdictionDef[] {
  return VERSIONS[id];
}

function latest(versions: readonly JurisdictionDef[]): JurisdictionDef {
  const last = versions.at(-1);
  if (!last) throw new Error('a jurisdiction without a text');
  return last;
}

/** Whether `def` is in force on `date` (both ends inclusive). */
export function inForceOn(def: JurisdictionDef, date: string): boolean {
  return def.inForceFrom <= date && (def.text.inForceUntil === null || date <= def.text.inForceUntil);
}

/**
 * The version to apply on `date`: of those in force that day, an adopted text before a draft, then the one that
 * took effect last. Before every version, the earliest (the result then says it is not yet in force); after
 * every version has ended, the latest.
 */
export function versionOn(versions: readonly JurisdictionDef[], date: string): JurisdictionDef {
  const rank = (d: JurisdictionDef) => (d.text.lifecycle === 'draft' ? 0 : 1);
  const candidates = versions
    .filter((d) => inForceOn(d, date))
    .sort((a, b) => rank(b) - rank(a) || (a.inForceFrom < b.inForceFrom ? 1 : a.inForceFrom > b.inForceFrom ? -1 : 0));
  if (candidates[0]) return candidates[0];
  const byStart = [...versions].sort((a, b) => (a.inForceFrom < b.inForceFrom ? -1 : a.inForceFrom > b.inForceFrom ? 1 : 0));
  const first = byStart[0];
  if (first && date < first.inForceFrom) return first;
  return latest(byStart);
}

/** The versions that replace `def`, directly or not, among `versions` (so a result can say what changed). */
export function newerThan(versions: readonly JurisdictionDef[], def: JurisdictionDef): JurisdictionDef[] {
  const newer: JurisdictionDef[] = [];
  let current = def.text.version;
  for (;;) {
    const next = versions.find((d) => d.text.supersedes === current);
    if (!next || newer.includes(next)) return newer;
    newer.push(next);
    current = next.text.version;
  }
}

/** The version of a jurisdiction's text to apply on `date` (what channels should use instead of the latest). */
export function jurisdictionOn(id: JurisdictionId, date: string): JurisdictionDef {
  return versionOn(VERSIONS[id], date);
}
