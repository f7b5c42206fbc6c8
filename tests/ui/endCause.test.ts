// The debrief's closing line: when the White Cell ended the game it says so, in which round and
// with the reason the facilitator typed; a room's hidden seed (0) is never shown as "seed 0".
import { describe, expect, it } from 'vitest';
import { applyIntent, createGame, endingOf } from '../../src/engine';
import { unravelingCause } from '../../src/report/mechanics';
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
    const cause = endCause(SCENARIO, ended);
    expect(cause).toBe('The White Cell ended the game in round 5 of 12, as drift. Their reason: the class ran out of time');
    expect(cause).not.toMatch(/ran out before Phase C/);
  });

  it('shows the seed only where it is known', () => {
    expect(endLine(SCENARIO, { ...ended, seed: 0 })).not.toMatch(/seed/);
    expect(endLine(SCENARIO, ended)).toMatch(/seed 1773131906/);
  });

  it('a game that ran its rounds out still says so', () => {
    const drift = { ...createGame(SCENARIO, 3), round: 12, outcome: 'drift' as const, step: 'ended' as const };
    expect(endCause(SCENARIO, drift)).toBe('The 12 rounds ran out before Phase C was complete.');
  });

  it('the end screen and the mechanics report read one ending: the White Cell, a war trigger, tension at 100', () => {
    const byWhiteCell = applyIntent(SCENARIO, s, { type: 'facilitator.end', actor: 'facilitator', outcome: 'unraveling' });
    expect(endingOf(SCENARIO, byWhiteCell)?.by).toBe('white-cell');
    expect(unravelingCause(SCENARIO, byWhiteCell)).toBe('facilitator');
    expect(endCause(SCENARIO, byWhiteCell)).toMatch(/^The White Cell ended the game in round 5 of 12, as unraveling\.$/);

    const base = createGame(SCENARIO, 5);
    const hot = { ...base, round: 7, tension: 100, outcome: 'unraveling' as const, step: 'ended' as const };
    const spiral = { ...hot, events: [...hot.events, { round: 7, kind: 'retaliation', text: 'A reprisal.', audience: 'all' as const }] };
    expect(endingOf(SCENARIO, spiral)).toEqual({ by: 'tension', cause: 'reprisal spiral' });
    expect(unravelingCause(SCENARIO, spiral)).toBe('reprisal spiral');
    expect(endCause(SCENARIO, spiral)).toBe('Tension reached 100.');

    const war = { ...hot, tension: 80, warTrigger: 'Israel struck a nuclear site' };
    expect(endingOf(SCENARIO, war)).toMatchObject({ by: 'war-trigger', trigger: 'Israel struck a nuclear site' });
    expect(endCause(SCENARIO, war)).toBe('War trigger — Israel struck a nuclear site.');
    expect(endingOf(SCENARIO, base)).toBeNull();
  });
});
