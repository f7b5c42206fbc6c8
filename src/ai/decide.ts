// One AI decision from a request: the same code runs in the Web Worker and inline (tests, CLI).
import type { Scenario } from '../engine/core';
import { commit, negotiate, type Decision } from './baseline';
import type { AiRequest } from './protocol';

export function decide(scenario: Scenario, req: Exclude<AiRequest, { kind: 'init' }>): Decision[] {
  if (req.kind === 'commit') return [commit(scenario, req.view, req.delegation, req.temperament)];
  return negotiate(scenario, req.view, req.delegation, req.temperament, req.pass);
}
