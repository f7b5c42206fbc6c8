// The questions the interface, the AI and the admission of intents share, tested from the rules
// (docs/rules.md): a phase completes only when every track it names has at least its required
// number of secured spans; a retaliation costs one action point and is open only to a delegation
// struck on the incident's front within a round, against another delegation, outside the council.
import { describe, expect, it } from 'vitest';
import {
  bridgeComplete,
  bridgeShortfall,
  bridgeStatus,
  checkIntent,
  commitCost,
  retaliableIncidents,
  retaliationTargets,
  type GameState,
  type Incident,
} from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { playToEnd } from '../../src/ai/autoplay';
import { SCENARIO, SEEDS, gameAt, loadScenario, secure } from './fixtures';

const A_SPAN_OF_TRACK = {
  nuclear: 'a-enrichment-halt',
  missiles: 'a-launcher-pullback',
  proxies: 'a-border-calm',
  sanctions: 'a-baselines',
};

describe('the bridge status', () => {
  it('names every track of the phase still short of a secured span, and none once each holds', () => {
    const s = gameAt(SCENARIO, 'A', 3);
    expect(bridgeStatus(SCENARIO, s)?.blocked).toEqual({ kind: 'tracks', tracks: ['nuclear', 'missiles', 'proxies', 'sanctions'] });
    secure(SCENARIO, s, A_SPAN_OF_TRACK.nuclear);
    secure(SCENARIO, s, A_SPAN_OF_TRACK.sanctions);
    const half = bridgeStatus(SCENARIO, s);
    expect(half?.blocked).toEqual({ kind: 'tracks', tracks: ['missiles', 'proxies'] });
    expect(half?.tracks.find((t) => t.track === 'nuclear')).toMatchObject({ needed: 1, secured: 1 });
    secure(SCENARIO, s, A_SPAN_OF_TRACK.missiles);
    secure(SCENARIO, s, A_SPAN_OF_TRACK.proxies);
    expect(bridgeStatus(SCENARIO, s)?.blocked).toBeNull();
  });

  it('does not let several spans on one track stand in for another track', () => {
    const s = gameAt(SCENARIO, 'A', 3);
    secure(SCENARIO, s, 'a-border-calm');
    secure(SCENARIO, s, 'a-red-sea-lull');
    const status = bridgeStatus(SCENARIO, s);
    expect(status?.tracks.find((t) => t.track === 'proxies')?.secured).toBe(2);
    expect(status?.blocked).toEqual({ kind: 'tracks', tracks: ['nuclear', 'missiles', 'sanctions'] });
    expect(bridgeShortfall(SCENARIO, s)).toEqual({ nuclear: 1, missiles: 1, proxies: 0, sanctions: 1 });
  });

  it('asks for the required number of spans on a track, not just one', () => {
    const twoOnProxies = loadScenario((raw) => {
      const a = raw.phases.find((p) => p.id === 'A');
      if (a) a.requires['proxies'] = 2;
    });
    const s = gameAt(twoOnProxies, 'A', 3);
    for (const span of Object.values(A_SPAN_OF_TRACK)) secure(twoOnProxies, s, span);
    expect(bridgeStatus(twoOnProxies, s)?.blocked).toEqual({ kind: 'tracks', tracks: ['proxies'] });
    expect(bridgeShortfall(twoOnProxies, s)).toMatchObject({ proxies: 1 });
    secure(twoOnProxies, s, 'a-red-sea-lull');
    expect(bridgeStatus(twoOnProxies, s)?.blocked).toBeNull();
  });

  it('during the ceasefire shows the first phase and waits for the framework', () => {
    const s = gameAt(SCENARIO, 'ceasefire', 1);
    const status = bridgeStatus(SCENARIO, s);
    expect(status?.phase.id).toBe('A');
    expect(status?.blocked).toEqual({ kind: 'framework' });
    expect(bridgeShortfall(SCENARIO, s)).toEqual({});
    s.framework = { adopted: true, round: 1 };
    expect(bridgeStatus(SCENARIO, s)?.blocked).toBeNull();
  });

  it('agrees with the completion the round checks, at every round of AI-only games', () => {
    let held = 0;
    let open = 0;
    for (const seed of SEEDS.slice(0, 12)) {
      const session = GameSession.start(SCENARIO, seed);
      // The state as each round opens (the decisions of a round come after its resolution).
      const seen: GameState[] = [];
      playToEnd(SCENARIO, session, {
        onDecision: () => {
          if (seen.at(-1)?.round !== session.state.round) seen.push(structuredClone(session.state));
        },
      });
      seen.push(session.state);
      for (const s of seen) {
        if (s.phase === 'ceasefire') continue;
        const complete = bridgeComplete(SCENARIO, s);
        if (complete) held += 1;
        else open += 1;
        const status = bridgeStatus(SCENARIO, s);
        expect(status?.blocked === null, `seed ${seed} round ${s.round}`).toBe(complete);
        // The count the bridge shows is the spans the resolution recorded as secured.
        for (const t of status?.tracks ?? []) expect(t.secured).toBe(t.spans.filter((id) => s.spans[id]?.status === 'secured').length);
      }
    }
    // Both answers were put to the test.
    expect(held).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(0);
  });
});

describe('the cost of a commit', () => {
  it('is the action points of its moves, and one more for a retaliation', () => {
    expect(commitCost(SCENARIO, { moves: [] })).toBe(0);
    expect(commitCost(SCENARIO, { moves: ['iran-halt-enrichment', 'iran-publish-baselines'] })).toBe(2);
    expect(commitCost(SCENARIO, { moves: ['iran-halt-enrichment'], retaliate: { incident: 1, against: 'usa' } })).toBe(2);
    expect(commitCost(SCENARIO, { moves: [], retaliate: null })).toBe(0);
  });
});

/** An incident on `front` in `round`, sponsored by `sponsor`. */
function strike(s: GameState, id: number, front: string, round: number, over: Partial<Incident> = {}) {
  s.incidents.push({
    id,
    round,
    front,
    network: null,
    kind: 'drone',
    severity: 2,
    sponsor: 'independent',
    attribution: null,
    cancelled: false,
    revealed: false,
    ...over,
  });
}

describe('who may retaliate', () => {
  it('is a delegation struck on the front, for an incident of this round or the last', () => {
    const s = gameAt(SCENARIO, 'A', 5);
    strike(s, 1, 'hormuz', 5);
    strike(s, 2, 'hormuz', 4);
    strike(s, 3, 'hormuz', 3);
    strike(s, 4, 'lebanon', 5);
    strike(s, 5, 'hormuz', 5, { cancelled: true });
    expect(retaliableIncidents(SCENARIO, s, 'gulf').map((i) => i.id)).toEqual([1, 2]);
    expect(retaliableIncidents(SCENARIO, s, 'israel').map((i) => i.id)).toEqual([4]);
    expect(retaliableIncidents(SCENARIO, s, 'iran')).toEqual([]);
  });

  it('is nobody on the council once it is founded: members take incidents to it', () => {
    const s = gameAt(SCENARIO, 'A', 5);
    strike(s, 1, 'hormuz', 5);
    s.council.founded = true;
    s.council.members = ['gulf', 'eu', 'usa'];
    expect(retaliableIncidents(SCENARIO, s, 'gulf')).toEqual([]);
    expect(retaliableIncidents(SCENARIO, s, 'usa')).toEqual([]);
    const commit = { moves: [], defect: [], retaliate: { incident: 1, against: 'iran' } };
    expect(checkIntent(SCENARIO, s, { type: 'commit.submit', actor: 'gulf', commit })).toBe(
      'council members take incidents to the council',
    );
  });

  it('strikes another delegation, never itself', () => {
    expect(retaliationTargets(SCENARIO, 'gulf')).toEqual(['iran', 'usa', 'israel', 'eu', 'iaea']);
    const s = gameAt(SCENARIO, 'A', 5);
    strike(s, 1, 'hormuz', 5);
    const at = (against: string) =>
      checkIntent(SCENARIO, s, {
        type: 'commit.submit',
        actor: 'gulf',
        commit: { moves: [], defect: [], retaliate: { incident: 1, against } },
      });
    expect(at('gulf')).toBe('no such target');
    expect(at('iran')).toBeNull();
  });

  it('pays its action point: a commit that spends every point cannot retaliate too', () => {
    const s = gameAt(SCENARIO, 'A', 5);
    strike(s, 1, 'hormuz', 5);
    const gulfSteps = SCENARIO.moves
      .filter((m) => m.delegation === 'gulf' && m.kind === 'step' && m.phases.includes('A') && m.cost === 1)
      .map((m) => m.id);
    const budget = SCENARIO.tunables.actionPoints;
    const retaliate = { incident: 1, against: 'iran' };
    const check = (moves: string[]) =>
      checkIntent(SCENARIO, s, { type: 'commit.submit', actor: 'gulf', commit: { moves, defect: [], retaliate } });
    expect(check(gulfSteps.slice(0, budget - 1))).toBeNull();
    expect(commitCost(SCENARIO, { moves: gulfSteps.slice(0, budget), retaliate })).toBe(budget + 1);
    expect(check(gulfSteps.slice(0, budget))).toBe('retaliation costs one action point');
  });
});
