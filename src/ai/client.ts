// How the browser asks AI delegations for decisions: through a Web Worker, so the page never
// freezes. (The AI itself is not bundled into the page: inlineClient.ts runs it in-process for
// the command line and tests.)
import type { Scenario } from '../engine/core';
import type { Decision } from './words';
import type { AiAsk, AiRequest, AiResponse } from './protocol';

export interface AiClient {
  decide(ask: AiAsk): Promise<Decision[]>;
  dispose(): void;
}

export function createWorkerAiClient(scenario: Scenario): AiClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const pending = new Map<number, { resolve: (d: Decision[]) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<AiResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data.decisions);
  };
  const post = (req: AiRequest) =>
    new Promise<Decision[]>((resolve, reject) => {
      pending.set(req.id, { resolve, reject });
      worker.postMessage(req);
    });
  void post({ id: nextId++, kind: 'init', scenario });
  return {
    decide: (ask) => post({ ...ask, id: nextId++, kind: 'decide' }),
    dispose: () => {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('the AI worker was stopped'));
      pending.clear();
    },
  };
}
