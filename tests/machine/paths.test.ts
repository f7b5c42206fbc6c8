// Machine path tests generated with xstate/graph (docs/architecture.md, the round flow). The game's full state
// space is far too large to walk, so the walk uses a small fixed set of sample events and a coarse
// state key (machine value, round, pause, counts of ready and committed seats, a few flags); each
// path the graph finds is then replayed on a real actor, which must land on the key it claims.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createActor, transition, type SnapshotFrom, type StateValue } from 'xstate';
import { getAdjacencyMap, getShortestPaths, type StatePath } from 'xstate/graph';
import type { GameState, Intent, Outcome, Scenario } from '../../src/engine';
import { parseScenario } from '../../src/engine/scenario/load';
import { createGameMachine, type GameMachine } from '../../src/machine/gameMachine';
import { GameSession } from '../../src/machine/session';

const SCENARIO_FILE = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));

/**
 * The default scenario with its round limit cut to WALK_ROUNDS: every round runs the same cycle,
 * and five rounds are enough to go from the ceasefire through every phase to a final state, so
 * the walk stays small (the full twelve rounds give the same graph, repeated, in ~15× the time).
 */
const WALK_ROUNDS = 5;

function loadWalkScenario(): Scenario {
  const json = JSON.parse(readFileSync(SCENARIO_FILE, 'utf8')) as {
    tunables: { roundLimit: number };
    injects: Array<{ round?: number }>;
  };
  json.tunables.roundLimit = WALK_ROUNDS;
  // Injects scheduled after the limit could never fire; the loader refuses them, rightly.
  json.injects = json.injects.filter((i) => i.round === undefined || i.round <= WALK_ROUNDS);
  const r = parseScenario(json);
  if (!r.ok) throw new Error(`the walk scenario does not load: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

const scenario = loadWalkScenario();
const SEED = 1;
const IDS = scenario.delegations.map((d) => d.id);
const OUTCOMES: readonly Outcome[] = ['consolidation', 'drift', 'unraveling'];
const PHASES = ['ceasefire', 'phaseA', 'phaseB', 'phaseC'] as const;
const FINALS = ['consolidation', 'drift', 'unraveling'] as const;
const WAR_MOVE = 'israel-strike-nuclear-site';

type Snapshot = SnapshotFrom<GameMachine>;
type Path = StatePath<Snapshot, Intent>;
type Edge = { event: Intent; state: Snapshot };
/** The transitions the walk recorded out of a state (the map's keys are branded strings). */
const edgesOf = (node: { transitions: object }): Edge[] => Object.values(node.transitions) as Edge[];

// --- the sample events -----------------------------------------------------------------------

const end = (outcome: Outcome): Intent => ({ type: 'facilitator.end', actor: 'facilitator', outcome });
const frameworkSteps = ['iran', 'usa', 'gulf'].map((d) => ({ delegation: d, move: `${d}-endorse-calendar` }));

/** Ordinary events first: the walk keeps the first state it finds for a key. */
const SAMPLE_EVENTS: readonly Intent[] = [
  ...IDS.map((d): Intent => ({ type: 'negotiation.ready', actor: d })),
  ...IDS.map((d): Intent => ({ type: 'commit.submit', actor: d, commit: { moves: [], defect: [] } })),
  { type: 'step.close', actor: 'system' },
  // A framework package in round 1 (it is package #1): the ceasefire's early way out.
  { type: 'package.propose', actor: 'iran', steps: frameworkSteps, window: 1 },
  { type: 'package.accept', actor: 'usa', package: 1 },
  { type: 'package.accept', actor: 'gulf', package: 1 },
  { type: 'facilitator.pause', actor: 'facilitator' },
  { type: 'facilitator.resume', actor: 'facilitator' },
  // The two ways the truce collapses by rule: a war trigger, and tension driven to 100.
  { type: 'commit.submit', actor: 'israel', commit: { moves: [WAR_MOVE], defect: [] } },
  {
    type: 'facilitator.inject',
    actor: 'facilitator',
    inject: { title: 'Crisis', text: 'A mass-casualty strike.', audience: 'all', effects: { tension: 100 } },
  },
  ...OUTCOMES.map(end),
];

// --- the state key ---------------------------------------------------------------------------

const topOf = (value: StateValue): string => (typeof value === 'string' ? value : (Object.keys(value)[0] ?? '?'));
const stepOf = (value: StateValue): string | null => (typeof value === 'string' ? null : String(Object.values(value)[0]));

/**
 * What the walk tells states apart by; everything else (tension, incidents, trust, the log) is
 * left out, so the graph stays finite. Readiness counts only in negotiation, commits only in the
 * commit step; a final state is told apart by round, outcome and reason.
 */
function keyOf(snap: Snapshot): string {
  return keyOfGame(snap.value, snap.context.game);
}

function keyOfGame(value: StateValue, g: GameState): string {
  const where = `${JSON.stringify(value)}|r${g.round}`;
  if (g.outcome !== null) return `${where}|${g.outcome}|${g.endReason ?? ''}`;
  const seats = Object.values(g.delegations);
  const step = stepOf(value);
  const count =
    step === 'negotiation' ? `ready${seats.filter((d) => d.ready).length}` : `committed${seats.filter((d) => d.committed).length}`;
  const armed = step === 'commit' && seats.some((d) => d.commit?.moves.includes(WAR_MOVE) === true);
  const framework = g.framework.adopted ? 'F' : `f${g.packages.find((p) => p.id === 1)?.accepted.length ?? 0}`;
  return [where, g.paused ? 'paused' : 'running', count, framework, armed ? 'armed' : '', g.tension >= 100 ? 'collapsing' : ''].join('|');
}

const serializeState = (snap: Snapshot) => keyOf(snap);
const isFinal = (snap: Snapshot) => snap.status === 'done';

function walk(machine: GameMachine) {
  const options = { input: { seed: SEED }, events: SAMPLE_EVENTS, serializeState, stopWhen: isFinal };
  return { paths: getShortestPaths(machine, options), adjacency: getAdjacencyMap(machine, options) };
}

/** The events of a path (xstate/graph puts an xstate.init step first). */
const eventsOf = (path: Path): Intent[] => path.steps.slice(1).map((s) => s.event);
const describePath = (path: Path) =>
  eventsOf(path)
    .map((e) => `${e.type}${'actor' in e ? `(${e.actor})` : ''}`)
    .join(' → ');

/** Replays a path on a started actor, checking the key after every event. */
function replayOn(path: Path, send: (e: Intent) => void, key: () => string) {
  const steps = path.steps.slice(1);
  for (const [i, step] of steps.entries()) {
    send(step.event);
    expect(key(), `step ${i + 1} of ${describePath(path)}`).toBe(keyOf(step.state));
  }
  expect(key()).toBe(keyOf(path.state));
}

/** The top-level states a path passes through, in order, without repeats. */
function phasesAlong(path: Path): string[] {
  const out: string[] = [];
  for (const s of path.steps) {
    const top = topOf(s.state.value);
    if (out[out.length - 1] !== top) out.push(top);
  }
  return out;
}

const ORDER: readonly string[] = [...PHASES, 'final'];
const rank = (top: string) => ORDER.indexOf((FINALS as readonly string[]).includes(top) ? 'final' : top);

// ---------------------------------------------------------------------------------------------

describe('the game machine, walked with the real guards', () => {
  const machine = createGameMachine(scenario);
  const { paths, adjacency } = walk(machine);
  const tops = new Set(paths.map((p) => topOf(p.state.value)));
  const byRule = (p: Path) => !eventsOf(p).some((e) => e.type === 'facilitator.end');

  it('reaches the ceasefire, Phase A and every final state, and no later phase without a secured span', () => {
    for (const top of ['ceasefire', 'phaseA', ...FINALS]) expect(tops, top).toContain(top);
    // Empty commits secure no span, so no bridge completes: Phase B and C stay out of reach.
    expect(tops).not.toContain('phaseB');
    expect(tops).not.toContain('phaseC');
    expect(paths.length).toBeGreaterThan(100);
  });

  it('replays every path on a real GameSession, each event accepted, to the state it claims', () => {
    for (const path of paths) {
      const session = GameSession.start(scenario, SEED);
      const snapshotKey = () => keyOfGame(session.machineValue as StateValue, session.state);
      replayOn(path, (e) => expect(session.send(e), `${e.type} on ${describePath(path)}`).toEqual({ ok: true }), snapshotKey);
      session.stop();
    }
  });

  it('leaves the ceasefire early on an agreed framework, else when the ceasefire rounds run out', () => {
    const intoPhaseA = paths.filter((p) => topOf(p.state.value) === 'phaseA' && p.state.context.game.round <= 3);
    const earliest = Math.min(...intoPhaseA.map((p) => p.state.context.game.round));
    expect(earliest).toBe(2);
    for (const p of intoPhaseA.filter((x) => x.state.context.game.round === 2)) {
      expect(p.state.context.game.framework.adopted, describePath(p)).toBe(true);
      expect(eventsOf(p).map((e) => e.type)).toContain('package.accept');
    }
    // Without a framework, Phase A opens after ceasefireRounds rounds, one round later.
    const expired = intoPhaseA.filter((p) => !p.state.context.game.framework.adopted);
    expect(Math.min(...expired.map((p) => p.state.context.game.round))).toBe(scenario.tunables.ceasefireRounds + 1);
  });

  it('drifts when the round limit passes, by rule and not by the facilitator', () => {
    const drift = paths.filter((p) => p.state.value === 'drift' && byRule(p));
    expect(drift.length).toBeGreaterThan(0);
    for (const p of drift) {
      expect(p.state.context.game.round).toBe(scenario.tunables.roundLimit);
      expect(p.state.context.game.outcome).toBe('drift');
    }
  });

  it('unravels in round 1 on a war trigger or on tension driven to 100, by rule', () => {
    const early = paths.filter((p) => p.state.value === 'unraveling' && byRule(p) && p.state.context.game.round === 1);
    expect(early.length).toBeGreaterThan(0);
    for (const p of early) {
      const g = p.state.context.game;
      expect(g.warTrigger !== null || g.tension >= 100, describePath(p)).toBe(true);
      const causes = eventsOf(p).filter(
        (e) => (e.type === 'commit.submit' && e.commit.moves.includes(WAR_MOVE)) || e.type === 'facilitator.inject',
      );
      expect(causes.length, describePath(p)).toBeGreaterThan(0);
    }
    const war = early.find((p) => p.state.context.game.warTrigger !== null);
    expect(war?.state.context.game.warTrigger).toMatch(/strike/i);
  });

  it('ends in the outcome the facilitator names, from the first state, in one event', () => {
    for (const outcome of OUTCOMES) {
      const p = paths.find((x) => x.state.value === outcome && x.steps.length === 2);
      expect(p, outcome).toBeDefined();
      expect(p && eventsOf(p)).toEqual([end(outcome)]);
      expect(p?.state.context.game.outcome).toBe(outcome);
    }
  });

  it('lets the facilitator end the game from every phase and step, paused or not', () => {
    for (const [key, node] of Object.entries(adjacency)) {
      if (isFinal(node.state)) continue;
      const ends = edgesOf(node).filter((t) => t.event.type === 'facilitator.end');
      expect(
        ends.map((t) => t.state.value),
        key,
      ).toEqual(OUTCOMES);
    }
  });

  it('while paused, nothing but resume and end moves the game', () => {
    let paused = 0;
    for (const [key, node] of Object.entries(adjacency)) {
      if (!node.state.context.game.paused || isFinal(node.state)) continue;
      paused++;
      for (const t of edgesOf(node)) {
        const next = keyOf(t.state);
        if (t.event.type === 'facilitator.resume') expect(next, key).toBe(key.replace('|paused|', '|running|'));
        else if (t.event.type === 'facilitator.end') expect(isFinal(t.state)).toBe(true);
        else if (t.event.type === 'facilitator.inject') expect(JSON.stringify(t.state.value), key).toBe(JSON.stringify(node.state.value));
        else expect(next, `${t.event.type} while paused at ${key}`).toBe(key);
      }
    }
    expect(paused).toBeGreaterThan(10);
  });

  it('a final state takes no more events', () => {
    const finals = Object.entries(adjacency).filter(([, node]) => isFinal(node.state));
    expect(finals.length).toBeGreaterThan(3);
    for (const [, node] of finals) {
      // stopWhen keeps the walk from expanding finals, so each sample is tried here.
      for (const e of SAMPLE_EVENTS) {
        const [next] = transition(machine, node.state, e);
        expect(keyOf(next), e.type).toBe(keyOf(node.state));
        expect(next.context.log.length).toBe(node.state.context.log.length);
      }
    }
  });
});

describe('the game machine, walked with the bridge guard swapped for one that always holds', () => {
  // machine.provide swaps the named guard (docs/rules.md §5): the structure of the phases can then be
  // walked without playing real spans to a secured state.
  const machine = createGameMachine(scenario).provide({ guards: { bridgeComplete: () => true } });
  const { paths } = walk(machine);
  const tops = new Set(paths.map((p) => topOf(p.state.value)));

  it('reaches every top-level state', () => {
    for (const top of [...PHASES, ...FINALS]) expect(tops, top).toContain(top);
  });

  it('goes through the phases in order and skips none', () => {
    for (const p of paths) {
      const seen = phasesAlong(p);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [rank(seen[i - 1] ?? ''), rank(seen[i] ?? '')];
        const toFinal = b === ORDER.length - 1;
        expect(toFinal || b === a + 1, `${seen.join(' → ')} on ${describePath(p)}`).toBe(true);
      }
    }
  });

  it('consolidates by rule at the end of Phase C', () => {
    const rule = paths.filter((p) => p.state.value === 'consolidation' && !eventsOf(p).some((e) => e.type === 'facilitator.end'));
    expect(rule.length).toBeGreaterThan(0);
    const shortest = rule.reduce((a, b) => (a.steps.length <= b.steps.length ? a : b));
    expect(phasesAlong(shortest)).toEqual(['ceasefire', 'phaseA', 'phaseB', 'phaseC', 'consolidation']);
    expect(shortest.state.context.game.outcome).toBe('consolidation');
    expect(shortest.state.context.game.phase).toBe('C');
  });

  it('replays every path on a real actor of the same machine to the state it claims', () => {
    for (const path of paths) {
      const actor = createActor(machine, { input: { seed: SEED } }).start();
      replayOn(
        path,
        (e) => actor.send(e),
        () => keyOf(actor.getSnapshot()),
      );
      actor.stop();
    }
  });

  it('enters each phase with the round of the resolution that completed the last one, plus one', () => {
    for (const p of paths) {
      for (let i = 1; i < p.steps.length; i++) {
        const prev = p.steps[i - 1]?.state;
        const next = p.steps[i]?.state;
        if (!prev || !next || topOf(prev.value) === topOf(next.value) || isFinal(next)) continue;
        expect(stepOf(next.value), describePath(p)).toBe('negotiation');
        expect(next.context.game.round).toBe(prev.context.game.round + 1);
        expect(next.context.game.phase).toBe({ phaseA: 'A', phaseB: 'B', phaseC: 'C' }[topOf(next.value)]);
      }
    }
  });
});
