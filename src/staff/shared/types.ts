/**
 * The contract between the staff console in the browser (`src/staff/client`) and its routes on the server
 * (`src/staff/server`, mounted by `src/server/staff.ts`). Types only: nothing here runs.
 */
import type { AssessmentResult } from '../../rules/evaluate.js';
import type { Facts } from '../../rules/facts.js';
import type { Ref, Severity, Status } from '../../rules/types.js';

/** The rows of the comparison: what a condition is about. */
export const COMPARE_TOPICS = ['area', 'institutions', 'revenue', 'operator', 'services', 'policies', 'other'] as const;
export type CompareTopic = (typeof COMPARE_TOPICS)[number];

/** The questions staff hear most, each answered from the procedure, materials or criteria of a text. */
export const QUICK_TOPICS = [
  'where',
  'materials',
  'publicNotice',
  'evaluation',
  'designation',
  'refusal',
  'grant',
  'cycle',
  'revocation',
  'branches',
] as const;
export type QuickTopic = (typeof QUICK_TOPICS)[number];

/** The documents the console prints. */
export const DOC_KINDS = ['checklist', 'mudanjiang-form', 'jilin-form'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** One field of the console: a question as the conversation asks it, with the parser's example. */
export interface FieldPrompt {
  /** A fact name, or `branches.<i>.<field>`. */
  questionId: string;
  fact: string;
  kind: 'choice' | 'multi' | 'boolean' | 'number' | 'date';
  /** The fact's short label. */
  label: string;
  /** The question as the chat asks it. */
  text: string;
  help: string;
  /** What the parser accepts, with an example ("请输入面积（平方米），例如 12000、1.2万平方米。"). */
  ask: string;
  options?: { value: string | boolean; label: string }[];
  branch?: number;
}

/** Questions and criteria of one article or item of the text (第十二条第（二）项). */
export interface QuestionGroup {
  id: string;
  ref: Ref;
  refText: string;
  /** Criterion ids of this article or item, in the text's order. */
  criteria: string[];
  questions: FieldPrompt[];
  /** Whether the per-branch figures (`branches.<i>.<field>`) belong here. */
  branches: boolean;
}

/** A condition as the catalog lists it. */
export interface CatalogCriterion {
  id: string;
  title: string;
  refText: string;
  quote: string;
  severity: Severity;
  inPrinciple: boolean;
  topic: CompareTopic;
  group: string;
}

/** One quick answer: a summary built from the figures of the text, and the provisions it comes from. */
export interface QuickAnswer {
  topic: QuickTopic;
  title: string;
  /** One line, e.g. "公示期：不少于 5 个工作日"; from the steps' params, or what the text leaves open. */
  summary: string;
  /** Figures of the steps (from their params), e.g. "不少于 5 个工作日". */
  figures: string[];
  items: { id: string; title: string; refText: string; quote: string }[];
  /** Search words in every language. */
  keywords: string[];
}

export interface CatalogJurisdiction {
  id: string;
  name: string;
  shortName: string;
  authority: string;
  title: string;
  documentNumber: string | null;
  statusText: string;
  groups: QuestionGroup[];
  criteria: CatalogCriterion[];
  quick: QuickAnswer[];
  documents: DocKind[];
  /** The Word documents (`POST /staff/docx/<name>`), with their titles. */
  wordDocuments: { name: string; title: string }[];
}

/** Everything the console needs to draw itself, in one language. */
export interface Catalog {
  lang: 'zh-CN' | 'en';
  /** The console's strings (`staff` namespace, flattened) and a few of the rules' (`rules.status.met`, …). */
  strings: Record<string, string>;
  jurisdictions: CatalogJurisdiction[];
  topics: { id: CompareTopic; label: string }[];
  /** Per-branch fields, `branchFields[i]` for branch i (0-based), up to the console's limit. */
  branchFields: FieldPrompt[][];
  /** Whether the console sits behind a token (then it offers to log out). */
  tokenRequired: boolean;
  /** The fields of the document details (not facts: names, addresses, the Mudanjiang form's ticks). */
  details: DetailField[];
}

/** A field the documents need that the fact vocabulary does not hold. */
export interface DetailField {
  id: string;
  label: string;
  kind: 'text' | 'choice' | 'multi';
  options?: { value: string; label: string }[];
  /** The documents that print it. */
  docs: DocKind[];
}

/** How one typed answer was read. */
export interface FieldState {
  state: 'answered' | 'unknown' | 'error';
  /** The value as read ("12,000 平方米", "是"). */
  display?: string;
  message?: string;
}

/** `POST /staff/api/assess`. */
export interface AssessRequest {
  jurisdiction: string;
  answers: Record<string, string>;
  lang?: 'zh-CN' | 'en';
  date?: string;
}

export interface AssessResponse {
  facts: Facts;
  fields: Record<string, FieldState>;
  result: AssessmentResult;
  /** The short gap of each unmet criterion ("还差 1 平方米"), by id. */
  gaps: Record<string, string>;
  /** Each fact still to find out (`result.missingFacts`) in the words of the text applied, by fact. */
  missing: Record<string, string>;
  /** The facts each unknown criterion still needs, in that criterion's own words ("园区总面积"), by id. */
  needs: Record<string, string[]>;
  /**
   * Answers another field's answer said along (园区布局 "一核两园": 分园区数量 2), for fields left empty: already in
   * `facts`; the console fills them in as text (`from`: the field that said it).
   */
  implied?: { questionId: string; text: string; from: string }[];
}

/** One cell of the comparison: a jurisdiction's conditions on one topic. */
export interface CompareCell {
  jurisdiction: string;
  /** The worst status of its required conditions (advisory ones if there are none); `none`: the text sets none. */
  status: Status | 'none';
  criteria: { id: string; title: string; refText: string; status: Status; severity: Severity; gap: string; explanation: string }[];
}

export interface CompareResponse {
  facts: Facts;
  fields: Record<string, FieldState>;
  jurisdictions: { id: string; name: string; verdict: string; verdictText: string; counts: Record<Status, number> }[];
  rows: { topic: CompareTopic; label: string; cells: CompareCell[] }[];
}

/** `POST /staff/api/import`: facts in, the typed answers that say the same out. */
export interface ImportResponse {
  answers: Record<string, string>;
  /** Facts the console has no field for (e.g. `institutionRevenues`), left out. */
  dropped: string[];
}

/** The response of `POST /staff/api/document-answers`: what an applicant's own file says, field by field. */
export interface DocumentAnswersResponse {
  /** Each answer found: its field, the words read (as they would be typed), the line they came from, the field's name. */
  found: { questionId: string; text: string; line: string; label: string }[];
  /** Fields the file gives more than one value for: the first is offered, the clerk decides. */
  conflicting: { questionId: string; label: string }[];
}

/** The body of a document request (`payload` of `POST /staff/doc/<kind>`). */
export interface DocPayload {
  jurisdiction: string;
  facts: Facts;
  details?: Record<string, string | string[]>;
  lang?: 'zh-CN' | 'en';
}
