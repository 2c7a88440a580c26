/**
 * The building blocks of a jurisdiction definition: references into the law, criteria and their outcomes,
 * materials, procedure steps and notices. Data only; `evaluate.ts` gives them meaning.
 */
import type { RangeTable } from './bounds.js';
import type { DateBounds, FactName, Facts } from './facts.js';

/** The five jurisdictions of `shared/regulations/README.md`. */
export const JURISDICTION_IDS = ['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou'] as const;
export type JurisdictionId = (typeof JURISDICTION_IDS)[number];

/**
 * Where in the text a rule comes from: 第十二条（二） → `{ article: 12, item: 2 }`. `point` is a numbered
 * sub-point inside an item (1.申建函件 → `point: 1`); `annex` an annex of the text (附件3 → `annex: 3`).
 * `point` and `annex` extend the contract's `{ article, item }`.
 */
export interface Ref {
  article: number;
  item?: number;
  point?: number;
  annex?: number;
}

/** Three-valued logic, plus "this rule does not concern this park". */
export type Status = 'met' | 'unmet' | 'unknown' | 'not_applicable';
export type Severity = 'required' | 'advisory';
export type Verdict = 'eligible' | 'ineligible' | 'incomplete';

/** The day a rule is evaluated for, as `YYYY-MM-DD`; and the figures' ranges, derived once per assessment. */
export interface CheckContext {
  date: string;
  /** Every numeric fact's range (`bounds.ts`); derived by the check itself when absent. */
  ranges?: RangeTable;
}

/**
 * A figure's known range as a result reports it: inclusive, `max` absent when open. `bounded`: the caller gave
 * bounds; `derived`: a relation narrowed it (or computed it), `from` naming the facts it came from.
 */
export interface KnownRange {
  min: number;
  max?: number;
  bounded?: boolean;
  derived?: boolean;
  from?: string[];
}

/**
 * The single yes/no question that settles a criterion left unknown only because a known range straddles its
 * limit: "is `fact` `op` `value`?" (`scope`: which branch park's figure). `known` is what the facts allow now.
 */
export interface Settle {
  fact: FactName;
  op: 'gte' | 'gt' | 'lte' | 'lt';
  /** A figure, or for a date fact the day (`YYYY-MM-DD`): "was it on or before 2023-11-15?". */
  value: number | string;
  /** For a date fact: the bounds the day was given as. */
  knownDays?: DateBounds;
  scope?: Scope;
  known?: KnownRange;
}

/** Structured evidence of why a check came out as it did; rendered into words by `explain.ts`. */
export type Finding =
  /** A number compared with a threshold: `gte` 以上/不少于/不低于, `gt` 超过, `lte` 不超过. */
  | {
      kind: 'threshold';
      fact: FactName;
      op: 'gte' | 'gt' | 'lte';
      required: number;
      actual: number;
      scope?: Scope;
      /** The figure was computed or narrowed by a relation (`from`), not answered as it stands. */
      derived?: boolean;
      /** The answer was bounds: `actual` is the most favourable value in `range`. */
      bounded?: boolean;
      /** The facts a derived figure came from. */
      from?: string[];
      /** The range the facts allow, when not one number. */
      range?: KnownRange;
    }
  /**
   * A share: `part / whole` against `percent` (inclusive: 以上/不低于/不少于). With ranges, `actualPart` and
   * `actualWhole` are the most favourable values (the greatest part of the least whole).
   */
  | {
      kind: 'share';
      part: FactName;
      whole: FactName;
      percent: number;
      actualPart: number;
      actualWhole: number;
      scope?: Scope;
      derived?: boolean;
      bounded?: boolean;
      from?: string[];
      partRange?: KnownRange;
      wholeRange?: KnownRange;
    }
  /** A yes/no fact that had to be `expected`. */
  | { kind: 'boolean'; fact: FactName; expected: boolean }
  /** A list fact that lacks some required values. */
  | { kind: 'missingValues'; fact: FactName; missing: string[] }
  /** A value outside the accepted set. */
  | { kind: 'notOneOf'; fact: FactName; actual: string; accepted: string[] }
  /**
   * A waiting period that has not run out: a new application is possible from `from`. When the day of the refusal
   * or revocation was given as bounds (`since`), `from` is the earliest day that allows and `until` the latest.
   */
  | { kind: 'waiting'; outcome: 'rejected' | 'revoked'; since: string | DateBounds; from: string; until?: string; period: Period }
  /** The text is not yet in force on the assessment date. */
  | { kind: 'notInForce'; from: string }
  /** Alternatives (…或…), each with its own findings; any one met would do. */
  | { kind: 'alternatives'; options: Finding[][] };

/** Which part of a multi-site park a figure is about. */
export type Scope = { site: 'core' } | { site: 'branch'; index: number };
/** A period of years or months, counted as 民法典 第二百零一、二百零二条 count them. */
export interface Period {
  years?: number;
  months?: number;
}

/** Why a rule does not concern this park: the fact whose value took it out. */
export interface Inapplicable {
  fact: FactName;
  value: string;
}

/** What a check concluded. `missing` lists the facts that would settle an `unknown`. */
export interface Outcome {
  status: Status;
  findings: Finding[];
  missing: FactName[];
  inapplicable?: Inapplicable;
  /** For an `unknown` that one yes/no answer would settle: that question. */
  settle?: Settle;
}

/**
 * A rule's test against a park's facts. Pure: no I/O, no clock (the date comes in `ctx`). `limits` lists the
 * thresholds it compares against, so that tests can prove each one is tested at its edge.
 */
export interface Check {
  (facts: Facts, ctx: CheckContext): Outcome;
  limits?: readonly Limit[];
}

/** A threshold inside a check: a number, a share, a waiting period or a date of entry into force. */
export type Limit =
  | { kind: 'threshold'; fact: FactName; op: 'gte' | 'gt' | 'lte'; value: number }
  | { kind: 'share'; part: FactName; whole: FactName; percent: number }
  | { kind: 'waiting'; outcome: 'rejected' | 'revoked'; period: Period }
  | { kind: 'inForce'; from: string };

/** One condition of a text, next to the words it encodes. */
export interface CriterionDef {
  /** Stable id: `<jurisdiction>.<slug>`; its localized title is `<jurisdiction>:criteria.<slug>`. */
  id: string;
  ref: Ref;
  /** The verbatim Chinese wording it encodes (whitespace may be normalized). */
  quote: string;
  severity: Severity;
  /** 原则上: still required, but the authority may waive it. */
  inPrinciple?: boolean;
  /** The facts it reads (the flows ask exactly these). */
  facts: readonly FactName[];
  check: Check;
  /** Why this reading, where the text admits more than one (shown to developers, not users). */
  reading?: string;
  /** Ids of evidence items (`<jurisdiction>:evidence.<id>`) to add to the checklist when this rule applies. */
  evidence?: readonly string[];
}

/** An application material (申报材料) or supporting evidence. Title: `<jurisdiction>:materials.<slug>`. */
export interface MaterialDef {
  id: string;
  ref: Ref;
  /** The wording of the text that names it. */
  quote: string;
}

/** Structured figures of a procedure step, for quick answers (e.g. a notice period of 5 working days). */
export interface StepParams {
  days?: number;
  dayKind?: 'working' | 'calendar';
  /** The figure is a minimum (不少于) rather than exact. */
  atLeast?: boolean;
  /** 一般: usually, not always. */
  usually?: boolean;
  months?: number;
  years?: number;
  amountYuan?: number;
}

/** What kind of question a procedure step answers (staff quick answers group by it). */
export type StepTopic =
  | 'submission'
  | 'review'
  | 'evaluation'
  | 'publicNotice'
  | 'designation'
  | 'grant'
  | 'refusal'
  | 'branches'
  | 'periodicEvaluation'
  | 'grades'
  | 'revocation';

/** One step of the procedure or of life after designation. Title: `<jurisdiction>:procedure.<slug>`. */
export interface StepDef {
  id: string;
  topic: StepTopic;
  ref: Ref;
  quote: string;
  params?: StepParams;
}

/** A notice shown with every result of the jurisdiction. Text: `<jurisdiction>:notices.<slug>`. */
export interface NoticeDef {
  id: string;
  ref?: Ref;
}

export type Level = 'provincial' | 'autonomous_region' | 'municipal';
/** The text's own flavour: 暂行 (provisional), 试行 (trial), 征求意见稿 (draft for comment), or none of these. */
export type TextStatus = 'in_force' | 'provisional' | 'trial' | 'draft_for_comment';
/** Where a version of a text stands in its life: a draft, adopted and in force, or repealed. */
export type TextLifecycle = 'draft' | 'in_force' | 'repealed';

/**
 * A wording of a text that is not encoded as a criterion, with the reason: qualitative judgements the
 * authority makes at evaluation (Guangxi 第五条（二） 发展前景), sentences with no fact in the vocabulary. Every
 * item of the conditions article is either some criterion's `ref` or listed here (a test parses the text), and
 * the notice that tells users what Park Advisor does not check is built from this list.
 */
export interface NotEncodedDef {
  ref: Ref;
  /** The wording, verbatim. */
  quote: string;
  /** Why it is not a criterion (for developers and reviewers). */
  reason: string;
}

/**
 * Which text a definition encodes and when it applies. A jurisdiction may have several versions; the one in
 * force on the assessment date is applied (`registry.ts`), and the result says which.
 */
export interface TextVersionMeta {
  /** Stable id of this version: `<jurisdiction>@<first day in force>` (e.g. `mudanjiang@2026-01-01`). */
  version: string;
  /** Last day in force (inclusive), or null while it is. */
  inForceUntil: string | null;
  /** The version this one replaces, or null. */
  supersedes: string | null;
  lifecycle: TextLifecycle;
  /** Where the text was published, if the project knows it from the text or its README; never guessed. */
  sourceUrl?: string;
  /** The day someone last compared `regulations/<source>` with the published text and the rules with it. */
  lastVerifiedOn: string;
}

/** A jurisdiction as its text defines it. Names and notices are localized under its own namespace. */
export interface JurisdictionDef {
  id: JurisdictionId;
  level: Level;
  /** The title of the text, verbatim. */
  title: string;
  documentNumber: string | null;
  issuer: string;
  issued: string | null;
  inForceFrom: string;
  status: TextStatus;
  /** The file of `regulations/` that holds the text. */
  source: string;
  /** Which version of the text this is, and when it applies. */
  text: TextVersionMeta;
  /** Wording of the conditions article(s) not encoded as criteria, each with its reason. */
  notEncoded: readonly NotEncodedDef[];
  /** The article(s) listing the application conditions, whose every item must be encoded or in `notEncoded`. */
  conditionsArticles: readonly number[];
  /** Places under this authority (for matching a named city or county), in Chinese. */
  places: readonly string[];
  criteria: readonly CriterionDef[];
  materials: readonly MaterialDef[];
  /** Evidence items the answers may call for; added to the checklist by the criteria that name them. */
  evidence: readonly MaterialDef[];
  procedure: readonly StepDef[];
  notices: readonly NoticeDef[];
}
