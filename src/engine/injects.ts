// Injects: scheduled events of the scenario and the facilitator's, including domestic shocks.
import { catalog } from './catalog';
import { applyOneShot, draftOf, nameOf, say } from './draft';
import { stopLossFor } from './interlock';
import { dueInjects } from './msel';
import { dice, pick } from './rng';
import { removeStanding } from './standing';
import type { Effects, Inject, Scenario } from './scenario/schema';
import type { GameState } from './types';

/**
 * What an inject can write: one-shot effects (tension, fronts, support, escrow; no trust, as an
 * inject has no actor), the record of fired injects, events, and a domestic shock's steps and spans.
 */
export const injectDraft = (s: GameState): GameState =>
  draftOf(s, 'fronts', 'delegations', 'standing', 'spans', 'escrow', 'firedInjects', 'events');

export function fireInject(scenario: Scenario, s: GameState, inj: Inject) {
  s.firedInjects.push(inj.id);
  injectEffects(scenario, s, inj.effects, inj.title, inj.audience);
  say(s, 'inject', `${inj.title}: ${inj.text}`, inj.audience);
  if (inj.shock !== undefined) domesticShock(scenario, s, inj.shock, inj.title);
}

/**
 * An inject's effects. Tension, the fronts, support and the fund are public figures: a private
 * inject that moves them says so to everyone (by how much, not what happened), so no screen shows
 * a change nobody can explain; its recipients read what the event was.
 */
export function injectEffects(scenario: Scenario, s: GameState, e: Effects, title: string, audience: 'all' | string[]) {
  if (audience === 'all') {
    applyOneShot(s, e, null, title);
    return;
  }
  const before = { tension: s.tension, fronts: Object.fromEntries(Object.entries(s.fronts).map(([k, f]) => [k, f.tension])) };
  const support = Object.fromEntries(Object.keys(e.support ?? {}).map((d) => [d, s.delegations[d]?.support ?? 0]));
  const escrow = s.escrow.balance;
  applyOneShot(s, e, null, HIDDEN_EVENT);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const parts: string[] = [];
  if (s.tension !== before.tension) parts.push(`tension ${signed(s.tension - before.tension)}`);
  for (const [k, f] of Object.entries(s.fronts)) {
    const d = f.tension - (before.fronts[k] ?? f.tension);
    if (d) parts.push(`${scenario.fronts.find((x) => x.id === k)?.name ?? k} front ${signed(d)}`);
  }
  for (const [d, was] of Object.entries(support)) {
    const now = s.delegations[d]?.support ?? was;
    if (now !== was) parts.push(`${nameOf(scenario, d)} support ${signed(now - was)}`);
  }
  if (s.escrow.balance !== escrow) parts.push(`escrow fund ${signed(s.escrow.balance - escrow)}`);
  if (parts.length) say(s, 'inject.hidden', `${HIDDEN_EVENT} moved public figures: ${parts.join('; ')}.`);
}

/** How everyone reads the cause of a private inject's effect on a public figure. */
export const HIDDEN_EVENT = 'An event not made public';

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
  const st = pick(dice(s, 'shock', delegation, cause), exposed);
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
