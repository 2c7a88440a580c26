/**
 * Which text the conversation applies, said from the first message and changeable at any time: the line that
 * states it ("按《温州市市级人力资源服务产业园建设和评估办法（试行）》逐条核对"), and the place a person names in
 * passing ("我们在乐清") when it belongs to another jurisdiction, which the conversation then offers to switch to
 * (a confirmation, never silently).
 */
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { getJurisdiction, jurisdictionOn } from '../rules/registry.js';
import type { JurisdictionId } from '../rules/types.js';
import { matchJurisdiction } from './places.js';

/** The text being applied, as every channel states it. */
export interface Applying {
  jurisdiction: JurisdictionId;
  /** The jurisdiction's name in the user's language ("温州市（市级）"). */
  name: string;
  /** The regulation's full title, verbatim (Chinese in every language). */
  title: string;
  /** One line: "按《…》逐条核对" / "Checking against 《…》 (Wenzhou, municipal level)". */
  text: string;
}

/** The statement of the text applied for `jurisdiction`: the version in force on `date` when one is given. */
export function applyingOf(jurisdiction: JurisdictionId, lang: Lang, date?: string): Applying {
  const def = date === undefined ? getJurisdiction(jurisdiction) : jurisdictionOn(jurisdiction, date);
  const name = compiledTranslator(lang, jurisdiction)('name');
  return { jurisdiction, name, title: def.title, text: compiledTranslator(lang, 'flow')('applying.text', { title: def.title, name }) };
}

/**
 * The jurisdiction an input that was not understood as an answer names, when it is not the one applied: a place
 * (乐清, 济南, "jinan") or a jurisdiction's name, anywhere in the text. Bare numbers never count (at the opening
 * "5" picks the fifth jurisdiction, but as an answer it is a figure).
 */
export function placeNamed(input: unknown, current: JurisdictionId | null): JurisdictionId | undefined {
  if (typeof input !== 'string' || /^\s*[\d.,\s]*\s*$/.test(input)) return undefined;
  const named = matchJurisdiction(input);
  return named && named !== current ? named : undefined;
}
