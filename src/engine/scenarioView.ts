// What part of the scenario an audience may read (the scenario's own playerView): the facilitator
// reads all of it; a delegation reads the secret objectives dealt to it and doctrine, others' objectives
// once they are revealed to it, and everything once the game is over; nobody else reads the
// scheduled injects. The server sends only this; local play shows only this.
import type { Scenario } from './scenario/schema';
import type { GameState } from './types';
import type { Audience } from './views';

export function scenarioFor(scenario: Scenario, s: GameState, audience: Audience): Scenario {
  if (audience.kind === 'facilitator') return scenario;
  // The exercise's objectives are the evaluator's, like the events list.
  const { exerciseObjectives: _evaluators, ...shared } = scenario;
  const over = s.outcome !== null;
  const own = audience.kind === 'delegation' ? audience.id : null;
  const toMe = (to: string) => to === 'all' || (own !== null && to === own);
  const shown = (d: string) => over || s.revealed.objectives.some((r) => toMe(r.to) && (r.whose === 'all' || r.whose === d));
  return {
    ...shared,
    delegations: scenario.delegations.map((d) => {
      // Only the objectives dealt in this game: the pool would tell a reader what a rival may hold.
      const dealt = s.objectives[d.id] ?? [];
      const held = { ...d, secretObjectives: d.secretObjectives.filter((o) => dealt.includes(o.id)) };
      if (d.id === own || over) return held;
      const { doctrine: _secret, ...open } = held;
      return shown(d.id) ? open : { ...open, secretObjectives: [] };
    }),
    injects: [],
  };
}

/** Changes whenever a change of state can change the scenario an audience may read. */
export const scenarioVersion = (s: GameState) => `${s.outcome ?? ''}|${s.revealed.objectives.map((r) => `${r.to}>${r.whose}`).join(',')}`;
