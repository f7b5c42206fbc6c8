// The AI's Web Worker: the page never freezes while AI delegations think.
/// <reference lib="webworker" />
import type { Scenario } from '../engine/core';
import { decide } from './decide';
import type { AiRequest, AiResponse } from './protocol';

let scenario: Scenario | null = null;
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<AiRequest>) => {
  const req = e.data;
  const reply = (r: AiResponse) => scope.postMessage(r);
  if (req.kind === 'init') {
    scenario = req.scenario;
    reply({ id: req.id, decisions: [], ms: 0 });
    return;
  }
  if (!scenario) {
    reply({ id: req.id, error: 'the AI worker has no scenario yet' });
    return;
  }
  const t0 = performance.now();
  try {
    reply({ id: req.id, decisions: decide(scenario, req), ms: performance.now() - t0 });
  } catch (err) {
    reply({ id: req.id, error: (err as Error).message });
  }
};
