// Where the report reads steps in force, implementations and quiet defections from. Kept in one
// place: how the engine stores them may change (branch "speed": a list of steps in force, a list
// of implementations and a secret list of quiet defections), and only this file should follow.
import type { GameState, StandingStep } from '../engine';

export interface QuietDefection {
  move: string;
  delegation: string;
  /** Round of the defection. */
  round: number;
}

/** The steps in force in this state. */
export function stepsInForce(s: GameState): StandingStep[] {
  return Object.values(s.standing);
}

/** The step in force for this move, if it stands. */
export function stepInForce(s: GameState, move: string): StandingStep | undefined {
  return s.standing[move];
}

/** Each move ever implemented, with the last round it was implemented in. */
export function implementations(s: GameState): Array<{ move: string; round: number }> {
  return Object.entries(s.implemented).map(([move, round]) => ({ move, round }));
}

/** Quiet defections on steps still in force in this state (detected ones become violations). */
export function defectionsIn(s: GameState): QuietDefection[] {
  const out: QuietDefection[] = [];
  for (const st of Object.values(s.standing)) {
    if (st.defected) out.push({ move: st.move, delegation: st.delegation, round: st.defectedRound ?? s.round });
  }
  return out;
}

/**
 * The quiet defections committed in the round just resolved: the sealed commits are still in the
 * state until the next round opens. This catches a defection detected in the very round it was
 * made, which no state between two rounds shows.
 */
export function defectionsCommitted(resolved: GameState): QuietDefection[] {
  const out: QuietDefection[] = [];
  for (const [delegation, d] of Object.entries(resolved.delegations))
    for (const move of d.commit?.defect ?? []) out.push({ move, delegation, round: resolved.round });
  return out;
}
