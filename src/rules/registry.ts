/**
 * The jurisdictions Park Advisor covers, by id, in the order of `shared/regulations/README.md`.
 */
import { guangxi } from './jurisdictions/guangxi.js';
import { jilin } from './jurisdictions/jilin.js';
import { mudanjiang } from './jurisdictions/mudanjiang.js';
import { shandong } from './jurisdictions/shandong.js';
import { wenzhou } from './jurisdictions/wenzhou.js';
import { JURISDICTION_IDS, type JurisdictionDef, type JurisdictionId } from './types.js';

const DEFINITIONS: Record<JurisdictionId, JurisdictionDef> = { shandong, jilin, mudanjiang, guangxi, wenzhou };

/** Every jurisdiction definition. */
export const JURISDICTIONS: readonly JurisdictionDef[] = JURISDICTION_IDS.map((id) => DEFINITIONS[id]);

/** Whether `id` names a covered jurisdiction. */
export function isJurisdictionId(id: unknown): id is JurisdictionId {
  return typeof id === 'string' && (JURISDICTION_IDS as readonly string[]).includes(id);
}

/** The definition of a jurisdiction. */
export function getJurisdiction(id: JurisdictionId): JurisdictionDef {
  return DEFINITIONS[id];
}
