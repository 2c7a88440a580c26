/**
 * What reading an answer gives: a value (null is "I don't know"), with how a colloquial one was read, or why there
 * is none. Shared by the readers of each kind of answer (`parse.ts`, `dates.ts`).
 */
import type { DateBounds } from '../rules/facts.js';

/** What a number answer measures: m², yuan, a whole count, or percentage points. */
export type NumberUnit = 'area' | 'money' | 'count' | 'percent';

/** A range a person gave instead of one figure: 30多家 → { min: 31, max: 39 }, 不到1万 → { max: 9999 }. */
export interface NumberBounds {
  min?: number;
  max?: number;
}

/** A fact value as parsed: null is "I don't know". */
export type AnswerValue = string | number | boolean | string[] | NumberBounds | DateBounds | null;

/**
 * How a colloquial answer was read, so that the conversation can say so: 暂无 → `notYet` ("按尚未具备计");
 * `occasional` is the conversation's own reading of 偶尔 said twice to a 经常 question (a no), `hedged` its reading
 * of a yes or no hedged twice (好像有: 不清楚); `share` a part given as a share of its whole (一半左右, 60%: see
 * `shares.ts`); `dated` a date said relative to today (去年5月10日), said back as the day it was read as.
 */
export type Reading = 'notYet' | 'occasional' | 'hedged' | 'share' | 'dated';

/** Why an answer could not be read. */
export type ParseErrorCode =
  | 'empty'
  | 'unreadable'
  | 'wrongUnit'
  | 'negative'
  | 'tooLarge'
  | 'notInteger'
  | 'unknownOption'
  | 'ambiguousOption'
  | 'invalidDate'
  | 'needExact'
  | 'noBound'
  | 'futureDate'
  | 'occasional'
  | 'hedged';

/** A fact value (null = "I don't know"), or why there is none; wrongUnit says which unit was recognised. */
export type ParseResult =
  | { ok: true; value: AnswerValue; reading?: Reading }
  | { ok: false; code: ParseErrorCode; detectedUnit?: NumberUnit };

/** A reading that failed. */
export type Failure = Extract<ParseResult, { ok: false }>;

/** A value read, with how it was read when the conversation should say so. */
export const ok = (value: AnswerValue, reading?: Reading): ParseResult => (reading ? { ok: true, value, reading } : { ok: true, value });
/** Why an answer could not be read (and, for a figure in another unit, which unit was recognised). */
export const fail = (code: ParseErrorCode, detectedUnit?: NumberUnit): Failure =>
  detectedUnit ? { ok: false, code, detectedUnit } : { ok: false, code };
