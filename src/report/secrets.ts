// Where the report reads steps in force, implementations and quiet defections from. Kept in one
// place because their storage is changing: on main they are objects keyed by move, with a quiet
// defection flagged on its step; branch "speed" makes them lists, with quiet defections in a secret
// list of their own (`quietDefections`). These readers accept both shapes, so the debrief works
// before and after that merge; once it is in, each can become a one-liner over the lists.
import type { GameState, StandingStep } from '../engine';

export interface QuietDefection {
  move: string;
  delegation: string;
  /** Round of the defection. */
  round: number;
}

interface Stored {
  standing: unknown;
  implemented: unknown;
  quietDefections?: unknown;
}
type LegacyStep = StandingStep & { defected?: boolean; defectedRound?: number | null };

/** The steps in force in this state. */
export function stepsInForce(s: GameState): StandingStep[] {
  const st = (s as unknown as Stored).standing;
  return (Array.isArray(st) ? st : Object.values(st as Record<string, StandingStep>)) as StandingStep[];
}

/** The step in force for this move, if it stands. */
export function stepInForce(s: GameState, move: string): StandingStep | undefined {
  return stepsInForce(s).find((st) => st.move === move);
}

/** Each move ever implemented, with the last round it was implemented in. */
export function implementations(s: GameState): Array<{ move: string; round: number }> {
  const im = (s as unknown as Stored).implemented;
  if (Array.isArray(im)) return (im as Array<{ move: string; round: number }>).map(({ move, round }) => ({ move, round }));
  return Object.entries(im as Record<string, number>).map(([move, round]) => ({ move, round }));
}

/** Quiet defections on steps still in force in this state, as far as it shows them (views mask others'). */
export function defectionsIn(s: GameState): QuietDefection[] {
  const list = (s as unknown as Stored).quietDefections;
  if (Array.isArray(list)) return (list as QuietDefection[]).map(({ move, delegation, round }) => ({ move, delegation, round }));
  return (stepsInForce(s) as LegacyStep[]).filter((st) => st.defected).map((st) => ({ move: st.move, delegation: st.delegation, round: st.defectedRound ?? s.round }));
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
