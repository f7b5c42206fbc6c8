// Random intents for the property tests: legal ones (from legalIntents, affordable commits,
// monitor allocations, packages, the facilitator's powers) and forged or malformed ones that
// the engine must refuse. A choice (kind, seed) is turned into an intent against the state of
// the moment, so a legal intent stays legal however fast-check shrinks the sequence.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  apAvailable,
  catalog,
  commitMoves,
  legalIntents,
  isDefected,
  nextFloat,
  spanPackages,
  standingStep,
  type Allocation,
  type Commit,
  type GameState,
  type Intent,
  type PackageStep,
  type Scenario,
} from '../../src/engine';
import { parseScenarioText } from '../../src/engine/scenario/load';

const SCENARIO_FILE = fileURLToPath(new URL('../../assets/scenarios/ceasefire-2026.json', import.meta.url));

function loadDefaultScenario(): Scenario {
  const r = parseScenarioText(readFileSync(SCENARIO_FILE, 'utf8'));
  if (!r.ok) throw new Error(`the default scenario does not load: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

export const scenario = loadDefaultScenario();
export const cat = catalog(scenario);
export const IDS = cat.delegationIds;
export const OUTCOMES = ['consolidation', 'drift', 'unraveling'] as const;

/** Actors that are not delegations, including near-misses and object-prototype names. */
const FORGED_ACTORS = ['mars', '', 'Iran', 'IRAN', 'iran ', 'hezbollah', 'facilitator', 'system', '__proto__', 'constructor', 'toString'];
/** Numbers no id, window, count or trigger may take. (-0 is left out: it is a legal 0.) */
const BAD_NUMBERS = [Number.NaN, Infinity, -Infinity, -1, 1.5, 0.25, 1e9, Number.MAX_SAFE_INTEGER + 2];

// ---------------------------------------------------------------------------------------------
// A choice is a kind and a seed; the seed drives a small stream that picks the intent's details.

export interface Choice {
  kind: number;
  seed: number;
}

export class Picker {
  private readonly holder: { rng: number };
  constructor(seed: number) {
    this.holder = { rng: seed | 0 };
  }
  int(n: number): number {
    return Math.floor(nextFloat(this.holder) * n);
  }
  chance(percent: number): boolean {
    return nextFloat(this.holder) * 100 < percent;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.int(list.length)] as T;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** What the test demands of the intent: accepted, refused, or either (invariants only). */
export type Expect = 'accept' | 'refuse' | 'any';
export type Planned = { intent: Intent; expect: Expect; why: string } | { ai: true };

const plan = (intent: Intent, expect: Expect, why: string): Planned => ({ intent, expect, why });
/** Forged intents break the static types on purpose. */
const forged = (value: object): Intent => value as unknown as Intent;

const canCommit = (s: GameState, d: string) => s.step === 'commit' && !s.paused && s.delegations[d]?.committed === false;
const ownDefectable = (s: GameState, d: string) =>
  s.standing.filter((st) => st.delegation === d && !isDefected(s, st.move) && cat.move.get(st.move)?.defectable === true);

function affordableMoves(p: Picker, s: GameState, d: string): string[] {
  let budget = apAvailable(s, d);
  const out: string[] = [];
  for (const id of p.shuffle(commitMoves(scenario, s, d))) {
    const cost = cat.move.get(id)?.cost ?? 0;
    if (cost > budget || out.length >= 4 || p.chance(30)) continue;
    out.push(id);
    budget -= cost;
  }
  return out;
}

function validAllocation(p: Picker): Allocation {
  const inspections: Record<string, number> = {};
  const observers: Record<string, number> = {};
  const tracks = scenario.tracks.map((t) => t.id);
  const fronts = scenario.fronts.map((f) => f.id);
  for (let left = p.int(scenario.monitors.inspectionTeams + 1); left > 0; left--) {
    const t = p.pick(tracks);
    inspections[t] = (inspections[t] ?? 0) + 1;
  }
  for (let left = p.int(scenario.monitors.observerTeams + 1); left > 0; left--) {
    const f = p.pick(fronts);
    observers[f] = (observers[f] ?? 0) + 1;
  }
  return { inspections, observers };
}

// --- legal (or plausibly legal) intents ------------------------------------------------------

function legalPick(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  const legal = legalIntents(scenario, s, d);
  if (legal.length === 0) return plan({ type: 'step.close', actor: 'system' }, 'any', 'nothing legal: close the step');
  return plan(p.pick(legal), 'accept', `legalIntents(${d}) offered it`);
}

function randomCommit(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  const commit: Commit = { moves: affordableMoves(p, s, d), defect: [] };
  for (const st of ownDefectable(s, d)) if (p.chance(40)) commit.defect.push(st.move);
  if (d === scenario.monitors.allocator && p.chance(70)) commit.allocation = validAllocation(p);
  return plan({ type: 'commit.submit', actor: d, commit }, canCommit(s, d) ? 'accept' : 'refuse', `an affordable commit by ${d}`);
}

function iaeaAllocation(p: Picker, s: GameState): Planned {
  const d = scenario.monitors.allocator;
  return plan(
    { type: 'commit.submit', actor: d, commit: { moves: [], defect: [], allocation: validAllocation(p) } },
    canCommit(s, d) ? 'accept' : 'refuse',
    'a valid monitor allocation',
  );
}

function randomSteps(p: Picker): PackageStep[] {
  const steps: PackageStep[] = [];
  for (let n = 1 + p.int(5); n > 0; n--) {
    const m = p.pick(scenario.moves);
    const step: PackageStep = { delegation: p.chance(90) ? m.delegation : p.pick(IDS), move: m.id };
    if (steps.length > 0 && p.chance(25)) step.after = p.int(steps.length);
    steps.push(step);
  }
  return steps;
}

function randomPackage(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  const spans = spanPackages(scenario, s, d);
  const steps = spans.length > 0 && p.chance(50) ? p.pick(spans) : randomSteps(p);
  const window = 1 + p.int(3);
  if (s.packages.length > 0 && p.chance(30)) {
    const pkg = p.pick(s.packages);
    return plan({ type: 'package.counter', actor: d, package: pkg.id, steps, window, reason: 'a counter' }, 'any', 'a counter');
  }
  return plan({ type: 'package.propose', actor: d, steps, window, note: 'a proposal' }, 'any', 'a proposal');
}

function answerPackage(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  const id = s.packages.length > 0 && p.chance(85) ? p.pick(s.packages).id : 1 + p.int(40);
  return p.chance(65)
    ? plan({ type: 'package.accept', actor: d, package: id }, 'any', 'an acceptance')
    : plan({ type: 'package.reject', actor: d, package: id, reason: 'no' }, 'any', 'a rejection');
}

function councilBusiness(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  if (s.council.motions.length > 0 && p.chance(60))
    return plan({ type: 'council.vote', actor: d, motion: p.pick(s.council.motions).id, yes: p.chance(50) }, 'any', 'a vote');
  const incident = s.incidents.length > 0 ? p.pick(s.incidents).id : 1 + p.int(5);
  const penalty = p.pick(scenario.council.penalties).id;
  return plan({ type: 'council.penalize', actor: d, incident, penalty }, 'any', 'a motion');
}

function facilitatorAction(p: Picker, s: GameState): Planned {
  const sponsors = [...IDS, 'independent', 'spoiler', null];
  const incident = s.incidents.length > 0 ? p.pick(s.incidents).id : 1 + p.int(5);
  const to = p.chance(50) ? 'all' : p.pick(IDS);
  const standing = s.standing.map((st) => st.move);
  const move = standing.length > 0 && p.chance(80) ? p.pick(standing) : p.pick(scenario.moves).id;
  const options: Intent[] = [
    { type: 'facilitator.pause', actor: 'facilitator' },
    { type: 'facilitator.resume', actor: 'facilitator' },
    { type: 'facilitator.resume', actor: 'facilitator' },
    { type: 'facilitator.inject', actor: 'facilitator', inject: p.pick(scenario.injects).id },
    {
      type: 'facilitator.inject',
      actor: 'facilitator',
      inject: {
        title: 'White cell',
        text: 'An inject written on the spot.',
        audience: p.chance(50) ? 'all' : [p.pick(IDS)],
        effects: {
          tension: p.int(31) - 15,
          fronts: { [p.pick(scenario.fronts).id]: p.int(41) - 20 },
          support: { [p.pick(IDS)]: p.int(41) - 20 },
          escrow: p.chance(30) ? p.int(60) : 0,
        },
      },
    },
    {
      type: 'facilitator.override',
      actor: 'facilitator',
      override: { kind: 'verification', move, result: p.chance(70) ? 'verified' : 'violation' },
    },
    { type: 'facilitator.override', actor: 'facilitator', override: { kind: 'verification', move, result: 'verified' } },
    { type: 'facilitator.override', actor: 'facilitator', override: { kind: 'attribution', incident, sponsor: p.pick(sponsors) } },
    { type: 'facilitator.override', actor: 'facilitator', override: { kind: 'cancelIncident', incident } },
    { type: 'facilitator.reveal', actor: 'facilitator', what: 'incident', incident, to },
    { type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to },
    { type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', to },
  ];
  return plan(p.pick(options), 'any', 'a facilitator action');
}

function facilitatorEnd(p: Picker): Planned {
  return plan(
    { type: 'facilitator.end', actor: 'facilitator', outcome: p.pick(OUTCOMES), reason: 'end of class' },
    'any',
    'the facilitator ends it',
  );
}

function closeStep(p: Picker): Planned {
  return plan({ type: 'step.close', actor: p.chance(80) ? 'system' : 'facilitator' }, 'any', 'the clock closes the step');
}

// --- forgeries and malformed intents: every one of these must be refused ---------------------

function forgedActor(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  const legal = legalIntents(scenario, s, d);
  const base: Intent = legal.length > 0 ? p.pick(legal) : { type: 'negotiation.ready', actor: d };
  return plan(forged({ ...base, actor: p.pick(FORGED_ACTORS) }), 'refuse', 'a delegation intent by a non-delegation');
}

function forgedCommit(p: Picker, s: GameState): Planned {
  const d = p.pick(IDS);
  const own = commitMoves(scenario, s, d);
  const others = scenario.moves.filter((m) => m.delegation !== d);
  const notNow = scenario.moves.filter((m) => m.delegation === d && !own.includes(m.id));
  const othersStanding = s.standing.filter((st) => st.delegation !== d);
  const ownFirm = s.standing.filter((st) => st.delegation === d && cat.move.get(st.move)?.defectable === false);
  const ownDefected = s.quietDefections.filter((q) => q.delegation === d);
  const variants: Array<[string, Commit]> = [
    ['an unknown move', { moves: ['iran-build-bomb'], defect: [] }],
    ['a move of another delegation', { moves: [p.pick(others).id], defect: [] }],
    ['an unknown step to defect on', { moves: [], defect: ['gulf-annex-hormuz'] }],
  ];
  const notInForce = scenario.moves.filter((m) => m.delegation === d && !standingStep(s, m.id));
  if (notInForce.length > 0) variants.push(['a defection on a move not in force', { moves: [], defect: [p.pick(notInForce).id] }]);
  if (own.length > 0) {
    const m = p.pick(own);
    variants.push(['the same move twice', { moves: [m, m], defect: [] }]);
  }
  const cost = own.reduce((a, id) => a + (cat.move.get(id)?.cost ?? 0), 0);
  if (cost > apAvailable(s, d)) variants.push(['more than the action points allow', { moves: own, defect: [] }]);
  if (notNow.length > 0) variants.push(['a move that cannot be committed now', { moves: [p.pick(notNow).id], defect: [] }]);
  if (othersStanding.length > 0)
    variants.push(["a defection on another delegation's step", { moves: [], defect: [p.pick(othersStanding).move] }]);
  if (ownFirm.length > 0)
    variants.push(['a defection on a step that cannot be defected on', { moves: [], defect: [p.pick(ownFirm).move] }]);
  if (ownDefected.length > 0) variants.push(['a second defection on the same step', { moves: [], defect: [p.pick(ownDefected).move] }]);
  if (d !== scenario.monitors.allocator)
    variants.push(['an allocation by a delegation that is not the monitor', { moves: [], defect: [], allocation: validAllocation(p) }]);
  variants.push(['retaliation against itself', { moves: [], defect: [], retaliate: { incident: s.incidents[0]?.id ?? 1, against: d } }]);
  variants.push([
    'retaliation against an unknown target',
    { moves: [], defect: [], retaliate: { incident: s.incidents[0]?.id ?? 1, against: 'mars' } },
  ]);
  const [why, commit] = p.pick(variants);
  return plan({ type: 'commit.submit', actor: d, commit }, 'refuse', `a commit with ${why}`);
}

function malformedAllocation(p: Picker): Planned {
  const bad = p.pick(BAD_NUMBERS);
  const track = p.pick(scenario.tracks).id;
  const front = p.pick(scenario.fronts).id;
  const variants: Allocation[] = [
    { inspections: { [track]: bad }, observers: {} },
    { inspections: {}, observers: { [front]: bad } },
    { inspections: { space: 1 }, observers: {} },
    { inspections: {}, observers: { atlantis: 1 } },
    { inspections: { [track]: scenario.monitors.inspectionTeams + 1 }, observers: {} },
    { inspections: {}, observers: { [front]: scenario.monitors.observerTeams + 1 } },
  ];
  const allocation = p.pick(variants);
  return plan(
    { type: 'commit.submit', actor: scenario.monitors.allocator, commit: { moves: [], defect: [], allocation } },
    'refuse',
    'a malformed allocation',
  );
}

function malformedNumbers(p: Picker, s: GameState): Planned {
  const bad = p.pick(BAD_NUMBERS);
  const d = p.pick(IDS);
  const spans = spanPackages(scenario, s, d);
  const steps: PackageStep[] = spans.length > 0 ? p.pick(spans).map((st) => ({ ...st })) : randomSteps(p);
  const withBadTrigger = steps.map((st, i) => (i === steps.length - 1 ? { ...st, after: p.pick([bad, i, i + 1]) } : st));
  const variants: Planned[] = [
    plan(forged({ type: 'package.propose', actor: d, steps, window: p.pick([bad, 0, 4]) }), 'refuse', 'a package window out of range'),
    plan(forged({ type: 'package.accept', actor: d, package: bad }), 'refuse', 'a package id that is not a number of a package'),
    plan(forged({ type: 'package.reject', actor: d, package: bad }), 'refuse', 'a package id that is not a number of a package'),
    plan(forged({ type: 'council.vote', actor: d, motion: bad, yes: true }), 'refuse', 'a motion id that is no motion'),
    plan(
      forged({ type: 'council.penalize', actor: d, incident: bad, penalty: p.pick(scenario.council.penalties).id }),
      'refuse',
      'an incident id that is no incident',
    ),
    plan(
      forged({ type: 'facilitator.override', actor: 'facilitator', override: { kind: 'attribution', incident: bad, sponsor: 'iran' } }),
      'refuse',
      'an override of no incident',
    ),
    plan(
      forged({ type: 'facilitator.override', actor: 'facilitator', override: { kind: 'cancelIncident', incident: bad } }),
      'refuse',
      'a cancellation of no incident',
    ),
    plan(
      forged({ type: 'facilitator.reveal', actor: 'facilitator', what: 'incident', incident: bad, to: 'all' }),
      'refuse',
      'a reveal of no incident',
    ),
    plan(
      forged({ type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to: 'mars' }),
      'refuse',
      'a reveal to no delegation',
    ),
    plan(forged({ type: 'package.propose', actor: d, steps: [], window: 1 }), 'refuse', 'an empty package'),
    plan(forged({ type: 'package.steal', actor: d }), 'refuse', 'an intent type that does not exist'),
    plan(forged({ type: 'facilitator.hack', actor: 'facilitator' }), 'refuse', 'a facilitator intent type that does not exist'),
  ];
  if (steps.length > 1)
    variants.push(
      plan(
        forged({ type: 'package.propose', actor: d, steps: withBadTrigger, window: 1 }),
        'refuse',
        'a trigger that points nowhere earlier',
      ),
    );
  return p.pick(variants);
}

function facilitatorByOthers(p: Picker, s: GameState): Planned {
  const actor = p.pick([...IDS, 'mars', '']);
  const incident = s.incidents[0]?.id ?? 1;
  const options: object[] = [
    { type: 'step.close', actor },
    { type: 'facilitator.pause', actor },
    { type: 'facilitator.resume', actor },
    { type: 'facilitator.inject', actor, inject: p.pick(scenario.injects).id },
    { type: 'facilitator.override', actor, override: { kind: 'cancelIncident', incident } },
    { type: 'facilitator.reveal', actor, what: 'defections', to: actor },
    { type: 'facilitator.end', actor, outcome: p.pick(OUTCOMES) },
    // 'system' runs the clock and nothing else.
    { type: 'facilitator.end', actor: 'system', outcome: p.pick(OUTCOMES) },
    { type: 'facilitator.pause', actor: 'system' },
  ];
  return plan(forged(p.pick(options)), 'refuse', 'a facilitator power used by someone else');
}

type Builder = (p: Picker, s: GameState) => Planned;
/** Kinds and their weights, out of 1000. */
const KINDS: Array<[number, string, Builder]> = [
  [250, 'legal', legalPick],
  [90, 'commit', randomCommit],
  [30, 'allocation', iaeaAllocation],
  [100, 'close', (p) => closeStep(p)],
  [60, 'package', randomPackage],
  [50, 'answer', answerPackage],
  [25, 'council', councilBusiness],
  [70, 'facilitator', facilitatorAction],
  [3, 'end', (p) => facilitatorEnd(p)],
  [50, 'forged-actor', forgedActor],
  [80, 'forged-commit', forgedCommit],
  [25, 'bad-allocation', (p) => malformedAllocation(p)],
  [60, 'bad-numbers', malformedNumbers],
  [40, 'not-facilitator', facilitatorByOthers],
  [67, 'ai', () => ({ ai: true })],
];
export const TOTAL_WEIGHT = KINDS.reduce((a, [w]) => a + w, 0);

export function planFor(choice: Choice, s: GameState): Planned {
  let k = choice.kind % TOTAL_WEIGHT;
  const p = new Picker(choice.seed);
  for (const [w, , build] of KINDS) {
    if (k < w) return build(p, s);
    k -= w;
  }
  throw new Error('unreachable');
}
