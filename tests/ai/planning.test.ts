// How a delegation that plans (standard and expert) keeps its promises and spends its points
// (README, "AI delegations" and "People against the AI: the gauntlet"): it keeps its word unless
// betrayed, it promises no more action points than it has when it says yes to several offers at
// once, it starts first the promised steps its monitors take longest to verify and offers first
// the spans slowest to verify, it asks a partner low at home for its stop-loss provision, it
// does not make the structure's pledges wait, it needs more trust to join the council the more
// risk its doctrine tolerates, it does not turn
// down a sound span on a whim, and it spends no points on moves that work against its own
// secret objectives. A hawk and a careless novice still do the old things.
import { describe, expect, it } from 'vitest';
import { planCommit } from '../../src/ai/commit';
import { answer, negotiationStage } from '../../src/ai/negotiate';
import { profileOf, type Persona } from '../../src/ai/persona';
import {
  applyIntent,
  catalog,
  decisionView,
  openCommit,
  type GameState,
  type Incident,
  type Intent,
  type PackageStep,
} from '../../src/engine';
import { gameAt, loadScenario, quiet, SCENARIO } from '../engine/fixtures';

const SC = loadScenario(quiet);
const PRAGMATIST: Persona = { personality: 'pragmatist', difficulty: 'standard' };
const HAWK: Persona = { personality: 'hawk', difficulty: 'standard' };
const NOVICE: Persona = { personality: 'pragmatist', difficulty: 'novice' };
const STREAMS = Array.from({ length: 60 }, (_, i) => 1000 + i * 37);

function play(s: GameState, ...intents: Intent[]): GameState {
  for (const i of intents) s = applyIntent(SC, s, i);
  return s;
}

function negotiating(phase: 'A' | 'B', round: number): GameState {
  const s = gameAt(SC, phase, round);
  s.step = 'negotiation';
  return s;
}

const step = (delegation: string, move: string, after?: number): PackageStep =>
  after === undefined ? { delegation, move } : { delegation, move, after };

describe('keeping its word', () => {
  // Phase B, round 5: the Gulf agreed to "Transfers suspended" with Iran and Israel (window 2) and
  // trusts Iran little. Its own step may wait a round for Iran's restraint.
  function promised(trustInIran: number): GameState {
    let s = negotiating('B', 5);
    s = play(
      s,
      {
        type: 'package.propose',
        actor: 'iran',
        steps: [
          step('iran', 'iran-suspend-missile-transfers'),
          step('israel', 'israel-halt-syria-strikes'),
          step('gulf', 'gulf-air-defence-oversight'),
        ],
        window: 2,
      },
      { type: 'package.accept', actor: 'israel', package: 1 },
      { type: 'package.accept', actor: 'gulf', package: 1 },
    );
    expect(s.packages[0]?.status).toBe('accepted');
    s = openCommit(SC, s);
    (s.trust.gulf as Record<string, number>).iran = trustInIran;
    return s;
  }

  it('a standard pragmatist carries out what it promised, even while it doubts the restraint’s giver', () => {
    const s = promised(30);
    for (const stream of STREAMS) {
      const plan = planCommit(SC, decisionView(s, 'gulf'), 'gulf', profileOf(SC, 'gulf', PRAGMATIST, stream));
      expect(plan.commit.moves, `stream ${stream}`).toContain('gulf-air-defence-oversight');
    }
  });

  it('a hawk in the same place sometimes waits for the restraint to show first', () => {
    const s = promised(30);
    const waits = STREAMS.filter(
      (stream) =>
        !planCommit(SC, decisionView(s, 'gulf'), 'gulf', profileOf(SC, 'gulf', HAWK, stream)).commit.moves.includes(
          'gulf-air-defence-oversight',
        ),
    );
    expect(waits.length).toBeGreaterThan(0);
  });
});

describe('action points when several offers are answered at once', () => {
  // Phase A, round 2: four one-round offers each ask one action point of Iran, which has three.
  const OFFERS: Array<{ by: string; steps: PackageStep[] }> = [
    {
      by: 'gulf',
      steps: [step('iran', 'iran-halt-enrichment'), step('gulf', 'gulf-maritime-restraint'), step('usa', 'usa-humanitarian-waiver')],
    },
    { by: 'usa', steps: [step('iran', 'iran-pull-back-launchers'), step('usa', 'usa-reduce-patrols'), step('gulf', 'gulf-hotline')] },
    { by: 'israel', steps: [step('iran', 'iran-restrain-hezbollah'), step('israel', 'israel-suspend-lebanon-strikes')] },
    { by: 'eu', steps: [step('iran', 'iran-publish-baselines'), step('eu', 'eu-humanitarian-channel')] },
  ];

  it('a standard delegation says yes to no more one-round steps than its points pay for', () => {
    let s = negotiating('A', 2);
    for (const o of OFFERS) s = play(s, { type: 'package.propose', actor: o.by, steps: o.steps, window: 1 });
    const cat = catalog(SC);
    for (const stream of STREAMS) {
      const decisions = negotiationStage(SC, decisionView(s, 'iran'), 'iran', profileOf(SC, 'iran', PRAGMATIST, stream), 'answer');
      const accepted = decisions.filter((d) => d.intent.type === 'package.accept').map((d) => (d.intent as { package: number }).package);
      const cost = accepted
        .flatMap((id) => s.packages.find((p) => p.id === id)?.steps ?? [])
        .filter((x) => x.delegation === 'iran')
        .reduce((a, x) => a + (cat.move.get(x.move)?.cost ?? 0), 0);
      expect(cost, `stream ${stream}: accepted ${accepted.join(', ')}`).toBeLessThanOrEqual(SC.tunables.actionPoints);
    }
  });
});

describe('which promised step goes first', () => {
  // Phase B, round 5: Iran promised, within two rounds, its relief audit (public: verified at once)
  // and its militia cut (checked by observers), and has one action point this round.
  it('the step its monitor takes longest to verify, so that the public one can wait for the last round', () => {
    let s = negotiating('B', 5);
    s = play(
      s,
      {
        type: 'package.propose',
        actor: 'iran',
        steps: [step('iran', 'iran-relief-audit'), step('usa', 'usa-ease-oil-sanctions', 0)],
        window: 2,
      },
      { type: 'package.accept', actor: 'usa', package: 1 },
      {
        type: 'package.propose',
        actor: 'iran',
        steps: [step('iran', 'iran-cut-militia-financing'), step('usa', 'usa-iraq-energy-waiver', 0), step('gulf', 'gulf-iraq-investment')],
        window: 2,
      },
      { type: 'package.accept', actor: 'usa', package: 2 },
      { type: 'package.accept', actor: 'gulf', package: 2 },
    );
    s = openCommit(SC, s);
    (s.delegations.iran as { apDebt: number }).apDebt = SC.tunables.actionPoints - 1;
    for (const stream of STREAMS) {
      const moves = planCommit(SC, decisionView(s, 'iran'), 'iran', profileOf(SC, 'iran', PRAGMATIST, stream)).commit.moves;
      expect(moves, `stream ${stream}`).toContain('iran-cut-militia-financing');
      expect(moves).not.toContain('iran-relief-audit');
    }
  });
});

describe('which span it offers first', () => {
  // Phase A opens: Iran has three action points and five spans it could offer. Its baselines are
  // checked by inspectors (about three rounds with no team sent); its pullbacks on the Lebanese
  // border, the coast and the Red Sea by observers (about five). The phase completes only once a
  // span of every track is verified, so the quicker span can be offered last without delay.
  it('a standard delegation offers the spans slowest to verify before the quicker one', () => {
    for (const stream of STREAMS) {
      const s = negotiating('A', 2);
      const out = negotiationStage(SC, decisionView(s, 'iran'), 'iran', profileOf(SC, 'iran', PRAGMATIST, stream), 'propose');
      const offered = out.flatMap((d) => (d.intent.type === 'package.propose' ? d.intent.steps.map((x) => x.move) : []));
      expect(offered, `stream ${stream}`).not.toContain('iran-publish-baselines');
      expect(
        offered.some((m) => ['iran-restrain-hezbollah', 'iran-pull-back-launchers', 'iran-press-houthis'].includes(m)),
        `stream ${stream}`,
      ).toBe(true);
    }
  });
});

describe('answering a sound span', () => {
  // Phase A, round 2: the EU is offered "Baselines for relief", which the bridge needs.
  function offered(): GameState {
    return play(negotiating('A', 2), {
      type: 'package.propose',
      actor: 'iran',
      steps: [step('iran', 'iran-publish-baselines'), step('eu', 'eu-humanitarian-channel')],
      window: 1,
    });
  }

  const yesRate = (persona: Persona) => {
    const s = offered();
    const pkg = s.packages[0];
    if (!pkg) throw new Error('no package');
    const yes = STREAMS.filter(
      (stream) =>
        answer(SC, decisionView(s, 'eu'), 'eu', profileOf(SC, 'eu', persona, stream), pkg, { rng: stream }).intent.type ===
        'package.accept',
    ).length;
    return yes / STREAMS.length;
  };

  it('a standard pragmatist says yes at least 85 times in 100; a careless novice less often', () => {
    expect(yesRate(PRAGMATIST)).toBeGreaterThanOrEqual(0.85);
    expect(yesRate(NOVICE)).toBeLessThan(yesRate(PRAGMATIST));
  });
});

describe('a partner low at home', () => {
  // Phase B, round 5: Iran offers the span "Oil relief with audit", in which the US eases oil
  // sanctions. A domestic shock (§5.6) unwinds a step of a delegation without a stop-loss in force.
  const offers = (usSupport: number, stream: number) => {
    const s = negotiating('B', 5);
    (s.delegations.usa as { support: number }).support = usSupport;
    return negotiationStage(SC, decisionView(s, 'iran'), 'iran', profileOf(SC, 'iran', PRAGMATIST, stream), 'propose').filter(
      (d) => d.intent.type === 'package.propose' && d.intent.steps.some((x) => x.move === 'usa-ease-oil-sanctions'),
    );
  };

  it('is asked for its stop-loss provision in the offer, and the offer says why', () => {
    let asked = 0;
    for (const stream of STREAMS) {
      for (const d of offers(22, stream)) {
        if (d.intent.type !== 'package.propose') continue;
        expect(
          d.intent.steps.map((x) => x.move),
          `stream ${stream}`,
        ).toContain('usa-stop-loss');
        expect(d.reason).toMatch(/US to adopt its stop-loss provision too: with support at home at 22/);
        asked += 1;
      }
    }
    expect(asked).toBeGreaterThan(STREAMS.length / 2);
  });

  it('is not asked while its support holds', () => {
    let offered = 0;
    for (const stream of STREAMS)
      for (const d of offers(60, stream))
        if (d.intent.type === 'package.propose') {
          expect(d.intent.steps.map((x) => x.move)).not.toContain('usa-stop-loss');
          offered += 1;
        }
    // The same offers are made, without the provision.
    expect(offered).toBeGreaterThan(STREAMS.length / 2);
  });
});

describe('structure pledges', () => {
  // Phase A, round 2: the US offers the EU their two pre-authorized snapback pledges (no
  // council seat in it): it costs nothing and protects every side if relief is abused.
  const yesRate = (persona: Persona) => {
    const s = play(negotiating('A', 2), {
      type: 'package.propose',
      actor: 'usa',
      steps: [step('usa', 'usa-pre-authorize-snapback'), step('eu', 'eu-pre-authorize-snapback')],
      window: 1,
    });
    const pkg = s.packages[0];
    if (!pkg) throw new Error('no package');
    return (
      STREAMS.filter(
        (stream) =>
          answer(SC, decisionView(s, 'eu'), 'eu', profileOf(SC, 'eu', persona, stream), pkg, { rng: stream }).intent.type ===
          'package.accept',
      ).length / STREAMS.length
    );
  };

  it('a standard pragmatist never makes them wait; a careless novice sometimes does', () => {
    expect(yesRate(PRAGMATIST)).toBe(1);
    expect(yesRate(NOVICE)).toBeLessThan(1);
  });
});

/**
 * A standard pragmatist's answer, in Phase A round 2 of the default scenario (its fronts: the quiet
 * fixture puts the IAEA on every front), to `proposer`'s offer of a council of `joiners`, with
 * trust first set by `trust`.
 */
function councilAnswer(me: string, proposer: string, joiners: readonly string[], stream: number, trust: (s: GameState) => void) {
  let s = gameAt(SCENARIO, 'A', 2);
  s.step = 'negotiation';
  trust(s);
  s = applyIntent(SCENARIO, s, {
    type: 'package.propose',
    actor: proposer,
    steps: joiners.map((d) => step(d, `${d}-join-council`)),
    window: 1,
  });
  const pkg = s.packages[0];
  if (!pkg) throw new Error('no package');
  return answer(SCENARIO, decisionView(s, me), me, profileOf(SCENARIO, me, PRAGMATIST, stream), pkg, { rng: stream });
}

describe('a refusal to join the council', () => {
  // Phase A, round 2: the US offers the council with the Gulf, the EU and the IAEA, whose trust in
  // the US and the Gulf has fallen. The IAEA is struck on no front, so it has no reprisal to give
  // up: its refusal names what it does give up, the council's inquiries and rulings over it (§6.1).
  const refusal = (me: string, stream: number) =>
    councilAnswer(me, 'usa', ['usa', 'gulf', 'eu', 'iaea'], stream, (s) => {
      for (const d of ['usa', 'gulf', 'eu', 'iaea'])
        for (const x of ['usa', 'gulf']) if (d !== x) (s.trust[d] as Record<string, number>)[x] = 10;
    });

  it('says what the delegation gives up: reprisals for one struck on a front, inquiries and rulings for the IAEA', () => {
    for (const stream of STREAMS.slice(0, 10)) {
      const iaea = refusal('iaea', stream);
      expect(iaea.intent.type).toBe('package.reject');
      expect(iaea.reason).toMatch(/submit to the council's inquiries and binding rulings/);
      expect(iaea.reason).not.toMatch(/answer attacks/);
      const eu = refusal('eu', stream);
      expect(eu.intent.type).toBe('package.reject');
      expect(eu.reason).toMatch(/give up the right to answer attacks ourselves/);
    }
  });
});

describe('its own secret objectives', () => {
  // Round 4 of Phase A: an incident struck the Gulf on the Red Sea front last round, so a
  // pragmatist is tempted to show strength by arming its surrogates (which heats the Red Sea).
  // The default scenario as it is: fronts exposed as written, so the strike aggrieves the Gulf.
  function aggrieved(objectives: string[]): GameState {
    const s = gameAt(SCENARIO, 'A', 4);
    const strike: Incident = {
      id: 1,
      round: 3,
      front: 'red-sea',
      network: 'houthis',
      kind: 'maritime',
      severity: 3,
      sponsor: 'iran',
      attribution: null,
      cancelled: false,
      revealed: false,
    };
    s.incidents.push(strike);
    s.objectives = { ...s.objectives, gulf: objectives };
    return s;
  }

  const arms = (objectives: string[]) =>
    STREAMS.filter((stream) =>
      planCommit(
        SCENARIO,
        decisionView(aggrieved(objectives), 'gulf'),
        'gulf',
        profileOf(SCENARIO, 'gulf', PRAGMATIST, stream),
      ).commit.moves.includes('gulf-arm-surrogates'),
    ).length;

  it('a Gulf that wants the Red Sea calm never arms its surrogates there; one without that objective sometimes does', () => {
    expect(arms(['gulf-calm-red-sea'])).toBe(0);
    expect(arms(['gulf-missile-rollback'])).toBeGreaterThan(0);
  });
});

describe('the trust a delegation needs to join the council', () => {
  // README, "AI delegations": a pragmatist joins once its mean trust in the other joiners reaches
  // 52, one point more for every five points of its doctrine's risk tolerance above 30 (one less
  // below). In Ceasefire 2026: the IAEA (5) needs 47, the EU (15) 49, the US (30) 52, the Gulf (40)
  // 54, Iran (45) 55, Israel (60) 58. The US offers a council of all six, everyone's trust in
  // everyone at `trust`.
  const ALL = ['iran', 'usa', 'gulf', 'israel', 'eu', 'iaea'];
  const BAR: Record<string, number> = { iaea: 47, eu: 49, usa: 52, gulf: 54, iran: 55, israel: 58 };
  const answerAt = (me: string, trust: number, stream: number) =>
    councilAnswer(me, me === 'usa' ? 'eu' : 'usa', ALL, stream, (s) => {
      for (const a of ALL) for (const b of ALL) if (a !== b) (s.trust[a] as Record<string, number>)[b] = trust;
    });
  const refusesForTrust = (me: string, trust: number) =>
    STREAMS.slice(0, 12).map((stream) => {
      const a = answerAt(me, trust, stream);
      return a.intent.type === 'package.reject' && /until we trust/.test(a.reason);
    });

  it('is below the start of 50 for the IAEA and the EU, above it for the others, Israel highest', () => {
    for (const [me, bar] of Object.entries(BAR)) {
      expect(refusesForTrust(me, bar - 1).every(Boolean), `${me} at ${bar - 1}`).toBe(true);
      expect(refusesForTrust(me, bar).some(Boolean), `${me} at ${bar}`).toBe(false);
    }
    // At the start of the game (trust 50) the IAEA and the EU would join; the US, the Gulf, Iran and Israel not yet.
    expect(refusesForTrust('iaea', 50).some(Boolean)).toBe(false);
    expect(refusesForTrust('israel', 57).every(Boolean)).toBe(true);
  });
});
