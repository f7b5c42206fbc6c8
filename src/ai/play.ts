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
  actsAfter,
  undoInLog,
  undoProblem,
  type GameState,
  type Intent,
  type Scenario,
  type UndoableAct,
  type UndoLogEntry,
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
  /** Intents accepted so far (the log's sequence numbers), this round's, and the White Cell's acts still undoable. */
  private accepted = 0;
  private roundLog: UndoLogEntry[] = [];
  private acts: UndoableAct[] = [];

  constructor(
    private readonly scenario: Scenario,
    public state: GameState,
  ) {}

  get done(): boolean {
    return this.state.step === 'ended';
  }

  send(intent: Intent): { ok: true } | { ok: false; reason: string } {
    if (intent.type === 'facilitator.undo') {
      const problem = undoProblem(this.scenario, this.state, this.roundLog, this.acts, intent);
      const r = problem === null ? undoInLog(this.scenario, this.roundLog, this.acts, intent) : null;
      if (!r) return { ok: false, reason: problem ?? 'nothing to undo' };
      this.logged(intent);
      this.state = r.game;
      this.acts = r.acts;
      return { ok: true };
    }
    const reason = checkIntent(this.scenario, this.state, intent);
    if (reason !== null) return { ok: false, reason };
    this.acts = actsAfter(this.acts, this.accepted + 1, intent, this.state);
    this.logged(intent);
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

  private logged(intent: Intent) {
    this.accepted += 1;
    this.roundLog.push({ seq: this.accepted, round: this.state.round, intent });
  }

  private resolve() {
    this.roundLog = [];
    this.acts = [];
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
