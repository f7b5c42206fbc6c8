// Plays AI delegations through any table that takes intents: the machine's session, the direct
// engine driver of the benchmark, or a room on the server.
import { catalog, type Scenario } from '../engine/core';
import { DEFAULT_PERSONA, type Persona } from './persona';
import { playSeats, type Decider, type Table } from './play';
import { decideStage } from './policy';
import type { Decision } from './words';

export type { Table } from './play';

export interface AutoplayOptions {
  /** Personality and difficulty per delegation (default: a standard pragmatist). */
  personas?: Record<string, Persona>;
  /** Called with every decision an AI took and whether the table accepted it. */
  onDecision?: (delegation: string, decision: Decision, accepted: boolean) => void;
  /** Delegations played by someone else (autoplay skips them). */
  humans?: readonly string[];
  /** Replaces the AI of some seats (the dominant-strategy search plays fixed strategies). */
  override?: Partial<Record<string, Decider>>;
}

export function deciderFor(scenario: Scenario, opts: AutoplayOptions = {}): Decider {
  return (view, d, stage, stream) => {
    const own = opts.override?.[d];
    if (own) return own(view, d, stage, stream);
    return decideStage(scenario, view, d, opts.personas?.[d] ?? DEFAULT_PERSONA, stage, stream);
  };
}

/** Plays the current step for every AI seat; returns when the step has moved on. */
export function playStep(scenario: Scenario, table: Table, opts: AutoplayOptions = {}) {
  const seats = catalog(scenario).delegationIds.filter((d) => !opts.humans?.includes(d));
  playSeats(table, seats, deciderFor(scenario, opts), opts.onDecision);
}

/** Plays a whole AI-only game to its end. */
export function playToEnd(scenario: Scenario, table: Table, opts: AutoplayOptions = {}) {
  const limit = (scenario.tunables.roundLimit + 2) * 4;
  const decide = deciderFor(scenario, opts);
  const seats = catalog(scenario).delegationIds.filter((d) => !opts.humans?.includes(d));
  for (let i = 0; i < limit && !table.done; i++) {
    const before = `${table.state.round}:${table.state.step}`;
    playSeats(table, seats, decide, opts.onDecision);
    if (!table.done && `${table.state.round}:${table.state.step}` === before) {
      table.send({ type: 'step.close', actor: 'system' });
    }
  }
  if (!table.done) throw new Error('the game did not finish: autoplay is stuck');
}
