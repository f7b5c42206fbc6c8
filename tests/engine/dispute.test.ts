// Binding dispute resolution (docs/rules.md §6.6), clause by clause: the findings open to
// dispute, filing and its cost, the panel and the respondent, the answer, fact-finding and the
// ruling, the reversal of a struck finding, reparation for an upheld one, refusal and enforcement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apAvailable,
  applyIntent,
  checkIntent,
  disputableFindings,
  legalIntents,
  nextRound,
  noVerifiedViolationSince,
  resolveRound,
  viewFor,
  type Dispute,
  type GameState,
  type Incident,
  type Intent,
  type Sponsor,
} from '../../src/engine';
import { gameAt, loadScenario, monitorsAt, quiet, stand, support, trustIn } from './fixtures';

/** Nothing moves by itself, and monitors never check (no step is verified or caught by chance). */
const SC = loadScenario(quiet, monitorsAt(0));
const T = SC.tunables;
const OTHERS = (d: string) => SC.delegations.map((x) => x.id).filter((x) => x !== d);

/** Phase A at the negotiation step of `round`, with a council of four when `council`. */
function negotiating(round = 3, council = true): GameState {
  const s = gameAt(SC, 'A', round);
  s.step = 'negotiation';
  if (council) s.council = { ...s.council, founded: true, round: 1, members: ['usa', 'eu', 'gulf', 'israel'] };
  return s;
}

/** An incident of `round` on the Lebanon front (Hezbollah's), its true sponsor and the council's finding. */
function incident(s: GameState, sponsor: Sponsor, named: Sponsor | null, round = s.round - 1): Incident {
  const inc: Incident = {
    id: s.nextIncidentId++,
    round,
    front: 'lebanon',
    network: 'hezbollah',
    kind: 'rocket',
    severity: 1,
    sponsor,
    attribution: { named, confidence: 70, round, override: false },
    cancelled: false,
    revealed: false,
  };
  s.incidents.push(inc);
  return inc;
}

function apply(s: GameState, intent: Intent): GameState {
  expect(checkIntent(SC, s, intent), `${intent.type} by ${intent.actor}`).toBeNull();
  return applyIntent(SC, s, intent);
}

const fileOn = (actor: string, incident: number): Intent => ({
  type: 'dispute.file',
  actor,
  finding: { kind: 'attribution', incident },
  statement: 'The network acted on its own.',
});
const fileViolation = (actor: string, move: string, round: number): Intent => ({
  type: 'dispute.file',
  actor,
  finding: { kind: 'violation', move, round },
});
const answer = (actor: string, dispute: number, concede: boolean): Intent => ({ type: 'dispute.answer', actor, dispute, concede });
const comply = (actor: string, dispute: number): Intent => ({ type: 'dispute.comply', actor, dispute });

/** Resolves the round and opens the next one's negotiation. */
function playOn(s: GameState): GameState {
  const n = nextRound(SC, resolveRound(SC, s));
  n.step = 'negotiation';
  return n;
}

const dispute = (s: GameState, id = 1): Dispute => {
  const d = s.disputes?.find((x) => x.id === id);
  if (!d) throw new Error(`no dispute #${id}`);
  return d;
};

/** A violation of Iran's launcher pull-back ruled by the White Cell in round `round - 1`; `abandoned`: it was quietly defected on. */
function ruledViolation(abandoned: boolean, round = 3): GameState {
  const s = gameAt(SC, 'A', round - 1);
  stand(SC, s, 'iran-pull-back-launchers', { round: round - 1, verified: true, defected: abandoned });
  s.step = 'negotiation';
  const ruled = applyIntent(SC, s, {
    type: 'facilitator.override',
    actor: 'facilitator',
    override: { kind: 'verification', move: 'iran-pull-back-launchers', result: 'violation' },
  });
  const n = nextRound(SC, ruled);
  n.step = 'negotiation';
  return n;
}

describe('§6.6 findings open to dispute', () => {
  it('the delegation an attribution names may dispute it; nobody else may', () => {
    const s = negotiating();
    const inc = incident(s, 'independent', 'israel');
    expect(disputableFindings(SC, s, 'israel')).toEqual([{ kind: 'attribution', incident: inc.id }]);
    expect(checkIntent(SC, s, fileOn('israel', inc.id))).toBeNull();
    expect(checkIntent(SC, s, fileOn('iran', inc.id))).not.toBeNull();
    expect(disputableFindings(SC, s, 'iran')).toEqual([]);
  });

  it('an inconclusive inquiry names nobody and cannot be disputed', () => {
    const s = negotiating();
    const inc = incident(s, 'iran', null);
    expect(checkIntent(SC, s, fileOn('iran', inc.id))).not.toBeNull();
  });

  it('a verified violation of its own step may be disputed by its giver only', () => {
    const s = ruledViolation(false);
    expect(disputableFindings(SC, s, 'iran')).toEqual([{ kind: 'violation', move: 'iran-pull-back-launchers', round: 2 }]);
    expect(checkIntent(SC, s, fileViolation('iran', 'iran-pull-back-launchers', 2))).toBeNull();
    expect(checkIntent(SC, s, fileViolation('usa', 'iran-pull-back-launchers', 2))).not.toBeNull();
  });

  it('a finding is disputed once', () => {
    let s = negotiating();
    const inc = incident(s, 'independent', 'israel');
    s = apply(s, fileOn('israel', inc.id));
    expect(checkIntent(SC, s, fileOn('israel', inc.id))).not.toBeNull();
    expect(disputableFindings(SC, s, 'israel')).toEqual([]);
  });
});

describe('§6.6 filing', () => {
  it('is made during negotiation, in the round of the finding or the round after', () => {
    const s = negotiating(3);
    const last = incident(s, 'independent', 'israel', 2);
    const old = incident(s, 'independent', 'israel', 1);
    expect(checkIntent(SC, s, fileOn('israel', last.id))).toBeNull();
    expect(checkIntent(SC, s, fileOn('israel', old.id))).not.toBeNull();
    const commitStep = { ...s, step: 'commit' as const };
    expect(checkIntent(SC, commitStep, fileOn('israel', last.id))).not.toBeNull();
  });

  it(`costs ${T.disputeFilingCost} action point of this round's commit, and needs one free`, () => {
    const s = negotiating();
    const inc = incident(s, 'independent', 'israel');
    const before = apAvailable(s, 'israel');
    const after = apply(s, fileOn('israel', inc.id));
    expect(apAvailable(after, 'israel')).toBe(before - T.disputeFilingCost);
    const broke = negotiating();
    const inc2 = incident(broke, 'independent', 'israel');
    const d = broke.delegations.israel;
    if (d) d.apDebt = d.ap;
    expect(checkIntent(SC, broke, fileOn('israel', inc2.id))).not.toBeNull();
  });

  it('every stage is public: the filing, with its statement, is seen by every delegation', () => {
    const s = negotiating();
    const inc = incident(s, 'independent', 'israel');
    const after = apply(s, fileOn('israel', inc.id));
    for (const d of OTHERS('israel')) {
      expect(viewFor(after, d).disputes?.[0]?.stage).toBe('filed');
      expect(viewFor(after, d).disputes?.[0]?.statement).toBe('The network acted on its own.');
    }
    expect(after.events.at(-1)?.audience).toBe('all');
    expect(after.events.at(-1)?.text).toContain('The network acted on its own.');
  });
});

describe('§6.6 the panel and the respondent', () => {
  it('with a council: the council is the panel, and its chair answers for an attribution', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    const filed = apply(t, fileOn('israel', inc.id));
    expect(dispute(filed).panel).toBe('council');
    expect(dispute(filed).respondent).toBe('eu');
  });

  it('a chair that is not a member does not answer: the monitors do', () => {
    const t = negotiating();
    t.council.members = ['usa', 'gulf', 'israel'];
    const inc = incident(t, 'independent', 'israel');
    expect(dispute(apply(t, fileOn('israel', inc.id))).respondent).toBe('iaea');
  });

  it('without a council, the monitors sit as the panel and answer', () => {
    const t = negotiating(3, false);
    const inc = incident(t, 'independent', 'israel');
    const d = dispute(apply(t, fileOn('israel', inc.id)));
    expect(d.panel).toBe('iaea');
    expect(d.respondent).toBe('iaea');
  });

  it('the monitors answer for a violation, and never the filer itself', () => {
    const s = ruledViolation(false);
    expect(dispute(apply(s, fileViolation('iran', 'iran-pull-back-launchers', 2))).respondent).toBe('iaea');
    const t = negotiating();
    const inc = incident(t, 'independent', 'eu');
    expect(dispute(apply(t, fileOn('eu', inc.id))).respondent).toBe('iaea');
  });
});

describe('§6.6 the answer', () => {
  it('only the respondent answers, during negotiation or commit of the filing round', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    const s = apply(t, fileOn('israel', inc.id));
    expect(checkIntent(SC, s, answer('usa', 1, true))).not.toBeNull();
    expect(checkIntent(SC, s, answer('eu', 1, false))).toBeNull();
    expect(checkIntent(SC, { ...s, step: 'commit' }, answer('eu', 1, false))).toBeNull();
  });

  it('a concession strikes the finding at once, with its reversal', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    let s = apply(t, fileOn('israel', inc.id));
    s = apply(s, answer('eu', 1, true));
    expect(dispute(s).stage).toBe('struck');
    expect(s.incidents.find((i) => i.id === inc.id)?.attribution?.named).toBe('independent');
  });

  it('maintained, or unanswered by the resolution, the dispute goes to fact-finding', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    const s = apply(t, fileOn('israel', inc.id));
    expect(dispute(apply(s, answer('eu', 1, false))).stage).toBe('fact-finding');
    expect(dispute(playOn(s)).stage).toBe('fact-finding');
  });
});

describe('§6.6 fact-finding and the ruling', () => {
  it('the panel rules in the round after the filing, not before', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    let s = apply(t, fileOn('israel', inc.id));
    s = playOn(s);
    expect(dispute(s).stage).toBe('fact-finding');
    s = playOn(s);
    expect(dispute(s).stage).toBe('struck');
    expect(dispute(s).rulingRound).toBe(4);
  });

  it('a misattribution is struck: the true sponsor is named and made public, the penalty repaid', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    // A penalty voted on the finding, as the council would have (asset freezes: support 4, trust 3 from each member).
    let s = apply(t, { type: 'council.penalize', actor: 'usa', incident: inc.id, penalty: 'asset-freezes' });
    s = apply(s, { type: 'council.vote', actor: 'gulf', motion: 1, yes: true });
    s = apply(s, { type: 'council.vote', actor: 'eu', motion: 1, yes: true });
    expect(s.council.motions[0]?.status).toBe('passed');
    const punished = { support: support(s, 'israel'), usa: trustIn(s, 'israel', 'usa'), penalties: s.delegations.israel?.penalties ?? 0 };
    s = apply(s, fileOn('israel', inc.id));
    const supportFiled = support(s, 'israel');
    s = playOn(playOn(s));
    expect(dispute(s).stage).toBe('struck');
    const ruled = s.incidents.find((i) => i.id === inc.id);
    expect(ruled?.attribution?.named).toBe('independent');
    expect(ruled?.revealed).toBe(true);
    expect(viewFor(s, 'gulf').incidents.find((i) => i.id === inc.id)?.sponsor).toBe('independent');
    expect(support(s, 'israel')).toBe(supportFiled + 4);
    expect(trustIn(s, 'israel', 'usa')).toBe(punished.usa + 3);
    expect(s.delegations.israel?.penalties).toBe(punished.penalties - 1);
  });

  it('a true attribution is upheld: every other delegation trusts the filer less', () => {
    const t = negotiating();
    const inc = incident(t, 'iran', 'iran');
    let s = apply(t, fileOn('iran', inc.id));
    const before = OTHERS('iran').map((d) => trustIn(s, d, 'iran'));
    s = playOn(playOn(s));
    expect(dispute(s).stage).toBe('upheld');
    expect(OTHERS('iran').map((d) => trustIn(s, d, 'iran'))).toEqual(before.map((x) => Math.max(0, x - T.disputeLossTrust)));
    expect(s.incidents.find((i) => i.id === inc.id)?.revealed).toBe(true);
  });

  it('a violation of a step truly abandoned is upheld', () => {
    let s = ruledViolation(true);
    s = apply(s, fileViolation('iran', 'iran-pull-back-launchers', 2));
    s = playOn(playOn(s));
    expect(dispute(s).stage).toBe('upheld');
  });

  it("a monitor's finding is always upheld", () => {
    const SC100 = loadScenario(quiet, monitorsAt(100));
    let s = gameAt(SC100, 'A', 2);
    stand(SC100, s, 'iran-pull-back-launchers', { round: 2, defected: true });
    s = nextRound(SC100, resolveRound(SC100, s));
    s.step = 'negotiation';
    expect(s.violations.map((v) => v.move)).toContain('iran-pull-back-launchers');
    const file = fileViolation('iran', 'iran-pull-back-launchers', 2);
    expect(checkIntent(SC100, s, file)).toBeNull();
    s = applyIntent(SC100, s, file);
    for (let i = 0; i < 2; i++) {
      s = nextRound(SC100, resolveRound(SC100, s));
      s.step = 'negotiation';
    }
    expect(s.disputes?.[0]?.stage).toBe('upheld');
  });

  it('a White Cell ruling on a step carried out is struck: trust and tension given back, the span may hold again', () => {
    let s = ruledViolation(false);
    s = apply(s, fileViolation('iran', 'iran-pull-back-launchers', 2));
    const trust = OTHERS('iran').map((d) => trustIn(s, d, 'iran'));
    const tension = s.tension;
    s = playOn(playOn(s));
    expect(dispute(s).stage).toBe('struck');
    expect(OTHERS('iran').map((d) => trustIn(s, d, 'iran'))).toEqual(trust.map((x) => Math.min(100, x + T.violationTrustLoss)));
    expect(s.tension).toBe(Math.max(0, tension - T.violationTension));
    expect(noVerifiedViolationSince(s, 'a-launcher-pullback')).toBe(true);
    // The step stays out of force: its giver may commit it again.
    expect(s.standing.some((st) => st.move === 'iran-pull-back-launchers')).toBe(false);
  });

  it('whether a ruled violation was groundless is the White Cell’s and the giver’s to know, not the others’', () => {
    const s = ruledViolation(false);
    expect(viewFor(s, 'iran').violations[0]?.groundless).toBe(true);
    expect(viewFor(s, 'usa').violations[0]?.groundless).toBeUndefined();
  });
});

describe('§6.6 reparation, refusal and enforcement', () => {
  /** Iran disputes a true attribution; the ruling upholds it in round 4; round 5 is the round to comply. */
  function upheld(): GameState {
    const t = negotiating();
    const inc = incident(t, 'iran', 'iran');
    return playOn(playOn(apply(t, fileOn('iran', inc.id))));
  }

  it(`complying pays ${T.disputeReparation} support and every other delegation's trust rises by 2`, () => {
    let s = upheld();
    expect(dispute(s).complyBy).toBe(5);
    const sup = support(s, 'iran');
    const trust = OTHERS('iran').map((d) => trustIn(s, d, 'iran'));
    s = apply(s, comply('iran', 1));
    expect(dispute(s).stage).toBe('complied');
    expect(support(s, 'iran')).toBe(sup - T.disputeReparation);
    expect(OTHERS('iran').map((d) => trustIn(s, d, 'iran'))).toEqual(trust.map((x) => Math.min(100, x + 2)));
    expect(checkIntent(SC, s, comply('iran', 1))).not.toBeNull();
  });

  it('only the filer complies, and only with an upheld ruling before its deadline', () => {
    const s = upheld();
    expect(checkIntent(SC, s, comply('usa', 1))).not.toBeNull();
    expect(checkIntent(SC, { ...s, step: 'commit' }, comply('iran', 1))).toBeNull();
    const late = playOn(s);
    expect(checkIntent(SC, late, comply('iran', 1))).not.toBeNull();
  });

  it('a ruling not complied with is enforced: trust, snapback of its relief, escrow forfeit, no more disputes', () => {
    let s = upheld();
    // Relief granted for Iran's restraint stands (the humanitarian waiver of the enrichment-halt span).
    stand(SC, s, 'iran-halt-enrichment', { round: 4 });
    stand(SC, s, 'usa-humanitarian-waiver', { round: 4 });
    stand(SC, s, 'gulf-maritime-restraint', { round: 4 });
    const trust = OTHERS('iran').map((d) => trustIn(s, d, 'iran'));
    const balance = s.escrow.balance;
    s = playOn(s);
    expect(dispute(s).stage).toBe('enforced');
    expect(OTHERS('iran').map((d) => trustIn(s, d, 'iran'))).toEqual(trust.map((x) => Math.max(0, x - T.disputeRefusalTrust)));
    expect(s.standing.some((st) => st.move === 'usa-humanitarian-waiver')).toBe(false);
    expect(s.standing.some((st) => st.move === 'gulf-maritime-restraint')).toBe(true);
    expect(s.escrow.balance).toBe(Math.max(0, balance - T.disputeForfeit));
    const inc = incident(s, 'independent', 'iran');
    expect(checkIntent(SC, s, fileOn('iran', inc.id))).not.toBeNull();
  });

  it('the forfeit never takes the fund below zero, and falls only on its recipient', () => {
    let s = upheld();
    s.escrow.balance = 5;
    s = playOn(s);
    expect(s.escrow.balance).toBe(0);
    // Israel, not the fund's recipient, refuses an upheld ruling: it is enforced, and the fund keeps its balance.
    const t = negotiating();
    const inc = incident(t, 'israel', 'israel');
    let u = playOn(playOn(apply(t, fileOn('israel', inc.id))));
    expect(dispute(u).stage).toBe('upheld');
    const before = u.escrow.balance;
    expect(before).toBeGreaterThan(0);
    u = playOn(u);
    expect(dispute(u).stage).toBe('enforced');
    expect(u.escrow.balance).toBe(before);
  });
});

describe('§6.6 legal intents', () => {
  it('legalIntents offers filing, answering and complying exactly when the rule allows them', () => {
    const t = negotiating();
    const inc = incident(t, 'independent', 'israel');
    expect(legalIntents(SC, t, 'israel')).toContainEqual({
      type: 'dispute.file',
      actor: 'israel',
      finding: { kind: 'attribution', incident: inc.id },
    });
    const s = apply(t, fileOn('israel', inc.id));
    expect(legalIntents(SC, s, 'eu')).toContainEqual({ type: 'dispute.answer', actor: 'eu', dispute: 1, concede: true });
    expect(legalIntents(SC, s, 'usa').some((i) => i.type.startsWith('dispute.'))).toBe(false);
  });
});

describe('§6.6 properties', () => {
  const sponsors: Sponsor[] = ['iran', 'independent', 'spoiler'];
  it('the ruling follows the true sponsor; figures stay in range; the fund never goes negative', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sponsors),
        fc.constantFrom('iran', 'israel'),
        fc.boolean(),
        fc.constantFrom<'none' | 'concede' | 'maintain'>('none', 'concede', 'maintain'),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (sponsor, named, council, answered, complies, balance) => {
          const t = negotiating(3, council);
          t.escrow.balance = balance;
          const inc = incident(t, sponsor, named);
          let s = apply(t, fileOn(named, inc.id));
          const respondent = dispute(s).respondent;
          if (answered !== 'none') s = apply(s, answer(respondent, 1, answered === 'concede'));
          s = playOn(playOn(s));
          const d = dispute(s);
          const truth = sponsor === named;
          expect(d.stage).toBe(answered === 'concede' || !truth ? 'struck' : 'upheld');
          if (d.stage === 'upheld' && complies) s = apply(s, comply(named, 1));
          s = playOn(s);
          const final = dispute(s).stage;
          expect(['struck', 'complied', 'enforced']).toContain(final);
          // Enforced exactly when the finding was true, maintained, and the filer did not comply.
          expect(final === 'enforced').toBe(truth && !complies && answered !== 'concede');
          expect(s.escrow.balance).toBeGreaterThanOrEqual(0);
          for (const row of Object.values(s.trust)) for (const v of Object.values(row)) expect(v >= 0 && v <= 100).toBe(true);
          for (const del of Object.values(s.delegations)) expect(del.support >= 0 && del.support <= 100).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
