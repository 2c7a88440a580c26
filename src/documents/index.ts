/**
 * The Word documents an applicant can hand in, generated on the server from the answers (facts), the typed
 * details that are not facts, and the result: one builder per document, packed in the house style
 * (`style.ts`). Channels ask which documents a jurisdiction has (`documentsOf`), list them with their titles and
 * URLs (`documentLinks`), and build one (`buildDocument`). Nothing in `src/rules` knows about this module.
 *
 * | name | for | what |
 * |---|---|---|
 * | `checklist` | every jurisdiction | 申报材料清单: materials with tick boxes, articles, the answers to prove; procedure and deadlines |
 * | `mudanjiang-form` | mudanjiang | the 评估认定审批表 of the annex as a Word table, pre-filled |
 * | `jilin-form` | jilin | the cover page (附件1) and 申报表 (附件3), as outlines |
 * | `application-letter` | guangxi, shandong, wenzhou | the 申报请示 / 申建函件 draft with the park's figures and the articles met |
 */
import type { Paragraph, Table } from 'docx';
import type { Lang } from '../i18n/index.js';
import { assess } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts.js';
import { getJurisdiction, jurisdictionOn } from '../rules/registry.js';
import type { JurisdictionId } from '../rules/types.js';
import { checklistBlocks, docT } from './checklist.js';
import type { Details } from './fields.js';
import { jilinOutlineSections } from './jilin-outline.js';
import { LETTER_FORMS, letterBlocks } from './letter.js';
import { mudanjiangFormBlocks } from './mudanjiang-form.js';
import { pack } from './style.js';

/** Every document name, as it appears in URLs (`<name>.docx`). */
export const DOCUMENT_NAMES = ['checklist', 'mudanjiang-form', 'jilin-form', 'application-letter'] as const;
export type DocumentName = (typeof DOCUMENT_NAMES)[number];

/** The media type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Whether `value` names a document. */
export function isDocumentName(value: unknown): value is DocumentName {
  return typeof value === 'string' && (DOCUMENT_NAMES as readonly string[]).includes(value);
}

/**
 * The documents a jurisdiction offers: the checklist, and the form or letter its materials name — those of the
 * version of its text in force on `date` when one is given (the assessment's date), else of the latest.
 */
export function documentsOf(jurisdiction: JurisdictionId, date?: string): DocumentName[] {
  const def = textOn(jurisdiction, date);
  const has = (id: string) => def.materials.some((m) => m.id === id);
  const out: DocumentName[] = ['checklist'];
  if (has('mudanjiang.approval-form')) out.push('mudanjiang-form');
  if (has('jilin.application-form')) out.push('jilin-form');
  const letter = LETTER_FORMS[jurisdiction];
  if (letter && has(letter.material)) out.push('application-letter');
  return out;
}

/** A document's title in `lang` ("申报材料清单", "申建函件（草稿）"). */
export function documentTitle(name: DocumentName, jurisdiction: JurisdictionId, lang: Lang, date?: string): string {
  return docT(lang)(`names.${name}`, { material: letterMaterialTitle(jurisdiction, date) });
}

/** The version of a text in force on `date`, or the latest without a date. */
function textOn(jurisdiction: JurisdictionId, date: string | undefined) {
  return date === undefined ? getJurisdiction(jurisdiction) : jurisdictionOn(jurisdiction, date);
}

/** The letter's name as its text has it (申建函件, 申报请示), in either language: it is filed in Chinese. */
function letterMaterialTitle(jurisdiction: JurisdictionId, date?: string): string {
  const form = LETTER_FORMS[jurisdiction];
  return (form && textOn(jurisdiction, date).materials.find((m) => m.id === form.material)?.quote) ?? '';
}

/** One entry of a result's `documents`. */
export interface DocumentLink {
  name: DocumentName;
  title: string;
  url: string;
}

/** The documents of a jurisdiction (its text in force on `date`, if given), each with its title and the URL under `base` (e.g. `/api/sessions/<id>/documents`). */
export function documentLinks(jurisdiction: JurisdictionId, lang: Lang, base: string, date?: string): DocumentLink[] {
  return documentsOf(jurisdiction, date).map((name) => ({ name, title: documentTitle(name, jurisdiction, lang, date), url: `${base}/${name}.docx?lang=${lang}` }));
}

/** What a document is built from. */
export interface DocumentRequest {
  jurisdiction: JurisdictionId;
  facts: Facts;
  /** Typed details that are not facts (park name, address, contact, ticks); absent: blank. */
  details?: Details;
  lang: Lang;
  /** The assessment date, `YYYY-MM-DD`. */
  date: string;
}

/** A built document. */
export interface BuiltDocument {
  bytes: Buffer;
  title: string;
  /** The file name to save it under, with `.docx` (may hold Chinese: send it RFC 5987-encoded). */
  filename: string;
  /** An ASCII file name for clients that ignore `filename*`. */
  asciiFilename: string;
}

/** Thrown when a jurisdiction has no such document. */
export class UnknownDocumentError extends Error {
  constructor(name: string, jurisdiction: string) {
    super(`no document ${name} for ${jurisdiction}`);
    this.name = 'UnknownDocumentError';
  }
}

/** The mark every page of a draft or outline carries in its header. */
const HEADER_MARKS: Partial<Record<DocumentName, string>> = {
  'mudanjiang-form': 'outline.draftMark',
  'jilin-form': 'outline.mark',
  'application-letter': 'letter.headerMark',
};

/** Builds one document; throws UnknownDocumentError when the jurisdiction does not offer it. */
export async function buildDocument(name: string, request: DocumentRequest): Promise<BuiltDocument> {
  if (!isDocumentName(name) || !documentsOf(request.jurisdiction, request.date).includes(name)) throw new UnknownDocumentError(name, request.jurisdiction);
  const { facts, lang, date } = request;
  // The version of the text in force on the assessment date, as `evaluate` applies it.
  const def = jurisdictionOn(request.jurisdiction, date);
  const details = request.details ?? {};
  const result = assess(def, facts, { date, lang });
  let sections: (Paragraph | Table)[][];
  switch (name) {
    case 'checklist':
      sections = [checklistBlocks({ def, result, facts, details, lang })];
      break;
    case 'mudanjiang-form':
      sections = [mudanjiangFormBlocks(facts, details, lang)];
      break;
    case 'jilin-form':
      sections = jilinOutlineSections(def, facts, details, lang);
      break;
    case 'application-letter': {
      const form = LETTER_FORMS[request.jurisdiction];
      if (!form) throw new UnknownDocumentError(name, request.jurisdiction);
      sections = [letterBlocks(def, form, facts, details, lang, date)];
      break;
    }
  }
  const title = documentTitle(name, request.jurisdiction, lang);
  const t = docT(lang);
  const base = t(`filenames.${name}`, { name: result.jurisdictionName, material: letterMaterialTitle(request.jurisdiction) });
  return {
    bytes: await pack({ title, sections, lang, ...(HEADER_MARKS[name] ? { header: t(HEADER_MARKS[name]) } : {}) }),
    title,
    filename: `${base.replace(/[\\/:*?"<>|\s]+/g, '_')}.docx`,
    asciiFilename: `${name}-${request.jurisdiction}.docx`,
  };
}
