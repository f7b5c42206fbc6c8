// §10: the White Cell's rulings and reveals carry its reason and are marked as its own in the log.
import { describe, expect, it } from 'vitest';
import { applyIntent, checkIntent, type GameState } from '../../src/engine';
import { gameAt, SCENARIO, stand } from './fixtures';

describe('§10 rulings with reasons', () => {
  it('a forced violation is a White Cell ruling, and its line carries the reason', () => {
    const s: GameState = gameAt(SCENARIO, 'A', 3);
    stand(SCENARIO, s, 'iran-halt-enrichment', { round: 2, verified: true });
    const ruled = applyIntent(SCENARIO, s, {
      type: 'facilitator.override',
      actor: 'facilitator',
      override: { kind: 'verification', move: 'iran-halt-enrichment', result: 'violation' },
      reason: 'inspectors found the cascade running',
    });
    const line = ruled.events.find((e) => e.kind === 'override');
    expect(line?.text).toMatch(/^White Cell ruling: .* in violation\. Reason: inspectors found the cascade running$/);
  });

  it('a reason longer than 400 characters is refused by the schema, not cut', async () => {
    const { parseIntent } = await import('../../src/engine/intentSchema');
    const r = parseIntent({ type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to: 'all', reason: 'x'.repeat(401) });
    expect(r.ok).toBe(false);
    const s = gameAt(SCENARIO, 'A', 3);
    expect(
      checkIntent(SCENARIO, s, { type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to: 'all', reason: 'ok' }),
    ).toBeNull();
  });
});
