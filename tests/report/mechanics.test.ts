// The mechanics report (npm run sim --json): each figure read off finished game states.
import { describe, expect, it } from 'vitest';
import { createGame, type GameEvent, type GameState, type Outcome } from '../../src/engine';
import { MechanicsTally, unravelingCause } from '../../src/report/mechanics';
import { SCENARIO } from '../engine/fixtures';

/** A finished game whose record holds these events (kind and round). */
function finished(outcome: Outcome, events: Array<[string, number]>, edit: (s: GameState) => void = () => {}): GameState {
  const s = structuredClone(createGame(SCENARIO, 5));
  s.outcome = outcome;
  s.round = 12;
  s.events = events.map(([kind, round]): GameEvent => ({ kind, round, text: kind, audience: 'all' }));
  edit(s);
  return s;
}

describe('the mechanics report', () => {
  it('counts games with at least one reprisal, misdirected reprisal, snapback and sequenced trigger', () => {
    const t = new MechanicsTally(SCENARIO);
    t.add(
      finished('drift', [
        ['retaliation', 3],
        ['retaliation', 4],
        ['misdirected', 4],
        ['snapback', 5],
      ]),
    );
    t.add(
      finished('drift', [
        ['retaliation', 2],
        ['triggered', 6],
        ['triggered', 7],
      ]),
    );
    t.add(finished('consolidation', []));
    const r = t.report();
    expect([r.reprisals, r.misattributedReprisals, r.snapbacks, r.sequencedTriggers]).toEqual([2, 1, 1, 1]);
  });

  it('counts games with a dispute filed and with a binding ruling, and disputes by how they ended (§6.6)', () => {
    const t = new MechanicsTally(SCENARIO);
    const base = {
      filer: 'iran',
      statement: '',
      filedRound: 3,
      panel: 'council',
      respondent: 'eu',
      rulingRound: 4,
      complyBy: null,
    } as const;
    t.add(
      finished(
        'drift',
        [
          ['dispute.filed', 3],
          ['dispute.ruling', 4],
          ['dispute.filed', 5],
        ],
        (s) => {
          s.disputes = [
            { ...base, id: 1, finding: { kind: 'attribution', incident: 1 }, stage: 'enforced', answer: { concede: false, reason: '' } },
            { ...base, id: 2, finding: { kind: 'attribution', incident: 2 }, stage: 'struck', answer: { concede: true, reason: '' } },
          ];
        },
      ),
    );
    t.add(
      finished('drift', [['dispute.filed', 3]], (s) => {
        s.disputes = [{ ...base, id: 1, finding: { kind: 'attribution', incident: 1 }, stage: 'fact-finding', answer: null }];
      }),
    );
    t.add(finished('consolidation', []));
    const r = t.report();
    expect([r.disputes, r.bindingRulings]).toEqual([2, 1]);
    expect(r.disputeOutcomes).toEqual({ filed: 3, conceded: 1, struck: 0, upheld: 1, complied: 0, enforced: 1, open: 1 });
  });

  it('the council by founding round, never last; the ladder by the highest rung reached, drops included', () => {
    const t = new MechanicsTally(SCENARIO);
    const founded = (round: number) => (s: GameState) => {
      s.council.founded = true;
      s.council.round = round;
    };
    t.add(
      finished(
        'drift',
        [
          ['ladder.climb', 4],
          ['ladder.climb', 6],
          ['ladder.drop', 7],
          ['ladder.climb', 9],
        ],
        founded(2),
      ),
    );
    t.add(
      finished(
        'drift',
        [
          ['ladder.climb', 4],
          ['ladder.drop', 5],
          ['ladder.climb', 8],
        ],
        founded(1),
      ),
    );
    t.add(finished('drift', []));
    const r = t.report();
    expect(r.councilFoundedRound).toEqual({ '1': 1, '2': 1, never: 1 });
    expect(Object.keys(r.councilFoundedRound)).toEqual(['1', '2', 'never']);
    expect(r.ladderTopRung).toEqual({ '0': 1, '1': 1, '2': 1 });
  });

  it('escrow: tranches paid in total, and the share of secured spans that found the fund empty', () => {
    const t = new MechanicsTally(SCENARIO);
    t.add(
      finished('drift', [
        ['escrow.paid', 3],
        ['escrow.empty', 4],
        ['escrow.paid', 5],
      ]),
    );
    t.add(finished('drift', [['escrow.empty', 3]]));
    const r = t.report();
    expect(r.escrowTranches).toBe(2);
    expect(r.escrowEmptyAtSecured).toBe(0.5);
  });

  it('objectives: met over the games that dealt each one', () => {
    const t = new MechanicsTally(SCENARIO);
    const keep = (met: boolean) => (s: GameState) => {
      s.objectives = { iran: ['iran-banking-relief'] };
      if (met) s.implemented.push({ move: 'usa-lift-banking-sanctions', round: 5 });
    };
    t.add(finished('drift', [], keep(true)));
    t.add(finished('drift', [], keep(false)));
    t.add(finished('drift', [], keep(true)));
    t.add(finished('drift', [], (s) => (s.objectives = {})));
    expect(t.report().objectiveMetRate).toEqual({ 'iran-banking-relief': 0.667 });
  });

  it('incidents by round: the mean over the games of each ending that played the round', () => {
    const t = new MechanicsTally(SCENARIO);
    const history = (counts: number[]) => (s: GameState) => {
      s.history = counts.map((incidents, i) => ({ ...(s.history[0] ?? ({} as GameState['history'][number])), round: i + 1, incidents }));
    };
    t.add(finished('drift', [], history([1, 0, 2])));
    t.add(finished('drift', [], history([3, 0])));
    t.add(finished('unraveling', [], history([4])));
    const r = t.report();
    expect(r.incidentsByRound.drift.slice(0, 4)).toEqual([2, 0, 2, null]);
    expect(r.incidentsByRound.unraveling.slice(0, 2)).toEqual([4, null]);
    expect(r.incidentsByRound.consolidation[0]).toBeNull();
  });

  it('unraveling causes: the war trigger, a reprisal spiral, a broken deal, a proxy war, the facilitator', () => {
    const war = finished('unraveling', [], (s) => {
      s.warTrigger = 'Israel: strike';
      s.standing.push({ move: 'israel-strike-nuclear-site', delegation: 'israel', round: 12, verified: true, verifiedRound: 12 });
    });
    expect(unravelingCause(SCENARIO, war)).toBe('war trigger: israel-strike-nuclear-site');
    const hot = (s: GameState) => (s.tension = 100);
    expect(unravelingCause(SCENARIO, finished('unraveling', [['retaliation', 11]], hot))).toBe('reprisal spiral');
    expect(unravelingCause(SCENARIO, finished('unraveling', [['violation', 12]], hot))).toBe('broken deal');
    const raids: Array<[string, number]> = [
      ['incident', 11],
      ['incident', 12],
      ['incident', 12],
    ];
    expect(unravelingCause(SCENARIO, finished('unraveling', raids, hot))).toBe('proxy war');
    expect(unravelingCause(SCENARIO, finished('unraveling', [['retaliation', 5]], hot))).toBe('slow escalation');
    expect(unravelingCause(SCENARIO, finished('unraveling', []))).toBe('facilitator');
    const t = new MechanicsTally(SCENARIO);
    t.add(war);
    t.add(finished('unraveling', [['retaliation', 12]], hot));
    t.add(finished('drift', [['retaliation', 12]], hot));
    expect(t.report().unravelingCauses).toEqual({ 'war trigger: israel-strike-nuclear-site': 1, 'reprisal spiral': 1 });
  });

  it('refuses a game that is not finished', () => {
    expect(() => new MechanicsTally(SCENARIO).add(createGame(SCENARIO, 1))).toThrow(/finished/);
  });
});
