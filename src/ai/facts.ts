// What an AI delegation reads off its own view: the steps in force, what the bridge lacks, what
// it promised, who betrayed it. Every read of the view goes through here, so a change in how the
// engine stores a fact (e.g. where quiet defections live) is adapted in one place.
import {
  catalog,
  inForce,
  isDefected,
  lastImplemented,
  verificationChance,
  type GameState,
  type GameView,
  type Move,
  type Package,
  type QuietDefection,
  type Scenario,
  type StandingStep,
} from '../engine/core';

/** Support at home below which a delegation fears the next domestic shock (§5.6) and wants its stop-loss. */
export const LOW_SUPPORT = 40;

/** Expected rounds until a step is verified: 1 for a public act (its chance is 100), more for a monitored step. */
export function roundsToVerify(scenario: Scenario, view: GameView, m: Move | undefined): number {
  return m ? 100 / Math.max(5, verificationChance(scenario, view, m)) : 1;
}

export function standingSteps(view: GameView): readonly StandingStep[] {
  return view.standing;
}

/** The move is implemented and stands (as this delegation can see). */
export const stands = (view: GameView, move: string): boolean => inForce(view, move);

/** This delegation has quietly stopped doing its own step (only its own defections are visible). */
export const defectedOwn = (view: GameView, move: string): boolean => isDefected(view, move);

/** The last round the move was implemented in (absent: never). */
export const implementedIn = (view: GameState, move: string): number | undefined => lastImplemented(view, move);

/** How many of its steps `d` is quietly defecting on (in a full, sampled state). */
export const defectionsOf = (s: GameState, d: string): number => s.quietDefections.filter((q) => q.delegation === d).length;

/**
 * The quiet defections of a sampled state: the ones `me` knows of (its own), and the other
 * delegations' verified steps that `pick` chooses (the determinization of what `me` cannot see).
 */
export function withDefections(s: GameState, me: string, pick: (st: StandingStep) => boolean): QuietDefection[] {
  const out = [...s.quietDefections];
  for (const st of s.standing) {
    if (st.delegation === me || !st.verified || isDefected(s, st.move) || !pick(st)) continue;
    out.push({ move: st.move, delegation: st.delegation, round: st.verifiedRound ?? st.round });
  }
  return out;
}

/** A span whose window is running or that waits only for verification. */
export const spanInPlay = (view: GameView, span: string) => ['open', 'pending', 'secured'].includes(view.spans[span]?.status ?? 'idle');

/** The last round in which the steps of an agreed package may be implemented. */
export const deadlineOf = (p: Package) => (p.acceptedRound ?? p.round) + p.window - 1;

export interface Promise {
  pkg: Package;
  move: Move;
  deadline: number;
}

/** Steps this delegation agreed to and has not implemented since (sequenced steps run by themselves). */
export function promisesOf(scenario: Scenario, view: GameView, me: string): Promise[] {
  const cat = catalog(scenario);
  const out: Promise[] = [];
  const seen = new Set<string>();
  for (const p of view.packages) {
    if (p.status !== 'accepted' || p.acceptedRound === null) continue;
    for (const st of p.steps) {
      const m = cat.move.get(st.move);
      if (st.delegation !== me || st.after !== undefined || !m || m.kind !== 'step' || seen.has(m.id)) continue;
      if ((implementedIn(view, m.id) ?? -1) >= p.acceptedRound) continue;
      if (deadlineOf(p) < view.round) continue;
      seen.add(m.id);
      out.push({ pkg: p, move: m, deadline: deadlineOf(p) });
    }
  }
  return out.sort((a, b) => a.deadline - b.deadline);
}

/**
 * Action points this delegation already owes this round: promises that fall due now, and its
 * steps in one-round offers it has accepted (or made) that still wait for the others' answers.
 */
export function apOwedNow(scenario: Scenario, view: GameView, me: string): number {
  const cat = catalog(scenario);
  const promised = promisesOf(scenario, view, me).filter((p) => p.deadline <= view.round);
  let owed = promised.reduce((a, p) => a + p.move.cost, 0);
  const counted = new Set(promised.map((p) => p.move.id));
  for (const p of view.packages) {
    if (p.status !== 'proposed' || p.window !== 1 || !p.accepted.includes(me)) continue;
    for (const st of p.steps) {
      const m = cat.move.get(st.move);
      if (st.delegation !== me || st.after !== undefined || !m || m.kind !== 'step' || counted.has(m.id)) continue;
      counted.add(m.id);
      owed += m.cost;
    }
  }
  return owed;
}

export interface Betrayal {
  by: string;
  round: number;
  /** What happened, in words ("broke package #4", "was caught not carrying out …"). */
  what: string;
}

/**
 * Broken promises and verified violations by other delegations within `memory` rounds, most
 * recent first; public facts only (broken packages and violations are public).
 */
export function betrayalsSeen(scenario: Scenario, view: GameView, me: string, memory: number): Betrayal[] {
  if (memory <= 0) return [];
  const cat = catalog(scenario);
  const since = view.round - memory;
  const out: Betrayal[] = [];
  for (const v of view.violations) {
    if (v.delegation === me || v.round < since) continue;
    out.push({
      by: v.delegation,
      round: v.round,
      what: `was caught not carrying out "${cat.move.get(v.move)?.name ?? v.move}" in round ${v.round}`,
    });
  }
  for (const p of view.packages) {
    if (p.status !== 'broken' || p.acceptedRound === null || !p.parties.includes(me)) continue;
    const broke = deadlineOf(p);
    if (broke < since) continue;
    for (const st of p.steps) {
      const m = cat.move.get(st.move);
      if (st.delegation === me || !m || m.kind !== 'step') continue;
      if ((implementedIn(view, st.move) ?? 0) >= p.acceptedRound) continue;
      if (out.some((b) => b.by === st.delegation && b.round === broke)) continue;
      out.push({ by: st.delegation, round: broke, what: `left package #${p.id} undelivered in round ${broke}` });
    }
  }
  return out.sort((a, b) => b.round - a.round);
}

export const trustIn = (view: GameView, me: string, other: string) => view.trust[me]?.[other] ?? 50;
