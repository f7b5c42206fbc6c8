// The AI in-process, for the command line and tests (the browser uses the Web Worker: client.ts).
import type { Scenario } from '../engine/core';
import type { AiClient } from './client';
import { decide } from './decide';
import type { AiRequest } from './protocol';

export function createInlineAiClient(scenario: Scenario): AiClient {
  return {
    decide: (request) => Promise.resolve(decide(scenario, { ...request, id: 0 } as Exclude<AiRequest, { kind: 'init' }>)),
    dispose: () => undefined,
  };
}
