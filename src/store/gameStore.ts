// The interface's store (Zustand vanilla factory, one per game): what the screen shows and the
// player's unfinished choices. Game state itself lives in the machine; this holds its view.
import { createStore } from 'zustand/vanilla';
import type { GameView, PackageStep } from '../engine';
import type { ChatLine, Role, RoomInfo, WhiteCellAct } from '../net/protocol';
import type { AiNote } from '../net/transport';
import type { EvaluationGuide } from '../report/evaluation';

export type Screen =
  | 'start'
  | 'game'
  | 'handover'
  | 'end'
  | 'debrief'
  | 'briefing'
  | 'compare'
  | 'lobby'
  | 'console'
  | 'projector'
  | 'joining'
  /** A team link opened on a device that has no name yet: it asks for one first. */
  | 'joinName';
export type Tab = 'negotiate' | 'commit' | 'council' | 'messages';
export type ConsoleTab = 'session' | 'truth' | 'injects' | 'rulings' | 'record' | 'evaluation' | 'messages';

/** The room this page is in (classroom mode): who we are, the seats, the clock, the messages. */
export interface RoomUi {
  code: string;
  role: Role;
  info: RoomInfo;
  messages: readonly ChatLine[];
  /** Older messages wait on the server (the page holds the newest ones). */
  olderMessages: boolean;
  connection: 'online' | 'reconnecting' | 'offline';
  skewMs: number;
  name: string;
  /** The seat's token (the team link), for a seat. */
  token: string | null;
  /** Where other laptops reach this server (the page's own address unless it is this machine's loopback). */
  base: string;
  /** The White Cell's acts, for the console's undo (empty for other roles). */
  acts: readonly WhiteCellAct[];
  /** The White Cell's evaluation guide as the server last sent it (null until loaded; a facilitator's page only). */
  evaluation: EvaluationGuide | null;
}

export interface CommitDraft {
  moves: string[];
  defect: string[];
  inspections: Record<string, number>;
  observers: Record<string, number>;
  retaliate: { incident: number; against: string } | null;
}

/**
 * The package being composed: its steps and window, and what the composer holds before "Add step"
 * (the delegation and move picked, the note typed), so no redraw or tab switch loses them.
 */
export interface PackageDraft {
  steps: PackageStep[];
  window: number;
  counterTo: number | null;
  note: string;
  /** The delegation whose move is picked (null: the player's own). */
  who: string | null;
  /** The move picked (null: the first one offered). */
  move: string | null;
}

export interface UiState {
  screen: Screen;
  mode: 'solo' | 'hotseat' | 'room';
  room: RoomUi | null;
  consoleTab: ConsoleTab;
  humans: string[];
  /** The delegation whose view is on screen. */
  seat: string | null;
  view: GameView | null;
  thinking: readonly string[];
  aiNotes: readonly AiNote[];
  tab: Tab;
  packageDraft: PackageDraft;
  commitDraft: CommitDraft;
  logOpen: boolean;
  mapAsText: boolean;
  tutorial: number | null;
  /** "How to play" is open. */
  help: boolean;
  /** The glossary is open (over any screen). */
  glossary: boolean;
  /** Per seat, the last round whose start-of-round briefing it has read (hot-seat: each seat its own). */
  briefed: Record<string, number>;
  /** The round whose resolution the player has not yet looked at. */
  unreadResolution: number | null;
  /** A message to the player; `list` holds one line per item (e.g. the problems of a refused file). */
  notice: { kind: 'error' | 'info'; text: string; list?: string[] } | null;
  /** The console shows the hot wash instead of the game (the facilitator's). */
  hotWash: boolean;
}

export const emptyPackage = (): PackageDraft => ({ steps: [], window: 1, counterTo: null, note: '', who: null, move: null });

export const emptyCommit = (): CommitDraft => ({ moves: [], defect: [], inspections: {}, observers: {}, retaliate: null });

export function createGameStore() {
  return createStore<UiState>(() => ({
    screen: 'start',
    mode: 'solo',
    room: null,
    consoleTab: 'session',
    humans: [],
    seat: null,
    view: null,
    thinking: [],
    aiNotes: [],
    tab: 'negotiate',
    packageDraft: emptyPackage(),
    commitDraft: emptyCommit(),
    logOpen: true,
    mapAsText: false,
    tutorial: null,
    help: false,
    glossary: false,
    briefed: {},
    unreadResolution: null,
    notice: null,
    hotWash: false,
  }));
}

export type GameStore = ReturnType<typeof createGameStore>;
