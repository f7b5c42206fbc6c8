// docs/rules.md §11: every roll during play is keyed by the game's seed, the round and what it
// decides (a step's verification, a network's attack, an inquiry), never by how many rolls came
// before it. So two games from one seed meet the same luck wherever they meet the same situation:
// a step carried out in one of them and not in the other changes none of the other rolls.
import { describe, expect, it } from 'vitest';
import { resolveRound, type GameState } from '../../src/engine';
import { gameAt, SCENARIO, SEEDS, stand } from './fixtures';

/** Phase A, round 4: Iran's enrichment halt in force since round 3, not yet verified. */
function base(seed: number): GameState {
  const s = gameAt(SCENARIO, 'A', 4, seed);
  stand(SCENARIO, s, 'iran-halt-enrichment', { round: 3 });
  return s;
}

/** The same, with Iran's published baselines also in force and waiting for its own check. */
function withBaselines(seed: number): GameState {
  const s = base(seed);
  stand(SCENARIO, s, 'iran-publish-baselines', { round: 3 });
  return s;
}

const incidents = (s: GameState) =>
  s.incidents.map(({ network, front, kind, severity, sponsor }) => ({ network, front, kind, severity, sponsor }));
const verified = (s: GameState, move: string) => s.standing.find((st) => st.move === move)?.verified;

describe('§11 keyed rolls', () => {
  it('a step more or less in force changes neither the attacks of the round nor another step’s check', () => {
    let attacks = 0;
    let checks = 0;
    for (const seed of SEEDS) {
      const a = resolveRound(SCENARIO, base(seed));
      const b = resolveRound(SCENARIO, withBaselines(seed));
      expect(incidents(b), `seed ${seed}`).toEqual(incidents(a));
      expect(verified(b, 'iran-halt-enrichment'), `seed ${seed}`).toBe(verified(a, 'iran-halt-enrichment'));
      attacks += a.incidents.length;
      if (verified(a, 'iran-halt-enrichment')) checks += 1;
    }
    // The seeds hold attacks and both results of the check, so the comparison is not empty.
    expect(attacks).toBeGreaterThan(0);
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThan(SEEDS.length);
  });

  it('another seed or another round rolls again', () => {
    const outcomes = new Set(SEEDS.map((seed) => JSON.stringify(incidents(resolveRound(SCENARIO, base(seed))))));
    expect(outcomes.size).toBeGreaterThan(1);
    const later = SEEDS.map((seed) => {
      const s = base(seed);
      s.round = 5;
      return JSON.stringify(incidents(resolveRound(SCENARIO, s)));
    });
    expect(later).not.toEqual(SEEDS.map((seed) => JSON.stringify(incidents(resolveRound(SCENARIO, base(seed))))));
  });
});
