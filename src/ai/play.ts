// The round cycle driven by the engine's own functions (no machine), for the expert's simulated
// futures and the benchmark's reference table. The AI seats are played by the one scheduler.
import {
  catalog,
  checkIntent,
  closeRound,
  allCommitted,
  allReady,
  applyIntent,
  openCommit,
  resolveRound,
  type GameState,
  type Intent,
  type Scenario,
} from '../engine/core';
import { playSteps, type Decider, type Table } from './scheduler';

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
      if (this.state.step === 'negotiation') this.state = openCommit(this.scenario, this.state);
      else this.resolve();
      return { ok: true };
    }
    this.state = applyIntent(this.scenario, this.state, intent);
    if (this.state.step === 'negotiation' && allReady(this.state)) this.state = openCommit(this.scenario, this.state);
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
  const target = table.resolved + rounds;
  playSteps({ table, seats: catalog(scenario).delegationIds }, decide, rounds * 4 + 4, () => table.resolved < target);
}
