// The round and the phases around the interlock rule (docs/rules.md §3, §4, §6): the framework and
// the ceasefire clock, the council, the escrow fund, incidents and secrecy, sealed commits, the
// end states, and the contract between legalIntents and checkIntent.
import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  checkIntent,
  createGame,
  deriveSeed,
  facilitatorView,
  isDefected,
  legalIntents,
  nextFloat,
  publicView,
  resolveRound,
  standingStep,
  viewFor,
  type GameState,
  type Intent,
  type Scenario,
} from '../../src/engine';
import { isCodified } from '../../src/engine/council';
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
  sealCommit,
  send,
  stand,
  stepsOf,
  support,
} from './fixtures';

const T = SCENARIO.tunables;
/** Nothing moves tension or support by itself, so the machine's path does not depend on luck. */
const QUIET = loadScenario(quiet);
const DELEGATIONS = SCENARIO.delegations.map((d) => d.id);

/** Tension the scheduled injects of a round's briefing add. */
const briefingTension = (scenario: Scenario, round: number) =>
  scenario.injects.filter((i) => i.round === round).reduce((a, i) => a + (i.effects.tension ?? 0), 0);

/** A game at the negotiation step of `round` in `phase`. */
function negotiating(scenario: Scenario, phase: GameState['phase'], round = 1): GameState {
  const s = gameAt(scenario, phase, round);
  s.step = 'negotiation';
  return s;
}

/** Proposes a package and has every other party accept it. */
function agree(scenario: Scenario, state: GameState, proposer: string, steps: Array<{ delegation: string; move: string }>): GameState {
  const propose: Intent = { type: 'package.propose', actor: proposer, steps, window: 1 };
  expect(checkIntent(scenario, state, propose)).toBeNull();
  let s = applyIntent(scenario, state, propose);
  const pkg = s.packages[s.packages.length - 1];
  if (!pkg) throw new Error('no package');
  for (const d of pkg.parties.filter((p) => p !== proposer)) {
    const accept: Intent = { type: 'package.accept', actor: d, package: pkg.id };
    expect(checkIntent(scenario, s, accept)).toBeNull();
    s = applyIntent(scenario, s, accept);
  }
  expect(s.packages.find((p) => p.id === pkg.id)?.status).toBe('accepted');
  return s;
}

const pledges = (...moves: string[]) => moves.map((move) => ({ delegation: move.split('-')[0] ?? '', move }));

describe('§3 the ceasefire ends with a framework, or after its rounds with higher tension', () => {
  it('an agreed framework (Iran and US pledges, three parties) starts phase A at the end of the round', () => {
    const session = GameSession.start(QUIET, 7);
    send(session, {
      type: 'package.propose',
      actor: 'iran',
      steps: pledges('iran-endorse-calendar', 'usa-endorse-calendar', 'gulf-endorse-calendar'),
      window: 1,
    });
    send(session, { type: 'package.accept', actor: 'usa', package: 1 });
    send(session, { type: 'package.accept', actor: 'gulf', package: 1 });
    expect(session.state.framework).toEqual({ adopted: true, round: 1 });
    expect(outerState(session)).toBe('ceasefire');

    playRound(session);
    expect(outerState(session)).toBe('phaseA');
    expect(session.state.phase).toBe('A');
    expect(session.state.round).toBe(2);
    const endOfRound1 = session.state.history.at(-1)?.tension ?? Number.NaN;
    // No extra tension for entering phase A: only the round-2 briefing's injects.
    expect(session.state.tension).toBe(endOfRound1 + briefingTension(QUIET, 2));
  });

  it('without a framework, phase A starts after the ceasefire rounds, with tension raised', () => {
    const session = GameSession.start(QUIET, 7);
    for (let r = 1; r < T.ceasefireRounds; r++) {
      playRound(session);
      expect(outerState(session)).toBe('ceasefire');
    }
    playRound(session);
    expect(outerState(session)).toBe('phaseA');
    expect(session.state.round).toBe(T.ceasefireRounds + 1);
    const endOfCeasefire = session.state.history.at(-1)?.tension ?? Number.NaN;
    expect(session.state.tension).toBe(
      Math.min(100, endOfCeasefire + T.noFrameworkTension + briefingTension(QUIET, T.ceasefireRounds + 1)),
    );
  });

  it('the framework needs both Iran and the US, and at least three parties', () => {
    const twoParties = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'iran',
      pledges('iran-endorse-calendar', 'usa-endorse-calendar'),
    );
    expect(twoParties.framework.adopted).toBe(false);

    const noUs = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'iran',
      pledges('iran-endorse-calendar', 'gulf-endorse-calendar', 'eu-endorse-calendar'),
    );
    expect(noUs.framework.adopted).toBe(false);

    const full = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'eu',
      pledges('iran-endorse-calendar', 'usa-endorse-calendar', 'eu-endorse-calendar'),
    );
    expect(full.framework.adopted).toBe(true);
  });
});

describe('§6 the council is founded by at least three delegations including a guarantor', () => {
  it('three council pledges with the US found it', () => {
    const s = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'usa',
      pledges('usa-join-council', 'gulf-join-council', 'iran-join-council'),
    );
    expect(s.council.founded).toBe(true);
    expect([...s.council.members].sort()).toEqual(['gulf', 'iran', 'usa']);
  });

  it('three council pledges without a guarantor (US or EU) do not', () => {
    const s = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'iran',
      pledges('iran-join-council', 'gulf-join-council', 'israel-join-council'),
    );
    expect(s.council.founded).toBe(false);
    expect(s.council.members).toEqual([]);
  });

  it('two guarantors alone are too few', () => {
    const s = agree(SCENARIO, negotiating(SCENARIO, 'ceasefire'), 'usa', pledges('usa-join-council', 'eu-join-council'));
    expect(s.council.founded).toBe(false);
  });

  it('signatories of a package that founded nothing (no guarantor) can pledge to join again, and found it later', () => {
    const failed = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'iran',
      pledges('iran-join-council', 'gulf-join-council', 'israel-join-council'),
    );
    expect(failed.council.founded).toBe(false);
    const later = agree(SCENARIO, failed, 'usa', pledges('usa-join-council', 'gulf-join-council', 'iran-join-council'));
    expect(later.council.founded).toBe(true);
    expect([...later.council.members].sort()).toEqual(['gulf', 'iran', 'usa']);
  });

  it('signatories of a package that founded nothing (too few) can pledge again and join a council founded since', () => {
    const failed = agree(SCENARIO, negotiating(SCENARIO, 'ceasefire'), 'usa', pledges('usa-join-council', 'eu-join-council'));
    const founded = agree(
      SCENARIO,
      failed,
      'gulf',
      pledges('gulf-join-council', 'iran-join-council', 'israel-join-council', 'eu-join-council'),
    );
    expect([...founded.council.members].sort()).toEqual(['eu', 'gulf', 'iran', 'israel']);
    const joined = agree(SCENARIO, founded, 'usa', pledges('usa-join-council', 'eu-mediation'));
    expect(joined.council.members).toContain('usa');
  });

  it('endorsements in a package that adopted no framework can be given again in the one that does', () => {
    const twoParties = agree(
      SCENARIO,
      negotiating(SCENARIO, 'ceasefire'),
      'iran',
      pledges('iran-endorse-calendar', 'usa-endorse-calendar'),
    );
    expect(twoParties.framework.adopted).toBe(false);
    const full = agree(SCENARIO, twoParties, 'eu', pledges('iran-endorse-calendar', 'usa-endorse-calendar', 'eu-endorse-calendar'));
    expect(full.framework.adopted).toBe(true);
  });

  // Codified responses are a pledge (eu-codify-responses): agreed, it stands and applies.
  const codifyDeal = () => agree(SCENARIO, negotiating(SCENARIO, 'A', 3), 'eu', pledges('eu-codify-responses', 'gulf-hotline'));

  it('a package carrying the codify pledge can be agreed (the set-up of the next test)', () => {
    expect(codifyDeal().packages[0]?.status).toBe('accepted');
  });

  it('an agreed codify pledge makes the council respond automatically', () => {
    expect(isCodified(SCENARIO, codifyDeal())).toBe(true);
  });
});

describe('§6 the escrow fund pays tranches only on secured spans, never below zero', () => {
  const SURE_CHECKS = loadScenario(quiet, monitorsAt(100));
  const NO_CHECKS = loadScenario(quiet, monitorsAt(0));
  const E = SCENARIO.escrow;

  /**
   * Phase A round 2: the steps of these spans were implemented this round and wait for the
   * monitors (95% a check); a span both of whose checks succeed is secured this round.
   */
  function awaitingChecks(scenario: Scenario, seed: number, balance: number, spans: string[]): GameState {
    const s = gameAt(scenario, 'A', 2, seed);
    s.escrow.balance = balance;
    for (const span of spans) {
      for (const m of stepsOf(scenario, span)) stand(scenario, s, m);
      openSpan(scenario, s, span, 2, 'pending');
    }
    return s;
  }
  const newlySecured = (after: GameState, span: string) => after.spans[span]?.status === 'secured';

  it('a span secured with money in the fund pays one tranche to the recipient; no span, no payment', () => {
    let paid = 0;
    for (const seed of SEEDS) {
      const s = awaitingChecks(SURE_CHECKS, seed, 20, ['a-border-calm']);
      const after = resolveRound(SURE_CHECKS, s);
      if (!newlySecured(after, 'a-border-calm')) {
        expect(after.escrow).toEqual(s.escrow);
        continue;
      }
      paid += 1;
      expect(after.escrow).toEqual({ balance: 20 - E.tranche, pledged: 0, paid: E.tranche });
      expect(support(after, E.recipient)).toBe(support(s, E.recipient) + E.supportPerTranche);
    }
    expect(paid).toBeGreaterThanOrEqual(30);
  });

  it('an empty fund pays nothing and its balance stays at zero', () => {
    let secured = 0;
    for (const seed of SEEDS) {
      const s = awaitingChecks(SURE_CHECKS, seed, 0, ['a-border-calm']);
      const after = resolveRound(SURE_CHECKS, s);
      expect(after.escrow).toEqual({ balance: 0, pledged: 0, paid: 0 });
      expect(support(after, E.recipient)).toBe(support(s, E.recipient));
      if (newlySecured(after, 'a-border-calm')) {
        secured += 1;
        expect(after.events.map((e) => e.kind)).toContain('escrow.empty');
      }
    }
    expect(secured).toBeGreaterThanOrEqual(30);
  });

  it('two spans secured with less than two tranches in the fund: the second gets the rest, never below zero', () => {
    let both = 0;
    for (const seed of SEEDS) {
      const s = awaitingChecks(SURE_CHECKS, seed, E.tranche + 5, ['a-border-calm', 'a-red-sea-lull']);
      const after = resolveRound(SURE_CHECKS, s);
      expect(after.escrow.balance).toBeGreaterThanOrEqual(0);
      expect(after.escrow.balance + after.escrow.paid).toBe(E.tranche + 5);
      const count = ['a-border-calm', 'a-red-sea-lull'].filter((x) => newlySecured(after, x)).length;
      expect(after.escrow.paid).toBe(Math.min(E.tranche + 5, count * E.tranche));
      if (count === 2) both += 1;
    }
    expect(both).toBeGreaterThanOrEqual(20);
  });

  it('a matched but unverified span pays nothing', () => {
    const s = awaitingChecks(NO_CHECKS, 1, 50, ['a-border-calm']);
    const after = resolveRound(NO_CHECKS, s);
    expect(after.spans['a-border-calm']?.status).toBe('pending');
    expect(after.escrow).toEqual(s.escrow);
  });

  /** Phase B round 3, 30 in the fund: Iran's relief audit and the US oil tier, both public acts. */
  function publicSanctionsDeal(): { before: GameState; after: GameState } {
    const s = gameAt(QUIET, 'B', 3);
    s.escrow.balance = 30;
    sealCommit(s, 'iran', ['iran-relief-audit']);
    sealCommit(s, 'usa', ['usa-ease-oil-sanctions']);
    return { before: s, after: resolveRound(QUIET, s) };
  }

  it('a span of public acts only is secured in the round its steps are implemented (the set-up of the next test)', () => {
    const { after } = publicSanctionsDeal();
    expect(after.spans['b-sanctions-tiers']?.status).toBe('secured');
    expect(after.events.map((e) => e.kind)).toContain('span.secured');
  });

  // Spans of public acts are secured before verification runs; they pay their tranche too.
  it("a span secured without this round's checks still pays its tranche", () => {
    const { after } = publicSanctionsDeal();
    expect(after.escrow.paid).toBe(E.tranche);
  });
});

describe('§4 incidents and secrets in the views', () => {
  it('incidents appear with their sponsor hidden from delegations; the facilitator sees the true one', () => {
    let seen = 0;
    for (const seed of SEEDS) {
      const after = resolveRound(SCENARIO, gameAt(SCENARIO, 'A', 3, seed));
      const usa = viewFor(after, 'usa');
      const pub = publicView(after);
      const fac = facilitatorView(after);
      after.incidents.forEach((inc, i) => {
        seen += 1;
        expect(inc.sponsor).not.toBe('hidden');
        expect(usa.incidents[i]?.sponsor).toBe('hidden');
        expect(pub.incidents[i]?.sponsor).toBe('hidden');
        expect(fac.incidents[i]?.sponsor).toBe(inc.sponsor);
      });
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('a facilitator reveal to one delegation shows that delegation the sponsor, and no one else', () => {
    const seed = SEEDS.find((x) => resolveRound(SCENARIO, gameAt(SCENARIO, 'A', 3, x)).incidents.length > 0);
    if (seed === undefined) throw new Error('no seed spawned an incident');
    const after = resolveRound(SCENARIO, gameAt(SCENARIO, 'A', 3, seed));
    const inc = after.incidents[0];
    if (!inc) throw new Error('no incident');
    after.step = 'negotiation';
    const revealed = applyIntent(SCENARIO, after, {
      type: 'facilitator.reveal',
      actor: 'facilitator',
      what: 'incident',
      incident: inc.id,
      to: 'usa',
    });
    expect(viewFor(revealed, 'usa').incidents[0]?.sponsor).toBe(inc.sponsor);
    expect(viewFor(revealed, 'gulf').incidents[0]?.sponsor).toBe('hidden');
  });

  it("a delegation's view never holds another delegation's sealed commit or quiet defection", () => {
    // Monitors blind and detection off, so the defection stays secret after the reveal too.
    const BLIND = loadScenario(monitorsAt(0), (raw) => {
      raw.tunables.detectionPercent = 0;
    });
    let s = gameAt(BLIND, 'A', 2);
    stand(BLIND, s, 'iran-restrain-hezbollah', { round: 1, verified: true });
    s = applyIntent(BLIND, s, {
      type: 'commit.submit',
      actor: 'iran',
      commit: { moves: ['iran-publish-baselines'], defect: ['iran-restrain-hezbollah'] },
    });
    const before = viewFor(s, 'usa');
    expect(before.delegations['iran']?.committed).toBe(true);
    expect(before.delegations['iran']?.commit).toBeNull();
    expect(JSON.stringify(before)).not.toContain('iran-publish-baselines');
    expect(viewFor(s, 'iran').delegations['iran']?.commit?.defect).toEqual(['iran-restrain-hezbollah']);

    const after = resolveRound(BLIND, s);
    expect(isDefected(after, 'iran-restrain-hezbollah')).toBe(true);
    for (const other of DELEGATIONS.filter((d) => d !== 'iran')) {
      const v = viewFor(after, other);
      expect(v.delegations['iran']?.commit).toBeNull();
      // The step still counts in public; the defection on it is nowhere in the view.
      expect(standingStep(v, 'iran-restrain-hezbollah')).toBeDefined();
      expect(isDefected(v, 'iran-restrain-hezbollah')).toBe(false);
      expect(v.quietDefections).toEqual([]);
      expect(v.events.map((e) => e.kind)).not.toContain('defection');
      expect(v.rng).not.toBe(after.rng);
    }
    expect(publicView(after).quietDefections).toEqual([]);
    const own = viewFor(after, 'iran');
    expect(isDefected(own, 'iran-restrain-hezbollah')).toBe(true);
    expect(own.events.map((e) => e.kind)).toContain('defection');
    expect(isDefected(facilitatorView(after), 'iran-restrain-hezbollah')).toBe(true);

    // Revealed to one delegation, the defection shows in that delegation's view alone.
    after.step = 'negotiation';
    const revealed = applyIntent(BLIND, after, { type: 'facilitator.reveal', actor: 'facilitator', what: 'defections', to: 'usa' });
    expect(isDefected(viewFor(revealed, 'usa'), 'iran-restrain-hezbollah')).toBe(true);
    expect(isDefected(viewFor(revealed, 'gulf'), 'iran-restrain-hezbollah')).toBe(false);
    expect(isDefected(publicView(revealed), 'iran-restrain-hezbollah')).toBe(false);
  });
});

describe('§4 sealed commits', () => {
  const commit = (actor: string, moves: string[], defect: string[] = []): Intent => ({
    type: 'commit.submit',
    actor,
    commit: { moves, defect },
  });

  it('a delegation commits once a round', () => {
    let s = gameAt(SCENARIO, 'A', 3);
    const first = commit('iran', ['iran-halt-enrichment']);
    expect(checkIntent(SCENARIO, s, first)).toBeNull();
    s = applyIntent(SCENARIO, s, first);
    expect(checkIntent(SCENARIO, s, commit('iran', []))).toMatch(/already committed/);
  });

  it('a commit may not cost more than the action points available', () => {
    const s = gameAt(SCENARIO, 'A', 3);
    const four = ['iran-halt-enrichment', 'iran-short-notice-access', 'iran-publish-baselines', 'iran-restrain-hezbollah'];
    expect(T.actionPoints).toBe(3);
    expect(checkIntent(SCENARIO, s, commit('iran', four))).toMatch(/action points/);
    expect(checkIntent(SCENARIO, s, commit('iran', four.slice(0, 3)))).toBeNull();
    // Steps set off by triggers last round are paid out of this round's points.
    const d = s.delegations['iran'];
    if (d) d.apDebt = 1;
    expect(checkIntent(SCENARIO, s, commit('iran', four.slice(0, 3)))).toMatch(/action points/);
  });

  it("a delegation cannot commit or defect on someone else's move", () => {
    const s = gameAt(SCENARIO, 'A', 3);
    stand(SCENARIO, s, 'israel-suspend-lebanon-strikes', { round: 2, verified: true });
    expect(checkIntent(SCENARIO, s, commit('iran', ['usa-humanitarian-waiver']))).toMatch(/not this delegation's move/);
    expect(checkIntent(SCENARIO, s, commit('iran', [], ['israel-suspend-lebanon-strikes']))).toMatch(
      /not a step this delegation has in force/,
    );
  });

  it('commits are refused outside the commit step', () => {
    const s = negotiating(SCENARIO, 'A', 3);
    expect(checkIntent(SCENARIO, s, commit('iran', []))).toMatch(/commit step/);
  });
});

describe('§3 end states through the machine', () => {
  it('a strike on a nuclear site ends the game in unraveling at once', () => {
    const session = GameSession.start(SCENARIO, 3);
    playRound(session, { israel: { moves: ['israel-strike-nuclear-site'] } });
    expect(session.done).toBe(true);
    expect(outerState(session)).toBe('unraveling');
    expect(session.state.outcome).toBe('unraveling');
    expect(session.state.warTrigger).not.toBeNull();
    expect(session.send({ type: 'negotiation.ready', actor: 'iran' })).toEqual({ ok: false, reason: 'the game is over' });
  });

  it('tension reaching 100 ends the game in unraveling', () => {
    const session = GameSession.start(SCENARIO, 3);
    send(session, {
      type: 'facilitator.inject',
      actor: 'facilitator',
      inject: {
        title: 'Mass-casualty attack',
        text: 'A bombing kills dozens; every capital mobilizes.',
        audience: 'all',
        effects: { tension: 100 - T.startTension },
      },
    });
    expect(session.state.tension).toBe(100);
    playRound(session);
    expect(session.done).toBe(true);
    expect(session.state.outcome).toBe('unraveling');
    expect(session.state.warTrigger).toBeNull();
  });

  it('below 100 tension and without a war trigger, the game goes on', () => {
    const session = GameSession.start(SCENARIO, 3);
    playRound(session);
    expect(session.done).toBe(false);
    expect(session.state.tension).toBeLessThan(100);
  });

  it('the round limit passes without a settlement: drift', () => {
    // Quiet: nothing raises tension by itself, so the game cannot unravel first.
    const session = GameSession.start(QUIET, 9);
    for (let r = 1; r < T.roundLimit; r++) {
      playRound(session);
      expect(session.done, `after round ${r}`).toBe(false);
    }
    playRound(session);
    expect(session.done).toBe(true);
    expect(outerState(session)).toBe('drift');
    expect(session.state.outcome).toBe('drift');
    expect(session.state.round).toBe(T.roundLimit);
  });
});

describe('legalIntents', () => {
  function expectAllLegal(scenario: Scenario, s: GameState) {
    let total = 0;
    for (const d of DELEGATIONS) {
      for (const intent of legalIntents(scenario, s, d)) {
        total += 1;
        expect(checkIntent(scenario, s, intent), JSON.stringify(intent)).toBeNull();
      }
    }
    expect(total).toBeGreaterThan(0);
  }

  it('every intent it lists passes checkIntent, in hand-built positions', () => {
    const ceasefire = negotiating(SCENARIO, 'ceasefire');
    expectAllLegal(SCENARIO, ceasefire);

    let talks = negotiating(SCENARIO, 'A', 3);
    talks = agree(SCENARIO, talks, 'usa', pledges('usa-join-council', 'gulf-join-council', 'eu-join-council'));
    talks = applyIntent(SCENARIO, talks, {
      type: 'package.propose',
      actor: 'iran',
      steps: pledges('iran-restrain-hezbollah', 'israel-suspend-lebanon-strikes'),
      window: 1,
    });
    expectAllLegal(SCENARIO, talks);

    const commit = gameAt(SCENARIO, 'B', 5);
    stand(SCENARIO, commit, 'iran-halt-enrichment', { round: 4, verified: true });
    const iran = commit.delegations['iran'];
    if (iran) iran.apDebt = 2;
    sealCommit(commit, 'gulf', []);
    expectAllLegal(SCENARIO, commit);
    expect(legalIntents(SCENARIO, commit, 'gulf')).toEqual([]);
  });

  it('every intent it lists passes checkIntent and is accepted by the machine, over played games', () => {
    for (const seed of [1, 2, 3]) {
      const session = GameSession.start(SCENARIO, seed);
      const rng = { rng: deriveSeed(seed, 'legal-intents-test') };
      for (let round = 0; round < 4 && !session.done; round++) {
        for (let k = 0; k < 12 && session.state.step === 'negotiation'; k++) {
          const d = DELEGATIONS[Math.floor(nextFloat(rng) * DELEGATIONS.length)] ?? 'iran';
          const options = legalIntents(SCENARIO, session.state, d);
          for (const o of options) expect(checkIntent(SCENARIO, session.state, o), JSON.stringify(o)).toBeNull();
          const choice = options[Math.floor(nextFloat(rng) * options.length)];
          if (choice) expect(session.send(choice), JSON.stringify(choice)).toEqual({ ok: true });
        }
        if (session.state.step === 'negotiation') send(session, { type: 'step.close', actor: 'facilitator' });
        for (const d of DELEGATIONS) {
          if (session.state.step !== 'commit') break;
          const options = legalIntents(SCENARIO, session.state, d);
          for (const o of options) expect(checkIntent(SCENARIO, session.state, o), JSON.stringify(o)).toBeNull();
          const choice = options[Math.floor(nextFloat(rng) * options.length)];
          if (choice) expect(session.send(choice), JSON.stringify(choice)).toEqual({ ok: true });
        }
      }
    }
  });

  it('lists nothing when the game is paused or over', () => {
    const s = createGame(SCENARIO, 1);
    s.step = 'negotiation';
    s.paused = true;
    expect(legalIntents(SCENARIO, s, 'iran')).toEqual([]);
    s.paused = false;
    s.step = 'ended';
    expect(legalIntents(SCENARIO, s, 'iran')).toEqual([]);
  });
});
