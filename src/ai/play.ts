// Plays the AI seats through any table that takes intents: the machine's session, the direct
// engine driver of the benchmark, the expert's simulated futures. One negotiation is: proposals,
// answers until nothing is left open (counters and re-proposals need answers too), then council
// business and readiness; then the sealed commits.
import { catalog, checkIntent, closeRound, decisionView, seatStream, allCommitted, allReady, applyIntent, openCommit, resolveRound, type GameState, type GameView, type Intent, type Scenario } from '../engine/core';
import type { Decision } from './words';

export interface Table {
  readonly state: GameState;
  readonly done: boolean;
  send(intent: Intent): { ok: true } | { ok: false; reason: string };
}

export type Stage = 'propose' | 'answer' | 'close' | 'commit';

/** Decides one stage for one seat from its own view and its seat's random stream (engine: seatStream). */
export type Decider = (view: GameView, delegation: string, stage: Stage, stream: number) => Decision[];

/** Answer passes after the proposals: enough for a counter and an answer to it. */
export const ANSWER_PASSES = 4;

export function hasOffersToAnswer(s: GameState, d: string): boolean {
  return s.packages.some((p) => p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d));
}

/** Plays the current step for the given seats; returns when the step has moved on or all have acted. */
export function playSeats(
  table: Table,
  seats: readonly string[],
  decide: Decider,
  onDecision?: (delegation: string, decision: Decision, accepted: boolean) => void,
) {
  const take = (d: string, decision: Decision) => {
    const r = table.send(decision.intent);
    onDecision?.(d, decision, r.ok);
  };
  const round = table.state.round;
  const still = (step: string) => table.state.step === step && table.state.round === round && !table.done;
  if (table.state.step === 'negotiation') {
    for (const d of seats) {
      if (!still('negotiation')) return;
      for (const decision of decide(decisionView(table.state, d), d, 'propose', seatStream(table.state, d))) take(d, decision);
    }
    for (let pass = 0; pass < ANSWER_PASSES; pass++) {
      let any = false;
      for (const d of seats) {
        if (!still('negotiation')) return;
        if (!hasOffersToAnswer(table.state, d) && !hasRefusedStructure(table.state, d)) continue;
        any = true;
        for (const decision of decide(decisionView(table.state, d), d, 'answer', seatStream(table.state, d))) take(d, decision);
      }
      if (!any) break;
    }
    for (const d of seats) {
      if (!still('negotiation') || table.state.delegations[d]?.ready) continue;
      const member = table.state.council.founded && table.state.council.members.includes(d);
      const decisions = member ? decide(decisionView(table.state, d), d, 'close', seatStream(table.state, d)) : [];
      for (const decision of decisions) take(d, decision);
      if (still('negotiation') && !table.state.delegations[d]?.ready) take(d, readyDecision(d));
    }
  } else if (table.state.step === 'commit') {
    for (const d of seats) {
      if (!still('commit') || table.state.delegations[d]?.committed) continue;
      for (const decision of decide(decisionView(table.state, d), d, 'commit', seatStream(table.state, d))) take(d, decision);
    }
  }
}

const READY = 'Ready to commit: we have answered every offer made to us this round.';
export const readyDecision = (d: string): Decision => ({ intent: { type: 'negotiation.ready', actor: d, reason: READY }, reason: READY });

/** A proposal of this seat was refused this round (it may propose it again without the refusers). */
function hasRefusedStructure(s: GameState, d: string): boolean {
  return s.packages.some((p) => p.proposer === d && p.round === s.round && p.status === 'rejected' && p.replies.length > 0) && s.phase === 'ceasefire';
}

/**
 * The round cycle driven by the engine's functions directly (no machine), with the engine's round
 * flow (closeRound) after each resolution: the expert's simulated futures, and the benchmark's
 * reference (src/cli/directTable.ts).
 */
export class SimTable implements Table {
  /** Rounds resolved: the unit of the expert's search budget. */
  resolved = 0;
  /** The last resolved round's state, before the flow's next step (the debrief's round frames). */
  lastResolved: GameState | null = null;

  constructor(
    private readonly scenario: Scenario,
    public state: GameState,
  ) {}

  get done(): boolean {
    return this.state.step === 'ended';
  }

  send(intent: Intent): { ok: true } | { ok: false; reason: string } {
    const reason = checkIntent(this.scenario, this.state, intent);
    if (reason !== null) return { ok: false, reason };
    if (intent.type === 'step.close') {
      if (this.state.step === 'negotiation') this.state = openCommit(this.state);
      else this.resolve();
      return { ok: true };
    }
    this.state = applyIntent(this.scenario, this.state, intent);
    if (this.state.step === 'negotiation' && allReady(this.state)) this.state = openCommit(this.state);
    else if (this.state.step === 'commit' && allCommitted(this.state)) this.resolve();
    return { ok: true };
  }

  private resolve() {
    this.resolved += 1;
    this.lastResolved = resolveRound(this.scenario, this.state);
    this.state = closeRound(this.scenario, this.lastResolved);
  }
}

/** Plays whole rounds with every seat decided by `decide`, until `rounds` more are resolved or the game ends. */
export function playRounds(scenario: Scenario, table: SimTable, decide: Decider, rounds: number) {
  const seats = catalog(scenario).delegationIds;
  const target = table.resolved + rounds;
  for (let guard = 0; guard < rounds * 4 + 4 && !table.done && table.resolved < target; guard++) {
    const before = `${table.state.round}:${table.state.step}`;
    playSeats(table, seats, decide);
    if (!table.done && `${table.state.round}:${table.state.step}` === before) table.send({ type: 'step.close', actor: 'system' });
  }
}
