// Why a game ended, in the debrief's words: a war trigger, tension at 100, the round limit, a
// complete bridge, or the White Cell's decision with its reason (which the debrief must show).
import type { GameState } from '../engine';

/** The White Cell ended this game (its own line in the log, not the engine's ending). */
export const endedByWhiteCell = (s: Pick<GameState, 'events'>) =>
  s.events.some((e) => e.kind === 'ended' && e.text.startsWith('The facilitator ended'));

export function endCause(s: GameState, roundLimit: number): string {
  if (endedByWhiteCell(s)) {
    const reason = s.endReason && s.endReason !== 'the facilitator ended the game' ? ` Their reason: ${s.endReason}` : '';
    return `The White Cell ended the game in round ${s.round} of ${roundLimit}, as ${s.outcome ?? 'drift'}.${reason}`;
  }
  if (s.warTrigger) return `War trigger — ${s.warTrigger}.`;
  if (s.outcome === 'unraveling' && s.tension >= 100) return 'Tension reached 100.';
  if (s.outcome === 'drift') return `The ${s.round} rounds ran out before Phase C was complete.`;
  if (s.outcome === 'consolidation') return 'Every track of Phase C holds.';
  return s.endReason ?? '';
}

/** The closing line: the cause, the rounds played, and the seed when this screen may know it (a room hides it: 0). */
export const endLine = (s: GameState, roundLimit: number) =>
  `${endCause(s, roundLimit)} After ${s.round} rounds${s.seed ? `, seed ${s.seed}` : ''}.`;
