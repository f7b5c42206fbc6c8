// Why a game ended, in the debrief's words: the engine's reading of the ending (endingOf: a war
// trigger, tension at 100, the round limit, a complete bridge, or the White Cell's decision with
// its reason, which the debrief must show).
import { endingOf, type GameState, type Scenario } from '../engine';

export function endCause(sc: Scenario, s: GameState): string {
  const roundLimit = sc.tunables.roundLimit;
  const e = endingOf(sc, s);
  switch (e?.by) {
    case 'white-cell': {
      const reason = e.reason ? ` Their reason: ${e.reason}` : '';
      return `The White Cell ended the game in round ${s.round} of ${roundLimit}, as ${e.outcome}.${reason}`;
    }
    case 'war-trigger':
      return `War trigger — ${e.trigger}.`;
    case 'tension':
      return 'Tension reached 100.';
    case 'round-limit':
      return `The ${s.round} rounds ran out before Phase C was complete.`;
    case 'bridge':
      return 'Every track of Phase C holds.';
    default:
      return s.endReason ?? '';
  }
}

/** The closing line: the cause, the rounds played, and the seed when this screen may know it (a room hides it: 0). */
export const endLine = (sc: Scenario, s: GameState) => `${endCause(sc, s)} After ${s.round} rounds${s.seed ? `, seed ${s.seed}` : ''}.`;
