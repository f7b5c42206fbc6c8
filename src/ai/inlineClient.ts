// The AI in-process, for the command line and tests (the browser uses the Web Worker: client.ts).
import type { Scenario } from '../engine/core';
import type { AiClient } from './client';
import { decide } from './decide';

export function createInlineAiClient(scenario: Scenario): AiClient {
  return {
    decide: (ask) => Promise.resolve(decide(scenario, ask)),
    dispose: () => undefined,
  };
}
