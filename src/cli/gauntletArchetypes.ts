// Scripted people for the gauntlet (gauntlet.ts): each is a decider for one seat, played by the
// one AI seat scheduler like any AI seat, so every act goes through the same intents, checks and
// table as a person's clicks. They read only their own seat's view, as a student would read the
// screen, and they are clumsy, cunning or hostile in the ways real classes are.
import { promisesOf } from '../ai/facts';
import type { Decider, Stage } from '../ai/scheduler';
import type { Decision } from '../ai/words';
import {
  apAvailable,
  catalog,
  checkIntent,
  continueSeed,
  inForce,
  isDefected,
  lastImplemented,
  nextFloat,
  type Allocation,
  type GameView,
  type Intent,
  type Move,
  type Package,
  type PackageStep,
  type Scenario,
} from '../engine/core';

export const ARCHETYPES = [
  'silent',
  'accept-all',
  'junk-proposer',
  'duplicate-proposer',
  'accept-and-defect',
  'free-rider',
  'cherry-picker',
  'take-only',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** What each one does, for the printed table and the README. */
export const ARCHETYPE_TEXT: Record<Archetype, string> = {
  silent: 'never proposes, answers or commits (the clock closes its steps)',
  'accept-all': 'accepts every offer, proposes nothing, commits what it promised while its points last',
  'junk-proposer':
    'proposes four random packages a round, accepts every offer, commits what it promised, its missing steps of open spans and calming or verification moves with the points left',
  'duplicate-proposer': 'proposes copies of the offers it sees, accepts every offer, commits what it promised',
  'accept-and-defect': 'accepts every offer, commits what it promised, then quietly abandons every step it can once verified',
  'free-rider': 'accepts every offer but carries out its part only after the others have carried out theirs',
  'cherry-picker': 'accepts only offers where it gives fewer action points than it gets, commits what it promised',
  'take-only': 'proposes packages of the others’ steps alone, refuses to give any step, commits nothing',
};

type Rng = { rng: number };
const say = (intent: Intent): Decision => ({ intent, reason: '' });
const offersTo = (view: GameView, d: string) =>
  view.packages.filter((p) => p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d));
const answerAll = (view: GameView, d: string, yes: (p: Package) => boolean): Decision[] =>
  offersTo(view, d).map((p) => say({ type: yes(p) ? 'package.accept' : 'package.reject', actor: d, package: p.id }));

/** The steps it agreed to, soonest deadline first, while its action points last (what a person reads off its promises). */
function keepPromises(scenario: Scenario, view: GameView, d: string, when: (pkg: Package) => boolean = () => true): string[] {
  let ap = apAvailable(view, d);
  const moves: string[] = [];
  for (const pr of promisesOf(scenario, view, d)) {
    if (!when(pr.pkg) || moves.includes(pr.move.id) || pr.move.cost > ap) continue;
    if (!pr.move.phases.includes(view.phase) || inForce(view, pr.move.id)) continue;
    moves.push(pr.move.id);
    ap -= pr.move.cost;
  }
  return moves;
}

/**
 * A person at the monitors' seat sends its teams where the board shows steps waiting for a check
 * (steps in force not yet verified, and steps agreed and still to come), spread in turn over
 * those tracks and fronts (over all of them when none waits).
 */
function teamsWhereNeeded(scenario: Scenario, view: GameView): Allocation {
  const cat = catalog(scenario);
  const unverified = view.standing.filter((st) => !st.verified).map((st) => st.move);
  const toCome = view.packages.filter((p) => p.status === 'accepted').flatMap((p) => p.steps.map((st) => st.move));
  const waiting = [...unverified, ...toCome.filter((id) => !inForce(view, id))]
    .map((id) => cat.move.get(id))
    .filter((m): m is Move => m !== undefined && m.kind === 'step');
  const spread = (n: number, all: readonly string[], wanted: readonly string[]) => {
    const list = wanted.length ? [...new Set(wanted)] : [...all];
    const out: Record<string, number> = {};
    for (let i = 0; i < n && list.length; i++) {
      const k = list[i % list.length] as string;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  return {
    inspections: spread(
      scenario.monitors.inspectionTeams,
      scenario.tracks.map((t) => t.id),
      waiting.filter((m) => m.verifiedBy === 'iaea').map((m) => m.track),
    ),
    observers: spread(
      scenario.monitors.observerTeams,
      scenario.fronts.map((f) => f.id),
      waiting.flatMap((m) => (m.verifiedBy === 'observers' && m.front ? [m.front] : [])),
    ),
  };
}

function commit(scenario: Scenario, view: GameView, d: string, moves: string[], defect: string[] = []): Decision[] {
  const allocation = scenario.monitors.allocator === d ? { allocation: teamsWhereNeeded(scenario, view) } : {};
  return [say({ type: 'commit.submit', actor: d, commit: { moves, defect, ...allocation } })];
}

/** Moves a delegation may name in a package now. */
function offerable(scenario: Scenario, view: GameView, d: string): Move[] {
  return (catalog(scenario).movesOf.get(d) ?? []).filter((m) => m.kind === 'step' && m.phases.includes(view.phase) && !inForce(view, m.id));
}

const pick = <T>(r: Rng, xs: readonly T[]): T | undefined => xs[Math.floor(nextFloat(r) * xs.length)];

/** Up to `max` of the proposals that the engine would take now (a person's refused clicks are simply lost). */
function firstLegal(scenario: Scenario, view: GameView, intents: Intent[], max: number): Decision[] {
  return intents
    .filter((i) => checkIntent(scenario, view, i) === null)
    .slice(0, max)
    .map(say);
}

function junk(scenario: Scenario, view: GameView, d: string, r: Rng): Decision[] {
  const others = catalog(scenario).delegationIds.filter((x) => x !== d);
  const out: Intent[] = [];
  for (let i = 0; i < 12; i++) {
    const mine = pick(r, offerable(scenario, view, d));
    const steps: PackageStep[] = mine ? [{ delegation: d, move: mine.id }] : [];
    for (let k = 0; k < 1 + Math.floor(nextFloat(r) * 2); k++) {
      const o = pick(r, others) as string;
      const m = pick(r, offerable(scenario, view, o));
      if (m && !steps.some((s) => s.move === m.id)) steps.push({ delegation: o, move: m.id });
    }
    out.push({ type: 'package.propose', actor: d, steps, window: 1 + Math.floor(nextFloat(r) * 3) });
  }
  return firstLegal(scenario, view, out, 4);
}

/** Copies, step for step, of the offers of others it can see this round. */
function duplicates(scenario: Scenario, view: GameView, d: string): Decision[] {
  const copies = view.packages
    .filter((p) => p.round === view.round && p.proposer !== d && p.status !== 'expired')
    .map((p): Intent => ({ type: 'package.propose', actor: d, steps: p.steps.map((s) => ({ ...s })), window: p.window }));
  return firstLegal(scenario, view, copies, 4);
}

/** Packages of the others' span steps, without its own: "you do yours". */
function demands(scenario: Scenario, view: GameView, d: string): Decision[] {
  const cat = catalog(scenario);
  const out: Intent[] = [];
  for (const span of scenario.interlocks) {
    if (span.phase !== view.phase) continue;
    const moves = cat.spanSteps.get(span.id) ?? [];
    if (!moves.some((m) => cat.move.get(m)?.delegation === d)) continue;
    const steps = moves
      .map((m) => cat.move.get(m))
      .filter((m): m is Move => m !== undefined && m.delegation !== d)
      .map((m) => ({ delegation: m.delegation, move: m.id }));
    out.push({ type: 'package.propose', actor: d, steps, window: span.window });
  }
  return firstLegal(scenario, view, out, 4);
}

const ownCost = (scenario: Scenario, p: Package, d: string, mine: boolean) =>
  p.steps.reduce((a, s) => a + ((s.delegation === d) === mine ? (catalog(scenario).move.get(s.move)?.cost ?? 0) : 0), 0);

/** A package's other action steps all carried out since it was agreed: the others went first. */
function othersDelivered(scenario: Scenario, view: GameView, d: string, p: Package): boolean {
  const cat = catalog(scenario);
  return p.steps
    .filter((s) => s.delegation !== d && cat.move.get(s.move)?.kind === 'step')
    .every((s) => (lastImplemented(view, s.move) ?? -1) >= (p.acceptedRound ?? Infinity));
}

/** Its own missing steps of spans whose window is running (the board shows them), with the points left after `taken`. */
function missingSpanSteps(scenario: Scenario, view: GameView, d: string, taken: readonly string[]): string[] {
  const cat = catalog(scenario);
  let ap = apAvailable(view, d) - taken.reduce((a, m) => a + (cat.move.get(m)?.cost ?? 0), 0);
  const out: string[] = [];
  for (const span of scenario.interlocks) {
    const rec = view.spans[span.id];
    if (!rec || rec.status !== 'open' || (rec.closesRound ?? 0) < view.round) continue;
    for (const id of cat.spanSteps.get(span.id) ?? []) {
      const m = cat.move.get(id);
      if (!m || m.delegation !== d || inForce(view, id) || taken.includes(id) || out.includes(id) || m.cost > ap) continue;
      if (!m.phases.includes(view.phase)) continue;
      out.push(id);
      ap -= m.cost;
    }
  }
  return out;
}

/** With the points left after `taken`: its own moves that calm things or help verification (what an eager person adds). */
function goodWill(scenario: Scenario, view: GameView, d: string, taken: readonly string[]): string[] {
  const cat = catalog(scenario);
  let ap = apAvailable(view, d) - taken.reduce((a, m) => a + (cat.move.get(m)?.cost ?? 0), 0);
  const out: string[] = [];
  for (const m of offerable(scenario, view, d)) {
    const e = m.effects;
    const helps = (e.tension ?? 0) < 0 || Object.keys(e.verification ?? {}).length > 0;
    if (!helps || (e.tension ?? 0) > 0 || taken.includes(m.id) || m.cost > ap) continue;
    out.push(m.id);
    ap -= m.cost;
  }
  return out;
}

function verifiedOwn(scenario: Scenario, view: GameView, d: string): string[] {
  const cat = catalog(scenario);
  return view.standing
    .filter((st) => st.delegation === d && st.verified && cat.move.get(st.move)?.defectable && !isDefected(view, st.move))
    .map((st) => st.move);
}

/** The decider of one archetype. */
export function archetype(scenario: Scenario, kind: Archetype): Decider {
  return (view: GameView, d: string, stage: Stage, stream: number): Decision[] => {
    const r: Rng = { rng: continueSeed(stream, 'gauntlet', view.round, stage, view.packages.length) };
    const promised = () => keepPromises(scenario, view, d);
    switch (kind) {
      case 'silent':
        return [];
      case 'accept-all':
        if (stage === 'commit') return commit(scenario, view, d, promised());
        return stage === 'answer' ? answerAll(view, d, () => true) : [];
      case 'junk-proposer':
        if (stage === 'commit') {
          const moves = [...promised(), ...missingSpanSteps(scenario, view, d, promised())];
          return commit(scenario, view, d, [...moves, ...goodWill(scenario, view, d, moves)]);
        }
        if (stage === 'propose') return junk(scenario, view, d, r);
        return stage === 'answer' ? answerAll(view, d, () => true) : [];
      case 'duplicate-proposer':
        if (stage === 'commit') return commit(scenario, view, d, promised());
        if (stage === 'propose') return duplicates(scenario, view, d);
        return stage === 'answer' ? [...answerAll(view, d, () => true), ...duplicates(scenario, view, d)] : [];
      case 'accept-and-defect':
        if (stage === 'commit') return commit(scenario, view, d, promised(), verifiedOwn(scenario, view, d));
        return stage === 'answer' ? answerAll(view, d, () => true) : [];
      case 'free-rider':
        if (stage === 'commit')
          return commit(
            scenario,
            view,
            d,
            keepPromises(scenario, view, d, (p) => othersDelivered(scenario, view, d, p)),
          );
        return stage === 'answer' ? answerAll(view, d, () => true) : [];
      case 'cherry-picker':
        if (stage === 'commit') return commit(scenario, view, d, promised());
        return stage === 'answer'
          ? answerAll(view, d, (p) => ownCost(scenario, p, d, true) < ownCost(scenario, p, d, false) || ownCost(scenario, p, d, true) === 0)
          : [];
      case 'take-only':
        if (stage === 'commit') return commit(scenario, view, d, []);
        if (stage === 'propose') return demands(scenario, view, d);
        return stage === 'answer' ? answerAll(view, d, (p) => ownCost(scenario, p, d, true) === 0) : [];
    }
  };
}
