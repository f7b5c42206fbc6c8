// Where the report reads the game's secrets from. Kept in one place: how the engine stores a
// quiet defection may change (a secret record of its own), and only this file should follow.
import type { GameState } from '../engine';

export interface QuietDefection {
  move: string;
  delegation: string;
  /** Round of the defection. */
  round: number;
}

/** Quiet defections on steps still in force in this state (detected ones become violations). */
export function defectionsIn(s: GameState): QuietDefection[] {
  const out: QuietDefection[] = [];
  for (const st of Object.values(s.standing)) {
    if (st.defected) out.push({ move: st.move, delegation: st.delegation, round: st.defectedRound ?? s.round });
  }
  return out;
}
