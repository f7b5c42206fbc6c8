// Secret objectives and scores (docs/rules.md §7).
import { catalog } from './catalog';
import { spanSecured } from './interlock';
import { effectiveFunding } from './resolution';
import { lastImplemented } from './standing';
import type { Condition, Objective, Outcome, Scenario } from './scenario/schema';
import type { DelegationId, GameState } from './types';

export const OUTCOME_POINTS: Record<Outcome, number> = { consolidation: 40, drift: 15, unraveling: 0 };

export function conditionMet(scenario: Scenario, s: GameState, d: DelegationId, c: Condition): boolean {
  switch (c.type) {
    case 'outcome':
      return s.outcome !== null && c.in.includes(s.outcome);
    case 'trackSecured':
      return scenario.interlocks.filter((x) => x.track === c.track && spanSecured(scenario, s, x.id)).length >= c.atLeast;
    case 'spanSecured':
      return spanSecured(scenario, s, c.span);
    case 'supportAtLeast':
      return (s.delegations[d]?.support ?? 0) >= c.value;
    case 'tensionAtMost':
      return s.tension <= c.value;
    case 'frontTensionAtMost':
      return (s.fronts[c.front]?.tension ?? 100) <= c.value;
    case 'escrowPaidAtLeast':
      return s.escrow.paid >= c.value;
    case 'councilFounded':
      return s.council.founded;
    case 'notPenalized':
      return (s.delegations[d]?.penalties ?? 0) === 0;
    case 'moveImplemented':
      return lastImplemented(s, c.move) !== undefined;
    case 'moveNeverImplemented':
      return lastImplemented(s, c.move) === undefined;
    case 'fundingAtLeast':
      return effectiveFunding(scenario, s, c.network) >= c.value;
  }
}

export interface ObjectiveResult {
  id: string;
  text: string;
  points: number;
  met: boolean;
}

/** The objectives dealt to `d` in this game (none where the state, a view, does not show them). */
export function dealtObjectives(scenario: Scenario, s: GameState, d: DelegationId): Objective[] {
  const dealt = s.objectives[d] ?? [];
  return (catalog(scenario).delegation.get(d)?.secretObjectives ?? []).filter((o) => dealt.includes(o.id));
}

export function objectivesOf(scenario: Scenario, s: GameState, d: DelegationId): ObjectiveResult[] {
  return dealtObjectives(scenario, s, d).map((o) => ({
    id: o.id,
    text: o.text,
    points: o.points,
    met: conditionMet(scenario, s, d, o.condition),
  }));
}

/** A score's parts (docs/rules.md §7), so a player can see how the total is made. */
export interface ScoreBreakdown {
  outcome: Outcome | null;
  /** The shared outcome's points. */
  shared: number;
  objectives: ObjectiveResult[];
  /** Points of the objectives met. */
  secret: number;
  /** Domestic support, with the secret gain of undiscovered quiet defections (at most 100). */
  support: number;
  /** A tenth of that support, rounded down. */
  supportPoints: number;
  total: number;
}

export function scoreBreakdown(scenario: Scenario, s: GameState, d: DelegationId): ScoreBreakdown {
  const shared = s.outcome ? OUTCOME_POINTS[s.outcome] : 0;
  const objectives = objectivesOf(scenario, s, d);
  const secret = objectives.reduce((a, o) => a + (o.met ? o.points : 0), 0);
  // The secret gain of undiscovered quiet defections counts here only (rules §7, §8.2).
  let gained = 0;
  for (const q of s.quietDefections) if (q.delegation === d) gained += q.support ?? 0;
  const support = Math.min(100, (s.delegations[d]?.support ?? 0) + gained);
  const supportPoints = Math.floor(support / 10);
  return { outcome: s.outcome, shared, objectives, secret, support, supportPoints, total: shared + secret + supportPoints };
}

/** Shared outcome points, plus secret objectives met, plus a tenth of domestic support. */
export function score(scenario: Scenario, s: GameState, d: DelegationId): number {
  return scoreBreakdown(scenario, s, d).total;
}

export function scores(scenario: Scenario, s: GameState): Record<DelegationId, number> {
  return Object.fromEntries(catalog(scenario).delegationIds.map((d) => [d, score(scenario, s, d)]));
}
