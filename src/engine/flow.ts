// The round's flow as data: once a round is resolved, the checks below are tried in order and the
// first that holds decides: an ending, or the next round in the next phase. The machine builds
// its resolution transitions (and its final states' sentences) from this table; the AI's
// simulated futures and the debrief timeline call `afterRound` / `closeRound`. Rules: docs/rules.md.
import { catalog } from './catalog';
import { WHITE_CELL_ENDED, WHITE_CELL_NO_REASON } from './facilitator';
import { bridgeComplete } from './interlock';
import {
  ceasefireExpired,
  endGame,
  enterPhase,
  frameworkAgreed,
  nextRound,
  openNegotiation,
  roundLimitReached,
  startBriefing,
  truceCollapsed,
} from './round';
import type { Outcome, PhaseId, Scenario } from './scenario/schema';
import { createGame } from './setup';
import type { GameState } from './types';

/** The predicates a flow check may name; the machine's guards of the same names call these. */
export const FLOW_GUARDS = {
  /** Tension reached 100, or a war trigger was pulled. */
  truceCollapsed: (_sc: Scenario, s: GameState) => truceCollapsed(s),
  /** Every track the current phase names has its secured spans (the interlocking-safeties rule). */
  bridgeComplete: (sc: Scenario, s: GameState) => bridgeComplete(sc, s),
  roundLimitReached: (sc: Scenario, s: GameState) => roundLimitReached(sc, s),
  frameworkAgreed: (_sc: Scenario, s: GameState) => frameworkAgreed(s),
  ceasefireExpired: (sc: Scenario, s: GameState) => ceasefireExpired(sc, s),
} as const satisfies Record<string, (sc: Scenario, s: GameState) => boolean>;

export type FlowGuard = keyof typeof FLOW_GUARDS;

/** Each ending's sentence, written into the final state (and so into its hash). */
export const ENDING_REASON: Readonly<Record<Outcome, string>> = {
  consolidation: 'Phase C is complete: the settlement holds as a durable compact.',
  drift: 'The round limit passed without a settlement: the lull holds, incidents keep rising.',
  unraveling: 'The truce collapsed into renewed conflict.',
};

/** The phases in order; the last one's completed bridge is the compact (consolidation). */
export const NEXT_PHASE: Readonly<Record<PhaseId, PhaseId | null>> = { ceasefire: 'A', A: 'B', B: 'C', C: null };

/** What lets a phase advance: the ceasefire on a framework or when it runs out; the others on their bridge. */
export const ADVANCE_WHEN: Readonly<Record<PhaseId, readonly FlowGuard[]>> = {
  ceasefire: ['frameworkAgreed', 'ceasefireExpired'],
  A: ['bridgeComplete'],
  B: ['bridgeComplete'],
  C: ['bridgeComplete'],
};

/**
 * The end checks after a round resolves, in order. The compact is checked before the round limit
 * (a bridge completed in the last round still consolidates); advancing comes after both.
 */
export const END_CHECKS: ReadonlyArray<{ guard: FlowGuard; outcome: Outcome; onlyIn?: readonly PhaseId[] }> = [
  { guard: 'truceCollapsed', outcome: 'unraveling' },
  { guard: 'bridgeComplete', outcome: 'consolidation', onlyIn: ['C'] },
  { guard: 'roundLimitReached', outcome: 'drift' },
];

/** What drove tension to 100, read from the last two rounds' log (the mechanics report's causes). */
export type UnravelingCause = 'reprisal spiral' | 'broken deal' | 'proxy war' | 'slow escalation';

/**
 * How a finished game ended, by the road that ended it: the White Cell's decision (with its
 * reason), one of END_CHECKS (a war trigger or tension at 100; the Phase C bridge; the round
 * limit), or null while it goes on. The end screen's sentence and the mechanics report's
 * unraveling causes both read this one function.
 */
export type Ending =
  | { by: 'white-cell'; outcome: Outcome; reason: string | null }
  | { by: 'war-trigger'; trigger: string; move: string | null }
  | { by: 'tension'; cause: UnravelingCause }
  | { by: 'bridge' }
  | { by: 'round-limit' };

export function endingOf(scenario: Scenario, s: GameState): Ending | null {
  if (s.outcome === null) return null;
  // The White Cell's own line in the log; or an ending no road of the rules leads to (an
  // unraveling without a war trigger or tension at 100, a drift before the round limit).
  const offRoad =
    (s.outcome === 'unraveling' && s.warTrigger === null && s.tension < 100) ||
    (s.outcome === 'drift' && s.round < scenario.tunables.roundLimit);
  if (offRoad || s.events.some((e) => e.kind === 'ended' && e.text.startsWith(WHITE_CELL_ENDED)))
    return { by: 'white-cell', outcome: s.outcome, reason: s.endReason === WHITE_CELL_NO_REASON ? null : s.endReason };
  if (s.outcome === 'consolidation') return { by: 'bridge' };
  if (s.outcome === 'drift') return { by: 'round-limit' };
  if (s.warTrigger !== null) {
    const war = s.standing.find((st) => catalog(scenario).move.get(st.move)?.tags.includes('war-trigger'));
    return { by: 'war-trigger', trigger: s.warTrigger, move: war?.move ?? null };
  }
  const recent = s.events.filter((e) => e.round >= s.round - 1);
  const cause: UnravelingCause = recent.some((e) => e.kind === 'retaliation')
    ? 'reprisal spiral'
    : recent.some((e) => e.kind === 'violation' || e.kind === 'span.negated' || e.kind === 'shock')
      ? 'broken deal'
      : recent.filter((e) => e.kind === 'incident').length >= 3
        ? 'proxy war'
        : 'slow escalation';
  return { by: 'tension', cause };
}

export type FlowStep = { kind: 'end'; outcome: Outcome; reason: string } | { kind: 'advance'; phase: PhaseId } | { kind: 'stay' };
export type RoundCheck = { guard: FlowGuard; then: Exclude<FlowStep, { kind: 'stay' }> };

function checksOf(phase: PhaseId): RoundCheck[] {
  const ends = END_CHECKS.filter((c) => !c.onlyIn || c.onlyIn.includes(phase)).map((c): RoundCheck => ({
    guard: c.guard,
    then: { kind: 'end', outcome: c.outcome, reason: ENDING_REASON[c.outcome] },
  }));
  const next = NEXT_PHASE[phase];
  const advances = next ? ADVANCE_WHEN[phase].map((guard): RoundCheck => ({ guard, then: { kind: 'advance', phase: next } })) : [];
  return [...ends, ...advances];
}

const CHECKS: Readonly<Record<PhaseId, readonly RoundCheck[]>> = {
  ceasefire: checksOf('ceasefire'),
  A: checksOf('A'),
  B: checksOf('B'),
  C: checksOf('C'),
};

/** The checks tried, in order, after a round of `phase` resolves; when none holds, the phase goes on. */
export const roundChecks = (phase: PhaseId): readonly RoundCheck[] => CHECKS[phase];

export type FlowGuards = Readonly<Record<FlowGuard, (sc: Scenario, s: GameState) => boolean>>;

/**
 * What follows a resolved round: the game ends, or the next round begins (in the next phase, or
 * this one). `guards` replaces the rules, as the machine's `provide` does in tests.
 */
export function afterRound(scenario: Scenario, resolved: GameState, guards: FlowGuards = FLOW_GUARDS): FlowStep {
  for (const c of CHECKS[resolved.phase]) if (guards[c.guard](scenario, resolved)) return c.then;
  return { kind: 'stay' };
}

/** Carries out `step` on a resolved round: the ending, or the next round's briefing and open negotiation. */
export function beginAfter(scenario: Scenario, resolved: GameState, step: FlowStep): GameState {
  if (step.kind === 'end') return endGame(resolved, step.outcome, step.reason);
  let s = nextRound(scenario, resolved);
  if (step.kind === 'advance') s = enterPhase(scenario, s, step.phase);
  return openNegotiation(startBriefing(scenario, s));
}

/** From a resolved round to what the players see next (the machine reaches the same state). */
export const closeRound = (scenario: Scenario, resolved: GameState): GameState =>
  beginAfter(scenario, resolved, afterRound(scenario, resolved));

/** A new game as its first round's negotiation opens (the machine's first resting state). */
export const openingState = (scenario: Scenario, seed: number): GameState =>
  openNegotiation(startBriefing(scenario, createGame(scenario, seed)));
