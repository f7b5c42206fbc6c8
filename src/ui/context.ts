// What every panel receives: the scenario, the store's state, the view on screen, and actions.
import type { GameView, Intent, Scenario } from '../engine';
import type { UiState } from '../store/gameStore';

export interface Ctx {
  sc: Scenario;
  ui: UiState;
  view: GameView;
  /** The delegation on screen (null on the projector's public view). */
  seat: string | null;
  send(intent: Intent): void;
  set(patch: Partial<UiState>): void;
}

/** In a room, whether the facilitator handed the seat on screen to the AI: its team watches, the AI answers for it. */
export const seatOnAi = (ctx: Pick<Ctx, 'ui' | 'seat'>): boolean =>
  ctx.seat !== null &&
  ctx.ui.room?.role.kind === 'seat' &&
  ctx.ui.room.info.seats.some((s) => s.delegation === ctx.seat && s.mode === 'ai');

export const nameOf = (sc: Scenario, id: string): string => {
  if (id === 'independent') return 'the network itself';
  if (id === 'spoiler') return sc.spoilers.name;
  if (id === 'hidden') return 'unknown';
  return sc.delegations.find((d) => d.id === id)?.short ?? id;
};
export const colorOf = (sc: Scenario, id: string): string => sc.delegations.find((d) => d.id === id)?.color ?? '#888888';
export const moveOf = (sc: Scenario, id: string) => sc.moves.find((m) => m.id === id);
export const trackName = (sc: Scenario, id: string) => sc.tracks.find((t) => t.id === id)?.name ?? id;
