/**
 * The figures of `GET /staff/api/insights`: the counters of a period added up per jurisdiction over the chosen
 * channels, with every count from 1 to 4 replaced by the string `"<5"` — in the JSON itself, so that no client
 * (the view, a CSV, a script) ever holds a small count that could point at one park in a small city.
 * Zero stays 0 (it identifies no one). Lists are ordered by the shown figure, so the order leaks nothing either.
 */
import { z } from 'zod';
import type { Lang } from '../i18n/index.js';
import { questionById, QUESTION_ORDER } from '../flows/questions.js';
import { addPeriod } from '../rules/dates.js';
import type { FactName } from '../rules/facts.js';
import { questionLabelIn } from '../rules/labels.js';
import { prepared } from '../rules/prepared.js';
import { jurisdictionOn, versionsOf } from '../rules/registry.js';
import { type CriterionDef, JURISDICTION_IDS, type JurisdictionId, type Ref } from '../rules/types.js';
import { INSIGHTS_CHANNELS, type InsightsChannel, parseField } from './counters.js';

/** Counts below this are shown as "<5". */
export const PRIVACY_THRESHOLD = 5;
/** The longest period one request may ask for, in days (both ends included). */
export const MAX_RANGE_DAYS = 400;
/** The period when none is given: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;
/**
 * A conversation counts as abandoned at a question once its session must have expired: sessions live 24 h after
 * their last turn, so one last moved on day D may still answer until D+1 ends, and is gone from day D+2.
 */
export const ABANDONED_AFTER_DAYS = 2;

/** A count as shown: exact from the threshold up, "<5" below it, 0 as 0. */
export type Cell = number | '<5';

/** A criterion's figures at the results. */
export interface CriterionFigures {
  id: string;
  ref: Ref;
  title: string;
  met: Cell;
  unmet: Cell;
  unknown: Cell;
}

/** One jurisdiction's figures for the period. */
export interface JurisdictionFigures {
  started: Cell;
  completed: Cell;
  verdicts: { eligible: Cell; ineligible: Cell; incomplete: Cell };
  closeToEligible: Cell;
  /** Sorted by `unmet`, most first. */
  criteria: CriterionFigures[];
  /** `label`: the fact in the words of the jurisdiction's own text (山东 园区年营业收入, not 上一年度…). */
  unknownFacts: { fact: string; label: string; count: Cell }[];
  /** `label`: what the question asks, in the same words. */
  abandonedAt: { questionId: string; label: string; count: Cell }[];
}

/** The response. */
export interface InsightsReport {
  from: string;
  to: string;
  jurisdictions: Partial<Record<JurisdictionId, JurisdictionFigures>>;
}

/** A valid request. */
export interface InsightsQuery {
  from: string;
  to: string;
  jurisdictions: JurisdictionId[];
  channels: InsightsChannel[];
}

/** Why a request cannot be answered; `code` names the console's localized message (`api.<code>`). */
export class InsightsQueryError extends Error {
  constructor(
    readonly code: 'invalid_dates' | 'invalid_range' | 'range_too_long' | 'unknown_jurisdiction' | 'unknown_channel',
    readonly details: unknown = null,
  ) {
    super(code);
  }
}

const DateText = z.iso.date();

/** Reads `from`, `to`, `jurisdiction`, `channels` and `includeStaff` of a query string; throws InsightsQueryError. */
export function parseInsightsQuery(query: Record<string, unknown>, today: string): InsightsQuery {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : undefined);
  const given = { from: text('from'), to: text('to') };
  for (const [name, value] of Object.entries(given)) {
    if (value !== undefined && !DateText.safeParse(value).success) throw new InsightsQueryError('invalid_dates', [{ field: name, value: value.slice(0, 20) }]);
  }
  const to = given.to ?? today;
  const from = given.from ?? addPeriod(to, { days: 1 - DEFAULT_RANGE_DAYS });
  if (from > to) throw new InsightsQueryError('invalid_range', { from, to });
  if (addPeriod(from, { days: MAX_RANGE_DAYS }) <= to) throw new InsightsQueryError('range_too_long', { maxDays: MAX_RANGE_DAYS });

  const j = text('jurisdiction');
  if (j !== undefined && !(JURISDICTION_IDS as readonly string[]).includes(j)) throw new InsightsQueryError('unknown_jurisdiction', { jurisdiction: j.slice(0, 40) });
  const jurisdictions = j ? [j as JurisdictionId] : [...JURISDICTION_IDS];

  let channels: InsightsChannel[] = [...INSIGHTS_CHANNELS];
  const listed = text('channels');
  if (listed !== undefined) {
    const names = listed.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((c) => !(INSIGHTS_CHANNELS as readonly string[]).includes(c));
    if (unknown.length > 0 || names.length === 0) throw new InsightsQueryError('unknown_channel', { channels: unknown.map((c) => c.slice(0, 20)) });
    channels = [...new Set(names)] as InsightsChannel[];
  }
  if (text('includeStaff') === 'false') channels = channels.filter((c) => c !== 'staff');
  return { from, to, jurisdictions, channels };
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addPeriod(day, { days: 1 })) days.push(day);
  return days;
}

/** A count as shown. */
export function suppress(count: number): Cell {
  const n = Math.max(0, count);
  return n > 0 && n < PRIVACY_THRESHOLD ? '<5' : n;
}

/** Order of shown figures: exact counts, most first; then "<5"; then 0. */
function rank(cell: Cell): number {
  return cell === '<5' ? 0.5 : cell === 0 ? 0 : cell;
}

/** The position of a fact in the interview (ties in a list keep the order questions are asked in). */
function factOrder(fact: string): number {
  const i = QUESTION_ORDER.indexOf(fact as FactName);
  return i < 0 ? QUESTION_ORDER.length : i;
}

/** Adds up the counters of `counters` (by day) into the report for `query`; `today` decides what is abandoned. */
export function buildReport(counters: ReadonlyMap<string, ReadonlyMap<string, number>>, query: InsightsQuery, today: string, lang: Lang): InsightsReport {
  const channels = new Set<string>(query.channels);
  const wanted = new Set<string>(query.jurisdictions);
  const totals = new Map<string, number>();
  const add = (key: string, n: number) => totals.set(key, (totals.get(key) ?? 0) + n);
  const unknownFacts = new Map<string, Map<string, number>>();
  const abandoned = new Map<string, Map<string, number>>();
  const bump = (into: Map<string, Map<string, number>>, j: string, key: string, n: number) => {
    let m = into.get(j);
    if (!m) into.set(j, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + n);
  };

  for (const [day, fields] of counters) {
    if (day < query.from || day > query.to) continue;
    const expired = addPeriod(day, { days: ABANDONED_AFTER_DAYS }) <= today;
    for (const [field, n] of fields) {
      const f = parseField(field);
      if (!f || !wanted.has(f.jurisdiction) || !channels.has(f.channel)) continue;
      if (f.kind === 'unknown' && f.key) bump(unknownFacts, f.jurisdiction, f.key, n);
      else if (f.kind === 'open' && f.key) {
        if (expired) bump(abandoned, f.jurisdiction, f.key, n);
      } else add([f.jurisdiction, f.kind, f.key ?? '', f.status ?? ''].join('|'), n);
    }
  }

  const count = (j: string, kind: string, key = '', status = '') => suppress(totals.get([j, kind, key, status].join('|')) ?? 0);
  const listOf = (m: Map<string, number> | undefined, order: (key: string) => number) =>
    [...(m ?? [])]
      .map(([key, n]) => ({ key, cell: suppress(n), order: order(key) }))
      .filter((x) => x.cell !== 0)
      .sort((a, b) => rank(b.cell) - rank(a.cell) || a.order - b.order || a.key.localeCompare(b.key));

  const jurisdictions: InsightsReport['jurisdictions'] = {};
  for (const j of query.jurisdictions) {
    const texts = textsOf(j, query, lang);
    const criteria = texts
      .map(({ criterion: c, title }, i) => ({
        figures: { id: c.id, ref: { ...c.ref }, title, met: count(j, 'criterion', c.id, 'met'), unmet: count(j, 'criterion', c.id, 'unmet'), unknown: count(j, 'criterion', c.id, 'unknown') },
        i,
      }))
      .sort((a, b) => rank(b.figures.unmet) - rank(a.figures.unmet) || a.i - b.i)
      .map((x) => x.figures);
    jurisdictions[j] = {
      started: count(j, 'started'),
      completed: count(j, 'completed'),
      verdicts: { eligible: count(j, 'verdict', 'eligible'), ineligible: count(j, 'verdict', 'ineligible'), incomplete: count(j, 'verdict', 'incomplete') },
      closeToEligible: count(j, 'close'),
      criteria,
      unknownFacts: listOf(unknownFacts.get(j), factOrder).map((x) => ({ fact: x.key, label: questionLabelIn(x.key, lang, j), count: x.cell })),
      abandonedAt: listOf(abandoned.get(j), (id) => factOrder(questionById(id)?.fact ?? id)).map((x) => ({
        questionId: x.key,
        label: questionLabelIn(x.key, lang, j),
        count: x.cell,
      })),
    };
  }
  return { from: query.from, to: query.to, jurisdictions };
}

/**
 * The criteria a report counts for `j`: those of the version of its text applied on the report's last day, then
 * any other criterion of a version applied on some earlier day of the period (a text replaced within it), each
 * titled by its own version. The version applied changes only where one takes effect or ends, so those days (and
 * the first) are enough to find every one.
 */
function textsOf(j: JurisdictionId, query: InsightsQuery, lang: Lang): { criterion: CriterionDef; title: string }[] {
  const versions = versionsOf(j);
  const turns = versions.flatMap((d) => [d.inForceFrom, ...(d.text.inForceUntil ? [addPeriod(d.text.inForceUntil, { days: 1 })] : [])]);
  const days = [query.to, query.from, ...turns.filter((day) => query.from <= day && day <= query.to)];
  const applied = [...new Set(days.map((day) => jurisdictionOn(j, day)))];
  const seen = new Set<string>();
  return applied.flatMap((def) => {
    const texts = prepared(def, lang);
    const fresh = def.criteria.filter((c) => !seen.has(c.id));
    for (const c of fresh) seen.add(c.id);
    return fresh.map((c) => ({ criterion: c, title: texts.criteria.get(c.id)?.title ?? c.id }));
  });
}
