// The incentive ladder (docs/rules.md §6.4): with a council in place, a rung after `ladderRounds`
// consecutive rounds of verified compliance (at least one span stands secured, no violation
// verified); a round that secures nothing breaks the run; a verified violation, found by a monitor
// or ruled by the facilitator, drops one rung and breaks the run.
import { describe, expect, it } from 'vitest';
import { applyIntent, checkIntent, nextRound, resolveRound, type GameState, type Intent } from '../../src/engine';
import { gameAt, loadScenario, monitorsAt, quiet, secure } from './fixtures';

/** Nothing moves by itself, and monitors never check (so no step is verified or caught by chance). */
const SC = loadScenario(quiet, monitorsAt(0));
const RUN = SC.tunables.ladderRounds;

/** Phase A, a council of three, and the launcher span standing secured since round 2. */
function withCouncil(round = 3): GameState {
  const s = gameAt(SC, 'A', round);
  s.council = { ...s.council, founded: true, round: 1, members: ['usa', 'eu', 'gulf'] };
  secure(SC, s, 'a-launcher-pullback', 2);
  return s;
}

/** Resolves the round and moves to the next round's commit step. */
function playOn(s: GameState): GameState {
  const n = nextRound(SC, resolveRound(SC, s));
  n.step = 'commit';
  return n;
}

/** Takes every step of the secured span out of force: the next round secures nothing. */
function unsecureAll(s: GameState) {
  s.standing = [];
}

describe('§6.4 the incentive ladder', () => {
  it(`${RUN} consecutive compliant rounds climb one rung`, () => {
    let s = withCouncil();
    for (let i = 0; i < RUN; i++) s = playOn(s);
    expect(s.council.rung).toBe(1);
  });

  it('without a council the ladder does not move', () => {
    let s = withCouncil();
    s.council = { ...s.council, founded: false, members: [] };
    for (let i = 0; i < RUN * 2; i++) s = playOn(s);
    expect(s.council.rung).toBe(0);
  });

  it('a round that secures nothing breaks the run: compliant, empty, compliant does not climb', () => {
    let s = withCouncil();
    s = playOn(s); // compliant
    expect(s.council.compliantRounds).toBe(1);
    const kept = s.standing;
    unsecureAll(s);
    s = playOn(s); // nothing secured
    expect(s.council.compliantRounds).toBe(0);
    s.standing = kept; // the span stands secured again (same steps, same window)
    s.spans['a-launcher-pullback'] = { ...(s.spans['a-launcher-pullback'] as GameState['spans'][string]), status: 'secured' };
    for (let i = 1; i < RUN; i++) s = playOn(s);
    expect(s.council.rung).toBe(0);
    s = playOn(s);
    expect(s.council.rung).toBe(1);
  });

  it('a violation ruled by the facilitator drops one rung and breaks the run', () => {
    let s = withCouncil();
    s.council.rung = 2;
    s.council.compliantRounds = 1;
    // A second secured span keeps the round compliant in every other respect.
    secure(SC, s, 'a-baselines', 2);
    const ruling: Intent = {
      type: 'facilitator.override',
      actor: 'facilitator',
      override: { kind: 'verification', move: 'iran-pull-back-launchers', result: 'violation' },
    };
    expect(checkIntent(SC, s, ruling)).toBeNull();
    s = applyIntent(SC, s, ruling);
    s = playOn(s);
    expect(s.council.rung).toBe(1);
    expect(s.council.compliantRounds).toBe(0);
  });

  it('a violation found by a monitor drops one rung (the same as a ruling)', () => {
    const sure = loadScenario(quiet, monitorsAt(100), (raw) => {
      raw.tunables.detectionPercent = 100;
    });
    let caught = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const s = gameAt(sure, 'A', 3, seed);
      s.council = { ...s.council, founded: true, round: 1, members: ['usa', 'eu', 'gulf'], rung: 2 };
      secure(sure, s, 'a-launcher-pullback', 2);
      s.quietDefections.push({ move: 'iran-pull-back-launchers', delegation: 'iran', round: 3 });
      const after = resolveRound(sure, s);
      if (after.violations.length === 0) continue;
      caught += 1;
      expect(after.council.rung).toBe(1);
    }
    expect(caught).toBeGreaterThan(10);
  });
});
