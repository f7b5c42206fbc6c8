// One AI decision from a question: the same code runs in the Web Worker, the server's AI threads
// and inline (tests, command line).
import type { Scenario } from '../engine/core';
import { decideStage } from './policy';
import type { AiAsk } from './protocol';
import type { Decision } from './words';

export function decide(scenario: Scenario, ask: AiAsk): Decision[] {
  return decideStage(scenario, ask.view, ask.delegation, ask.persona, ask.stage, ask.stream, ask.seating);
}
