// What each seat may see (boardgame.io's playerView): one function per audience, filtered at
// the source. The AI decides from these; the server sends only these.
import { cloneState } from './draft';
import type { DelegationId, GameEvent, GameState, Incident, StandingStep } from './types';

export type Audience = { kind: 'delegation'; id: DelegationId } | { kind: 'public' } | { kind: 'facilitator' };

/** A view has the shape of the state, with secrets removed or masked. */
export type GameView = GameState & { viewer: Audience };

const HIDDEN_RNG = 0;

function maskStanding(st: StandingStep, own: boolean): StandingStep {
  if (own) return { ...st };
  return { ...st, defected: false, defectedRound: null };
}

function maskIncident(inc: Incident, revealedTo: boolean): Incident {
  if (inc.revealed || revealedTo) return { ...inc };
  // The true sponsor is secret; the council's finding (attribution) is public.
  return { ...inc, sponsor: 'hidden', attribution: inc.attribution ? { ...inc.attribution } : null };
}

function canSee(e: GameEvent, viewer: DelegationId | null): boolean {
  if (e.audience === 'all') return true;
  if (e.audience === 'secret') return false;
  return viewer !== null && e.audience.includes(viewer);
}

function filtered(s: GameState, viewer: DelegationId | null): GameState {
  const toViewer = (to: string) => to === 'all' || to === viewer;
  const revealedIncidents = new Set(s.revealed.incidents.filter((r) => toViewer(r.to)).map((r) => r.id));
  const defectionsShown = s.revealed.defections.some(toViewer);
  // Start from a private copy, so nothing in a view aliases the live state; then mask.
  const v = cloneState(s);
  v.rng = HIDDEN_RNG;
  v.funding = {};
  for (const [id, d] of Object.entries(v.delegations)) if (id !== viewer) d.commit = null;
  for (const [k, st] of Object.entries(v.standing)) v.standing[k] = maskStanding(st, defectionsShown || st.delegation === viewer);
  v.incidents = v.incidents.map((i) => maskIncident(i, revealedIncidents.has(i.id)));
  v.events = v.events.filter((e) => canSee(e, viewer));
  return v;
}

export function viewFor(s: GameState, delegation: DelegationId): GameView {
  return { ...filtered(s, delegation), viewer: { kind: 'delegation', id: delegation } };
}

export function publicView(s: GameState): GameView {
  return { ...filtered(s, null), viewer: { kind: 'public' } };
}

export function facilitatorView(s: GameState): GameView {
  return { ...cloneState(s), viewer: { kind: 'facilitator' } };
}
