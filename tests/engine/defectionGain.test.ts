// docs/rules.md §8.2 and §7: what a quiet defection gains the defector is as secret as the
// defection. The support gain is not added to the public support; it counts in the defector's
// score while the defection lasts undiscovered, and is lost when the step leaves force.
import { describe, expect, it } from 'vitest';
import { catalog, publicView, resolveRound, score, viewFor, type GameState } from '../../src/engine';
import { gameAt, loadScenario, monitorsAt, quiet, sealCommit, stand, support } from './fixtures';

// Monitors that never check: the defection stays undiscovered.
const SC = loadScenario(quiet, monitorsAt(0), (raw) => {
  raw.tunables.detectionPercent = 0;
});
const MOVE = 'iran-pull-back-launchers';
const gain = catalog(SC).move.get(MOVE)?.defection?.support ?? 0;

function defected(defect: boolean): GameState {
  const s = gameAt(SC, 'A', 3);
  stand(SC, s, MOVE, { round: 2, verified: true });
  for (const d of catalog(SC).delegationIds) sealCommit(s, d, [], d === 'iran' && defect ? [MOVE] : []);
  return resolveRound(SC, s);
}

describe('a quiet defection’s gain (rules §8.2, §7)', () => {
  it('the scenario gives this defection a support gain', () => expect(gain).toBeGreaterThan(0));

  it('does not show in the public support, in any other seat’s view or in the round history', () => {
    const honest = defected(false);
    const cheat = defected(true);
    expect(cheat.quietDefections.map((q) => q.move)).toEqual([MOVE]);
    expect(support(cheat, 'iran')).toBe(support(honest, 'iran'));
    expect(support(publicView(cheat), 'iran')).toBe(support(publicView(honest), 'iran'));
    expect(support(viewFor(cheat, 'usa'), 'iran')).toBe(support(viewFor(honest, 'usa'), 'iran'));
    expect(cheat.history.at(-1)?.support['iran']).toBe(honest.history.at(-1)?.support['iran']);
  });

  it('counts in the defector’s score while undiscovered, and is lost with the step', () => {
    const honest = defected(false);
    const cheat = defected(true);
    const tenth = (s: GameState) => Math.floor(Math.min(100, support(s, 'iran') + gain) / 10) - Math.floor(support(s, 'iran') / 10);
    expect(score(SC, cheat, 'iran') - score(SC, honest, 'iran')).toBe(tenth(honest));
    // Worth a point when the public support sits just below a multiple of ten.
    const near = structuredClone(cheat);
    (near.delegations['iran'] as { support: number }).support = 60 - gain;
    const nearHonest = structuredClone(honest);
    (nearHonest.delegations['iran'] as { support: number }).support = 60 - gain;
    expect(score(SC, near, 'iran')).toBe(score(SC, nearHonest, 'iran') + 1);
    const caught = structuredClone(near);
    caught.quietDefections = [];
    expect(score(SC, caught, 'iran')).toBe(score(SC, nearHonest, 'iran'));
  });
});
