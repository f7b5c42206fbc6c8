// The interface's store (Zustand vanilla factory, one per game): what the screen shows and the
// player's unfinished choices. Game state itself lives in the machine; this holds its view.
import { createStore } from 'zustand/vanilla';
import type { GameView, PackageStep } from '../engine';
import type { AiNote } from '../net/transport';

export type Screen = 'start' | 'game' | 'handover' | 'end' | 'debrief' | 'briefing' | 'compare';
export type Tab = 'negotiate' | 'commit' | 'council';

export interface CommitDraft {
  moves: string[];
  defect: string[];
  inspections: Record<string, number>;
  observers: Record<string, number>;
  retaliate: { incident: number; against: string } | null;
}

export interface UiState {
  screen: Screen;
  mode: 'solo' | 'hotseat';
  humans: string[];
  /** The delegation whose view is on screen. */
  seat: string | null;
  view: GameView | null;
  thinking: readonly string[];
  aiNotes: readonly AiNote[];
  tab: Tab;
  packageDraft: { steps: PackageStep[]; window: number; counterTo: number | null };
  commitDraft: CommitDraft;
  logOpen: boolean;
  mapAsText: boolean;
  tutorial: number | null;
  /** The round whose resolution the player has not yet looked at. */
  unreadResolution: number | null;
  /** A message to the player; `list` holds one line per item (e.g. the problems of a refused file). */
  notice: { kind: 'error' | 'info'; text: string; list?: string[] } | null;
}

export const emptyCommit = (): CommitDraft => ({ moves: [], defect: [], inspections: {}, observers: {}, retaliate: null });

export function createGameStore() {
  return createStore<UiState>(() => ({
    screen: 'start',
    mode: 'solo',
    humans: [],
    seat: null,
    view: null,
    thinking: [],
    aiNotes: [],
    tab: 'negotiate',
    packageDraft: { steps: [], window: 1, counterTo: null },
    commitDraft: emptyCommit(),
    logOpen: true,
    mapAsText: false,
    tutorial: null,
    unreadResolution: null,
    notice: null,
  }));
}

export type GameStore = ReturnType<typeof createGameStore>;
