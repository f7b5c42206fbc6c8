// The events list (MSEL) as the White Cell runs it (docs/rules.md §10): the scenario's injects and
// the events added during the exercise, each with its round (or on demand), held, rescheduled or
// cancelled by the facilitator. The plan is state, so the briefing fires what it says and a replay
// fires the same; only the facilitator's view carries it.
import { catalog } from './catalog';
import { effectsProblem } from './scenario/limits';
import type { Effects, Inject, Scenario } from './scenario/schema';
import type { GameState, MselChange, MselPlan } from './types';

export type MselStatus = 'pending' | 'held' | 'cancelled' | 'fired' | 'missed';

export interface MselRow {
  /** The event with its round as now planned (absent: on demand). */
  inject: Inject;
  status: MselStatus;
  /** Added by the White Cell during the exercise (not in the scenario file). */
  added: boolean;
}

const EMPTY: MselPlan = { held: [], cancelled: [], rounds: {}, added: [] };
export const planOf = (s: GameState): MselPlan => s.msel ?? EMPTY;

/** An event of the list by id, with its round as now planned. */
export function mselInject(scenario: Scenario, s: GameState, id: string): Inject | undefined {
  const plan = planOf(s);
  const base = scenario.injects.find((i) => i.id === id) ?? plan.added.find((i) => i.id === id);
  if (!base) return undefined;
  if (!(id in plan.rounds)) return base;
  const round = plan.rounds[id];
  const { round: _was, ...rest } = base;
  return round === null || round === undefined ? rest : { ...rest, round };
}

function statusOf(s: GameState, inj: Inject): MselStatus {
  const plan = planOf(s);
  if (s.firedInjects.includes(inj.id)) return 'fired';
  if (plan.cancelled.includes(inj.id)) return 'cancelled';
  if (plan.held.includes(inj.id)) return 'held';
  return inj.round !== undefined && inj.round < s.round ? 'missed' : 'pending';
}

/** The whole list as planned now: the scenario's events, then those added, each with its status. */
export function mselRows(scenario: Scenario, s: GameState): MselRow[] {
  const plan = planOf(s);
  return [...scenario.injects.map((i) => i.id), ...plan.added.map((i) => i.id)].flatMap((id) => {
    const inj = mselInject(scenario, s, id);
    return inj ? [{ inject: inj, status: statusOf(s, inj), added: !scenario.injects.some((x) => x.id === id) }] : [];
  });
}

/** The events the briefing of this round fires: planned for it, not fired, held or cancelled. */
export const dueInjects = (scenario: Scenario, s: GameState): Inject[] =>
  mselRows(scenario, s)
    .filter((r) => r.status === 'pending' && r.inject.round === s.round)
    .map((r) => r.inject);

const ID = /^[a-z][a-z0-9-]{0,47}$/;

/** Why one change of the list cannot be made now (against the plan as the earlier changes left it), or null. */
function changeProblem(scenario: Scenario, s: GameState, c: MselChange): string | null {
  const limit = scenario.tunables.roundLimit;
  const laterRound = (r: number | null | undefined) =>
    r === null || r === undefined || (Number.isInteger(r) && r > s.round && r <= limit)
      ? null
      : `round ${r} is not a later round of this game (${s.round + 1}–${limit})`;
  if (c.kind === 'add') {
    const e = c.event;
    if (!ID.test(e.id)) return `"${e.id}" is not an id (lower-case letters, digits and dashes)`;
    if (mselInject(scenario, s, e.id)) return `the events list already has "${e.id}"`;
    if (e.title.trim() === '' || e.text.trim() === '') return `event "${e.id}" needs a title and a text`;
    if (e.audience !== 'all' && (e.audience.length === 0 || e.audience.some((d) => !catalog(scenario).delegation.has(d))))
      return `event "${e.id}" names an unknown delegation`;
    const bad = effectsProblem(e.effects);
    if (bad) return `event "${e.id}": its effects are out of bounds (${bad})`;
    const fx = e.effects as Effects;
    const fronts = Object.keys(fx.fronts ?? {}).find((f) => !catalog(scenario).front.has(f));
    if (fronts) return `event "${e.id}" names an unknown front "${fronts}"`;
    const support = Object.keys(fx.support ?? {}).find((d) => !catalog(scenario).delegation.has(d));
    if (support) return `event "${e.id}" names an unknown delegation "${support}"`;
    return laterRound(e.round);
  }
  const inj = mselInject(scenario, s, c.inject);
  if (!inj) return `no event "${c.inject}" in the events list`;
  const status = statusOf(s, inj);
  if (status === 'fired') return `"${inj.title}" has already fired`;
  if (status === 'cancelled') return `"${inj.title}" is cancelled`;
  switch (c.kind) {
    case 'hold':
      if (status === 'held') return `"${inj.title}" is already held`;
      return inj.round === undefined ? `"${inj.title}" is on demand: nothing to hold` : null;
    case 'release':
      return status === 'held' ? null : `"${inj.title}" is not held`;
    case 'cancel':
      return null;
    case 'reschedule':
      return laterRound(c.round);
  }
}

/** Why the changes cannot all be made (they are judged in order, as they would apply), or null. */
export function checkMsel(scenario: Scenario, s: GameState, changes: readonly MselChange[]): string | null {
  let at = s;
  for (const [i, c] of changes.entries()) {
    const problem = changeProblem(scenario, at, c);
    if (problem) return changes.length > 1 ? `change ${i + 1}: ${problem}` : problem;
    at = { ...at, msel: applyChange(scenario, s, planOf(at), c) };
  }
  return null;
}

function applyChange(scenario: Scenario, s: GameState, plan: MselPlan, c: MselChange): MselPlan {
  switch (c.kind) {
    case 'add': {
      const { round, ...rest } = c.event;
      return { ...plan, added: [...plan.added, round === null || round === undefined ? rest : { ...rest, round }] };
    }
    case 'hold':
      return { ...plan, held: [...plan.held, c.inject] };
    case 'release': {
      // Released after its round's briefing, it fires at the next one.
      const held = { ...plan, held: plan.held.filter((x) => x !== c.inject) };
      const round = mselInject(scenario, { ...s, msel: held }, c.inject)?.round;
      return round !== undefined && round <= s.round ? { ...held, rounds: { ...held.rounds, [c.inject]: s.round + 1 } } : held;
    }
    case 'cancel':
      return { ...plan, cancelled: [...plan.cancelled, c.inject], held: plan.held.filter((x) => x !== c.inject) };
    case 'reschedule':
      return { ...plan, rounds: { ...plan.rounds, [c.inject]: c.round } };
  }
}

/** The plan after the changes (checked with checkMsel). */
export function planAfter(scenario: Scenario, s: GameState, changes: readonly MselChange[]): MselPlan {
  let plan = planOf(s);
  for (const c of changes) plan = applyChange(scenario, s, plan, c);
  return plan;
}

/** The White Cell's line for a change (its eyes only: the plan is secret). */
export function describeChange(scenario: Scenario, s: GameState, c: MselChange): string {
  if (c.kind === 'add') return `added "${c.event.title}" (${c.event.round === undefined ? 'on demand' : `round ${c.event.round}`})`;
  const title = mselInject(scenario, s, c.inject)?.title ?? c.inject;
  if (c.kind === 'reschedule') return `moved "${title}" to ${c.round === null ? 'on demand' : `round ${c.round}`}`;
  return `${c.kind === 'hold' ? 'held' : c.kind === 'release' ? 'released' : 'cancelled'} "${title}"`;
}
