// Messages between the page and the AI Web Worker. The worker receives only a delegation's
// view (never the true state), so an AI cannot decide on what it may not see.
import type { GameView, Scenario } from '../engine/core';
import type { Decision, Temperament } from './baseline';

export type AiRequest =
  | { id: number; kind: 'init'; scenario: Scenario }
  | { id: number; kind: 'negotiate'; delegation: string; view: GameView; temperament: Temperament; pass: number }
  | { id: number; kind: 'commit'; delegation: string; view: GameView; temperament: Temperament };

export type AiResponse = { id: number; decisions: Decision[]; ms: number } | { id: number; error: string };
