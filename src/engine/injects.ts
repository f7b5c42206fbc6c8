// Injects: scheduled events of the scenario and the facilitator's, including domestic shocks.
import { catalog } from './catalog';
import { applyOneShot, draftOf, nameOf, say } from './draft';
import { stopLossFor } from './interlock';
import { dueInjects } from './msel';
import { pick } from './rng';
import { removeStanding } from './standing';
import type { Inject, Scenario } from './scenario/schema';
import type { GameState } from './types';

/**
 * What an inject can write: one-shot effects (tension, fronts, support, escrow; no trust, as an
 * inject has no actor), the record of fired injects, events, and a domestic shock's steps and spans.
 */
export const injectDraft = (s: GameState): GameState =>
  draftOf(s, 'fronts', 'delegations', 'standing', 'spans', 'escrow', 'firedInjects', 'events');

export function fireInject(scenario: Scenario, s: GameState, inj: Inject) {
  s.firedInjects.push(inj.id);
  applyOneShot(s, inj.effects, null, inj.audience === 'all' ? inj.title : { text: inj.title, audience: inj.audience });
  say(s, 'inject', `${inj.title}: ${inj.text}`, inj.audience);
  if (inj.shock !== undefined) domesticShock(scenario, s, inj.shock, inj.title);
}

export function fireScheduledInjects(scenario: Scenario, s: GameState) {
  // §10: an inject the facilitator pulled forward has had its effect; it does not fire twice. The
  // events list as the White Cell planned it decides the rest (held, cancelled, moved, added).
  for (const inj of dueInjects(scenario, s)) fireInject(scenario, s, inj);
}

/**
 * §5.6: a domestic-politics shock unwinds one secured step of the delegation, unless a
 * stop-loss provision is in force.
 */
export function domesticShock(scenario: Scenario, s: GameState, delegation: string, cause: string) {
  const cat = catalog(scenario);
  const exposed = s.standing.filter(
    (st) =>
      st.delegation === delegation && cat.spanOfMove.has(st.move) && s.spans[cat.spanOfMove.get(st.move)?.id ?? '']?.status === 'secured',
  );
  if (exposed.length === 0) return;
  if (stopLossFor(scenario, s, delegation)) {
    say(s, 'stop-loss', `Stop-loss holds: ${cause} does not unwind ${nameOf(scenario, delegation)}'s commitments.`);
    return;
  }
  const st = pick(s, exposed);
  const span = cat.spanOfMove.get(st.move);
  // The span collapses: the other sides' steps were conditional on this one.
  for (const m of span ? (cat.spanSteps.get(span.id) ?? []) : [st.move]) removeStanding(s, m);
  const rec = span ? s.spans[span.id] : undefined;
  if (rec) {
    rec.status = 'negated';
    rec.negatedCount += 1;
    rec.lost = { round: s.round, by: 'shock', delegation, move: st.move, cause };
  }
  say(
    s,
    'shock',
    `${cause}: ${nameOf(scenario, delegation)} pulls back from "${cat.move.get(st.move)?.name}"; span "${span?.name}" is no longer secured.`,
  );
}
