// Where the report reads steps in force, implementations and quiet defections from: one place,
// so the ledger follows the engine's storage (lists, with quiet defections in a secret list of
// their own) in one file.
import { standingStep, type GameState, type StandingStep } from '../engine';

export interface QuietDefection {
  move: string;
  delegation: string;
  /** Round of the defection. */
  round: number;
}

/** The steps in force in this state. */
export const stepsInForce = (s: GameState): readonly StandingStep[] => s.standing;

/** The step in force for this move, if it stands. */
export const stepInForce = (s: GameState, move: string): StandingStep | undefined => standingStep(s, move);

/** Each move ever implemented, with the last round it was implemented in. */
export const implementations = (s: GameState): ReadonlyArray<{ move: string; round: number }> => s.implemented;

/** Quiet defections on steps still in force in this state, as far as it shows them (views mask others'). */
export const defectionsIn = (s: GameState): QuietDefection[] =>
  s.quietDefections.map(({ move, delegation, round }) => ({ move, delegation, round }));

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
