// docs/rules.md §8.1: a sequenced step "waits for an earlier step of the same package and is
// carried out automatically once that step is verified"; §8.3: "public acts are verified at once".
// So a step sequenced after a public act runs in the round the public act is carried out.
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  checkIntent,
  inForce,
  openCommit,
  resolveRound,
  type GameState,
  type Intent,
  type PackageStep,
} from '../../src/engine';
import { gameAt, loadScenario, quiet, sealCommit } from './fixtures';

const SC = loadScenario(quiet);

function play(s: GameState, ...intents: Intent[]): GameState {
  for (const i of intents) {
    expect(checkIntent(SC, s, i), `${i.type} by ${i.actor}`).toBeNull();
    s = applyIntent(SC, s, i);
  }
  return s;
}

/** Phase B, round 5: a package agreed in which the US eases oil sanctions once Iran's audit is verified. */
function agreed(steps: PackageStep[]): GameState {
  const s = gameAt(SC, 'B', 5);
  s.step = 'negotiation';
  const p = play(s, { type: 'package.propose', actor: 'iran', steps, window: 2 }, { type: 'package.accept', actor: 'usa', package: 1 });
  expect(p.packages[0]?.status).toBe('accepted');
  return openCommit(SC, p);
}

const AUDIT_THEN_RELIEF: PackageStep[] = [
  { delegation: 'iran', move: 'iran-relief-audit' },
  { delegation: 'usa', move: 'usa-ease-oil-sanctions', after: 0 },
];

describe('§8.1 a step sequenced after a public act', () => {
  it('runs in the round the public act is carried out, and is charged to its giver’s next action points', () => {
    const s = agreed(AUDIT_THEN_RELIEF);
    sealCommit(s, 'iran', ['iran-relief-audit']);
    const after = resolveRound(SC, s);
    expect(inForce(after, 'iran-relief-audit')).toBe(true);
    expect(inForce(after, 'usa-ease-oil-sanctions')).toBe(true);
    const triggered = after.events.filter((e) => e.kind === 'triggered').map((e) => e.text);
    expect(triggered).toHaveLength(1);
    expect(triggered[0]).toMatch(/executes automatically \(package #1\)/);
    expect(after.delegations.usa?.apDebt).toBe(2);
    // Both steps in force, in the window, verified (public): the span holds.
    expect(after.spans['b-sanctions-tiers']?.status).toBe('secured');
  });

  it('does not run while the public act it waits for is not carried out', () => {
    const s = agreed(AUDIT_THEN_RELIEF);
    const after = resolveRound(SC, s);
    expect(inForce(after, 'usa-ease-oil-sanctions')).toBe(false);
    expect(after.events.some((e) => e.kind === 'triggered')).toBe(false);
  });

  it('runs once only, however many rounds the public act stays in force', () => {
    const s = agreed(AUDIT_THEN_RELIEF);
    sealCommit(s, 'iran', ['iran-relief-audit']);
    let after = resolveRound(SC, s);
    after = { ...after, round: after.round + 1, step: 'commit' };
    for (const d of Object.values(after.delegations)) {
      d.committed = false;
      d.commit = null;
    }
    const next = resolveRound(SC, after);
    expect(next.events.filter((e) => e.kind === 'triggered')).toHaveLength(1);
  });
});
