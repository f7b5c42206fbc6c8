// The debrief's closing line: when the White Cell ended the game it says so, in which round and
// with the reason the facilitator typed; a room's hidden seed (0) is never shown as "seed 0".
import { describe, expect, it } from 'vitest';
import { applyIntent, createGame } from '../../src/engine';
import { endCause, endLine } from '../../src/ui/endCause';
import { SCENARIO } from '../engine/fixtures';

describe('the end of the game in the debrief', () => {
  const s = { ...createGame(SCENARIO, 1773131906), round: 5 };
  const ended = applyIntent(SCENARIO, s, {
    type: 'facilitator.end',
    actor: 'facilitator',
    outcome: 'drift',
    reason: 'the class ran out of time',
  });

  it('names the White Cell, the round and its reason, not the round limit', () => {
    const cause = endCause(ended, 12);
    expect(cause).toBe('The White Cell ended the game in round 5 of 12, as drift. Their reason: the class ran out of time');
    expect(cause).not.toMatch(/ran out before Phase C/);
  });

  it('shows the seed only where it is known', () => {
    expect(endLine({ ...ended, seed: 0 }, 12)).not.toMatch(/seed/);
    expect(endLine(ended, 12)).toMatch(/seed 1773131906/);
  });

  it('a game that ran its rounds out still says so', () => {
    const drift = { ...createGame(SCENARIO, 3), round: 12, outcome: 'drift' as const, step: 'ended' as const };
    expect(endCause(drift, 12)).toBe('The 12 rounds ran out before Phase C was complete.');
  });
});
