// The AI's doctrine for diverging allied priorities (docs/rules.md §8.1): an ally that offers a
// package serving its own priority and passing over another ally's adds a compensating step of
// its own on that ally's priority when it has the action points, so fewer agreed packages strain
// the alliance; the step it adds never raises tension, costs trust or arms a network.
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/ai/autoplay';
import { catalog, passedOverAllies, type Package } from '../../src/engine/core';
import { GameSession } from '../../src/machine/session';
import { SCENARIO } from '../engine/fixtures';

const cat = catalog(SCENARIO);
// Twenty seeds: an ally passes another over in a few of them (the AI offers most spans with Iran, whose
// restraints serve every priority).
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

function packagesOf(seed: number): Package[] {
  const session = GameSession.start(SCENARIO, seed);
  playToEnd(SCENARIO, session);
  return session.state.packages;
}

describe('§8.1 the AI compensates a passed-over ally', () => {
  const all = SEEDS.flatMap(packagesOf);
  const alliance = SCENARIO.alliance;

  it('AI allies add compensating steps of their own, and only harmless ones', () => {
    const gifts = all.flatMap((p) =>
      p.steps.filter((s) => {
        const m = cat.move.get(s.move);
        return (
          m?.kind === 'step' && !cat.spanOfMove.has(s.move) && s.delegation === p.proposer && p.proposer in (alliance?.priorities ?? {})
        );
      }),
    );
    expect(gifts.length).toBeGreaterThan(0);
    for (const g of gifts) {
      const m = cat.move.get(g.move);
      expect(m?.effects.tension ?? 0, g.move).toBeLessThanOrEqual(0);
      expect(m?.effects.trust ?? 0, g.move).toBeGreaterThanOrEqual(0);
      expect(m?.effects.funding, g.move).toBeUndefined();
    }
  });

  it('a compensating step leaves no ally passed over by the ally that added it', () => {
    for (const p of all) {
      // A stop-loss provision (§5.6) is no compensation: a partner asks it of a delegation whose
      // support is low, and that delegation's counter-offer carries it on.
      const added = p.steps.some(
        (s) =>
          s.delegation === p.proposer &&
          !cat.spanOfMove.has(s.move) &&
          cat.move.get(s.move)?.kind === 'step' &&
          !cat.move.get(s.move)?.tags.includes('stop-loss'),
      );
      if (!added || !(p.proposer in (alliance?.priorities ?? {}))) continue;
      const spanSteps = p.steps.filter((s) => cat.spanOfMove.has(s.move));
      const before = passedOverAllies(SCENARIO, spanSteps, p.parties).filter((x) => x.blamed.includes(p.proposer)).length;
      const after = passedOverAllies(SCENARIO, p.steps, p.parties).filter((x) => x.blamed.includes(p.proposer)).length;
      expect(after).toBeLessThan(before);
    }
  });
});
