// An AI thread of the server: decides for AI seats from their views, so a slow decision in one
// room never blocks the event loop that serves every room.
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../engine';
import { decide } from '../ai/decide';
import type { WorkerReply, WorkerRequest } from './aiPool';

const scenarios = new Map<string, Scenario>();

parentPort?.on('message', (req: WorkerRequest) => {
  const reply = (r: WorkerReply) => parentPort?.postMessage(r);
  if (req.scenario) scenarios.set(req.scenarioKey, req.scenario);
  const scenario = scenarios.get(req.scenarioKey);
  if (!scenario) return reply({ id: req.id, error: `no scenario ${req.scenarioKey} in this AI thread` });
  try {
    reply({ id: req.id, decisions: decide(scenario, req.request) });
  } catch (err) {
    reply({ id: req.id, error: (err as Error).message });
  }
});
