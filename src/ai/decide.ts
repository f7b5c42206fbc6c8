// One AI decision from a request: the same code runs in the Web Worker and inline (tests, CLI).
import type { Scenario } from '../engine/core';
import { decideStage } from './policy';
import type { AiRequest } from './protocol';
import type { Decision } from './words';

export function decide(scenario: Scenario, req: Exclude<AiRequest, { kind: 'init' }>): Decision[] {
  return decideStage(scenario, req.view, req.delegation, req.persona, req.stage);
}
