// Messages between the page and the AI Web Worker. The worker receives only a delegation's
// view (never the true state), so an AI cannot decide on what it may not see.
import type { GameView, Scenario } from '../engine/core';
import type { Temperament } from './baseline';
import type { Persona } from './persona';
import type { Stage } from './play';
import type { Decision } from './words';

export type AiRequest =
  | { id: number; kind: 'init'; scenario: Scenario }
  // `stream`: the seat's random stream (engine: seatStream), sent beside the view, never in it.
  | { id: number; kind: 'decide'; delegation: string; view: GameView; stream: number; persona: Persona; stage: Stage }
  // The first protocol (pass 0 proposals, 1 answers, 2 council business and readiness), still answered.
  | { id: number; kind: 'negotiate'; delegation: string; view: GameView; stream: number; temperament: Temperament; pass: number }
  | { id: number; kind: 'commit'; delegation: string; view: GameView; stream: number; temperament: Temperament };

export type AiResponse = { id: number; decisions: Decision[]; ms: number } | { id: number; error: string };
