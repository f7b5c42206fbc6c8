import type { Scenario } from './scenario/schema';
import type { GameState } from './types';
import { deriveSeed, nextInt, pick } from './rng';
import { shallowCopy } from './draft';

/** Bumped when a rule changes the outcome of a log: old logs and saves are then refused. */
export const ENGINE_VERSION = 9;

export function createGame(scenario: Scenario, seed: number): GameState {
  const ids = scenario.delegations.map((d) => d.id);
  const t = scenario.tunables;
  const trust: GameState['trust'] = {};
  for (const a of ids) {
    trust[a] = {};
    for (const b of ids) if (a !== b) (trust[a] as Record<string, number>)[b] = 50;
  }
  const s = shallowCopy({
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    seed: seed >>> 0,
    rng: deriveSeed(seed >>> 0, scenario.id),
    round: 1,
    phase: 'ceasefire',
    step: 'briefing',
    paused: false,
    outcome: null,
    endReason: null,
    warTrigger: null,
    tension: t.startTension,
    fronts: Object.fromEntries(scenario.fronts.map((f) => [f.id, { tension: f.startTension, observers: 0, patrols: 0 }])),
    delegations: Object.fromEntries(
      scenario.delegations.map((d) => [
        d.id,
        {
          support: d.startSupport,
          ap: t.actionPoints,
          apDebt: 0,
          ready: false,
          committed: false,
          commit: null,
          committedBy: null,
          penalties: 0,
        },
      ]),
    ),
    trust,
    standing: [],
    quietDefections: [],
    implemented: [],
    spans: Object.fromEntries(
      scenario.interlocks.map((s) => [
        s.id,
        {
          status: 'idle',
          lost: null,
          openedRound: null,
          closesRound: null,
          securedRound: null,
          securedCount: 0,
          negatedCount: 0,
          violatedCount: 0,
        },
      ]),
    ),
    violations: [],
    packages: [],
    nextPackageId: 1,
    incidents: [],
    nextIncidentId: 1,
    funding: Object.fromEntries(scenario.proxyNetworks.map((n) => [n.id, n.startFunding])),
    allocation: { inspections: {}, observers: {} },
    framework: { adopted: false, round: null },
    council: { founded: false, round: null, members: [], rung: 0, compliantRounds: 0, motions: [], nextMotionId: 1 },
    escrow: { balance: scenario.escrow.startBalance, pledged: 0, paid: 0 },
    firedInjects: [],
    customInjects: 0,
    revealed: { incidents: [], defections: [], objectives: [] },
    objectives: {},
    events: [],
    changes: [],
    history: [],
  });
  s.objectives = dealObjectives(scenario, s);
  return s;
}

/**
 * §7: each delegation is dealt two or three objectives of its pool (how many and which, both
 * drawn from the seeded generator), in the scenario's delegation order.
 */
function dealObjectives(scenario: Scenario, s: GameState): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of scenario.delegations) {
    const pool = d.secretObjectives.map((o) => o.id);
    const n = Math.min(pool.length, nextInt(s, 2, 3));
    const dealt: string[] = [];
    while (dealt.length < n) {
      const left = pool.filter((id) => !dealt.includes(id));
      dealt.push(pick(s, left));
    }
    // In pool order, so a briefing lists them as the scenario does.
    out[d.id] = pool.filter((id) => dealt.includes(id));
  }
  return out;
}
