// Plays AI delegations through any table that takes intents: the machine's session, the direct
// engine driver of the benchmark, or (later) a room on the server.
import { catalog, decisionView, type GameState, type Intent, type Scenario } from '../engine/core';
import { commit, negotiate, DEFAULT_TEMPERAMENT, type Decision, type Temperament } from './baseline';

export interface Table {
  readonly state: GameState;
  readonly done: boolean;
  send(intent: Intent): { ok: true } | { ok: false; reason: string };
}

export interface AutoplayOptions {
  temperaments?: Record<string, Temperament>;
  /** Called with every decision an AI took and whether the table accepted it. */
  onDecision?: (delegation: string, decision: Decision, accepted: boolean) => void;
  /** Delegations played by someone else (autoplay skips them). */
  humans?: readonly string[];
}

/** Proposals, then answers, then council business and readiness. */
const NEGOTIATION_PASSES = 3;

/** Plays the current step for every AI seat; returns when the step has moved on. */
export function playStep(scenario: Scenario, table: Table, opts: AutoplayOptions = {}) {
  const ids = catalog(scenario).delegationIds.filter((d) => !opts.humans?.includes(d));
  const temper = (d: string) => opts.temperaments?.[d] ?? DEFAULT_TEMPERAMENT;
  const take = (d: string, decision: Decision) => {
    const r = table.send(decision.intent);
    opts.onDecision?.(d, decision, r.ok);
  };
  const step = table.state.step;
  const round = table.state.round;
  if (step === 'negotiation') {
    for (let pass = 0; pass < NEGOTIATION_PASSES; pass++) {
      for (const d of ids) {
        if (table.state.step !== 'negotiation' || table.state.round !== round) return;
        if (!hasBusiness(table.state, d, pass)) continue;
        if (pass === 2 && !(table.state.council.founded && table.state.council.members.includes(d))) {
          // Outside the council the last pass has nothing to weigh: the seat declares itself ready.
          take(d, { intent: { type: 'negotiation.ready', actor: d }, reason: 'Ready to commit.' });
          continue;
        }
        for (const decision of negotiate(scenario, decisionView(table.state, d), d, temper(d), pass)) take(d, decision);
      }
    }
  } else if (step === 'commit') {
    for (const d of ids) {
      if (table.state.step !== 'commit' || table.state.delegations[d]?.committed) continue;
      take(d, commit(scenario, decisionView(table.state, d), d, temper(d)));
    }
  }
}

/** Whether a seat has anything to decide in this pass (answers wait for open packages). */
function hasBusiness(s: GameState, d: string, pass: number): boolean {
  if (pass !== 1) return true;
  return s.packages.some((p) => p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d));
}

/** Plays a whole AI-only game to its end. */
export function playToEnd(scenario: Scenario, table: Table, opts: AutoplayOptions = {}) {
  const limit = (scenario.tunables.roundLimit + 2) * 4;
  for (let i = 0; i < limit && !table.done; i++) {
    const before = `${table.state.round}:${table.state.step}`;
    playStep(scenario, table, opts);
    if (!table.done && `${table.state.round}:${table.state.step}` === before) {
      table.send({ type: 'step.close', actor: 'system' });
    }
  }
  if (!table.done) throw new Error('the game did not finish: autoplay is stuck');
}
