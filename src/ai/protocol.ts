// Messages between a game and its AI (the page's Web Worker, the server's AI threads). The AI
// receives only a delegation's view (never the true state), so it cannot decide on what it may
// not see.
import type { GameView, Scenario } from '../engine/core';
import type { Persona } from './persona';
import type { Seating, Stage } from './scheduler';
import type { Decision } from './words';

/** One question to the AI: a seat, its persona, the stage it decides, from its own view. */
export interface AiAsk {
  delegation: string;
  view: GameView;
  /** The seat's random stream (engine: seatStream), sent beside the view, never in it. */
  stream: number;
  persona: Persona;
  stage: Stage;
  /** Who plays the other seats, and since when the phase runs (public facts the view leaves out). */
  seating: Seating;
}

export type AiRequest = { id: number; kind: 'init'; scenario: Scenario } | ({ id: number; kind: 'decide' } & AiAsk);

export type AiResponse = { id: number; decisions: Decision[]; ms: number } | { id: number; error: string };
