// What the interface talks to: a local game (solo, hot-seat) or a room on the server
// (RoomTransport). The same UI code sits above both.
import type { GameView, Intent, Outcome, RoundStep, Scenario } from '../engine';

export type SendResult = { ok: true } | { ok: false; reason: string };

/** What a sender may add to an intent: its message id (applied once) and the version of the view it was made from. */
export interface SendOptions {
  id?: string;
  version?: number;
}

export interface AiNote {
  round: number;
  delegation: string;
  text: string;
  /** A reason about a sealed commit: shown only once the round is resolved. */
  sealed: boolean;
  /** The AI's secret reasoning (a quiet defection): the White Cell's eyes only. */
  secret?: string;
}

/** Where the game is: enough for the interface to notice a new round or the end. */
export interface Progress {
  round: number;
  step: RoundStep;
  outcome: Outcome | null;
  /** Grows with every accepted change (log entries, or the room's version). */
  changes: number;
}

export interface Transport {
  readonly scenario: Scenario;
  progress(): Progress;
  /** The view of one seat, or the public view (null). Never more than that seat may see. */
  view(seat: string | null): GameView;
  send(intent: Intent, opts?: SendOptions): Promise<SendResult>;
  /** Called after every change of the game or of who is thinking. */
  subscribe(listener: () => void): () => void;
  /** Delegations whose AI is deciding right now. */
  thinking(): readonly string[];
  /** What the AI delegations said about their decisions (public reasons). */
  aiNotes(): readonly AiNote[];
  dispose(): void;
}
