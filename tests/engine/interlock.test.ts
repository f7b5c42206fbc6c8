// The interlocking-safeties rule (docs/rules.md §5), one describe per clause. Each test sets up a
// position of the default scenario, runs the engine (a predicate, a step of the round, or the
// whole resolution) and checks what a player would see: a span's state, steps in force, support,
// tension, trust. Randomness is either forced through the scenario's monitors or checked over
// many seeds.
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  bridgeComplete,
  checkIntent,
  nextRound,
  noVerifiedViolationSince,
  resolveRound,
  isDefected,
  securedSpansOn,
  snapbackArmed,
  spanSecured,
  standingStep,
  stepsInWindow,
  stepsVerified,
  verificationChance,
  windowClosedUnmatched,
  type GameState,
  type Intent,
  type Scenario,
} from '../../src/engine';
import { domesticShock } from '../../src/engine/injects';
import { closeWindows, recordViolation } from '../../src/engine/interlock';
import { GameSession } from '../../src/machine/session';
import {
  SCENARIO,
  SEEDS,
  gameAt,
  loadScenario,
  monitorsAt,
  openSpan,
  outerState,
  playRound,
  quiet,
  restoredWith,
  sealCommit,
  secure,
  spanOf,
  stand,
  stepsOf,
  support,
  trustIn,
} from './fixtures';

const T = SCENARIO.tunables;
/** Nothing moves tension or support by itself. */
const QUIET = loadScenario(quiet);
/** Monitors never check anything (0% chance), and nothing else moves tension or support. */
const NO_CHECKS = loadScenario(quiet, monitorsAt(0));
/** Monitors check each step with the capped 95% chance. */
const SURE_CHECKS = loadScenario(quiet, monitorsAt(100));
/** Sure checks, and ongoing monitoring catches a quiet defection at its 90% cap. */
const DETECTING = loadScenario(quiet, monitorsAt(100), (raw) => {
  raw.tunables.detectionPercent = 100;
});

const moveEffect = (scenario: Scenario, move: string) => scenario.moves.find((m) => m.id === move)?.effects ?? {};

/** The next round's commit step, after this round's resolution. */
function nextCommit(scenario: Scenario, s: GameState): GameState {
  const n = nextRound(scenario, s);
  n.step = 'commit';
  return n;
}

const eventKinds = (s: GameState) => s.events.map((e) => e.kind);

describe('§5.1 the interlock table', () => {
  it('every span of the table starts idle and lists its restraint first, then its reciprocal steps', () => {
    const s = gameAt(SCENARIO, 'A');
    for (const span of SCENARIO.interlocks) {
      expect(s.spans[span.id]?.status).toBe('idle');
      expect(stepsOf(SCENARIO, span.id)).toEqual([span.restraint, ...span.reciprocal]);
    }
  });

  it("implementing one step of a span opens its window for the span's number of rounds", () => {
    // a-red-sea-lull has a two-round window: opened in round 3, it closes at the end of round 4.
    const s = gameAt(NO_CHECKS, 'A', 3);
    sealCommit(s, 'iran', ['iran-press-houthis']);
    const after = resolveRound(NO_CHECKS, s);
    expect(after.spans['a-red-sea-lull']).toMatchObject({ status: 'open', openedRound: 3, closesRound: 4 });
    expect(standingStep(after, 'iran-press-houthis')).toBeDefined();
  });
});

describe('§5.1 a span is built only from its own phase on', () => {
  it('no step of a phase C span can be committed or put in a package in phase B', () => {
    const s = gameAt(SCENARIO, 'B', 5);
    for (const span of SCENARIO.interlocks.filter((x) => x.phase === 'C')) {
      for (const move of stepsOf(SCENARIO, span.id)) {
        const d = SCENARIO.moves.find((m) => m.id === move)?.delegation ?? '';
        const commit: Intent = { type: 'commit.submit', actor: d, commit: { moves: [move], defect: [] } };
        expect(checkIntent(SCENARIO, s, commit), move).not.toBeNull();
      }
    }
  });
});

describe('§5.2 a span is secured only when every step is inside the window', () => {
  it('matching steps implemented after the window closed do not secure the span (predicate)', () => {
    const s = gameAt(SCENARIO, 'A', 2);
    stand(SCENARIO, s, 'iran-halt-enrichment', { round: 1, verified: true });
    stand(SCENARIO, s, 'gulf-maritime-restraint', { round: 2, verified: true });
    stand(SCENARIO, s, 'usa-humanitarian-waiver', { round: 2, verified: true });
    openSpan(SCENARIO, s, 'a-enrichment-halt', 1); // window: round 1 only

    expect(stepsVerified(SCENARIO, s, 'a-enrichment-halt')).toBe(true);
    expect(noVerifiedViolationSince(s, 'a-enrichment-halt')).toBe(true);
    expect(stepsInWindow(SCENARIO, s, 'a-enrichment-halt')).toBe(false);
    expect(spanSecured(SCENARIO, s, 'a-enrichment-halt')).toBe(false);

    // The same span with its window reopened in round 2 has the restraint outside it: still not secured.
    openSpan(SCENARIO, s, 'a-enrichment-halt', 2);
    expect(spanSecured(SCENARIO, s, 'a-enrichment-halt')).toBe(false);

    // Control: the restraint inside the window too, and the span holds.
    stand(SCENARIO, s, 'iran-halt-enrichment', { round: 2, verified: true });
    expect(stepsInWindow(SCENARIO, s, 'a-enrichment-halt')).toBe(true);
    expect(spanSecured(SCENARIO, s, 'a-enrichment-halt')).toBe(true);
  });

  it('a restraint in round 1 and its reciprocals in round 2 never secure the one-round span', () => {
    const s1 = gameAt(SURE_CHECKS, 'A', 1);
    sealCommit(s1, 'iran', ['iran-halt-enrichment']);
    const r1 = resolveRound(SURE_CHECKS, s1);
    // The window closed unmatched: the halt is negated at the end of round 1, verified or not.
    expect(r1.spans['a-enrichment-halt']?.status).toBe('negated');
    expect(standingStep(r1, 'iran-halt-enrichment')).toBeUndefined();

    const s2 = nextCommit(SURE_CHECKS, r1);
    sealCommit(s2, 'gulf', ['gulf-maritime-restraint']);
    sealCommit(s2, 'usa', ['usa-humanitarian-waiver']);
    const r2 = resolveRound(SURE_CHECKS, s2);
    expect(spanSecured(SURE_CHECKS, r2, 'a-enrichment-halt')).toBe(false);
    expect(r2.spans['a-enrichment-halt']).toMatchObject({ status: 'negated', securedCount: 0, negatedCount: 2 });
    expect(securedSpansOn(SURE_CHECKS, r2, 'A', 'nuclear')).toBe(0);
  });
});

describe('§5.2 a span is secured only when every step is verified by its monitor', () => {
  it('an unverified step keeps a matched span from being secured (predicate)', () => {
    const s = gameAt(SCENARIO, 'A', 2);
    stand(SCENARIO, s, 'iran-restrain-hezbollah', { verified: false });
    stand(SCENARIO, s, 'israel-suspend-lebanon-strikes', { verified: true });
    openSpan(SCENARIO, s, 'a-border-calm', 2, 'pending');
    expect(stepsInWindow(SCENARIO, s, 'a-border-calm')).toBe(true);
    expect(stepsVerified(SCENARIO, s, 'a-border-calm')).toBe(false);
    expect(spanSecured(SCENARIO, s, 'a-border-calm')).toBe(false);
  });

  it('matched in the window with no monitor able to check: pending, then secured once monitors verify', () => {
    let securedLater = 0;
    for (const seed of SEEDS) {
      const s1 = gameAt(NO_CHECKS, 'A', 1, seed);
      sealCommit(s1, 'iran', ['iran-restrain-hezbollah']);
      sealCommit(s1, 'israel', ['israel-suspend-lebanon-strikes']);
      const r1 = resolveRound(NO_CHECKS, s1);
      expect(r1.spans['a-border-calm']?.status).toBe('pending');
      expect(standingStep(r1, 'iran-restrain-hezbollah')?.verified).toBe(false);
      expect(spanSecured(NO_CHECKS, r1, 'a-border-calm')).toBe(false);
      expect(eventKinds(r1)).not.toContain('span.secured');

      // Next round the monitors are at full strength (95%): the same steps get verified.
      const r2 = resolveRound(SURE_CHECKS, nextCommit(SURE_CHECKS, r1));
      const verified = stepsOf(SURE_CHECKS, 'a-border-calm').every((m) => standingStep(r2, m)?.verified === true);
      expect(r2.spans['a-border-calm']?.status).toBe(verified ? 'secured' : 'pending');
      expect(spanSecured(SURE_CHECKS, r2, 'a-border-calm')).toBe(verified);
      if (verified) securedLater += 1;
    }
    // Two observer checks at 95% each: about nine seeds in ten.
    expect(securedLater).toBeGreaterThanOrEqual(30);
  });
});

describe('§5.2 a verified violation since the window opened unsecures the span', () => {
  it('a recorded violation makes the span unsecured although its steps stand verified (predicate)', () => {
    const s = gameAt(SCENARIO, 'A', 2);
    secure(SCENARIO, s, 'a-border-calm', 2);
    expect(spanSecured(SCENARIO, s, 'a-border-calm')).toBe(true);

    s.violations.push({ round: 2, move: 'iran-restrain-hezbollah', delegation: 'iran', span: 'a-border-calm' });
    expect(stepsInWindow(SCENARIO, s, 'a-border-calm')).toBe(true);
    expect(stepsVerified(SCENARIO, s, 'a-border-calm')).toBe(true);
    expect(noVerifiedViolationSince(s, 'a-border-calm')).toBe(false);
    expect(spanSecured(SCENARIO, s, 'a-border-calm')).toBe(false);
  });

  it('a violation from before the window reopened does not count against the new window', () => {
    const s = gameAt(SCENARIO, 'A', 4);
    s.violations.push({ round: 2, move: 'iran-restrain-hezbollah', delegation: 'iran', span: 'a-border-calm' });
    secure(SCENARIO, s, 'a-border-calm', 4);
    expect(noVerifiedViolationSince(s, 'a-border-calm')).toBe(true);
    expect(spanSecured(SCENARIO, s, 'a-border-calm')).toBe(true);
  });

  it('a quiet defection that monitors detect: span violated, steps reverted, tension up, trust in the violator down', () => {
    let detected = 0;
    for (const seed of SEEDS) {
      const s = gameAt(DETECTING, 'A', 2, seed);
      secure(DETECTING, s, 'a-border-calm', 1);
      sealCommit(s, 'iran', [], ['iran-restrain-hezbollah']);
      const after = resolveRound(DETECTING, s);
      if (after.violations.length === 0) {
        // Undetected, the defection still counts in public.
        expect(after.spans['a-border-calm']?.status).toBe('secured');
        expect(isDefected(after, 'iran-restrain-hezbollah')).toBe(true);
        continue;
      }
      detected += 1;
      expect(after.violations).toEqual([{ round: 2, move: 'iran-restrain-hezbollah', delegation: 'iran', span: 'a-border-calm' }]);
      expect(after.spans['a-border-calm']).toMatchObject({ status: 'violated', violatedCount: 1 });
      expect(spanSecured(DETECTING, after, 'a-border-calm')).toBe(false);
      for (const m of stepsOf(DETECTING, 'a-border-calm')) expect(standingStep(after, m)).toBeUndefined();
      expect(after.quietDefections).toEqual([]);
      expect(after.tension).toBe(s.tension + T.violationTension);
      for (const other of ['usa', 'gulf', 'israel', 'eu', 'iaea'])
        expect(trustIn(after, other, 'iran')).toBe(trustIn(s, other, 'iran') - T.violationTrustLoss);
      expect(trustIn(after, 'iran', 'israel')).toBe(trustIn(s, 'iran', 'israel'));
    }
    expect(detected).toBeGreaterThanOrEqual(28); // 90% detection
  });
});

describe('§5.3 a window that closes unmatched negates its steps', () => {
  it('an unmatched restraint is reverted, costs its giver support and raises tension', () => {
    const s = gameAt(SCENARIO, 'A', 1);
    stand(SCENARIO, s, 'iran-halt-enrichment');
    openSpan(SCENARIO, s, 'a-enrichment-halt', 1);
    expect(windowClosedUnmatched(SCENARIO, s, 'a-enrichment-halt')).toBe(true);

    const before = structuredClone(s);
    expect(closeWindows(SCENARIO, s)).toEqual(['a-enrichment-halt']);
    expect(standingStep(s, 'iran-halt-enrichment')).toBeUndefined();
    expect(s.spans['a-enrichment-halt']).toMatchObject({ status: 'negated', negatedCount: 1 });
    expect(support(s, 'iran')).toBe(support(before, 'iran') - T.negationSupportLoss);
    expect(s.tension).toBe(before.tension + T.negationTension);
    expect(eventKinds(s)).toContain('span.negated');
  });

  it('an unmatched reciprocal step costs its giver the free-rider loss, without the re-arm tension', () => {
    const s = gameAt(SCENARIO, 'A', 1);
    stand(SCENARIO, s, 'gulf-maritime-restraint');
    openSpan(SCENARIO, s, 'a-enrichment-halt', 1);
    const gulfBefore = support(s, 'gulf');
    expect(closeWindows(SCENARIO, s)).toEqual(['a-enrichment-halt']);
    expect(standingStep(s, 'gulf-maritime-restraint')).toBeUndefined();
    expect(support(s, 'gulf')).toBe(gulfBefore - T.freeRiderSupportLoss);
    expect(s.tension).toBe(T.startTension);
  });

  it('a partly matched span negates every step given: restraint and reciprocal alike', () => {
    const s = gameAt(SCENARIO, 'A', 1);
    stand(SCENARIO, s, 'iran-halt-enrichment');
    stand(SCENARIO, s, 'usa-humanitarian-waiver', { verified: true });
    openSpan(SCENARIO, s, 'a-enrichment-halt', 1);
    const before = structuredClone(s);
    closeWindows(SCENARIO, s);
    expect(standingStep(s, 'iran-halt-enrichment')).toBeUndefined();
    expect(standingStep(s, 'usa-humanitarian-waiver')).toBeUndefined();
    expect(support(s, 'iran')).toBe(support(before, 'iran') - T.negationSupportLoss);
    expect(support(s, 'usa')).toBe(support(before, 'usa') - T.freeRiderSupportLoss);
    expect(support(s, 'gulf')).toBe(support(before, 'gulf'));
    expect(s.tension).toBe(before.tension + T.negationTension);
  });

  it('a window still open is not negated: the two-round span waits for its second round', () => {
    const s = gameAt(SCENARIO, 'A', 1);
    stand(SCENARIO, s, 'iran-press-houthis');
    openSpan(SCENARIO, s, 'a-red-sea-lull', 1);
    expect(windowClosedUnmatched(SCENARIO, s, 'a-red-sea-lull')).toBe(false);
    expect(closeWindows(SCENARIO, s)).toEqual([]);
    expect(standingStep(s, 'iran-press-houthis')).toBeDefined();

    s.round = 2;
    expect(closeWindows(SCENARIO, s)).toEqual(['a-red-sea-lull']);
    expect(standingStep(s, 'iran-press-houthis')).toBeUndefined();
  });

  it('through a whole round: the unmatched halt is undone and Iran pays for it', () => {
    const s = gameAt(NO_CHECKS, 'A', 1);
    sealCommit(s, 'iran', ['iran-halt-enrichment']);
    const after = resolveRound(NO_CHECKS, s);
    const e = moveEffect(NO_CHECKS, 'iran-halt-enrichment');
    expect(after.spans['a-enrichment-halt']?.status).toBe('negated');
    expect(standingStep(after, 'iran-halt-enrichment')).toBeUndefined();
    expect(support(after, 'iran')).toBe(support(s, 'iran') + (e.support?.['iran'] ?? 0) - T.negationSupportLoss);
    expect(after.tension).toBe(s.tension + (e.tension ?? 0) + T.negationTension);
  });
});

describe('§5.4 the bridge: every track the phase names needs its secured spans', () => {
  const A_SPAN_OF_TRACK = {
    nuclear: 'a-enrichment-halt',
    missiles: 'a-launcher-pullback',
    proxies: 'a-border-calm',
    sanctions: 'a-baselines',
  };

  it('a deal on one track never completes a phase, even with several secured spans on it', () => {
    const s = gameAt(SCENARIO, 'A', 3);
    secure(SCENARIO, s, 'a-border-calm');
    secure(SCENARIO, s, 'a-red-sea-lull');
    expect(securedSpansOn(SCENARIO, s, 'A', 'proxies')).toBe(2);
    expect(bridgeComplete(SCENARIO, s)).toBe(false);
  });

  it('three of four tracks are not enough; the fourth completes the bridge', () => {
    const s = gameAt(SCENARIO, 'A', 3);
    secure(SCENARIO, s, A_SPAN_OF_TRACK.nuclear);
    secure(SCENARIO, s, A_SPAN_OF_TRACK.missiles);
    secure(SCENARIO, s, A_SPAN_OF_TRACK.proxies);
    expect(bridgeComplete(SCENARIO, s)).toBe(false);
    secure(SCENARIO, s, A_SPAN_OF_TRACK.sanctions);
    expect(bridgeComplete(SCENARIO, s)).toBe(true);
    // Spans of phase A do not build the bridge of phase B.
    expect(bridgeComplete(SCENARIO, s, 'B')).toBe(false);
  });

  it('a track needs its required number of spans, not just one', () => {
    const twoOnProxies = loadScenario((raw) => {
      const a = raw.phases.find((p) => p.id === 'A');
      if (a) a.requires['proxies'] = 2;
    });
    const s = gameAt(twoOnProxies, 'A', 3);
    for (const span of Object.values(A_SPAN_OF_TRACK)) secure(twoOnProxies, s, span);
    expect(bridgeComplete(twoOnProxies, s)).toBe(false);
    secure(twoOnProxies, s, 'a-red-sea-lull');
    expect(bridgeComplete(twoOnProxies, s)).toBe(true);
  });

  it('a span only counts while it is secured: a verified violation takes a track out of the bridge', () => {
    const s = gameAt(SCENARIO, 'A', 3);
    for (const span of Object.values(A_SPAN_OF_TRACK)) secure(SCENARIO, s, span);
    s.violations.push({ round: 3, move: 'iran-restrain-hezbollah', delegation: 'iran', span: 'a-border-calm' });
    expect(bridgeComplete(SCENARIO, s)).toBe(false);
  });

  // Through the machine, in the quiet variant so that tension cannot end the game first.
  it('the machine stays in phase A while one track is open, and moves to B once the bridge is complete', () => {
    let session = GameSession.start(QUIET, 11);
    playRound(session);
    playRound(session);
    expect(outerState(session)).toBe('phaseA');
    const round = session.state.round;

    session = restoredWith(QUIET, session, (g) => {
      secure(QUIET, g, A_SPAN_OF_TRACK.nuclear);
      secure(QUIET, g, A_SPAN_OF_TRACK.missiles);
      secure(QUIET, g, 'a-border-calm');
      secure(QUIET, g, 'a-red-sea-lull');
    });
    playRound(session);
    expect(outerState(session)).toBe('phaseA');
    expect(session.state.phase).toBe('A');
    expect(session.state.round).toBe(round + 1);

    session = restoredWith(QUIET, session, (g) => secure(QUIET, g, A_SPAN_OF_TRACK.sanctions));
    playRound(session);
    expect(outerState(session)).toBe('phaseB');
    expect(session.state.phase).toBe('B');
    expect(session.state.round).toBe(round + 2);
  });

  it('no phase is skipped: with every bridge already built, the machine still goes A, then B, then C', () => {
    let session = GameSession.start(QUIET, 5);
    session = restoredWith(QUIET, session, (g) => {
      g.framework = { adopted: true, round: 1 };
      for (const span of QUIET.interlocks) secure(QUIET, g, span.id);
    });
    const path: string[] = [outerState(session)];
    const phases: string[] = [session.state.phase];
    while (!session.done && path.length < 8) {
      playRound(session);
      path.push(outerState(session));
      phases.push(session.state.phase);
    }
    expect(path).toEqual(['ceasefire', 'phaseA', 'phaseB', 'phaseC', 'consolidation']);
    expect(phases).toEqual(['ceasefire', 'A', 'B', 'C', 'C']);
    expect(session.state.outcome).toBe('consolidation');
  });
});

describe('§5.5 a verified violation unsecures the span; relief snaps back where armed, lingers where not', () => {
  /** Phase B, round 3: Iran's militia-financing cut is secured against the Iraq energy waiver (relief). */
  function militiaDeal(scenario: Scenario, seed = 1, snapback = false): GameState {
    const s = gameAt(scenario, 'B', 3, seed);
    secure(scenario, s, 'b-militia-financing', 2);
    if (snapback) stand(scenario, s, 'usa-pre-authorize-snapback', { round: 2, verified: true });
    return s;
  }

  it('without snapback: the span is violated, the relief stays in force with the violator, the other steps leave', () => {
    const s = militiaDeal(SCENARIO);
    expect(snapbackArmed(SCENARIO, s, 'usa')).toBe(false);
    const iranBefore = support(s, 'iran');
    recordViolation(SCENARIO, s, 'iran-cut-militia-financing');
    expect(s.spans['b-militia-financing']?.status).toBe('violated');
    expect(spanSecured(SCENARIO, s, 'b-militia-financing')).toBe(false);
    expect(standingStep(s, 'usa-iraq-energy-waiver')).toBeDefined();
    expect(standingStep(s, 'gulf-iraq-investment')).toBeUndefined();
    expect(support(s, 'iran')).toBe(iranBefore);
    expect(eventKinds(s)).toContain('snapback.none');
    expect(eventKinds(s)).not.toContain('snapback');
  });

  it(`without snapback: the relief lapses only ${T.reliefLingerRounds} rounds after the violation`, () => {
    const scenario = loadScenario(quiet, monitorsAt(0));
    let s = militiaDeal(scenario);
    recordViolation(scenario, s, 'iran-cut-militia-financing');
    s = nextCommit(scenario, resolveRound(scenario, s));
    for (let i = 1; i < scenario.tunables.reliefLingerRounds; i++) {
      expect(standingStep(s, 'usa-iraq-energy-waiver'), `round ${s.round}`).toBeDefined();
      s = nextCommit(scenario, resolveRound(scenario, s));
    }
    expect(standingStep(s, 'usa-iraq-energy-waiver')).toBeDefined();
    s = resolveRound(scenario, s);
    expect(standingStep(s, 'usa-iraq-energy-waiver')).toBeUndefined();
    expect(eventKinds(s)).toContain('relief.lapsed');
  });

  it('the lingering time is a tunable: at 0 the relief lapses in the round of the violation', () => {
    const scenario = loadScenario(quiet, monitorsAt(0), (raw) => {
      raw.tunables.reliefLingerRounds = 0;
    });
    const s = militiaDeal(scenario);
    recordViolation(scenario, s, 'iran-cut-militia-financing');
    expect(standingStep(resolveRound(scenario, s), 'usa-iraq-energy-waiver')).toBeUndefined();
  });

  it('with a standing snapback provision: the relief is withdrawn and the violator loses its support', () => {
    const s = militiaDeal(SCENARIO, 1, true);
    expect(snapbackArmed(SCENARIO, s, 'usa')).toBe(true);
    const iranBefore = support(s, 'iran');
    recordViolation(SCENARIO, s, 'iran-cut-militia-financing');
    expect(s.spans['b-militia-financing']?.status).toBe('violated');
    expect(standingStep(s, 'usa-iraq-energy-waiver')).toBeUndefined();
    expect(standingStep(s, 'gulf-iraq-investment')).toBeUndefined();
    expect(eventKinds(s)).toContain('snapback');
    const relief = moveEffect(SCENARIO, 'usa-iraq-energy-waiver').support?.['iran'] ?? 0;
    expect(support(s, 'iran')).toBeLessThanOrEqual(iranBefore - relief);
  });

  it('through a round: a detected defection costs the violator more support with snapback armed than without', () => {
    let detected = 0;
    for (const seed of SEEDS) {
      const plain = militiaDeal(DETECTING, seed);
      const armed = militiaDeal(DETECTING, seed, true);
      for (const s of [plain, armed]) sealCommit(s, 'iran', [], ['iran-cut-militia-financing']);
      const a = resolveRound(DETECTING, plain);
      const b = resolveRound(DETECTING, armed);
      expect(b.violations.length).toBe(a.violations.length); // same seed, same checks
      if (a.violations.length === 0) continue;
      detected += 1;
      for (const after of [a, b]) expect(after.spans['b-militia-financing']?.status).toBe('violated');
      // Without snapback the relief stays with the violator; with it, the relief is gone at once.
      expect(standingStep(a, 'usa-iraq-energy-waiver')).toBeDefined();
      expect(standingStep(b, 'usa-iraq-energy-waiver')).toBeUndefined();
      expect(support(b, 'iran')).toBeLessThan(support(a, 'iran'));
    }
    expect(detected).toBeGreaterThanOrEqual(20);
  });

  it('a package carrying the snapback pledge can be agreed (the set-up of the next test)', () => {
    let s = gameAt(SCENARIO, 'A', 3);
    s.step = 'negotiation';
    const propose: Intent = {
      type: 'package.propose',
      actor: 'usa',
      steps: [
        { delegation: 'usa', move: 'usa-pre-authorize-snapback' },
        { delegation: 'iran', move: 'iran-publish-baselines' },
      ],
      window: 1,
    };
    expect(checkIntent(SCENARIO, s, propose)).toBeNull();
    s = applyIntent(SCENARIO, s, propose);
    const accept: Intent = { type: 'package.accept', actor: 'iran', package: 1 };
    expect(checkIntent(SCENARIO, s, accept)).toBeNull();
    s = applyIntent(SCENARIO, s, accept);
    expect(s.packages[0]?.status).toBe('accepted');
  });

  // Snapback is a pledge: it must stand once the package that carries it is agreed.
  it('an agreed snapback pledge arms snapback for its giver', () => {
    let s = gameAt(SCENARIO, 'A', 3);
    s.step = 'negotiation';
    s = applyIntent(SCENARIO, s, {
      type: 'package.propose',
      actor: 'usa',
      steps: [
        { delegation: 'usa', move: 'usa-pre-authorize-snapback' },
        { delegation: 'iran', move: 'iran-publish-baselines' },
      ],
      window: 1,
    });
    s = applyIntent(SCENARIO, s, { type: 'package.accept', actor: 'iran', package: 1 });
    expect(snapbackArmed(SCENARIO, s, 'usa')).toBe(true);
  });
});

describe('§5.6 stop-loss keeps secured spans from being unwound by a domestic shock', () => {
  /** Phase B, round 5: Iran's border restraint is secured with Israel's suspension of strikes. */
  function borderDeal(withStopLoss: boolean): GameState {
    const s = gameAt(SCENARIO, 'B', 5);
    s.step = 'briefing';
    secure(SCENARIO, s, 'a-border-calm', 4);
    if (withStopLoss) stand(SCENARIO, s, 'iran-stop-loss', { round: 4, verified: true });
    return s;
  }
  const protests: Intent = { type: 'facilitator.inject', actor: 'facilitator', inject: 'hardline-protests-tehran' };

  it('without stop-loss, hard-line protests in Tehran unwind the secured span', () => {
    const s = borderDeal(false);
    expect(checkIntent(SCENARIO, s, protests)).toBeNull();
    const after = applyIntent(SCENARIO, s, protests);
    expect(after.spans['a-border-calm']?.status).toBe('negated');
    expect(standingStep(after, 'iran-restrain-hezbollah')).toBeUndefined();
    expect(standingStep(after, 'israel-suspend-lebanon-strikes')).toBeUndefined();
    expect(spanSecured(SCENARIO, after, 'a-border-calm')).toBe(false);
    expect(eventKinds(after)).toContain('shock');
  });

  it('with a standing stop-loss, the same shock leaves the span secured', () => {
    const s = borderDeal(true);
    const after = applyIntent(SCENARIO, s, protests);
    expect(after.spans['a-border-calm']?.status).toBe('secured');
    expect(standingStep(after, 'iran-restrain-hezbollah')).toBeDefined();
    expect(standingStep(after, 'israel-suspend-lebanon-strikes')).toBeDefined();
    expect(spanSecured(SCENARIO, after, 'a-border-calm')).toBe(true);
    expect(eventKinds(after)).toContain('stop-loss');
    expect(eventKinds(after)).not.toContain('shock');
  });

  it('domesticShock alone: unwinds without stop-loss, holds with it', () => {
    const bare = borderDeal(false);
    domesticShock(SCENARIO, bare, 'iran', 'Domestic backlash');
    expect(spanSecured(SCENARIO, bare, 'a-border-calm')).toBe(false);

    const guarded = borderDeal(true);
    domesticShock(SCENARIO, guarded, 'iran', 'Domestic backlash');
    expect(spanSecured(SCENARIO, guarded, 'a-border-calm')).toBe(true);
  });
});

// The variants the clauses rely on really force the monitors' chances.
describe('test scenario variants', () => {
  it('NO_CHECKS never verifies, SURE_CHECKS verifies at the 95% cap, on IAEA and observer steps', () => {
    const s = gameAt(SCENARIO, 'A');
    for (const id of ['iran-halt-enrichment', 'iran-restrain-hezbollah', 'gulf-maritime-restraint']) {
      const m = SCENARIO.moves.find((x) => x.id === id);
      if (!m) throw new Error(id);
      expect(verificationChance(NO_CHECKS, s, m)).toBe(0);
      expect(verificationChance(SURE_CHECKS, s, m)).toBe(95);
    }
    expect(spanOf(NO_CHECKS, 'a-enrichment-halt').window).toBe(1);
    expect(spanOf(NO_CHECKS, 'a-red-sea-lull').window).toBe(2);
  });
});
