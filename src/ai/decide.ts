// One AI decision from a request: the same code runs in the Web Worker and inline (tests, CLI).
import type { Scenario } from '../engine/core';
import { personaOf } from './baseline';
import { readyDecision } from './play';
import { decideStage } from './policy';
import type { AiRequest } from './protocol';
import type { Decision } from './words';

export function decide(scenario: Scenario, req: Exclude<AiRequest, { kind: 'init' }>): Decision[] {
  if (req.kind === 'decide') return decideStage(scenario, req.view, req.delegation, req.persona, req.stage, req.stream);
  const persona = personaOf(req.temperament);
  if (req.kind === 'commit') return decideStage(scenario, req.view, req.delegation, persona, 'commit', req.stream);
  if (req.pass === 0) return decideStage(scenario, req.view, req.delegation, persona, 'propose', req.stream);
  if (req.pass === 1) return decideStage(scenario, req.view, req.delegation, persona, 'answer', req.stream);
  const member = req.view.council.founded && req.view.council.members.includes(req.delegation);
  return [...(member ? decideStage(scenario, req.view, req.delegation, persona, 'close', req.stream) : []), readyDecision(req.delegation)];
}
