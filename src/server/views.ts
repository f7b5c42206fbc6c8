// What the server sends each kind of client: the engine's views (filtered at the source), with
// the seed and the generator hidden from everyone, and a scenario without others' secrets.
import { publicView, viewFor, type GameState, type GameView, type Scenario } from '../engine';
import type { Role } from '../net/protocol';

export type Audience = { kind: 'delegation'; id: string } | { kind: 'public' } | { kind: 'facilitator' };

export function audienceOf(role: Role): Audience {
  if (role.kind === 'seat') return { kind: 'delegation', id: role.delegation };
  if (role.kind === 'facilitator') return { kind: 'facilitator' };
  return { kind: 'public' };
}

export const audienceKey = (a: Audience) => (a.kind === 'delegation' ? `seat:${a.id}` : a.kind);

/**
 * The view a client receives. With the seed and the log, anyone could replay the generator and
 * read every hidden sponsor, so the seed never leaves the server while the game runs (the
 * facilitator's log download carries it). Once the game is over, the debrief shows every secret.
 */
export function clientView(s: GameState, audience: Audience): GameView {
  // The state is never mutated (copy on write), so the full view shares its parts instead of
  // deep-copying them like facilitatorView does; unchanged parts then never travel again.
  if (s.outcome !== null || audience.kind === 'facilitator') return { ...s, seed: 0, rng: 0, viewer: audience };
  const v = audience.kind === 'delegation' ? viewFor(s, audience.id) : publicView(s);
  return { ...v, seed: 0, rng: 0 };
}

/**
 * The scenario as one audience may read it: others' secret objectives are removed until they
 * are revealed (or the game ends), and the list of scheduled injects is the facilitator's alone.
 */
export function clientScenario(sc: Scenario, s: GameState, audience: Audience): Scenario {
  if (audience.kind === 'facilitator') return sc;
  const revealedTo = s.outcome !== null || s.revealed.objectives.some((to) => to === 'all' || (audience.kind === 'delegation' && to === audience.id));
  const own = audience.kind === 'delegation' ? audience.id : null;
  return {
    ...sc,
    delegations: sc.delegations.map((d) => (revealedTo || d.id === own ? d : { ...d, secretObjectives: [] })),
    injects: [],
  };
}

/** Whether a change of state can change the scenario an audience may read. */
export const scenarioKey = (s: GameState) => `${s.outcome ?? ''}|${s.revealed.objectives.join(',')}`;
