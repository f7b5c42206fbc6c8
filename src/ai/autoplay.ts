// Plays AI delegations through any table that takes intents (the machine's session, the engine
// driven directly) by the one scheduler: the command line, the benchmarks and the tests.
import { catalog, type Scenario } from '../engine/core';
import { DEFAULT_PERSONA, type Persona } from './persona';
import { decideStage } from './policy';
import { playSeats, playSteps, type Decider, type Table } from './scheduler';
import type { Decision } from './words';

export type { Table } from './scheduler';

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
  return (view, d, stage, stream, seating) => {
    const own = opts.override?.[d];
    if (own) return own(view, d, stage, stream, seating);
    return decideStage(scenario, view, d, opts.personas?.[d] ?? DEFAULT_PERSONA, stage, stream, seating);
  };
}

function seatPlay(scenario: Scenario, table: Table, opts: AutoplayOptions) {
  const seats = catalog(scenario).delegationIds.filter((d) => !opts.humans?.includes(d));
  // Seats played by a scripted decider stand for people: the AI treats them as it would a person.
  const people = [...(opts.humans ?? []), ...Object.keys(opts.override ?? {})];
  return { table, seats, people: () => people, ...(opts.onDecision ? { onDecision: opts.onDecision } : {}) };
}

/** Plays the current step for every AI seat; returns when the step has moved on. */
export function playStep(scenario: Scenario, table: Table, opts: AutoplayOptions = {}) {
  playSeats(seatPlay(scenario, table, opts), deciderFor(scenario, opts));
}

/** Plays a whole AI-only game to its end. */
export function playToEnd(scenario: Scenario, table: Table, opts: AutoplayOptions = {}) {
  playSteps(seatPlay(scenario, table, opts), deciderFor(scenario, opts), (scenario.tunables.roundLimit + 2) * 4);
  if (!table.done) throw new Error('the game did not finish: autoplay is stuck');
}
