/**
 * Model-based tests of the conversation machine, with XState's graph utilities (`xstate/graph`). For every
 * jurisdiction the machine is explored from its first question with answers that meet the conditions (the values
 * of the eligible profiles, `examples/<id>-*eligible.json`, so that both layouts and both park types are walked),
 * answers that fail them (a smaller number, `false`, an empty list, another choice) and skips. On the states
 * reached: every question the jurisdiction can ask is asked somewhere, no state is a dead end, skipping always
 * ends in a result, the machine never interviews without a question, and every view has a prompt or a verdict.
 * The commands kept out of the traversal (back, restart, language, change) are checked on reached states.
 * Figures are also answered as a range typed as people type it ("4000-12000": from a failing figure to a passing
 * one, so that it straddles the limit between), which walks the one follow-up question (`settle.<id>`) that such
 * a range brings, answered yes, no or skipped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SnapshotFrom, transition } from 'xstate';
import { type AdjacencyMap, type AdjacencyValue, getAdjacencyMap, getShortestPaths, type StatePath } from 'xstate/graph';
import { type View, viewOf } from '../src/flows/conversation.js';
import { type ConversationEvent, conversationMachine, currentQuestion, SETTLE_PREFIX } from '../src/flows/machine.js';
import { factsAsked, questionById, type QuestionSpec } from '../src/flows/questions.js';
import { LANGUAGES } from '../src/i18n/index.js';
import type { FactName, Facts } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import type { JurisdictionDef, JurisdictionId } from '../src/rules/types.js';
import { eligibleProfiles } from './support/profiles.js';

type Snapshot = SnapshotFrom<typeof conversationMachine>;
type Path = StatePath<Snapshot, ConversationEvent>;

const DATE = '2026-11-23';
const profiles = eligibleProfiles();

/** Questions whose every option is offered (they decide which other questions follow). */
const EVERY_OPTION: ReadonlySet<FactName> = new Set(['layout', 'parkType', 'previousOutcome']);
/** The facts that shape the rest of the interview; the state key records whether each is settled. */
const STRUCTURAL: readonly FactName[] = ['layout', 'branchCount', 'parkType', 'existingComprehensivePark', 'locationType', 'previousOutcome'];
/** A date long past (no waiting period is still running) and one a few weeks before `DATE` (every period is). */
const OLD_DATE = '2020-01-10';
const RECENT_DATE = '2026-11-01';

// ── the model ────────────────────────────────────────────────────────────────────────────────────────────

/** Distinct JSON values, in first-seen order. */
function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) if (v !== undefined && !seen.has(JSON.stringify(v))) seen.set(JSON.stringify(v), v);
  return [...seen.values()];
}

/** The values the eligible profiles give the fact a question asks (for a branch figure: any branch's). */
function profileValues(id: JurisdictionId, question: QuestionSpec): unknown[] {
  return distinct(
    Object.values(profiles[id]).flatMap((facts) =>
      question.branch === undefined ? [facts[question.fact]] : (facts.branches ?? []).map((b) => b[question.fact as 'floorArea']),
    ),
  );
}

/** Answers (JSON values) that meet the conditions, and answers that fail them, for `question`. */
function answersFor(id: JurisdictionId, question: QuestionSpec): { pass: unknown[]; fail: unknown[] } {
  const pass = profileValues(id, question);
  if (EVERY_OPTION.has(question.fact)) return { pass: [...(question.options ?? [])], fail: [] };
  switch (question.kind) {
    case 'boolean':
      return pass.length > 0 ? { pass, fail: [true, false].filter((b) => !pass.includes(b)) } : { pass: [true], fail: [false] };
    case 'choice': {
      const others = (question.options ?? []).filter((o) => !pass.includes(o));
      return { pass, fail: [others.includes('other') ? 'other' : others[0]].filter((o) => o !== undefined) };
    }
    case 'multi':
      return { pass, fail: [[]] };
    case 'date':
      return { pass: distinct([...pass, OLD_DATE]), fail: [RECENT_DATE] };
    case 'number': {
      const numbers = pass as number[];
      // 不超过: more branch parks than any text allows fails; for every other figure a smaller one does.
      if (question.fact === 'branchCount') return { pass, fail: [Math.max(...numbers) + 2] };
      const smaller = Math.floor(Math.min(...numbers) / 2);
      return { pass, fail: [smaller] };
    }
  }
}

/** A range from the smallest failing figure to the largest passing one, typed ("4000-12000"), if there is one. */
function rangeAnswer(id: JurisdictionId, question: QuestionSpec): string | undefined {
  // The number of branch parks decides which questions exist; it is answered exactly here.
  if (question.kind !== 'number' || question.fact === 'branchCount') return undefined;
  const { pass, fail } = answersFor(id, question);
  const [lo, hi] = [Math.min(...(fail as number[])), Math.max(...(pass as number[]))];
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi ? `${lo}-${hi}` : undefined;
}

const isFollowUp = (questionId: string | undefined) => questionId?.startsWith(SETTLE_PREFIX) === true;

/** What the traversal offers in a state: answer the current question (meeting, failing, as a range), or skip it. */
function eventsOf(id: JurisdictionId) {
  return (snapshot: Snapshot): ConversationEvent[] => {
    if (snapshot.value !== 'interviewing') return [];
    const question = currentQuestion(snapshot.context);
    if (!question) return [];
    if (isFollowUp(question.id)) {
      return [true, false].map((value): ConversationEvent => ({ type: 'ANSWER', questionId: question.id, value })).concat({ type: 'SKIP' });
    }
    const { pass, fail } = answersFor(id, question);
    const range = rangeAnswer(id, question);
    return [...pass, ...fail, ...(range ? [range] : [])]
      .map((value): ConversationEvent => ({ type: 'ANSWER', questionId: question.id, value }))
      .concat({ type: 'SKIP' });
  };
}

/**
 * The state key: what decides the path (the state, the question asked, the structural answers and which of them
 * are settled), but not every figure, so that the traversal is finite. Keying also on the list of pending
 * questions adds almost no state (it is what these decide); keying on every figure never ends. The random walks
 * below check the abstraction: every state they meet, with its real context, has a key the traversal reached.
 */
function keyOf(snapshot: Snapshot): string {
  const { context } = snapshot;
  const { facts } = context;
  const settled = STRUCTURAL.map((f) => (facts[f] !== undefined ? 'k' : context.skipped.includes(f) ? 's' : '-')).join('');
  // Whether a range straddles a limit depends on the figures, which the key leaves out: every follow-up is one
  // state of the abstraction (they all offer the same answers and all lead on to the next question).
  const asked = currentQuestion(context)?.id;
  return [snapshot.value, isFollowUp(asked) ? SETTLE_PREFIX : asked, facts.layout, facts.parkType, facts.previousOutcome, facts.branchCount, settled].join('|');
}

interface Model {
  def: JurisdictionDef;
  adjacency: AdjacencyMap<Snapshot, ConversationEvent>;
  /** The shortest path to every reached state, by key. */
  paths: Map<string, Path>;
  /** Every reached state, by key. */
  states: Map<string, Snapshot>;
  ms: number;
}

function explore(def: JurisdictionDef): Model {
  const started = performance.now();
  const options = {
    input: { jurisdiction: def.id, lang: 'zh-CN' as const, date: DATE },
    events: eventsOf(def.id),
    serializeState: (snapshot: Snapshot) => keyOf(snapshot),
    limit: 100_000,
  };
  const adjacency = getAdjacencyMap(conversationMachine, options) as AdjacencyMap<Snapshot, ConversationEvent>;
  const paths = new Map(getShortestPaths(conversationMachine, options).map((p) => [keyOf(p.state), p] as const));
  const states = new Map(Object.entries(adjacency).map(([key, value]) => [key, value.state] as const));
  return { def, adjacency, paths, states, ms: performance.now() - started };
}

/** The transitions the traversal took from one state. */
const edgesOf = (transitions: AdjacencyValue<Snapshot, ConversationEvent>['transitions']) =>
  Object.values(transitions) as Array<{ event: ConversationEvent; state: Snapshot }>;

const step = (snapshot: Snapshot, event: ConversationEvent): Snapshot => transition(conversationMachine, snapshot, event)[0];

/** How a path reads in a failure message: `layout=multi → SKIP → …`. */
function describePath(path: Path | undefined): string {
  if (!path) return '(no path)';
  return path.steps
    .map(({ event }) => (event.type === 'ANSWER' ? `${event.questionId}=${JSON.stringify(event.value)}` : event.type))
    .join(' → ');
}

/** The question a branch figure stands for in `factsAsked` (`branches.0.floorArea` → `branches`). */
const factOfQuestion = (questionId: string): string => {
  const id = questionId.startsWith(SETTLE_PREFIX) ? questionId.slice(SETTLE_PREFIX.length) : questionId;
  return id.startsWith('branches.') ? 'branches' : id;
};

/** Facts of `factsAsked(def)` that no path can need, with the reason (none so far). */
const NEVER_ASKED: Partial<Record<JurisdictionId, Record<string, string>>> = {};

const models = new Map<JurisdictionId, Model>();
function modelOf(def: JurisdictionDef): Model {
  let model = models.get(def.id);
  if (!model) {
    model = explore(def);
    models.set(def.id, model);
  }
  return model;
}

// ── the properties ───────────────────────────────────────────────────────────────────────────────────────

for (const def of JURISDICTIONS) {
  describe(`${def.id}: the conversation machine as a graph`, () => {
    // Exploring is bounded (limit) but slow on a loaded machine; how long it takes is reported, not asserted.
    it('explores both layouts (and both park types where they exist)', { timeout: 120_000 }, () => {
      const model = modelOf(def);
      expect(model.paths.size).toBe(model.states.size);
      const layouts = new Set([...model.states.values()].map((s) => s.context.facts.layout));
      expect(layouts).toEqual(new Set([undefined, 'single', 'multi']));
      if (factsAsked(def).includes('parkType')) {
        expect(new Set([...model.states.values()].map((s) => s.context.facts.parkType))).toEqual(new Set([undefined, 'comprehensive', 'specialized']));
      }
      expect([...model.states.values()].some((s) => s.value === 'results')).toBe(true);
      console.info(`${def.id}: ${model.states.size} states, explored in ${Math.round(model.ms)} ms`);
    });

    it('(1) asks every question the jurisdiction can ask', () => {
      const model = modelOf(def);
      const asked = new Set<string>();
      for (const snapshot of model.states.values()) {
        const question = snapshot.value === 'interviewing' ? currentQuestion(snapshot.context) : undefined;
        if (question) asked.add(question.id);
      }
      const never = NEVER_ASKED[def.id] ?? {};
      const expected = factsAsked(def).filter((f) => !(f in never)).map((f) => (f === 'branches' ? 'branches.0.floorArea' : f));
      expect(expected.filter((id) => !asked.has(id))).toEqual([]);
      // Nothing outside the jurisdiction's criteria is asked.
      expect([...asked].map(factOfQuestion).filter((f) => !(factsAsked(def) as string[]).includes(f))).toEqual([]);
    });

    it('(2) has no dead end: every state is a result or offers a way on', () => {
      const model = modelOf(def);
      const stuck = Object.entries(model.adjacency)
        .filter(([key, { state, transitions }]) => state.value !== 'results' && !edgesOf(transitions).some((t) => keyOf(t.state) !== key))
        .map(([key]) => `${key} via ${describePath(model.paths.get(key))}`);
      expect(stuck).toEqual([]);
    });

    it('(6) a range straddling a limit brings one follow-up, never a second one for the same answer', { timeout: 120_000 }, () => {
      const model = modelOf(def);
      let followUps = 0;
      for (const { state, transitions } of Object.values(model.adjacency)) {
        const asked = state.value === 'interviewing' ? currentQuestion(state.context)?.id : undefined;
        if (!isFollowUp(asked)) continue;
        followUps++;
        for (const t of edgesOf(transitions)) {
          const next = t.state.value === 'interviewing' ? currentQuestion(t.state.context)?.id : undefined;
          expect(next, `${asked} → ${JSON.stringify(t.event)}`).not.toBe(asked);
          // The follow-up is not an answer of its own: the range answer stays the last one BACK undoes.
          expect(t.state.context.history).toEqual(state.context.history);
          expect(t.state.context.settling ?? null).toBeNull();
        }
      }
      expect(followUps).toBeGreaterThan(0);
    });

    it('(3) ends in a result from every interviewing state by skipping', { timeout: 120_000 }, () => {
      const model = modelOf(def);
      const bound = factsAsked(def).length + 20;
      const endless: string[] = [];
      for (const [key, start] of model.states) {
        if (start.value !== 'interviewing') continue;
        let snapshot = start;
        for (let i = 0; i < bound && snapshot.value === 'interviewing'; i++) snapshot = step(snapshot, { type: 'SKIP' });
        if (snapshot.value !== 'results') endless.push(`${key} via ${describePath(model.paths.get(key))}`);
      }
      expect(endless).toEqual([]);
    });

    it('(4) never interviews without a current question', () => {
      const model = modelOf(def);
      const bare = [...model.states]
        .filter(([, s]) => s.value === 'interviewing' && currentQuestion(s.context) === undefined)
        .map(([key]) => `${key} via ${describePath(model.paths.get(key))}`);
      expect(bare).toEqual([]);
      // Nor does a transition land there (the target snapshots of every edge, not only the first of each key).
      for (const { transitions } of Object.values(model.adjacency)) {
        for (const t of edgesOf(transitions)) {
          if (t.state.value === 'interviewing') expect(currentQuestion(t.state.context)).toBeDefined();
          expect(['interviewing', 'results']).toContain(t.state.value);
        }
      }
    });

    it('(5) builds a view with a prompt in the interview and a verdict in the results', () => {
      const model = modelOf(def);
      for (const [key, snapshot] of model.states) {
        const view = viewOf(snapshot.value as View['state'], snapshot.context);
        if (snapshot.value === 'interviewing') {
          expect(view.prompt?.questionId, key).toBe(currentQuestion(snapshot.context)?.id);
          expect(view.prompt?.text.trim(), key).not.toBe('');
          expect(view.prompt?.help.trim(), key).not.toBe('');
          expect(view.result, key).toBeUndefined();
        } else {
          expect(snapshot.value, key).toBe('results');
          expect(view.prompt, key).toBeUndefined();
          expect(view.result?.verdict, key).toMatch(/\S/);
        }
      }
    });
    it('agrees with random walks over the real, unabstracted contexts', () => {
      const model = modelOf(def);
      const initial = model.states.values().next().value as Snapshot;
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 80 }), (choices) => {
          let snapshot = initial;
          const walk: ConversationEvent[] = [];
          for (const choice of choices) {
            const events = eventsOf(def.id)(snapshot);
            if (events.length === 0) break;
            const event = events[choice % events.length] as ConversationEvent;
            walk.push(event);
            snapshot = step(snapshot, event);
            const where = walk.map((e) => JSON.stringify(e)).join(' → ');
            // Every state a walk meets was reached by the traversal under the same key…
            expect(model.states.has(keyOf(snapshot)), where).toBe(true);
            // …and it is sound on its own: a question while interviewing, a view with a prompt or a verdict.
            const view = viewOf(snapshot.value as View['state'], snapshot.context);
            if (snapshot.value === 'interviewing') expect(view.prompt?.text, where).toMatch(/\S/);
            else expect(view.result?.verdict, where).toMatch(/\S/);
          }
        }),
        { seed: 20261123, numRuns: 150 },
      );
    });
  });

  describe(`${def.id}: commands on reached states`, () => {
    /** Keys of reached states: the first reached interviewing state for each question asked, and every state. */
    function samples(model: Model): { perQuestion: string[]; all: string[] } {
      const perQuestion = new Map<string, string>();
      for (const [key, s] of model.states) {
        const id = s.value === 'interviewing' ? currentQuestion(s.context)?.id : undefined;
        // A follow-up is not an answer of its own (BACK there undoes the range answer): checked in (6).
        if (id && !isFollowUp(id) && !perQuestion.has(id)) perQuestion.set(id, key);
      }
      return { perQuestion: [...perQuestion.values()], all: [...model.states.keys()] };
    }
    const at = (model: Model, key: string): Snapshot => model.states.get(key) as Snapshot;
    const label = (model: Model, key: string, ...events: ConversationEvent[]) =>
      [describePath(model.paths.get(key)), ...events.map((e) => JSON.stringify(e))].join(' → ');

    it('BACK after an ANSWER restores the facts and the question (every question, every offered answer)', () => {
      const model = modelOf(def);
      for (const key of samples(model).perQuestion) {
        const before = at(model, key);
        const question = currentQuestion(before.context);
        if (!question) throw new Error(`interviewing without a question: ${key}`);
        for (const event of eventsOf(def.id)(before).filter((e) => e.type === 'ANSWER')) {
          const answered = step(before, event);
          if (answered.context.error) continue; // an answer that contradicts an earlier one is not taken
          expect(answered.context.history.at(-1)).toBe(question.id);
          const back = step(answered, { type: 'BACK' });
          const path = label(model, key, event, { type: 'BACK' });
          expect(back.value, path).toBe('interviewing');
          expect(currentQuestion(back.context)?.id, path).toBe(question.id);
          expect(back.context.history, path).toEqual(before.context.history);
          expect(back.context.skipped, path).toEqual(before.context.skipped);
          expect(back.context.error, path).toBeNull();
          // Exactly the facts before, not merely the same assessment: the first answer to a branch figure
          // creates `facts.branches`, and BACK must remove the list again rather than leave `[{}, {}]` behind.
          expect(back.context.facts, path).toEqual(before.context.facts);
        }
      }
    });

    it('RESTART from any reached state asks the first question again with nothing known', () => {
      const model = modelOf(def);
      for (const key of samples(model).all) {
        const after = step(at(model, key), { type: 'RESTART' });
        expect(after.value, key).toBe('interviewing');
        expect(currentQuestion(after.context)?.id, key).toBe('layout');
        expect(after.context, key).toEqual({ jurisdiction: def.id, preset: true, lang: 'zh-CN', date: DATE, facts: {}, history: [], skipped: [], error: null, settling: null, taken: null });
      }
    });

    it('SET_LANG changes only the language (sampled states)', () => {
      const model = modelOf(def);
      fc.assert(
        fc.property(fc.constantFrom(...samples(model).all), fc.constantFrom(...LANGUAGES), (key, lang) => {
          const before = at(model, key);
          const after = step(before, { type: 'SET_LANG', lang });
          expect(after.value).toBe(before.value);
          expect(after.context.lang).toBe(lang);
          expect({ ...after.context, lang: before.context.lang }).toEqual(before.context);
        }),
        { seed: 20261123, numRuns: 50 },
      );
    });

    it('CHANGE of an answered question keeps the history length and the order of the other answers (sampled states)', () => {
      const model = modelOf(def);
      const withHistory = samples(model).all.filter((key) => at(model, key).context.history.length > 0);
      let taken = 0;
      fc.assert(
        fc.property(fc.constantFrom(...withHistory), fc.nat(), fc.nat(), (key, pickQuestion, pickValue) => {
          const before = at(model, key);
          const { history } = before.context;
          const questionId = history[pickQuestion % history.length] as string;
          const question = questionById(questionId);
          if (!question) throw new Error(`unknown question ${questionId}`);
          const { pass, fail } = answersFor(def.id, question);
          const now = normal(valueOf(before.context.facts, question));
          const values = [...pass, ...fail].filter((v) => JSON.stringify(normal(v)) !== JSON.stringify(now));
          if (values.length === 0) return;
          const value = values[pickValue % values.length];
          const after = step(before, { type: 'CHANGE', questionId, value });
          expect(after.context.history.length).toBe(history.length);
          expect(after.context.history.filter((id) => id !== questionId)).toEqual(history.filter((id) => id !== questionId));
          // The changed answer keeps its place too, so that BACK still undoes answers in the order first given.
          expect(after.context.history).toEqual(history);
          if (after.context.error) {
            // Refused (it contradicts another answer): nothing changes.
            expect(after.context.error.kind).toBe('inconsistent');
            expect(after.context.facts).toEqual(before.context.facts);
            expect(after.context.history).toEqual(history);
          } else {
            taken++;
            expect(normal(valueOf(after.context.facts, question))).toEqual(normal(value));
            expect(after.context.skipped).not.toContain(questionId);
          }
          // A change on the result page is a "what if": the result is shown again.
          if (before.value === 'results') expect(after.value).toBe('results');
        }),
        { seed: 20261123, numRuns: 60 },
      );
      expect(taken).toBeGreaterThan(0);
    });
  });
}

/** The value a fact (or branch figure) has in `facts`. */
function valueOf(facts: Facts, question: QuestionSpec): unknown {
  return question.branch === undefined ? facts[question.fact] : facts.branches?.[question.branch]?.[question.fact as 'floorArea'];
}

/** A value compared without order (the parser stores a list in the options' order, not the order given). */
function normal(value: unknown): unknown {
  return Array.isArray(value) ? [...(value as string[])].sort() : value;
}
