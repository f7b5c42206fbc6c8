// What the server sends each kind of client: the engine's views (filtered at the source), with
// the seed and the generator hidden from everyone. The scenario each may read is the engine's
// scenarioFor.
import { publicView, viewFor, type Audience, type GameState, type GameView, type Scenario } from '../engine';
import type { Role } from '../net/protocol';

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
export function clientView(s: GameState, audience: Audience, scenario?: Pick<Scenario, 'proxyNetworks'>): GameView {
  // The state is never mutated (copy on write), so the full view shares its parts instead of
  // deep-copying them like facilitatorView does; unchanged parts then never travel again.
  if (s.outcome !== null || audience.kind === 'facilitator') return { ...s, seed: 0, rng: 0, viewer: audience };
  const v = audience.kind === 'delegation' ? viewFor(s, audience.id, scenario) : publicView(s);
  return { ...v, seed: 0, rng: 0 };
}
