// docs/rules.md §8.1: a proposal identical to a package already proposed this round, or to an
// agreed package still running (the same steps with the same triggers, in any order, and the
// same window, whoever proposed it), is refused.
import { describe, expect, it } from 'vitest';
import { applyIntent, checkIntent, type GameState, type Intent, type PackageStep } from '../../src/engine';
import { SCENARIO, gameAt, trustIn } from './fixtures';

const SPAN: PackageStep[] = [
  { delegation: 'iran', move: 'iran-restrain-hezbollah' },
  { delegation: 'israel', move: 'israel-suspend-lebanon-strikes' },
];
const propose = (actor: string, steps: PackageStep[], window = 1): Intent => ({ type: 'package.propose', actor, steps, window });

function talks(round = 3): GameState {
  const s = gameAt(SCENARIO, 'A', round);
  s.step = 'negotiation';
  return s;
}

function apply(s: GameState, i: Intent): GameState {
  expect(checkIntent(SCENARIO, s, i)).toBeNull();
  return applyIntent(SCENARIO, s, i);
}

describe('identical packages (rules §8.1)', () => {
  it('refuses a copy of a package proposed this round, by the proposer or anyone else, in any order of steps', () => {
    const s = apply(talks(), propose('iran', SPAN));
    expect(checkIntent(SCENARIO, s, propose('iran', SPAN))).toMatch(/identical/);
    expect(checkIntent(SCENARIO, s, propose('usa', SPAN))).toMatch(/identical/);
    expect(checkIntent(SCENARIO, s, propose('israel', [...SPAN].reverse()))).toMatch(/identical/);
  });

  it('refuses a copy even after the first was rejected in the same round', () => {
    let s = apply(talks(), propose('iran', SPAN));
    s = apply(s, { type: 'package.reject', actor: 'israel', package: 1 });
    expect(s.packages[0]?.status).toBe('rejected');
    expect(checkIntent(SCENARIO, s, propose('iran', SPAN))).toMatch(/identical/);
  });

  it('takes a package that differs in its window, a step or a trigger', () => {
    const s = apply(talks(), propose('iran', SPAN));
    expect(checkIntent(SCENARIO, s, propose('iran', SPAN, 2))).toBeNull();
    expect(checkIntent(SCENARIO, s, propose('iran', [...SPAN, { delegation: 'usa', move: 'usa-reduce-patrols' }]))).toBeNull();
    const sequenced = [SPAN[1] as PackageStep, { ...(SPAN[0] as PackageStep), after: 0 }];
    expect(checkIntent(SCENARIO, s, propose('iran', sequenced, 2))).toBeNull();
  });

  it('takes the same package again in a later round when the first lapsed, but not while an agreed copy still runs', () => {
    const s = apply(talks(3), propose('iran', SPAN, 2));
    const lapsed = structuredClone(s);
    lapsed.round = 4;
    (lapsed.packages[0] as { status: string }).status = 'expired';
    expect(checkIntent(SCENARIO, lapsed, propose('iran', SPAN, 2))).toBeNull();

    const agreed = apply(s, { type: 'package.accept', actor: 'israel', package: 1 });
    expect(agreed.packages[0]?.status).toBe('accepted');
    const next = structuredClone(agreed);
    next.round = 4;
    expect(checkIntent(SCENARIO, next, propose('israel', SPAN, 2))).toMatch(/identical/);
  });

  it('so a copy can never be agreed twice for twice the trust', () => {
    let s = apply(talks(), propose('iran', SPAN));
    const before = trustIn(s, 'israel', 'iran');
    s = apply(s, { type: 'package.accept', actor: 'israel', package: 1 });
    const once = trustIn(s, 'israel', 'iran');
    expect(once).toBeGreaterThan(before);
    expect(checkIntent(SCENARIO, s, propose('iran', SPAN))).toMatch(/identical/);
    expect(checkIntent(SCENARIO, s, { ...propose('iran', SPAN), type: 'package.counter', package: 1 } as Intent)).not.toBeNull();
  });
});
