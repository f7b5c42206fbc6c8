// Questions the interface, the AI and the admission of intents ask of the rules, answered once:
// how far the bridge of a phase stands and why the talks do not advance, what a commit costs,
// and who may retaliate for which incident against whom (docs/rules.md). Pure: state in, answer out.
import { catalog } from './catalog';
import { securedSpansOn } from './interlock';
import type { Phase, PhaseId, Scenario } from './scenario/schema';
import type { Commit, DelegationId, GameState, Incident } from './types';

/** One track of a phase's bridge: the spans that build it and how many of them are secured. */
export interface TrackStatus {
  track: string;
  /** Secured spans the phase requires on this track. */
  needed: number;
  secured: number;
  /** The spans of the interlock table on this track in this phase. */
  spans: string[];
}

export interface BridgeStatus {
  /** The phase whose bridge is being built: the current one, or during the ceasefire the first. */
  phase: Phase;
  tracks: TrackStatus[];
  /**
   * Why the talks do not move on at the end of this round: the ceasefire waits for the framework,
   * a phase for the tracks still short of secured spans. Null when they move on.
   */
  blocked: { kind: 'framework' } | { kind: 'tracks'; tracks: string[] } | null;
}

/**
 * The bridge of a phase as it stands: a phase completes only when every track it names has at
 * least its required number of secured spans; a deal on one track never completes it.
 */
export function bridgeStatus(scenario: Scenario, s: GameState, phase: PhaseId = s.phase): BridgeStatus | null {
  const spec = phase === 'ceasefire' ? scenario.phases[0] : scenario.phases.find((p) => p.id === phase);
  if (!spec) return null;
  const tracks = Object.entries(spec.requires).map(([track, needed]) => ({
    track,
    needed,
    secured: securedSpansOn(scenario, s, spec.id, track),
    spans: scenario.interlocks.filter((x) => x.phase === spec.id && x.track === track).map((x) => x.id),
  }));
  const short = tracks.filter((t) => t.secured < t.needed).map((t) => t.track);
  const blocked =
    phase === 'ceasefire'
      ? s.framework.adopted
        ? null
        : { kind: 'framework' as const }
      : short.length
        ? { kind: 'tracks' as const, tracks: short }
        : null;
  return { phase: spec, tracks, blocked };
}

/** Secured spans still missing on each track of the current phase (none during the ceasefire). */
export function bridgeShortfall(scenario: Scenario, s: GameState): Record<string, number> {
  if (s.phase === 'ceasefire') return {};
  return Object.fromEntries((bridgeStatus(scenario, s)?.tracks ?? []).map((t) => [t.track, Math.max(0, t.needed - t.secured)]));
}

/** Retaliating on one's own costs one action point. */
export const RETALIATION_COST = 1;

/** The action points a commit spends: its moves, and a retaliation. Unknown moves cost nothing (checkIntent refuses them). */
export function commitCost(scenario: Scenario, c: Pick<Commit, 'moves'> & { retaliate?: Commit['retaliate'] | null }): number {
  const cat = catalog(scenario);
  return c.moves.reduce((a, id) => a + (cat.move.get(id)?.cost ?? 0), 0) + (c.retaliate ? RETALIATION_COST : 0);
}

/** A council member takes incidents to the council: it does not retaliate alone. */
export const mayRetaliate = (s: GameState, d: DelegationId): boolean => !(s.council.founded && s.council.members.includes(d));

/**
 * The incidents a delegation may answer with a retaliation now: struck on a front it is exposed
 * on, no more than a round ago, not struck from the record; none for a council member.
 */
export function retaliableIncidents(scenario: Scenario, s: GameState, d: DelegationId): Incident[] {
  if (!mayRetaliate(s, d)) return [];
  const cat = catalog(scenario);
  return s.incidents.filter((i) => i.round >= s.round - 1 && !i.cancelled && (cat.front.get(i.front)?.exposed.includes(d) ?? false));
}

/** Whom a delegation may retaliate against: any other delegation (it may strike the wrong one). */
export const retaliationTargets = (scenario: Scenario, d: DelegationId): DelegationId[] =>
  scenario.delegations.filter((x) => x.id !== d).map((x) => x.id);

/** Why this retaliation is not allowed, or null; `budget` is the action points the commit's moves leave. */
export function retaliationProblem(
  scenario: Scenario,
  s: GameState,
  d: DelegationId,
  r: NonNullable<Commit['retaliate']>,
  budget: number,
): string | null {
  const inc = s.incidents.find((i) => i.id === r.incident);
  if (!inc || inc.cancelled) return 'no such incident';
  if (inc.round < s.round - 1) return 'retaliation must follow the incident within a round';
  if (!catalog(scenario).front.get(inc.front)?.exposed.includes(d)) return 'only a delegation struck on that front can retaliate';
  if (!retaliationTargets(scenario, d).includes(r.against)) return 'no such target';
  if (!mayRetaliate(s, d)) return 'council members take incidents to the council';
  if (RETALIATION_COST > budget) return 'retaliation costs one action point';
  return null;
}
